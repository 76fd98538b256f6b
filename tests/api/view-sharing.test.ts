/**
 * Shared and personal views, and locks. Shared views are everyone's and only owners and admins
 * change them; any member who reads the table may keep personal views, which nobody else sees —
 * not in lists, by id, by name, through `view=` or in realtime. A locked view refuses changes to
 * its name, settings and existence until it is unlocked.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import { bearer, startTestApp, type SignedIn, type TestApp } from '../support/app';
import { createRecords, createTable, tableUrl, type ApiTable, type ApiView } from './data-helpers';

describeEachDialect('view sharing and locks', (dialect) => {
  let t: TestApp;
  let owner: SignedIn;
  let editor: SignedIn;
  let viewer: SignedIn;
  let baseId: string;
  let tasks: ApiTable;
  const views = (as: SignedIn) => as.request('GET', tableUrl(baseId, tasks.id, '/views'));
  const viewNames = async (as: SignedIn) => ((await views(as)).json().views as ApiView[]).map((view) => view.name);
  const createView = (as: SignedIn, body: Record<string, unknown>) => as.request('POST', tableUrl(baseId, tasks.id, '/views'), body);
  const patchView = (as: SignedIn, viewId: string, body: Record<string, unknown>) => as.request('PATCH', tableUrl(baseId, tasks.id, `/views/${viewId}`), body);

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await t.signUpOwner();
    editor = await t.signUpUser(owner, { email: 'editor@example.com', name: 'Ed' });
    viewer = await t.signUpUser(owner, { email: 'viewer@example.com', name: 'Vi' });
    baseId = (await t.createBase(owner)).id;
    await t.addMember(owner, baseId, editor.user.id, 'editor');
    await t.addMember(owner, baseId, viewer.user.id, 'viewer');
    tasks = await createTable(owner, baseId, 'Tasks', [
      { name: 'Title', type: 'singleLineText' },
      { name: 'Points', type: 'number' },
    ]);
    await createRecords(owner, baseId, tasks.id, [{ Title: 'a', Points: 1 }, { Title: 'b', Points: 5 }]);
  });
  afterAll(async () => t?.cleanup());

  it('lets any member keep personal views that only they see, anywhere', async () => {
    const mine = await createView(viewer, { name: 'Big ones', personal: true, config: { filter: { conjunction: 'and', conditions: [{ field: 'Points', operator: 'isGreater', value: 3 }] } } });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ name: 'Big ones', personal: true, locked: false });
    const id = mine.json().id as string;

    expect(await viewNames(viewer)).toEqual(['Grid view', 'Big ones']);
    expect(await viewNames(owner)).toEqual(['Grid view']);
    expect(await viewNames(editor)).toEqual(['Grid view']);
    // Not by id, not by name, not as a listing's view, not in the table's schema: answered exactly like a view that never was.
    const byOwner = await owner.request('GET', tableUrl(baseId, tasks.id, `/views/${id}`));
    const never = await owner.request('GET', tableUrl(baseId, tasks.id, '/views/viw_0000000000000000'));
    expect(byOwner.statusCode).toBe(404);
    expect(byOwner.json().error.message).toBe(never.json().error.message.replace('viw_0000000000000000', id));
    expect((await owner.request('GET', tableUrl(baseId, tasks.id, `/records?view=${encodeURIComponent('Big ones')}`))).statusCode).toBe(404);
    expect(((await owner.request('GET', tableUrl(baseId, tasks.id))).json().views as ApiView[]).map((view) => view.id)).not.toContain(id);
    expect((await patchView(owner, id, { name: 'Taken over' })).statusCode).toBe(404);
    expect((await owner.request('DELETE', tableUrl(baseId, tasks.id, `/views/${id}`))).statusCode).toBe(404);

    // Its owner lists through it and changes it.
    const listed = await viewer.request('GET', tableUrl(baseId, tasks.id, `/records?view=${id}`));
    expect(listed.json().records.map((record: { fields: { Title: string } }) => record.fields.Title)).toEqual(['b']);
    expect((await patchView(viewer, id, { name: 'Five and up', config: { rowHeight: 'tall' } })).json()).toMatchObject({ name: 'Five and up', config: { rowHeight: 'tall' } });
    expect((await viewer.request('DELETE', tableUrl(baseId, tasks.id, `/views/${id}`))).statusCode).toBe(200);
  });

  it('keeps shared views to owners and admins, and refuses read-only tokens', async () => {
    const shared = await createView(editor, { name: 'Team view' });
    expect(shared.statusCode).toBe(403);
    expect(shared.json().error.details.path).toBe('body.personal');
    const grid = ((await views(editor)).json().views as ApiView[])[0]!;
    const refused = await patchView(editor, grid.id, { config: { rowHeight: 'tall' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('personal view');
    expect((await editor.request('DELETE', tableUrl(baseId, tasks.id, `/views/${grid.id}`))).statusCode).toBe(403);

    const token = await t.createToken(viewer, { access: 'read', baseIds: [baseId] });
    const byToken = await t.app.inject({ method: 'POST', url: tableUrl(baseId, tasks.id, '/views'), headers: bearer(token), payload: { name: 'Token view', personal: true } });
    expect(byToken.statusCode).toBe(403);
    expect(await viewNames(viewer)).toEqual(['Grid view']);
  });

  it('locks a view against changes until it is unlocked', async () => {
    const board = (await createView(owner, { name: 'Triage', config: { rowHeight: 'short' } })).json() as ApiView;
    expect((await patchView(owner, board.id, { locked: true })).json()).toMatchObject({ locked: true });
    expect((await views(editor)).json().views.find((view: ApiView) => view.id === board.id)).toMatchObject({ locked: true, personal: false });

    const renamed = await patchView(owner, board.id, { name: 'Renamed' });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json().error).toMatchObject({ code: 'CONFLICT', details: { path: 'locked' } });
    expect(renamed.json().error.message).toContain('"Triage" is locked');
    expect((await patchView(owner, board.id, { config: { rowHeight: 'tall' } })).statusCode).toBe(409);
    expect((await owner.request('DELETE', tableUrl(baseId, tasks.id, `/views/${board.id}`))).statusCode).toBe(409);
    const unchanged = (await owner.request('GET', tableUrl(baseId, tasks.id, `/views/${board.id}`))).json();
    expect(unchanged).toMatchObject({ name: 'Triage', config: { rowHeight: 'short' }, locked: true });

    // Unlocking and changing in one request; then it is as any view.
    expect((await patchView(owner, board.id, { locked: false, name: 'Triage 2' })).json()).toMatchObject({ name: 'Triage 2', locked: false });
    expect((await owner.request('DELETE', tableUrl(baseId, tasks.id, `/views/${board.id}`))).statusCode).toBe(200);
  });

  it('keeps the last shared view; personal views do not count', async () => {
    const personal = (await createView(owner, { name: 'Just mine', personal: true })).json() as ApiView;
    const grid = ((await views(owner)).json().views as ApiView[]).find((view) => !view.personal)!;
    const last = await owner.request('DELETE', tableUrl(baseId, tasks.id, `/views/${grid.id}`));
    expect(last.statusCode).toBe(409);
    expect((await owner.request('DELETE', tableUrl(baseId, tasks.id, `/views/${personal.id}`))).statusCode).toBe(200);
  });
});
