/**
 * Keys the grid handles itself, on top of AG Grid's navigation and editing: Tab out of an edit,
 * Ctrl/Cmd+Z and Ctrl/Cmd+Y (or Shift+Z) for undo and redo, Delete/Backspace to clear the
 * selected cells, Space/Enter to toggle a checkbox, Esc to shrink the selection.
 */
import type { GridApi } from 'ag-grid-community';
import type { KeyboardEvent } from 'react';
import type { ApiRecord } from '../../api/records';
import type { ApiField } from '../../api/tables';
import { cellTypeOf } from '../../fields/registry';
import type { RangeTracker } from '../selection/range-tracker';
import type { CellWriter } from './cell-writer';
import { isImeKey } from './ime-start';
import { tabOut } from './tab-out';
import { recordOf } from '../grid-row';

export interface GridKeyDeps {
  api: GridApi<ApiRecord>;
  writer: CellWriter;
  ranges: RangeTracker;
  fieldsById: ReadonlyMap<string, ApiField>;
  history(direction: 'undo' | 'redo'): void;
}

function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform);
}

export function handleGridKey(event: KeyboardEvent, { api, writer, ranges, fieldsById, history }: GridKeyDeps): void {
  // An input method's keys are the composition's (ime-start.tsx), not shortcuts.
  if (isImeKey(event.nativeEvent)) return;
  const editing = api.getEditingCells().length > 0;
  if (event.key === 'Tab' && editing) {
    event.preventDefault();
    tabOut(api, event.shiftKey);
    return;
  }
  const focused = api.getFocusedCell();
  if (editing || !focused) return;
  const command = isMac() ? event.metaKey : event.ctrlKey;
  const key = event.key.toLowerCase();
  if (command && key === 'z' && !event.shiftKey) {
    event.preventDefault();
    history('undo');
  } else if (command && (key === 'y' || (key === 'z' && event.shiftKey))) {
    event.preventDefault();
    history('redo');
  } else if (event.key === 'Delete' || event.key === 'Backspace') {
    event.preventDefault();
    // Only cells users edit; computed columns inside the selection are left as they are.
    const cells = ranges.selectedCells().filter(({ fieldId }) => {
      const field = fieldsById.get(fieldId);
      return field !== undefined && cellTypeOf(field).Editor !== undefined;
    });
    void writer.write(cells.map(({ record, fieldId }) => ({ recordId: record.id, fieldId, input: null })));
  } else if (event.key === ' ' || event.key === 'Enter') {
    const field = fieldsById.get(focused.column.getColId());
    const toggle = field ? cellTypeOf(field).toggle : undefined;
    const record = recordOf(api.getDisplayedRowAtIndex(focused.rowIndex)?.data);
    if (!field || !toggle || !record) return;
    event.preventDefault();
    void writer.write([{ recordId: record.id, fieldId: field.id, input: toggle(record.fields[field.id] ?? null) }]);
  } else if (event.key === 'Escape') ranges.collapse();
}
