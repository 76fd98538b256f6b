import { expect, it } from 'vitest';
import { newId } from '@multitable/core';
import { appendHistory, listRecordHistory, type HistoryEntry, type HistoryEntryInput } from '@multitable/storage';
import { describeEachDialect } from '../support/databases';
import { testUser, useDatabase } from './schema-factories';

const fieldIds = Array.from({ length: 4 }, (_, i) => `fld_${String(i).padStart(16, '0')}`);

/** A record's creation as the change recorder writes it: the record entry, then one entry per cell. */
function creation(tableId: string, recordId: string, changeId = newId('history')): HistoryEntryInput[] {
  const base = { changeId, baseId: 'bse_0000000000000001', tableId, recordId, actorId: testUser.userId, source: 'api', at: '2026-01-02T03:04:05.000Z' };
  const values: unknown[] = ['V0000001', 12.5, ['a', 'b'], { id: 'usr_1', name: 'Ann' }];
  return [
    { ...base, fieldId: null, action: 'create', oldValue: null, newValue: null },
    ...values.map((value, i): HistoryEntryInput => ({ ...base, fieldId: fieldIds[i]!, action: 'create', oldValue: null, newValue: value })),
  ];
}

function deletion(entries: readonly HistoryEntryInput[], changeId: string): HistoryEntryInput[] {
  return entries.map((entry) => ({ ...entry, changeId, action: 'delete', oldValue: entry.newValue, newValue: null }));
}

/** What an entry says, without where it is stored (its id and record). */
const content = ({ id: _id, recordId: _record, ...rest }: HistoryEntry) => rest;

describeEachDialect('history of created and deleted records', (_dialect, newStore) => {
  const database = useDatabase(newStore);

  it('lists every cell a record was created and deleted with, newest first, each with its own id', async () => {
    const { db, dialect } = database();
    const tableId = newId('table');
    const recordId = newId('record');
    const created = creation(tableId, recordId, 'chg_create');
    const edit: HistoryEntryInput = { ...created[1]!, changeId: 'chg_edit', action: 'update', oldValue: 'V0000001', newValue: 'V0000002' };
    await database().transaction((trx) => appendHistory(trx, dialect, created));
    await database().transaction((trx) => appendHistory(trx, dialect, [edit]));
    await database().transaction((trx) => appendHistory(trx, dialect, deletion([created[0]!, { ...created[1]!, newValue: 'V0000002' }, ...created.slice(2)], 'chg_delete')));

    const history = await listRecordHistory(db, tableId, recordId, { limit: 100 });
    expect(history.map((entry) => [entry.changeId, entry.action, entry.fieldId, entry.oldValue, entry.newValue])).toEqual([
      ['chg_delete', 'delete', fieldIds[3], { id: 'usr_1', name: 'Ann' }, null],
      ['chg_delete', 'delete', fieldIds[2], ['a', 'b'], null],
      ['chg_delete', 'delete', fieldIds[1], 12.5, null],
      ['chg_delete', 'delete', fieldIds[0], 'V0000002', null],
      ['chg_delete', 'delete', null, null, null],
      ['chg_edit', 'update', fieldIds[0], 'V0000001', 'V0000002'],
      ['chg_create', 'create', fieldIds[3], null, { id: 'usr_1', name: 'Ann' }],
      ['chg_create', 'create', fieldIds[2], null, ['a', 'b']],
      ['chg_create', 'create', fieldIds[1], null, 12.5],
      ['chg_create', 'create', fieldIds[0], null, 'V0000001'],
      ['chg_create', 'create', null, null, null],
    ]);
    const ids = history.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(history.every((entry) => entry.recordId === recordId && entry.tableId === tableId && entry.at === '2026-01-02T03:04:05.000Z')).toBe(true);
  });

  it('pages through a created record’s cells with `before`, whatever the page size', async () => {
    const { db, dialect } = database();
    const tableId = newId('table');
    const recordId = newId('record');
    await database().transaction((trx) => appendHistory(trx, dialect, [...creation(tableId, recordId), ...creation(tableId, newId('record'))]));
    const all = await listRecordHistory(db, tableId, recordId, { limit: 100 });
    expect(all).toHaveLength(5);
    for (const limit of [1, 2, 3]) {
      const pages: HistoryEntry[] = [];
      let before: number | undefined;
      for (;;) {
        const page = await listRecordHistory(db, tableId, recordId, { limit, ...(before === undefined ? {} : { before }) });
        expect(page.length).toBeLessThanOrEqual(limit);
        if (page.length === 0) break;
        pages.push(...page);
        before = page.at(-1)!.id;
      }
      expect(pages).toEqual(all);
    }
  });

  it('reads the same entries from rows written one per cell (before records were one row)', async () => {
    const { db, dialect } = database();
    const tableId = newId('table');
    const [oldRecord, newRecord] = [newId('record'), newId('record')];
    // How history rows were written before: one row per entry, ids given by the table.
    const oldRows = creation(tableId, oldRecord, 'chg_same').map((entry) => ({
      change_id: entry.changeId,
      base_id: entry.baseId,
      table_id: entry.tableId,
      record_id: entry.recordId,
      field_id: entry.fieldId,
      action: entry.action,
      actor_id: entry.actorId,
      source: entry.source,
      at: entry.at as string,
      old_value: entry.oldValue === null ? null : JSON.stringify(entry.oldValue),
      new_value: entry.newValue === null ? null : JSON.stringify(entry.newValue),
    }));
    await db.insertInto('history').values(oldRows).execute();
    await database().transaction((trx) => appendHistory(trx, dialect, creation(tableId, newRecord, 'chg_same')));

    const before = await listRecordHistory(db, tableId, oldRecord, { limit: 100 });
    const after = await listRecordHistory(db, tableId, newRecord, { limit: 100 });
    expect(before).toHaveLength(5);
    expect(after.map(content)).toEqual(before.map(content));
    // The table's own ids stay ahead of the ids reserved for the record's cells.
    await db.insertInto('history').values({ ...oldRows[1]!, record_id: newRecord, change_id: 'chg_later', action: 'update' }).execute();
    const later = await listRecordHistory(db, tableId, newRecord, { limit: 100 });
    expect(later[0]!.changeId).toBe('chg_later');
    expect(later[0]!.id).toBeGreaterThan(after[0]!.id);
  });

  it('writes a record’s entries one row each when its reserved ids are not consecutive, and reads them the same', async () => {
    const { db, dialect } = database();
    const tableId = newId('table');
    const [recordId, other] = [newId('record'), newId('record')];
    // As when a concurrent writer on PostgreSQL takes an id among this command's: one reserved id skipped.
    const interleaved = {
      ...dialect,
      reserveSerialIds: async (executor: Parameters<typeof dialect.reserveSerialIds>[0], table: string, count: number) =>
        (await dialect.reserveSerialIds(executor, table, count + 1)).filter((_, index) => index !== 2),
    };
    await database().transaction((trx) => appendHistory(trx, interleaved, creation(tableId, recordId, 'chg_same')));
    await database().transaction((trx) => appendHistory(trx, dialect, creation(tableId, other, 'chg_same')));

    const split = await listRecordHistory(db, tableId, recordId, { limit: 100 });
    const packed = await listRecordHistory(db, tableId, other, { limit: 100 });
    expect(split.map(content)).toEqual(packed.map(content));
    const stored = await db.selectFrom('history').select(['record_id', 'cells']).where('table_id', '=', tableId).execute();
    expect(stored.filter((row) => row.record_id === recordId).every((row) => row.cells === null)).toBe(true);
    expect(stored.filter((row) => row.record_id === other)).toHaveLength(1);
  });
});
