/**
 * Writing cells that are not a change of their record — version, modified time and modified by
 * stay as they are: materialized values of computed fields, and stored values a schema change
 * rewrites (a select's choice renamed). A computed field's error value `{ error, reason }` goes to
 * its error column and leaves the value column NULL, so the value column stays typed (filters and
 * sorts see the cell as empty).
 */
import { isCellError, type Field } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { fieldPlacement } from '../physical/field-storage';
import { bulkUpdate, type BulkColumn } from './bulk-update';
import { encodeCell } from './writable-cells';

/** Writes the cells into the field's own column, leaving the records' stamps as they are. */
export async function writeCellsUnstamped(
  trx: Executor,
  dialect: SqlDialect,
  field: Field,
  cells: ReadonlyArray<{ id: string; value: unknown }>,
): Promise<void> {
  const placement = fieldPlacement(field);
  if (!placement.own) throw new Error(`Field ${field.id} has no column of its own to write into`);
  await bulkUpdate(
    trx,
    dialect,
    field.tableId,
    [{ column: placement.column, kind: placement.kind }],
    cells.map((cell) => ({ id: cell.id, params: [encodeCell(dialect, placement.kind, cell.value)] })),
  );
}

export async function writeComputedCells(
  trx: Executor,
  dialect: SqlDialect,
  field: Field,
  cells: ReadonlyArray<{ id: string; value: unknown }>,
): Promise<void> {
  await writeComputedRows(trx, dialect, field.tableId, [field], cells.map((cell) => ({ id: cell.id, values: { [field.id]: cell.value } })));
}

/**
 * The cells of several computed fields of one table, for the same rows, in one UPDATE: each row
 * gives every field a value (a missing one is written empty). One statement instead of one per
 * field — on PostgreSQL one new version of each row instead of one per field.
 */
export async function writeComputedRows(
  trx: Executor,
  dialect: SqlDialect,
  tableId: string,
  fields: readonly Field[],
  rows: ReadonlyArray<{ id: string; values: Readonly<Record<string, unknown>> }>,
): Promise<void> {
  if (rows.length === 0 || fields.length === 0) return;
  const columns: BulkColumn[] = [];
  const encoders: Array<(values: Readonly<Record<string, unknown>>) => unknown> = [];
  for (const field of fields) {
    const placement = fieldPlacement(field);
    if (!placement.own) throw new Error(`Field ${field.id} has no column of its own to materialize into`);
    const { kind, errorColumn } = placement;
    const valueOf = (values: Readonly<Record<string, unknown>>) => values[field.id] ?? null;
    columns.push({ column: placement.column, kind });
    if (!errorColumn) {
      encoders.push((values) => encodeCell(dialect, kind, valueOf(values)));
      continue;
    }
    columns.push({ column: errorColumn, kind: 'json' });
    encoders.push((values) => (isCellError(valueOf(values)) ? null : encodeCell(dialect, kind, valueOf(values))));
    encoders.push((values) => (isCellError(valueOf(values)) ? encodeCell(dialect, 'json', valueOf(values)) : null));
  }
  await bulkUpdate(trx, dialect, tableId, columns, rows.map((row) => ({ id: row.id, params: encoders.map((encode) => encode(row.values)) })));
}

/**
 * For a field: the value reading one of its cells back gives after writeComputedCells wrote
 * `value` there (a value of the field's kind, as computers give) — for callers that keep written
 * rows in memory instead of reading them again. JSON goes through text both ways (undefined
 * members dropped, a fresh copy); a boolean comes back a boolean; an error value comes back from
 * the error column. The field's placement is worked out once, for the many cells of a write.
 */
export function computedCellReadBack(field: Field): (value: unknown) => unknown {
  const placement = fieldPlacement(field);
  if (!placement.own) throw new Error(`Field ${field.id} has no column of its own to materialize into`);
  const { kind, errorColumn } = placement;
  return (value) => {
    if (value === null || value === undefined) return null;
    if (kind === 'json' || (errorColumn && isCellError(value))) return JSON.parse(JSON.stringify(value)) as unknown;
    if (kind === 'boolean') return Boolean(value);
    return value;
  };
}
