import { expect, it } from 'vitest';
import { appendHistory } from '@multitable/storage';
import { describeEachDialect } from '../support/databases';
import { testUser, useDatabase } from './schema-factories';

describeEachDialect('reserving serial ids', (_dialect, newStore) => {
  const database = useDatabase(newStore);

  it('gives each caller the count it asked for, ascending, and never an id another caller got', async () => {
    const { dialect } = database();
    const first = await database().transaction((trx) => dialect.reserveSerialIds(trx, 'history', 3));
    expect(first).toEqual([first[0], first[0]! + 1, first[0]! + 2]);

    // Four writers at once, as four requests creating records (SQLite takes them one by one).
    const reserved = await Promise.all([0, 1, 2, 3].map(() => database().transaction((trx) => dialect.reserveSerialIds(trx, 'history', 5_000))));
    for (const ids of reserved) {
      expect(ids).toHaveLength(5_000);
      expect(ids.every((id, index) => index === 0 || id > ids[index - 1]!)).toBe(true);
      expect(ids[0]).toBeGreaterThan(first[2]!);
    }
    expect(new Set(reserved.flat()).size).toBe(20_000);

    // A row written after them takes the table's next id, above every reserved one: none was handed out twice.
    const { db } = database();
    const entry = { changeId: 'chg_after', baseId: 'bse_0000000000000001', tableId: 'tbl_0000000000000001', recordId: 'rec_0000000000000001', fieldId: null };
    await database().transaction((trx) =>
      appendHistory(trx, dialect, [{ ...entry, action: 'update', actorId: testUser.userId, source: 'api', at: '2026-01-02T03:04:05.000Z', oldValue: null, newValue: null }]),
    );
    const written = await db.selectFrom('history').select('id').where('change_id', '=', 'chg_after').executeTakeFirstOrThrow();
    expect(Number(written.id)).toBeGreaterThan(Math.max(...reserved.flat()));
  });
});
