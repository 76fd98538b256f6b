import { expect, it } from 'vitest';
import {
  countRecords,
  deleteRecords,
  getRecord,
  getRecords,
  insertRecords,
  listRecords,
  moveRecord,
  updateRecords,
  type InsertedRecord,
} from '@multitable/storage';
import { describeEachDialect } from '../support/databases';
import { makeTable, withoutCreated, testUser, useDatabase } from './schema-factories';

describeEachDialect('records: ids, deletion and order', (_dialect, newStore) => {
  const database = useDatabase(newStore);

  it('deletes records and returns them; a missing id deletes nothing', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database());
    const inserted = await database().transaction((trx) =>
      insertRecords(trx, dialect, made.table, made.fields, ['a', 'b', 'c'].map((v) => ({ values: { [made.primary.id]: v } })), testUser),
    );
    const [a, b, c] = inserted as [InsertedRecord, InsertedRecord, InsertedRecord];

    await expect(database().transaction((trx) => deleteRecords(trx, dialect, made.table, made.fields, [a.id, 'rec_0000000000000000']))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { record: 'rec_0000000000000000' },
    });
    expect(await countRecords(db, made.table)).toBe(3);

    const deleted = await database().transaction((trx) => deleteRecords(trx, dialect, made.table, made.fields, [c.id, a.id]));
    expect(deleted).toEqual([withoutCreated(c), withoutCreated(a)]);
    expect((await listRecords(db, dialect, made.table, made.fields, { limit: 10 })).map((r) => r.id)).toEqual([b.id]);
  });

  it('is idempotent on a client id: create, update, retried create leave one row with the update', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database());
    const id = 'rec_clientgiven00001';
    const create = () =>
      database().transaction((trx) => insertRecords(trx, dialect, made.table, made.fields, [{ id, values: { [made.primary.id]: 'first' } }], testUser));

    const [created] = await create();
    expect(created).toMatchObject({ id, created: true, autoNumber: 1 });
    await database().transaction((trx) => updateRecords(trx, dialect, made.table, made.fields, [{ id, values: { [made.primary.id]: 'second' } }], testUser));
    const [retried] = await create();

    expect(retried).toMatchObject({ id, created: false, version: 2, values: { [made.primary.id]: 'second' } });
    expect(await countRecords(db, made.table)).toBe(1);
    const [fresh] = await database().transaction((trx) => insertRecords(trx, dialect, made.table, made.fields, [{ values: {} }], testUser));
    expect(fresh!.autoNumber).toBe(2);
  });

  it('refuses a malformed client id and a client id given twice in one batch', async () => {
    const { dialect } = database();
    const made = await makeTable(database());
    const insert = (rows: Array<{ id?: string; values: Record<string, unknown> }>) =>
      database().transaction((trx) => insertRecords(trx, dialect, made.table, made.fields, rows, testUser));
    await expect(insert([{ id: 'rec_TOO-SHORT', values: {} }])).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(insert([{ id: 'tbl_0000000000000000', values: {} }])).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      insert([
        { id: 'rec_0000000000000001', values: {} },
        { id: 'rec_0000000000000001', values: {} },
      ]),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('gets records by id in the order asked, skipping ids that do not exist', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database(), { fields: [{ name: 'Other', type: 'singleLineText' }] });
    const [a, b] = await database().transaction((trx) =>
      insertRecords(trx, dialect, made.table, made.fields, [{ values: { [made.primary.id]: 'a' } }, { values: { [made.primary.id]: 'b' } }], testUser),
    );
    const got = await getRecords(db, dialect, made.table, made.fields, [b!.id, 'rec_0000000000000000', a!.id], { fieldIds: [made.primary.id] });
    expect(got.map((r) => r.values)).toEqual([{ [made.primary.id]: 'b' }, { [made.primary.id]: 'a' }]);
    expect(await getRecord(db, dialect, made.table, made.fields, 'rec_0000000000000000')).toBeUndefined();
  });

  it('moves a record before, after and between others without touching its cells', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database());
    const inserted = await database().transaction((trx) =>
      insertRecords(trx, dialect, made.table, made.fields, ['a', 'b', 'c', 'd'].map((v) => ({ values: { [made.primary.id]: v } })), testUser),
    );
    const [a, b, c, d] = inserted.map((r) => r.id) as [string, string, string, string];
    const order = async () => (await listRecords(db, dialect, made.table, made.fields, { limit: 10 })).map((r) => r.values[made.primary.id]);

    await moveRecord(db, dialect, made.table, d, { before: a });
    expect(await order()).toEqual(['d', 'a', 'b', 'c']);
    await moveRecord(db, dialect, made.table, d, { after: b });
    expect(await order()).toEqual(['a', 'b', 'd', 'c']);
    await moveRecord(db, dialect, made.table, a, { after: d, before: c });
    expect(await order()).toEqual(['b', 'd', 'a', 'c']);
    await moveRecord(db, dialect, made.table, b, {});
    expect(await order()).toEqual(['d', 'a', 'c', 'b']);
    expect(await getRecord(db, dialect, made.table, made.fields, b)).toMatchObject({ version: 1 });
    await expect(moveRecord(db, dialect, made.table, 'rec_0000000000000000', { before: a })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(moveRecord(db, dialect, made.table, a, { before: 'rec_0000000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
