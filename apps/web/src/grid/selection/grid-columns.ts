/** The grid's displayed field columns in screen order (what range column indexes refer to). */
import type { GridApi } from 'ag-grid-community';
import { rowNumberColumnId } from '../column-defs';

export function displayedFieldIds(api: GridApi): string[] {
  return api
    .getAllDisplayedColumns()
    .map((column) => column.getColId())
    .filter((id) => id !== rowNumberColumnId);
}
