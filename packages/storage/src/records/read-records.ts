/**
 * Reading records: by id, and pages of a table in a given order under an optional compiled
 * filter and sort (../query: compileFilter, compileOrderBy with tableScope(dialect)). The default order is the user's row order, `row_order, id`, which the
 * row-order index serves; a deep page in it seeks from a position map (./position-maps) instead of
 * stepping over every earlier row. A page never COUNTs the table — `countRecords` is separate.
 */
import type { Expression, SqlBool } from 'kysely';
import { EngineError, type Field } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { userDb } from '../physical/executor';
import { recordIdColumn, rowOrderColumn, userTableName } from '../physical/naming';
import { afterOrderKey, defaultAnchorSpacing, locatePage, readInSnapshot, type PageStart } from './position-maps';
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
  /** Rows between a position map's anchors (default defaultAnchorSpacing); tests set it small. */
  anchorSpacing?: number;
}

/** From this many skipped rows on, a page is found by its ids first (see pageSelect). */
export const deferredReadOffset = 1000;

function checkPage(offset: number, limit: number): void {
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new EngineError('VALIDATION_FAILED', `offset must be a whole number ≥ 0, got ${offset}`, { path: 'offset' });
  }
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new EngineError('VALIDATION_FAILED', `limit must be a whole number ≥ 0, got ${limit}`, { path: 'limit' });
  }
}

function pageSelect(executor: Executor, tableId: string, shown: readonly Field[], query: ListRecordsQuery, start: PageStart) {
  const from = () => userDb(executor).selectFrom(userTableName(tableId));
  const ordered = <Q extends { orderBy(expression: any): Q }>(select: Q): Q =>
    query.orderBy ? select.orderBy(query.orderBy) : select.orderBy(rowOrderColumn).orderBy(recordIdColumn);
  const selected = <Q extends { where(expression: Expression<SqlBool>): Q }>(select: Q): Q => {
    const filtered = query.where ? select.where(query.where) : select;
    return start.after ? filtered.where(afterOrderKey(start.after)) : filtered;
  };
  const select = from().select(columnsFor(shown));
  if (start.skip < deferredReadOffset) return ordered(selected(select)).limit(query.limit).offset(start.skip);
  // A long skip: walk past the skipped rows reading only their ids (the order's index covers
  // them), then read the page's rows whole — not every skipped row's cells.
  const ids = ordered(selected(from().select(recordIdColumn))).limit(query.limit).offset(start.skip);
  return ordered(select.where(recordIdColumn, 'in', ids));
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
  const spacing = query.anchorSpacing ?? defaultAnchorSpacing;
  if (!Number.isSafeInteger(spacing) || spacing < 1) throw new Error(`anchorSpacing must be a whole number ≥ 1, got ${spacing}`);
  const shown = selectFields(fields, query.fieldIds);
  const read = async (executor: Executor, start: PageStart) =>
    ((await pageSelect(executor, table.id, shown, query, start).execute()) as Array<Record<string, unknown>>).map(recordDecoder(dialect, shown));
  // Position maps serve the default order only, and only outside a caller's transaction: its
  // own uncommitted writes could roll back without changing the data version.
  if (query.orderBy || offset < spacing || db.isTransaction) return read(db, { skip: offset });
  const walk = { tableId: table.id, where: query.where, spacing };
  return readInSnapshot(db, dialect, async (snapshot) => read(snapshot, await locatePage(db, snapshot, dialect, walk, offset)));
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
