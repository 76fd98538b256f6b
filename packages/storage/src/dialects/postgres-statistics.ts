/**
 * PostgreSQL plans from statistics that only ANALYZE gathers — autovacuum's, normally. Where it
 * has not run (turned off, or not yet after a bulk load) a table has none: every equality is
 * guessed at 0.5% of the rows, an expression index's key (`col COLLATE "C"`) has no statistics at
 * all, and a filter on a lookup hashes its whole junction instead of reading the few links of the
 * matching records (1,000,000 visits: ~300 ms instead of ~1). The server refreshes the statistics
 * of the tables a view queries once it has saved the view, by autovacuum's own rule, so a table
 * whose statistics autovacuum keeps is left alone.
 */
import { sql, type Kysely } from 'kysely';

interface TableActivity {
  /** The table has statistics (pg_stats: an ANALYZE that was rolled back leaves none, though it counts as run). */
  analyzed: boolean;
  modified: string | number;
  tuples: number;
}

/** Whether autovacuum would analyze a table in this state (its defaults: 50 rows + 10% of the table). */
function isStale(activity: TableActivity): boolean {
  return !activity.analyzed || Number(activity.modified) > 50 + 0.1 * Math.max(0, activity.tuples);
}

export async function refreshStalePostgresStatistics(db: Kysely<any>, tableName: string): Promise<void> {
  const { rows } = await sql<TableActivity>`
    SELECT EXISTS (SELECT 1 FROM pg_stats p WHERE p.schemaname = n.nspname AND p.tablename = c.relname) AS analyzed,
           s.n_mod_since_analyze AS modified, c.reltuples AS tuples
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_stat_user_tables s ON s.relid = c.oid
    WHERE c.oid = to_regclass(${tableName})`.execute(db);
  const activity = rows[0];
  if (activity && isStale(activity)) await sql`ANALYZE ${sql.table(tableName)}`.execute(db);
}
