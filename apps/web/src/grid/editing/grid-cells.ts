/**
 * The writer's view of the grid: what a cell of a row the grid holds shows now, and new values
 * drawn into rows in place. Rows the grid does not hold (not read, or no grid at all, as in card
 * layouts) are skipped: what is read later comes from the server.
 */
import type { GridApi } from 'ag-grid-community';
import type { ApiRecord } from '../../api/records';

export interface CellValue {
  recordId: string;
  fieldId: string;
  value: unknown;
}

/** The presented value a grid row holds for the cell (null when empty or not held). */
export function valueInGrid(api: GridApi<ApiRecord> | undefined, recordId: string, fieldId: string): unknown {
  return api?.getRowNode(recordId)?.data?.fields[fieldId] ?? null;
}

export function showInGrid(api: GridApi<ApiRecord> | undefined, cells: readonly CellValue[]): void {
  if (!api) return;
  const byRecord = new Map<string, CellValue[]>();
  for (const cell of cells) byRecord.set(cell.recordId, [...(byRecord.get(cell.recordId) ?? []), cell]);
  for (const [recordId, values] of byRecord) {
    const node = api.getRowNode(recordId);
    if (!node?.data) continue;
    const fields = { ...node.data.fields };
    for (const { fieldId, value } of values) {
      if (value === null || value === undefined) delete fields[fieldId];
      else fields[fieldId] = value;
    }
    // In place, then only these cells: replacing the row (setData) would redraw every cell of
    // it and close an editor the user has meanwhile opened in the same row.
    node.data.fields = fields;
    api.refreshCells({ rowNodes: [node], columns: values.map((value) => value.fieldId) });
  }
}
