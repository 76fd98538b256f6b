/**
 * Moving a record in the table's row order: one new fractional key between its new
 * neighbours; no other row is touched, and cell values, version and modified time stay.
 */
import { EngineError } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { userDb } from '../physical/executor';
import { recordIdColumn, rowOrderColumn, userTableName } from '../physical/naming';
import { keyForPlacement, type OrderedKeys, type Placement } from '../schema/positions';

function rowOrderKeys(executor: Executor, tableId: string, movingId: string): OrderedKeys {
  const others = () => userDb(executor).selectFrom(userTableName(tableId)).where(recordIdColumn, '!=', movingId);
  const single = async (query: ReturnType<typeof others>) => {
    const row = (await query.select(rowOrderColumn).limit(1).executeTakeFirst()) as Record<string, unknown> | undefined;
    return row ? String(row[rowOrderColumn]) : null;
  };
  return {
    keyOf: async (id) => (await single(others().where(recordIdColumn, '=', id))) ?? undefined,
    greatestBelow: (key) => single(others().where(rowOrderColumn, '<', key).orderBy(rowOrderColumn, 'desc')),
    leastAbove: (key) => single(others().where(rowOrderColumn, '>', key).orderBy(rowOrderColumn, 'asc')),
    last: () => single(others().orderBy(rowOrderColumn, 'desc')),
  };
}

/** Places record `id` before / after another record (or last); returns its new row-order key. */
export async function moveRecord(
  trx: Executor,
  dialect: SqlDialect,
  table: { id: string },
  id: string,
  placement: Placement,
): Promise<{ id: string; rowOrder: string }> {
  const exists = await userDb(trx)
    .selectFrom(userTableName(table.id))
    .select(recordIdColumn)
    .where(recordIdColumn, '=', id)
    .$call((q) => (dialect.supportsRowLocks ? q.forUpdate() : q))
    .executeTakeFirst();
  if (!exists) throw new EngineError('NOT_FOUND', `No record "${id}" in this table`, { record: id, table: table.id });
  const rowOrder = await keyForPlacement(rowOrderKeys(trx, table.id, id), id, placement, 'record');
  await userDb(trx).updateTable(userTableName(table.id)).set({ [rowOrderColumn]: rowOrder }).where(recordIdColumn, '=', id).execute();
  return { id, rowOrder };
}
