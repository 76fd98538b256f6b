import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import { useDatabase } from './schema-factories';

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
  });
});
