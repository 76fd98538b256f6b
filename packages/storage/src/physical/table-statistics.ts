/**
 * The planner's statistics of a user table, gathered when it has none or stale ones — after a
 * view that queries the table is saved (the dialect's refreshStaleStatistics says when and how).
 * Outside a transaction that holds other locks on the table: ANALYZE locks it against another
 * ANALYZE, so two transactions each holding the table's index lock would wait on each other.
 */
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { userDb } from './executor';
import { userTableName } from './naming';

export async function refreshTableStatistics(executor: Executor, dialect: SqlDialect, tableId: string): Promise<void> {
  await dialect.refreshStaleStatistics(userDb(executor), userTableName(tableId));
}
