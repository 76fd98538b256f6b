/**
 * Filling a computed field that reads only its own record's cells, a page at a time: one read of
 * the next records of a walk over the table (./table-walk.ts: the order updates are cheapest in)
 * with just the columns the field reads and its own, the field's value
 * computed for each (by the caller's `compute`), and the values that differ from what is stored
 * written back — keyed on the row's physical locator read with the page (SQLite `rowid`,
 * PostgreSQL `ctid`), which skips the id index; on PostgreSQL a row that a concurrent
 * transaction updated since it was read is left alone: that writer computed its value.
 *
 * Values are compared and encoded exactly as writeComputedCells does (an error value goes to the
 * error column). Like every computed write this is not a change of the record: version and
 * modified time stay.
 */
import { isCellError, type ComputedRecord, type Field } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { userDb } from '../physical/executor';
import { fieldPlacement } from '../physical/field-storage';
import { recordIdColumn, systemColumns, userTableName } from '../physical/naming';
import { cellReader } from './stored-record';
import { sameCellValue } from './update-records';
import { walkColumn, walkKeyOf, type WalkKey } from './table-walk';
import { encodeCell } from './writable-cells';

export interface ComputedFillPage {
  /** Records the page held (fewer than the limit: the table ends here). */
  count: number;
  /** Where the next page starts (null for an empty page). */
  last: WalkKey | null;
  /** Ids of the records whose value changed and was written. */
  changed: string[];
}

const locatorAlias = 'row_locator';
const walkAlias = 'walk_key';

export async function fillComputedPage(
  trx: Executor,
  dialect: SqlDialect,
  target: Field,
  inputs: readonly Field[],
  page: { after: WalkKey | null; limit: number },
  compute: (record: ComputedRecord) => unknown,
): Promise<ComputedFillPage> {
  const placement = fieldPlacement(target);
  if (!placement.own) throw new Error(`Field ${target.id} has no column of its own to materialize into`);
  const table = userTableName(target.tableId);
  const read = [...new Map([...inputs, target].map((field) => [field.id, field])).values()];
  const columns = new Set<string>([recordIdColumn, systemColumns.createdTime, systemColumns.modifiedTime]);
  for (const field of read) {
    const where = fieldPlacement(field);
    columns.add(where.column);
    if (where.own && where.errorColumn) columns.add(where.errorColumn);
  }
  const walk = walkColumn(dialect);
  let query = userDb(trx)
    .selectFrom(table)
    .select([`${dialect.rowLocator.column} as ${locatorAlias}`, `${walk} as ${walkAlias}`, ...columns])
    .orderBy(walk)
    .limit(page.limit);
  if (page.after !== null) query = query.where(walk, '>', page.after);
  const rows = (await query.execute()) as Array<Record<string, unknown>>;
  const readers = read.map((field) => [field.id, cellReader(dialect, field)] as const);

  const writes: Array<{ key: unknown; params: unknown[] }> = [];
  const changed: string[] = [];
  for (const row of rows) {
    const values: Record<string, unknown> = {};
    for (const [fieldId, reader] of readers) values[fieldId] = reader(row);
    const id = String(row[recordIdColumn]);
    const record = { id, values, createdTime: String(row[systemColumns.createdTime]), modifiedTime: String(row[systemColumns.modifiedTime]) };
    const computed = compute(record);
    const value = computed === undefined ? null : computed;
    if (sameCellValue(value, values[target.id] ?? null)) continue;
    changed.push(id);
    const error = placement.errorColumn !== undefined && isCellError(value);
    const params = [encodeCell(dialect, placement.kind, error ? null : value)];
    if (placement.errorColumn) params.push(encodeCell(dialect, 'json', error ? value : null));
    writes.push({ key: row[locatorAlias], params });
  }
  const written = [{ column: placement.column, type: dialect.columnType(placement.kind) }];
  if (placement.errorColumn) written.push({ column: placement.errorColumn, type: dialect.columnType('json') });
  await dialect.updateRows(userDb(trx), { table, key: dialect.rowLocator, columns: written, rows: writes, extraSets: [] });
  const last = rows.at(-1);
  return { count: rows.length, last: last === undefined ? null : walkKeyOf(last[walkAlias]), changed };
}
