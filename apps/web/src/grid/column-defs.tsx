/**
 * Grid columns from a table's fields, each from its cell type in the registry: renderer,
 * editor, which keys the editor keeps, alignment and width. A row-number column leads; the primary
 * field comes first after it, and the view's frozen fields (the primary one by default, as in
 * Bitable) are pinned beside it. Pinning changes only through the header's menu (lockPinned), so
 * a column dragged across the pinned edge does not change the view's frozen count by accident.
 */
import type { ColDef, SuppressKeyboardEventParams } from 'ag-grid-community';
import type { CustomCellEditorProps, CustomCellRendererProps } from 'ag-grid-react';
import type { ApiRecord } from '../api/records';
import type { ApiField } from '../api/tables';
import { isWritable } from './cell-values';
import { cellTypeOf } from '../fields/registry';
import { isImeKey } from './editing/ime-start';
import { FieldHeader } from './field-header';
import type { FieldMenuColumn } from './field-menu';
import { RowNumberCell } from './record-panel/row-number-cell';
import type { GridContext } from './grid-context';

export const rowNumberColumnId = 'mt-row-number';

/** Keys the grid leaves alone outside editing: our own handlers clear, toggle and paste. */
const handledOutsideEditing = new Set(['Delete', 'Backspace']);

export interface ColumnHooks {
  /** cellClassRules of every field cell: marks the selected range. */
  inRange(rowIndex: number | null, fieldId: string): boolean;
  /** Whether the user's role may edit the field. */
  mayEdit(fieldId: string): boolean;
  /** The view's width for the column, if it stores one. */
  widthOf(fieldId: string): number | undefined;
  /** How many leading fields stay in place while scrolling sideways. */
  frozenCount: number;
  /** Saves a new frozen count; absent when the user may not change the view. */
  setFrozenCount?(count: number): void;
}

/** Room for the largest row number and the expand button beside it. */
export function rowNumberWidth(rows: number): number {
  return Math.max(64, 38 + String(Math.max(rows, 1)).length * 8);
}

function rowNumberColumn(): ColDef<ApiRecord> {
  return {
    colId: rowNumberColumnId,
    headerName: '',
    width: rowNumberWidth(0),
    pinned: 'left',
    lockPinned: true,
    resizable: false,
    editable: false,
    suppressNavigable: true,
    suppressMovable: true,
    cellClass: 'mt-row-number',
    cellRenderer: RowNumberCell,
  };
}

export function fieldColumn(field: ApiField, index: number, hooks: ColumnHooks): ColDef<ApiRecord> {
  const cellType = cellTypeOf(field);
  const { Renderer, Editor } = cellType;
  const editable = Editor !== undefined && isWritable(field) && hooks.mayEdit(field.id);
  const editorKeys = new Set(cellType.editorKeys ?? []);
  return {
    colId: field.id,
    headerName: field.name,
    headerComponent: FieldHeader,
    headerComponentParams: { field, menu: { index, frozenCount: hooks.frozenCount, setFrozenCount: hooks.setFrozenCount } satisfies FieldMenuColumn },
    width: hooks.widthOf(field.id) ?? cellType.width ?? (field.isPrimary ? 220 : 180),
    pinned: index < hooks.frozenCount ? 'left' : null,
    lockPinned: true,
    valueGetter: (params) => params.data?.fields[field.id] ?? null,
    cellRenderer: (params: CustomCellRendererProps<ApiRecord, unknown, GridContext>) =>
      params.data ? <Renderer value={params.value} field={field} recordId={params.data.id} context={params.context} /> : null,
    cellClass: [`mt-cell`, `mt-align-${cellType.align ?? 'left'}`],
    cellClassRules: { 'mt-cell-in-range': (params) => hooks.inRange(params.node.rowIndex, field.id) },
    editable,
    ...(Editor
      ? {
          cellEditor: (params: CustomCellEditorProps<ApiRecord, unknown, GridContext>) => <Editor {...params} field={field} />,
          cellEditorPopup: cellType.popupEditor === true,
          cellEditorPopupPosition: 'over' as const,
        }
      : {}),
    suppressKeyboardEvent: (params: SuppressKeyboardEventParams<ApiRecord>) => {
      const { key, shiftKey } = params.event;
      // An input method's keys (its Enter confirms the composition) never end or start an edit.
      if (isImeKey(params.event)) return true;
      // Tab while editing is ours: save and move right without editing the next cell (AG Grid
      // would open its editor; spreadsheets do not).
      if (params.editing) return editorKeys.has(key) || key === 'Tab' || (key === 'Enter' && shiftKey);
      if (handledOutsideEditing.has(key)) return true;
      return cellType.toggle !== undefined && (key === ' ' || key === 'Enter');
    },
  };
}

/** The fields in the grid's column order: the view's, with the primary field first. */
export function columnOrder(fields: readonly ApiField[]): ApiField[] {
  return [...fields].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
}

export function columnDefs(fields: readonly ApiField[], hooks: ColumnHooks): ColDef<ApiRecord>[] {
  return [rowNumberColumn(), ...columnOrder(fields).map((field, index) => fieldColumn(field, index, hooks))];
}
