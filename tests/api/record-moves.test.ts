/**
 * Moving a record in the table's manual order (`POST …/records/:id/move`): the default list
 * order follows, the move is in the record's history and the outbox, values and modified time
 * stay, unknown anchors are named in a 404, and a viewer may not move.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import { startTestApp, type SignedIn, type TestApp } from '../support/app';
import { createRecords, createTable, historyOf, listAll, recordSnapshot, tableUrl, type ApiTable } from './data-helpers';

describeEachDialect('record moves', (dialect) => {
  let t: TestApp;
  let owner: SignedIn;
  let viewer: SignedIn;
  let baseId: string;
  let table: ApiTable;
  let ids: Record<'a' | 'b' | 'c' | 'd', string>;
  const events: Array<{ type: string; payload: Record<string, unknown> }> = [];
  const move = (as: SignedIn, recordId: string, body: unknown) => as.request('POST', tableUrl(baseId, table.id, `/records/${recordId}/move`), body);
  const order = async () => {
    const names = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
    return (await listAll(owner, baseId, table.id)).map((record) => names.get(record.id)).join('');
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.app.platform.bus.subscribe((event) => void events.push({ type: event.type, payload: event.payload }));
    owner = await t.signUpOwner({ name: 'Dr Owner', email: `owner-${dialect}@clinic.test` });
    viewer = await t.signUpUser(owner, { name: 'Viewer', email: `viewer-${dialect}@clinic.test` });
    baseId = (await t.createBase(owner, 'Clinic')).id;
    await t.addMember(owner, baseId, viewer.user.id, 'viewer');
    table = await createTable(owner, baseId, 'Tasks', [{ name: 'Name', type: 'singleLineText' }]);
    const [a, b, c, d] = await createRecords(owner, baseId, table.id, [{ Name: 'a' }, { Name: 'b' }, { Name: 'c' }, { Name: 'd' }]);
    ids = { a: a!.id, b: b!.id, c: c!.id, d: d!.id };
  });
  afterAll(async () => t.cleanup());

  it('moves a record before, after, between and to the end, and lists follow', async () => {
    expect(await order()).toBe('abcd');
    expect((await move(owner, ids.d, { before: ids.a })).json()).toEqual({ id: ids.d, moved: true });
    expect(await order()).toBe('dabc');
    expect((await move(owner, ids.d, { after: ids.b })).statusCode).toBe(200);
    expect(await order()).toBe('abdc');
    expect((await move(owner, ids.c, { after: ids.a, before: ids.b })).statusCode).toBe(200);
    expect(await order()).toBe('acbd');
    expect((await move(owner, ids.a, {})).statusCode).toBe(200);
    expect(await order()).toBe('cbda');
  });

  it('keeps values and modified time, and writes the move to history and the outbox', async () => {
    const before = await recordSnapshot(owner, baseId, table.id, ids.b);
    events.length = 0;
    expect((await move(owner, ids.b, { before: ids.c })).statusCode).toBe(200);
    expect(await recordSnapshot(owner, baseId, table.id, ids.b)).toBe(before);
    const moves = (await historyOf(owner, baseId, table.id, ids.b)).filter((entry) => entry.action === 'move');
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({ field: null, source: 'web', actor: { id: owner.user.id } });
    expect((moves[0]!.newValue as { rowOrder: string }).rowOrder < (moves[0]!.oldValue as { rowOrder: string }).rowOrder).toBe(true);
    await t.app.platform.bus.drain();
    expect(events.filter((event) => event.type === 'records.moved').map((event) => event.payload.recordIds)).toEqual([[ids.b]]);
  });

  it('names an unknown anchor or record in a 404 and writes nothing', async () => {
    const was = await order();
    const missing = 'rec_0000000000000000';
    const unknownAnchor = await move(owner, ids.a, { before: missing });
    expect(unknownAnchor.statusCode).toBe(404);
    expect(unknownAnchor.json()).toMatchObject({ error: { code: 'NOT_FOUND', details: { record: missing } } });
    expect(unknownAnchor.json().error.message).toContain(missing);
    const unknownRecord = await move(owner, missing, { before: ids.a });
    expect(unknownRecord.statusCode).toBe(404);
    expect(unknownRecord.json().error.message).toContain(missing);
    expect(await order()).toBe(was);
  });

  it('refuses a record placed next to itself, anchors out of order and unknown keys with a 400', async () => {
    const was = await order();
    const itself = await move(owner, ids.a, { before: ids.a });
    expect(itself.statusCode).toBe(400);
    expect(itself.json().error.details).toEqual({ record: ids.a });
    const [first, second] = (await listAll(owner, baseId, table.id)).map((record) => record.id).filter((id) => id !== ids.d);
    const reversed = await move(owner, ids.d, { after: second, before: first });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details).toEqual({ after: second, before: first });
    const extra = await move(owner, ids.a, { beside: ids.b });
    expect(extra.statusCode).toBe(400);
    expect(extra.body).toContain('beside');
    expect(await order()).toBe(was);
  });

  it('refuses a viewer and leaves the order as it was', async () => {
    const was = await order();
    const refused = await move(viewer, ids.a, { before: ids.b });
    expect(refused.statusCode).toBe(403);
    expect(await order()).toBe(was);
  });
});
