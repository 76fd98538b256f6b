import { expect, it } from 'vitest';
import { resolveFilter, resolveSorts } from '@multitable/core';
import {
  compileFilter,
  compileOrderBy,
  countRecords,
  getRecord,
  insertRecords,
  listRecords,
  deferredReadOffset,
  sql,
  tableScope,
  updateRecords,
} from '@multitable/storage';
import { describeEachDialect } from '../support/databases';
import { makeTable, withoutCreated, otherUser, testUser, useDatabase } from './schema-factories';

const t0 = new Date('2024-03-01T08:00:00.000Z');
const t1 = new Date('2024-03-02T09:30:00.000Z');

describeEachDialect('records', (_dialect, newStore) => {
  const database = useDatabase(newStore);

  it('inserts 1,000 rows in one call and pages them in row order', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database());
    const name = made.primary.id;
    const rows = Array.from({ length: 1000 }, (_, i) => ({ values: { [name]: `row ${String(i).padStart(4, '0')}` } }));

    const inserted = await database().transaction((trx) => insertRecords(trx, dialect, made.table, made.fields, rows, testUser, t0));

    expect(inserted).toHaveLength(1000);
    expect(inserted.map((r) => r.autoNumber)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(new Set(inserted.map((r) => r.id)).size).toBe(1000);
    expect(inserted[0]).toMatchObject({
      version: 1,
      created: true,
      createdTime: t0.toISOString(),
      modifiedTime: t0.toISOString(),
      createdBy: testUser.userId,
      modifiedBy: testUser.userId,
      values: { [name]: 'row 0000' },
    });
    expect(inserted[0]!.id).toMatch(/^rec_[0-9a-z]{16}$/);
    const orders = inserted.map((r) => r.rowOrder);
    expect([...orders].sort()).toEqual(orders);

    const firstPage = await listRecords(db, dialect, made.table, made.fields, { limit: 3 });
    expect(firstPage.map((r) => r.values[name])).toEqual(['row 0000', 'row 0001', 'row 0002']);
    const deepPage = await listRecords(db, dialect, made.table, made.fields, { offset: 995, limit: 10 });
    expect(deepPage.map((r) => r.values[name])).toEqual(['row 0995', 'row 0996', 'row 0997', 'row 0998', 'row 0999']);
    expect(deepPage[0]).toEqual(withoutCreated(inserted[995]!));
    expect(await countRecords(db, made.table)).toBe(1000);
  });

  it('inserts and updates more rows than one statement can bind', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database(), {
      fields: [
        { name: 'A', type: 'singleLineText' },
        { name: 'B', type: 'number' },
        { name: 'C', type: 'checkbox' },
      ],
    });
    const [a, b, c] = ['A', 'B', 'C'].map((n) => made.field(n).id) as [string, string, string];
    const count = 12_000;
    const inserted = await database().transaction((trx) =>
      insertRecords(trx, dialect, made.table, made.fields, Array.from({ length: count }, (_, i) => ({ values: { [a]: `a${i}`, [b]: i, [c]: false } })), testUser),
    );
    expect(new Set(inserted.map((r) => r.autoNumber)).size).toBe(count);
    const { changes } = await database().transaction((trx) =>
      updateRecords(trx, dialect, made.table, made.fields, inserted.map((r, i) => ({ id: r.id, values: { [a]: `z${i}`, [b]: -i - 1, [c]: true } })), testUser),
    );
    expect(changes).toHaveLength(count * 3);
    const last = await listRecords(db, dialect, made.table, made.fields, { offset: count - 1, limit: 5 });
    expect(last.map((r) => r.values)).toEqual([{ [made.primary.id]: null, [a]: `z${count - 1}`, [b]: -count, [c]: true }]);
    expect(await countRecords(db, made.table, sql<boolean>`${sql.ref(`f_${a}`)} LIKE ${'z%'}`)).toBe(count);
  });

  it('reads deep pages (by ids first) exactly as shallow ones, under a filter and a sort', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database(), { fields: [{ name: 'N', type: 'number' }] });
    const n = made.field('N').id;
    const count = deferredReadOffset + 300;
    await database().transaction((trx) =>
      insertRecords(trx, dialect, made.table, made.fields, Array.from({ length: count }, (_, i) => ({ values: { [n]: (i * 7919) % 1000 } })), testUser),
    );
    const where = sql<boolean>`${sql.ref(`f_${n}`)} >= ${10}`;
    const orderBy = sql`${sql.ref(`f_${n}`)} DESC, row_order, id`;
    const all = await listRecords(db, dialect, made.table, made.fields, { where, orderBy, limit: count });
    for (const offset of [deferredReadOffset - 7, deferredReadOffset, deferredReadOffset + 13]) {
      const page = await listRecords(db, dialect, made.table, made.fields, { where, orderBy, offset, limit: 20 });
      expect(page.map((r) => r.id)).toEqual(all.slice(offset, offset + 20).map((r) => r.id));
    }
    const plain = await listRecords(db, dialect, made.table, made.fields, { offset: deferredReadOffset + 1, limit: 3, fieldIds: [] });
    expect(plain.map((r) => r.autoNumber)).toEqual([deferredReadOffset + 2, deferredReadOffset + 3, deferredReadOffset + 4]);
  });

  it('lists under a compiled filter and sort, with only the requested fields', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database(), { fields: [{ name: 'Group', type: 'singleLineText' }] });
    const name = made.primary.id;
    const group = made.field('Group').id;
    await database().transaction((trx) =>
      insertRecords(
        trx,
        dialect,
        made.table,
        made.fields,
        ['b', 'a', 'c', 'd'].map((letter, i) => ({ values: { [name]: letter, [group]: i % 2 === 0 ? 'even' : 'odd' } })),
        testUser,
      ),
    );
    const scope = tableScope(dialect);
    const where = compileFilter(
      resolveFilter({ conjunction: 'and', conditions: [{ field: 'Group', operator: 'is', value: 'even' }] }, made.fields, {
        now: new Date(),
        timeZone: 'UTC',
      }),
      scope,
    );
    const orderBy = compileOrderBy(resolveSorts([{ field: 'Name', direction: 'desc' }], made.fields), scope);

    const rows = await listRecords(db, dialect, made.table, made.fields, { where, orderBy, fieldIds: [name], limit: 10 });
    expect(rows.map((r) => r.values)).toEqual([{ [name]: 'c' }, { [name]: 'b' }]);
    expect(await countRecords(db, made.table, where)).toBe(2);
    await expect(listRecords(db, dialect, made.table, made.fields, { fieldIds: ['fld_0000000000000000'], limit: 1 })).rejects.toMatchObject({
      code: 'UNKNOWN_FIELD',
    });
  });

  it('updates a cell, returns the change, bumps version and modified time/by; an unchanged value is no change', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database(), { fields: [{ name: 'Phone', type: 'singleLineText' }] });
    const phone = made.field('Phone').id;
    const [record] = await database().transaction((trx) =>
      insertRecords(trx, dialect, made.table, made.fields, [{ values: { [made.primary.id]: 'Ann', [phone]: '111' } }], testUser, t0),
    );

    const result = await database().transaction((trx) =>
      updateRecords(trx, dialect, made.table, made.fields, [{ id: record!.id, values: { [phone]: '222' } }], otherUser, t1),
    );
    expect(result.changes).toEqual([{ recordId: record!.id, fieldId: phone, oldValue: '111', newValue: '222' }]);
    const expected = {
      ...withoutCreated(record!),
      version: 2,
      modifiedTime: t1.toISOString(),
      modifiedBy: otherUser.userId,
      values: { [made.primary.id]: 'Ann', [phone]: '222' },
    };
    expect(result.records).toEqual([expected]);
    expect(await getRecord(db, dialect, made.table, made.fields, record!.id)).toEqual(expected);

    const again = await database().transaction((trx) =>
      updateRecords(trx, dialect, made.table, made.fields, [{ id: record!.id, values: { [phone]: '222' } }], testUser, t0),
    );
    expect(again.changes).toEqual([]);
    expect(await getRecord(db, dialect, made.table, made.fields, record!.id)).toEqual(expected);
  });

  it('empties a cell with null and reports null as the new value', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database());
    const [record] = await database().transaction((trx) =>
      insertRecords(trx, dialect, made.table, made.fields, [{ values: { [made.primary.id]: 'x' } }], testUser),
    );
    const result = await database().transaction((trx) =>
      updateRecords(trx, dialect, made.table, made.fields, [{ id: record!.id, values: { [made.primary.id]: null } }], testUser),
    );
    expect(result.changes).toEqual([{ recordId: record!.id, fieldId: made.primary.id, oldValue: 'x', newValue: null }]);
    expect((await getRecord(db, dialect, made.table, made.fields, record!.id))?.values[made.primary.id]).toBeNull();
  });

  it('writes nothing when one record of an update batch is missing, naming it', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database());
    const [record] = await database().transaction((trx) =>
      insertRecords(trx, dialect, made.table, made.fields, [{ values: { [made.primary.id]: 'kept' } }], testUser),
    );
    const missing = 'rec_0000000000000000';
    await expect(
      database().transaction((trx) =>
        updateRecords(
          trx,
          dialect,
          made.table,
          made.fields,
          [
            { id: record!.id, values: { [made.primary.id]: 'changed' } },
            { id: missing, values: { [made.primary.id]: 'x' } },
          ],
          testUser,
        ),
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', details: { record: missing } });
    expect(await getRecord(db, dialect, made.table, made.fields, record!.id)).toMatchObject({ version: 1, values: { [made.primary.id]: 'kept' } });
  });

  it('refuses values for unknown and system-backed fields', async () => {
    const { dialect } = database();
    const made = await makeTable(database(), { fields: [{ name: 'Created', type: 'createdTime' }] });
    await expect(
      database().transaction((trx) =>
        insertRecords(trx, dialect, made.table, made.fields, [{ values: { fld_0000000000000000: 'x' } }], testUser),
      ),
    ).rejects.toMatchObject({ code: 'UNKNOWN_FIELD', details: { field: 'fld_0000000000000000' } });
    await expect(
      database().transaction((trx) =>
        insertRecords(trx, dialect, made.table, made.fields, [{ values: { [made.field('Created').id]: '2024-01-01T00:00:00.000Z' } }], testUser),
      ),
    ).rejects.toMatchObject({ code: 'READ_ONLY_FIELD' });
  });

  it('fills system-backed fields from the system columns', async () => {
    const { dialect } = database();
    const made = await makeTable(database(), {
      fields: [
        { name: 'No', type: 'autoNumber' },
        { name: 'Created', type: 'createdTime' },
        { name: 'Modified', type: 'modifiedTime' },
        { name: 'Author', type: 'createdBy' },
        { name: 'Editor', type: 'modifiedBy' },
      ],
    });
    const [record] = await database().transaction((trx) => insertRecords(trx, dialect, made.table, made.fields, [{ values: {} }], testUser, t0));
    const updated = await database().transaction((trx) =>
      updateRecords(trx, dialect, made.table, made.fields, [{ id: record!.id, values: { [made.primary.id]: 'x' } }], otherUser, t1),
    );
    expect(updated.records[0]!.values).toEqual({
      [made.primary.id]: 'x',
      [made.field('No').id]: 1,
      [made.field('Created').id]: t0.toISOString(),
      [made.field('Modified').id]: t1.toISOString(),
      [made.field('Author').id]: testUser.userId,
      [made.field('Editor').id]: otherUser.userId,
    });
  });

  it('stores and reads back values of every storage kind', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database(), {
      fields: [
        { name: 'Amount', type: 'number' },
        { name: 'Done', type: 'checkbox' },
        { name: 'Tags', type: 'multipleSelect', options: { choices: [{ name: 'a' }, { name: 'b' }] } },
        { name: 'Minutes', type: 'duration' },
      ],
    });
    const values = {
      [made.primary.id]: 'mixed',
      [made.field('Amount').id]: -12.75,
      [made.field('Done').id]: true,
      [made.field('Tags').id]: ['b', 'a'],
      [made.field('Minutes').id]: 5400,
    };
    const [record] = await database().transaction((trx) => insertRecords(trx, dialect, made.table, made.fields, [{ values }], testUser));
    expect(record!.values).toEqual(values);
    expect((await getRecord(db, dialect, made.table, made.fields, record!.id))?.values).toEqual(values);

    const result = await database().transaction((trx) =>
      updateRecords(
        trx,
        dialect,
        made.table,
        made.fields,
        [
          {
            id: record!.id,
            values: { [made.field('Tags').id]: ['b', 'a'], [made.field('Done').id]: false, [made.field('Amount').id]: 0.5 },
          },
        ],
        testUser,
      ),
    );
    expect(result.changes).toEqual([
      { recordId: record!.id, fieldId: made.field('Done').id, oldValue: true, newValue: false },
      { recordId: record!.id, fieldId: made.field('Amount').id, oldValue: -12.75, newValue: 0.5 },
    ]);
    const third = await database().transaction((trx) =>
      updateRecords(trx, dialect, made.table, made.fields, [{ id: record!.id, values: { [made.field('Tags').id]: ['a'] } }], testUser),
    );
    expect(third.changes).toEqual([{ recordId: record!.id, fieldId: made.field('Tags').id, oldValue: ['b', 'a'], newValue: ['a'] }]);
    expect((await getRecord(db, dialect, made.table, made.fields, record!.id))?.values).toEqual({
      ...values,
      [made.field('Done').id]: false,
      [made.field('Amount').id]: 0.5,
      [made.field('Tags').id]: ['a'],
    });
  });

});
