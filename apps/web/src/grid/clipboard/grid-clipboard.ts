/**
 * Copy and paste of cell ranges as TSV, built on the browser's copy and paste events (AG Grid's
 * clipboard is an Enterprise module). Copy writes each cell as core formats it; paste turns the
 * pasted block into cell inputs from the selection's top-left corner, which the cell writer checks
 * with core and saves as one undoable action. Read-only columns in the way are skipped.
 *
 * A block taller than the rows left below becomes new records for the rest (`newRows`), when the
 * grid knows its last row (a flat view with an exact count); otherwise the rest is left out.
 */
import type { GridApi } from 'ag-grid-community';
import { maxRecordBatch, type ApiRecord } from '../../api/records';
import type { ApiField } from '../../api/tables';
import { cellText, isWritable, type CellEnvironment } from '../cell-values';
import type { CellInput } from '../editing/cell-writer';
import { boundsOf, pasteTarget, type CellRange, type RangeBounds } from '../selection/cell-range';
import { displayedFieldIds } from '../selection/grid-columns';
import { groupHeaderOf, recordOf } from '../grid-row';
import { parseTsv, toTsv } from './tsv';

/** Most cells one paste may change (a pasted 10,000-row sheet would otherwise hang the page). */
export const maxPasteCells = 20_000;

export function copiedText(api: GridApi<ApiRecord>, range: CellRange, fields: ReadonlyMap<string, ApiField>, env: CellEnvironment): string {
  const bounds = boundsOf(range);
  const fieldIds = displayedFieldIds(api).slice(bounds.left, bounds.right + 1);
  const rows: string[][] = [];
  for (let rowIndex = bounds.top; rowIndex <= bounds.bottom; rowIndex += 1) {
    const shown = api.getDisplayedRowAtIndex(rowIndex)?.data;
    if (groupHeaderOf(shown)) continue; // group headers hold no cells
    const record = recordOf(shown);
    rows.push(fieldIds.map((fieldId) => (record && fields.get(fieldId) ? cellText(fields.get(fieldId)!, record.fields[fieldId], env) : '')));
  }
  return toTsv(rows);
}

/** One record to create for pasted rows past the last one: its inputs by field id. */
export type NewRowInputs = Array<{ fieldId: string; input: string }>;

export type PastePlan =
  | { kind: 'empty' }
  | { kind: 'tooLarge' }
  | { kind: 'tooManyRows'; max: number }
  | { kind: 'cells'; inputs: CellInput[]; newRows: NewRowInputs[]; target: RangeBounds; rowsMissing: boolean };

/** `extendable`: the grid knows its last row, so rows pasted past it may become new records. */
export function planPaste(api: GridApi<ApiRecord>, range: CellRange, text: string, fields: ReadonlyMap<string, ApiField>, extendable = false): PastePlan {
  const block = parseTsv(text);
  const columns = Math.max(0, ...block.map((row) => row.length));
  if (block.length === 0 || columns === 0) return { kind: 'empty' };
  const fieldIds = displayedFieldIds(api);
  const wanted = pasteTarget(range, block.length, columns);
  const lastRow = api.getDisplayedRowCount() - 1;
  const target = {
    ...wanted,
    right: Math.min(wanted.right, fieldIds.length - 1),
    bottom: Math.min(wanted.bottom, lastRow),
  };
  const extraRows = extendable ? wanted.bottom - target.bottom : 0;
  if ((wanted.bottom - wanted.top + 1) * (target.right - target.left + 1) > maxPasteCells) return { kind: 'tooLarge' };
  if (extraRows > maxRecordBatch) return { kind: 'tooManyRows', max: maxRecordBatch };
  const inputs: CellInput[] = [];
  let rowsMissing = !extendable && target.bottom < wanted.bottom;
  for (let rowIndex = target.top; rowIndex <= target.bottom; rowIndex += 1) {
    const shown = api.getDisplayedRowAtIndex(rowIndex)?.data;
    if (groupHeaderOf(shown)) continue; // a group header in the way takes no cells
    const record = recordOf(shown);
    if (!record) {
      rowsMissing = true; // not loaded (far below in a big table): left out rather than guessed
      continue;
    }
    const row = block[(rowIndex - target.top) % block.length]!;
    for (let columnIndex = target.left; columnIndex <= target.right; columnIndex += 1) {
      const field = fields.get(fieldIds[columnIndex]!);
      if (!field || !isWritable(field)) continue;
      inputs.push({ recordId: record.id, fieldId: field.id, input: row[(columnIndex - target.left) % columns] ?? '' });
    }
  }
  const newRows: NewRowInputs[] = [];
  for (let rowIndex = target.bottom + 1; rowIndex <= target.bottom + extraRows; rowIndex += 1) {
    const row = block[(rowIndex - target.top) % block.length]!;
    const cells: NewRowInputs = [];
    for (let columnIndex = target.left; columnIndex <= target.right; columnIndex += 1) {
      const field = fields.get(fieldIds[columnIndex]!);
      const input = row[(columnIndex - target.left) % columns] ?? '';
      if (field && isWritable(field) && input !== '') cells.push({ fieldId: field.id, input });
    }
    newRows.push(cells);
  }
  return { kind: 'cells', inputs, newRows, target: { ...target, bottom: target.bottom + extraRows }, rowsMissing };
}
