/**
 * Stamping records as modified without writing a cell of their own: a new version and modified
 * time / by. Used when a user's edit changed only what lives outside the row (link memberships,
 * kept in junction tables), which is still an edit of the record.
 */
import { sql } from 'kysely';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { chunkForParameters, userDb } from '../physical/executor';
import { recordIdColumn, systemColumns, userTableName, versionColumn } from '../physical/naming';
import type { Actor } from './stored-record';

export async function touchRecords(
  trx: Executor,
  dialect: SqlDialect,
  table: { id: string },
  ids: readonly string[],
  actor: Actor,
  now: Date = new Date(),
): Promise<void> {
  const at = now.toISOString();
  for (const chunk of chunkForParameters([...new Set(ids)].sort(), 1, dialect.maxParameters - 2)) {
    await userDb(trx)
      .updateTable(userTableName(table.id))
      .set({
        [versionColumn]: sql`${sql.ref(versionColumn)} + 1`,
        [systemColumns.modifiedTime]: at,
        [systemColumns.modifiedBy]: actor.userId,
      })
      .where(recordIdColumn, 'in', chunk)
      .execute();
  }
}
