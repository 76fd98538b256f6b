/**
 * Raw row reads by id, chunked under the parameter limit; optionally locking the rows
 * (`FOR UPDATE` where the dialect has row locks) so a read-modify-write sees no concurrent change.
 */
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { chunkForParameters, userDb } from '../physical/executor';
import { recordIdColumn, userTableName } from '../physical/naming';

export type RawRow = Record<string, unknown>;

export async function readRowsById(
  executor: Executor,
  dialect: SqlDialect,
  tableId: string,
  ids: readonly string[],
  options: { columns?: readonly string[]; lock?: boolean } = {},
): Promise<Map<string, RawRow>> {
  const found = new Map<string, RawRow>();
  const db = userDb(executor);
  for (const chunk of chunkForParameters([...new Set(ids)], 1, dialect.maxParameters)) {
    let query = db
      .selectFrom(userTableName(tableId))
      .where(recordIdColumn, 'in', chunk)
      .orderBy(recordIdColumn); // a fixed lock order keeps two writers of the same rows from deadlocking
    query = options.columns ? query.select([...options.columns]) : query.selectAll();
    if (options.lock && dialect.supportsRowLocks) query = query.forUpdate();
    for (const row of (await query.execute()) as RawRow[]) found.set(String(row[recordIdColumn]), row);
  }
  return found;
}
