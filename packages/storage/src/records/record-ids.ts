/**
 * Record ids of a table in id order, a page at a time (keyset: ids after `after`): what a fill
 * of a computed field walks, batch by batch, without OFFSET scans.
 */
import type { Executor } from '../database';
import { userDb } from '../physical/executor';
import { recordIdColumn, userTableName } from '../physical/naming';

export async function recordIdsPage(db: Executor, tableId: string, page: { after: string | null; limit: number }): Promise<string[]> {
  let query = userDb(db).selectFrom(userTableName(tableId)).select(recordIdColumn).orderBy(recordIdColumn).limit(page.limit);
  if (page.after !== null) query = query.where(recordIdColumn, '>', page.after);
  const rows = (await query.execute()) as Array<Record<string, unknown>>;
  return rows.map((row) => String(row[recordIdColumn]));
}
