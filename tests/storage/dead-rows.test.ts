/**
 * reclaimDeadRows: before a type change rewrites a table, PostgreSQL's dead row versions (left by
 * updates, normally vacuumed by autovacuum) are reclaimed by autovacuum's own rule; SQLite has
 * none to reclaim.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { insertRecords, reclaimDeadRows, updateRecords, userTableName } from '@multitable/storage';
import { describeEachDialect } from '../support/databases';
import { makeTable, testUser, useDatabase } from './schema-factories';

describeEachDialect('reclaiming dead rows', (dialect, newStore) => {
  const database = useDatabase(newStore);

  /** What pg_stat_user_tables says of the table, its pending statistics flushed first. */
  async function tableStats(tableId: string): Promise<{ dead: number; vacuums: number }> {
    const { db } = database();
    await sql`SELECT pg_stat_force_next_flush()`.execute(db);
    const { rows } = await sql<{ dead: string; vacuums: string }>`
      SELECT n_dead_tup AS dead, vacuum_count AS vacuums FROM pg_stat_user_tables WHERE relid = to_regclass(${userTableName(tableId)})`.execute(db);
    return { dead: Number(rows[0]?.dead ?? 0), vacuums: Number(rows[0]?.vacuums ?? 0) };
  }

  it(dialect === 'postgres' ? 'vacuums a table whose rows were all updated, not one only inserted into' : 'has nothing to reclaim on SQLite', async () => {
    const store = database();
    const made = await makeTable(store);
    const name = made.primary;
    const rows = await store.transaction((trx) =>
      insertRecords(trx, store.dialect, made.table, made.fields, Array.from({ length: 500 }, (_, n) => ({ values: { [name.id]: `row ${n}` } })), testUser),
    );
    await store.transaction((trx) =>
      updateRecords(trx, store.dialect, made.table, made.fields, rows.map((row) => ({ id: row.id, values: { [name.id]: `${row.id} again` } })), testUser),
    );
    if (dialect === 'sqlite') {
      expect(await reclaimDeadRows(store.db, store.dialect, made.table.id)).toBe(false);
      return;
    }
    // Flushed statistics show up in a later snapshot; the flush and the read are separate statements.
    let before = await tableStats(made.table.id);
    for (let attempt = 0; attempt < 50 && before.dead < 500; attempt++) before = await tableStats(made.table.id);
    expect(before.dead).toBeGreaterThanOrEqual(500);
    expect(await reclaimDeadRows(store.db, store.dialect, made.table.id)).toBe(true);
    // How many versions VACUUM may remove depends on the oldest open transaction on the server
    // (other sessions share it), so the test asserts that it ran, not what it removed.
    expect((await tableStats(made.table.id)).vacuums).toBe(before.vacuums + 1);

    const untouched = await makeTable(store);
    await store.transaction((trx) => insertRecords(trx, store.dialect, untouched.table, untouched.fields, [{ values: { [untouched.primary.id]: 'only' } }], testUser));
    expect(await reclaimDeadRows(store.db, store.dialect, untouched.table.id)).toBe(false);
  });
});
