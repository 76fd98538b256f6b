/**
 * The server keeps tables, fields and the user directory between requests; a change made
 * anywhere — through the API, or straight in the database as another server sharing it would —
 * shows in the very next request.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { updateField, updateTable } from '@multitable/storage';
import { startTestApp, type SignedIn, type TestApp } from '../support/app';
import { describeEachDialect } from '../support/databases';
import { createRecords, createTable, fieldNamed, tableUrl, type ApiRecord } from './data-helpers';

describeEachDialect('metadata between requests', (dialect) => {
  let t: TestApp;
  let owner: SignedIn;
  let baseId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await t.signUpOwner();
    baseId = (await t.createBase(owner, 'Clinic')).id;
  });
  afterAll(() => t?.cleanup());

  const list = async (tableKey: string) => {
    const response = await owner.request('GET', tableUrl(baseId, tableKey, '/records'));
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { records: ApiRecord[] }).records;
  };

  it('shows field and table changes made outside this server at the next request', async () => {
    const table = await createTable(owner, baseId, 'Visits', [{ name: 'Note', type: 'singleLineText' }]);
    await createRecords(owner, baseId, table.id, [{ Note: 'first' }]);
    expect((await list(table.id))[0]!.fields).toMatchObject({ Note: 'first' });

    const note = fieldNamed(table, 'Note');
    await t.database.transaction((trx) => updateField(trx, t.database.dialect, note.id, { name: 'Remark' }));
    expect((await list(table.id))[0]!.fields).toEqual({ Remark: 'first' });

    await t.database.transaction((trx) => updateTable(trx, t.database.dialect, table.id, { name: 'Appointments' }));
    expect(await list('Appointments')).toHaveLength(1);
    expect((await owner.request('GET', tableUrl(baseId, 'Visits', '/records'))).statusCode).toBe(404);
  });

  it('shows a renamed user in person cells at the next request', async () => {
    const table = await createTable(owner, baseId, 'Tasks', [{ name: 'Who', type: 'person' }]);
    await createRecords(owner, baseId, table.id, [{ Who: [{ id: owner.user.id }] }]);
    const before = (await list(table.id))[0]!.fields.Who as Array<{ name: string }>;
    expect(before[0]!.name).toBe(owner.user.name);
    await t.database.db.updateTable('users').set({ name: 'Dr. Renamed' }).where('id', '=', owner.user.id).execute();
    const after = (await list(table.id))[0]!.fields.Who as Array<{ name: string }>;
    expect(after[0]!.name).toBe('Dr. Renamed');
  });
});
