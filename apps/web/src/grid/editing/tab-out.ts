/**
 * Tab while editing: save and move to the next cell (Shift+Tab: the previous one) without
 * opening its editor — what spreadsheets do. AG Grid would start editing the next cell, and list
 * pickers would take Tab as "choose the highlighted option", so both hand Tab to this.
 */
import type { GridApi } from 'ag-grid-community';

export function tabOut(api: GridApi, backwards: boolean): void {
  api.stopEditing();
  if (backwards) api.tabToPreviousCell();
  else api.tabToNextCell();
}
