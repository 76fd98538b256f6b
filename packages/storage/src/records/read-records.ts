/**
 * Reading records: by id, and pages of a table in a given order under an optional compiled
 * filter and sort (../query: compileFilter, compileOrderBy with tableScope(dialect)). The default order is the user's row order, `row_order, id`, which the
 * row-order index serves; a page never COUNTs the table — `countRecords` is separate.
 */
import type { Expression, SqlBool } from 'kysely';
import { EngineError, type Field } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { userDb } from '../physical/executor';
import { recordIdColumn, rowOrderColumn, userTableName } from '../physical/naming';
import { readRowsById } from './read-rows';
import { columnsFor, recordDecoder, selectFields, type StoredRecord } from './stored-record';

export interface RecordReadOptions {
  /** Only these fields' values (all of `fields` when absent); system columns always come. */
  fieldIds?: readonly string[];
}

export interface RecordsByIdOptions extends RecordReadOptions {
  /** Lock the rows until the transaction ends (`FOR UPDATE` where the dialect has row locks): a value updated from what it was. */
  lock?: boolean;
}

export async function getRecords(
  db: Executor,
  dialect: SqlDialect,
  table: { id: string },
  fields: readonly Field[],
  ids: readonly string[],
  options: RecordsByIdOptions = {},
): Promise<StoredRecord[]> {
  const shown = selectFields(fields, options.fieldIds);
  const rows = await readRowsById(db, dialect, table.id, ids, { columns: columnsFor(shown), ...(options.lock ? { lock: true } : {}) });
  const decode = recordDecoder(dialect, shown);
  return [...new Set(ids)].flatMap((id) => {
    const row = rows.get(id);
    return row ? [decode(row)] : [];
  });
}

/** One record, or undefined when there is none with this id. */
export async function getRecord(
  db: Executor,
  dialect: SqlDialect,
  table: { id: string },
  fields: readonly Field[],
  id: string,
  options: RecordReadOptions = {},
): Promise<StoredRecord | undefined> {
  return (await getRecords(db, dialect, table, fields, [id], options))[0];
}

export interface ListRecordsQuery extends RecordReadOptions {
  /** Compiled filter (compileFilter); every record when absent. */
  where?: Expression<SqlBool>;
  /**
   * The whole ORDER BY list, compiled (compileOrderBy — it ends with `row_order, id`, so the
   * order is total). Default: `row_order, id`, the user's manual order.
   */
  orderBy?: Expression<unknown>;
  offset?: number;
  limit: number;
}

/** From this offset on, a page is found by its ids first (see listRecords). */
export const deferredReadOffset = 1000;

function checkPage(offset: number, limit: number): void {
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new EngineError('VALIDATION_FAILED', `offset must be a whole number ≥ 0, got ${offset}`, { path: 'offset' });
  }
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new EngineError('VALIDATION_FAILED', `limit must be a whole number ≥ 0, got ${limit}`, { path: 'limit' });
  }
}

export async function listRecords(
  db: Executor,
  dialect: SqlDialect,
  table: { id: string },
  fields: readonly Field[],
  query: ListRecordsQuery,
): Promise<StoredRecord[]> {
  const offset = query.offset ?? 0;
  checkPage(offset, query.limit);
  const shown = selectFields(fields, query.fieldIds);
  const from = () => userDb(db).selectFrom(userTableName(table.id));
  const ordered = <Q extends { orderBy(expression: any): Q }>(select: Q): Q =>
    query.orderBy ? select.orderBy(query.orderBy) : select.orderBy(rowOrderColumn).orderBy(recordIdColumn);
  let select = from().select(columnsFor(shown));
  if (offset >= deferredReadOffset) {
    // Deep pages: walk past the skipped rows reading only their ids (the order's index covers
    // them), then read the page's rows whole — not every skipped row's cells.
    let ids = from().select(recordIdColumn);
    if (query.where) ids = ids.where(query.where);
    select = ordered(select.where(recordIdColumn, 'in', ordered(ids).limit(query.limit).offset(offset)));
  } else {
    if (query.where) select = select.where(query.where);
    select = ordered(select).limit(query.limit).offset(offset);
  }
  const rows = (await select.execute()) as Array<Record<string, unknown>>;
  return rows.map(recordDecoder(dialect, shown));
}

/** Number of records (matching `where` when given). Exact, so not for every page load. */
export async function countRecords(db: Executor, table: { id: string }, where?: Expression<SqlBool>): Promise<number> {
  let select = userDb(db)
    .selectFrom(userTableName(table.id))
    .select((eb) => eb.fn.countAll().as('n'));
  if (where) select = select.where(where);
  const row = (await select.executeTakeFirstOrThrow()) as { n: unknown };
  return Number(row.n);
}
