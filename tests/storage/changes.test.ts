import { expect, it } from 'vitest';
import { newId } from '@multitable/core';
import {
  appendChange,
  appendHistory,
  appendOutbox,
  listPendingOutbox,
  listRecordHistory,
  markOutboxDispatched,
  type HistoryEntryInput,
} from '@multitable/storage';
import { describeEachDialect } from '../support/databases';
import { testUser, useDatabase } from './schema-factories';

describeEachDialect('history and outbox', (_dialect, newStore) => {
  const database = useDatabase(newStore);

  it('keeps a record’s history newest first, with values decoded, and pages back with `before`', async () => {
    const { db, dialect } = database();
    const tableId = newId('table');
    const recordId = newId('record');
    const entry = (i: number, extra: Partial<HistoryEntryInput> = {}): HistoryEntryInput => ({
      changeId: `chg_${i}`,
      baseId: 'bse_0000000000000001',
      tableId,
      recordId,
      fieldId: 'fld_0000000000000001',
      action: 'update',
      actorId: testUser.userId,
      source: 'api',
      at: new Date(Date.UTC(2024, 0, 1, 0, i)),
      oldValue: i === 0 ? null : { n: i - 1, tags: ['a'] },
      newValue: { n: i, tags: ['a'] },
      ...extra,
    });
    await database().transaction((trx) =>
      appendHistory(trx, dialect, [
        entry(0, { action: 'create', fieldId: null }),
        entry(1),
        entry(2),
        entry(3),
        { ...entry(9), recordId: newId('record') },
      ]),
    );

    const newest = await listRecordHistory(db, tableId, recordId, { limit: 2 });
    expect(newest.map((h) => h.changeId)).toEqual(['chg_3', 'chg_2']);
    expect(newest[0]).toMatchObject({
      tableId,
      recordId,
      action: 'update',
      oldValue: { n: 2, tags: ['a'] },
      newValue: { n: 3, tags: ['a'] },
      at: '2024-01-01T00:03:00.000Z',
      source: 'api',
    });
    const older = await listRecordHistory(db, tableId, recordId, { limit: 10, before: newest[1]!.id });
    expect(older.map((h) => h.changeId)).toEqual(['chg_1', 'chg_0']);
    expect(older[1]).toMatchObject({ action: 'create', fieldId: null, oldValue: null });
  });

  it('writes history in chunks when a command changes many cells', async () => {
    const { db, dialect } = database();
    const tableId = newId('table');
    const recordId = newId('record');
    const entries: HistoryEntryInput[] = Array.from({ length: 3000 }, (_, i) => ({
      changeId: 'big',
      baseId: 'bse_0000000000000001',
      tableId,
      recordId,
      fieldId: `fld_${String(i).padStart(16, '0')}`,
      action: 'update',
      actorId: testUser.userId,
      source: 'import',
      at: new Date(),
      oldValue: null,
      newValue: i,
    }));
    await database().transaction((trx) => appendHistory(trx, dialect, entries));
    expect(await listRecordHistory(db, tableId, recordId, { limit: 5000 })).toHaveLength(3000);
  });

  it('keeps outbox events pending until marked dispatched', async () => {
    const { db } = database();
    const before = (await listPendingOutbox(db, 1000)).length;
    const ids = await database().transaction((trx) =>
      appendOutbox(trx, [
        { baseId: 'bse_0000000000000001', tableId: null, type: 'fields.created', payload: { id: 'x' }, actorId: testUser.userId, createdAt: new Date() },
        { baseId: 'bse_0000000000000001', tableId: 'tbl_0000000000000001', type: 'records.created', payload: [1, 2], actorId: testUser.userId, createdAt: '2024-01-01T00:00:00.000Z' },
      ]),
    );
    expect(ids).toHaveLength(2);
    expect(ids[0]!).toBeLessThan(ids[1]!);

    const pending = await listPendingOutbox(db, 1000);
    expect(pending).toHaveLength(before + 2);
    expect(pending.slice(-2)).toEqual([
      expect.objectContaining({ id: ids[0], type: 'fields.created', payload: { id: 'x' }, tableId: null }),
      { id: ids[1], baseId: 'bse_0000000000000001', tableId: 'tbl_0000000000000001', type: 'records.created', payload: [1, 2], actorId: testUser.userId, createdAt: '2024-01-01T00:00:00.000Z' },
    ]);

    await markOutboxDispatched(db, [ids[0]!]);
    expect((await listPendingOutbox(db, 1000)).map((e) => e.id)).not.toContain(ids[0]);
    await markOutboxDispatched(db, ids);
    expect(await listPendingOutbox(db, 1000)).toHaveLength(before);
  });

  it('writes no outbox event when the transaction of the change fails', async () => {
    const { db } = database();
    const before = (await listPendingOutbox(db, 1000)).length;
    await expect(
      database().transaction(async (trx) => {
        await appendOutbox(trx, [{ baseId: 'bse_0000000000000001', tableId: null, type: 'x', payload: {}, actorId: testUser.userId, createdAt: new Date() }]);
        throw new Error('command failed');
      }),
    ).rejects.toThrow('command failed');
    expect(await listPendingOutbox(db, 1000)).toHaveLength(before);
  });
  it('writes a change’s history and events together, small or large, as each alone would', async () => {
    const { db, dialect } = database();
    const tableId = newId('table');
    const entries = (recordId: string, count: number, action: 'create' | 'update'): HistoryEntryInput[] =>
      Array.from({ length: count }, (_, i) => ({
        changeId: `chg_${recordId}`,
        baseId: 'bse_0000000000000001',
        tableId,
        recordId,
        fieldId: action === 'create' && i === 0 ? null : `fld_${String(i).padStart(16, '0')}`,
        action: action === 'create' && i > 0 ? 'update' : action,
        actorId: testUser.userId,
        source: 'web',
        at: '2024-01-01T00:00:00.000Z',
        oldValue: null,
        newValue: { n: i, text: 'naïve “quoted” 中文' },
      }));
    const events = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ baseId: 'bse_0000000000000001', tableId, type: 'records.updated', payload: { i }, actorId: testUser.userId, createdAt: new Date() }));
    const before = (await listPendingOutbox(db, 10_000)).length;

    const [small, created, large] = [newId('record'), newId('record'), newId('record')];
    await database().transaction((trx) => appendChange(trx, dialect, entries(small, 1, 'update'), events(2)));
    await database().transaction((trx) => appendChange(trx, dialect, entries(created, 5, 'create'), events(1)));
    await database().transaction((trx) => appendChange(trx, dialect, entries(large, 120, 'update'), events(60)));

    const smallHistory = await listRecordHistory(db, tableId, small, { limit: 10 });
    expect(smallHistory).toEqual([expect.objectContaining({ action: 'update', newValue: { n: 0, text: 'naïve “quoted” 中文' }, source: 'web' })]);
    expect(await listRecordHistory(db, tableId, created, { limit: 10 })).toHaveLength(5);
    expect(await listRecordHistory(db, tableId, large, { limit: 500 })).toHaveLength(120);
    const pending = await listPendingOutbox(db, 10_000);
    expect(pending).toHaveLength(before + 63);
    expect(pending.slice(before, before + 2).map((event) => event.payload)).toEqual([{ i: 0 }, { i: 1 }]);

    await expect(
      database().transaction(async (trx) => {
        await appendChange(trx, dialect, entries(newId('record'), 1, 'update'), events(1));
        throw new Error('command failed');
      }),
    ).rejects.toThrow('command failed');
    expect(await listPendingOutbox(db, 10_000)).toHaveLength(before + 63);
  });
});
