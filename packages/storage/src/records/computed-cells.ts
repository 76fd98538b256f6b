/**
 * Writing materialized values of computed fields. Unlike a user's edit this is not a change
 * of the record: version, modified time and modified by stay as they are. An error value
 * `{ error, reason }` goes to the field's error column and leaves the value column NULL, so the
 * value column stays typed (filters and sorts see the cell as empty).
 */
import { isCellError, type Field } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { fieldPlacement } from '../physical/field-storage';
import { bulkUpdate } from './bulk-update';
import { encodeCell } from './writable-cells';

export async function writeComputedCells(
  trx: Executor,
  dialect: SqlDialect,
  field: Field,
  cells: ReadonlyArray<{ id: string; value: unknown }>,
): Promise<void> {
  const placement = fieldPlacement(field);
  if (!placement.own) throw new Error(`Field ${field.id} has no column of its own to materialize into`);
  const errorColumn = placement.errorColumn;
  if (!errorColumn) {
    await bulkUpdate(
      trx,
      dialect,
      field.tableId,
      [{ column: placement.column, kind: placement.kind }],
      cells.map((cell) => ({ id: cell.id, params: [encodeCell(dialect, placement.kind, cell.value)] })),
    );
    return;
  }
  await bulkUpdate(
    trx,
    dialect,
    field.tableId,
    [
      { column: placement.column, kind: placement.kind },
      { column: errorColumn, kind: 'json' },
    ],
    cells.map((cell) => {
      const error = isCellError(cell.value);
      return { id: cell.id, params: [encodeCell(dialect, placement.kind, error ? null : cell.value), encodeCell(dialect, 'json', error ? cell.value : null)] };
    }),
  );
}
