/**
 * Dead row versions left by updates, reclaimed before a table is rewritten whole. PostgreSQL
 * keeps the old version of every updated row until VACUUM — autovacuum's job, normally. Where it
 * is off or has not caught up (a formula fill has just updated every row), a type change's
 * `ALTER COLUMN … TYPE` rewrite reads the dead versions too: at 1,000,000 rows after a fill, twice
 * the heap (41 s instead of about 25). By autovacuum's own rule (50 rows + 20% of the table) the
 * server vacuums first. SQLite updates rows in place: nothing to reclaim.
 *
 * VACUUM cannot run inside a transaction: call this before the change's transaction begins.
 */
import { sql, type Kysely } from 'kysely';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { userDb } from './executor';
import { userTableName } from './naming';

interface RowVersions {
  dead: string | number;
  live: string | number;
}

/** Whether autovacuum would vacuum a table in this state (its defaults). */
function isBloated(versions: RowVersions): boolean {
  return Number(versions.dead) > 50 + 0.2 * Math.max(0, Number(versions.live));
}

async function vacuumWhenBloated(db: Kysely<any>, tableName: string): Promise<boolean> {
  const { rows } = await sql<RowVersions>`
    SELECT n_dead_tup AS dead, n_live_tup AS live FROM pg_stat_user_tables WHERE relid = to_regclass(${tableName})`.execute(db);
  if (!rows[0] || !isBloated(rows[0])) return false;
  await sql`VACUUM ${sql.table(tableName)}`.execute(db);
  return true;
}

const reclaimers: Readonly<Record<SqlDialect['name'], (db: Kysely<any>, tableName: string) => Promise<boolean>>> = {
  sqlite: async () => false,
  postgres: vacuumWhenBloated,
};

/** Vacuums the user table when dead row versions would make a rewrite read much more; true when it did. */
export function reclaimDeadRows(executor: Executor, dialect: SqlDialect, tableId: string): Promise<boolean> {
  return reclaimers[dialect.name](userDb(executor), userTableName(tableId));
}
