import { expect, it } from 'vitest';
import { newId } from '@multitable/core';
import {
  appendHistory,
  countRecords,
  getRecords,
  insertRecords,
  listRecordHistory,
  sql,
  updateRecords,
} from '@multitable/storage';
import { describeEachDialect } from '../support/databases';
import { makeTable, otherUser, testUser, useDatabase } from './schema-factories';

// On PostgreSQL these transactions really run side by side on the pool's connections; on SQLite
// the single connection serializes them, and the same assertions must hold.
describeEachDialect('records under concurrency', (_dialect, newStore) => {
  const database = useDatabase(newStore);

  it('loses neither of two concurrent edits to different cells of one row (200 interleaved pairs)', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database(), {
      fields: [
        { name: 'Phone', type: 'singleLineText' },
        { name: 'Allergies', type: 'singleLineText' },
      ],
    });
    const phone = made.field('Phone').id;
    const allergies = made.field('Allergies').id;
    const rows = await database().transaction((trx) =>
      insertRecords(trx, dialect, made.table, made.fields, Array.from({ length: 200 }, () => ({ values: {} })), testUser),
    );

    const edit = (recordId: string, fieldId: string, value: string, actor: { userId: string }) =>
      database().transaction(async (trx) => {
        const { changes } = await updateRecords(trx, dialect, made.table, made.fields, [{ id: recordId, values: { [fieldId]: value } }], actor);
        await appendHistory(
          trx,
          dialect,
          changes.map((change) => ({
            ...change,
            changeId: newId('history'),
            baseId: made.baseId,
            tableId: made.table.id,
            action: 'update' as const,
            actorId: actor.userId,
            source: 'api',
            at: new Date(),
          })),
        );
      });
    await Promise.all(
      rows.flatMap((row, i) => [edit(row.id, phone, `phone ${i}`, testUser), edit(row.id, allergies, `allergy ${i}`, otherUser)]),
    );

    const after = await getRecords(db, dialect, made.table, made.fields, rows.map((r) => r.id));
    after.forEach((record, i) => {
      expect(record.values[phone]).toBe(`phone ${i}`);
      expect(record.values[allergies]).toBe(`allergy ${i}`);
      expect(record.version).toBe(3);
    });
    const history = await listRecordHistory(db, made.table.id, rows[7]!.id, { limit: 10 });
    expect(history).toHaveLength(2);
    expect(history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ fieldId: allergies, oldValue: null, newValue: 'allergy 7', actorId: otherUser.userId }),
        expect.objectContaining({ fieldId: phone, oldValue: null, newValue: 'phone 7', actorId: testUser.userId }),
      ]),
    );
  });

  it('hands out unique auto numbers and row-order keys to concurrent inserts', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database());
    const batches = await Promise.all(
      Array.from({ length: 20 }, (_, b) =>
        database().transaction((trx) =>
          insertRecords(trx, dialect, made.table, made.fields, Array.from({ length: 10 }, (_, i) => ({ values: { [made.primary.id]: `${b}-${i}` } })), testUser),
        ),
      ),
    );
    const records = batches.flat();
    expect(records.map((r) => r.autoNumber).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(new Set(records.map((r) => r.rowOrder)).size).toBe(200);
    expect(await countRecords(db, made.table)).toBe(200);
  });

  it('makes exactly one row from concurrent retries of a create with the same client id', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database());
    const id = newId('record');
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        database().transaction((trx) => insertRecords(trx, dialect, made.table, made.fields, [{ id, values: { [made.primary.id]: 'once' } }], testUser)),
      ),
    );
    expect(results.map(([r]) => r!.id)).toEqual(Array(10).fill(id));
    expect(results.filter(([r]) => r!.created)).toHaveLength(1);
    expect(await countRecords(db, made.table)).toBe(1);
  });

  it('leaves nothing written when a later statement of the transaction fails', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database());
    await expect(
      database().transaction(async (trx) => {
        await insertRecords(trx, dialect, made.table, made.fields, [{ values: { [made.primary.id]: 'ghost' } }], testUser);
        await sql`SELECT * FROM no_such_table`.execute(trx);
      }),
    ).rejects.toThrow();
    await expect(
      database().transaction(async (trx) => {
        await insertRecords(trx, dialect, made.table, made.fields, [{ values: { [made.primary.id]: 'ghost' } }], testUser);
        await updateRecords(trx, dialect, made.table, made.fields, [{ id: 'rec_0000000000000000', values: {} }], testUser);
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    expect(await countRecords(db, made.table)).toBe(0);
    const [next] = await database().transaction((trx) => insertRecords(trx, dialect, made.table, made.fields, [{ values: {} }], testUser));
    expect(next!.autoNumber).toBe(1);
  });
});
