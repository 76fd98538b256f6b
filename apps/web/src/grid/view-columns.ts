/**
 * The grid's columns as the view has them — its fields in order, its widths, its frozen fields —
 * and the column events that hand a user's drag or resize back to the view: the shown fields' new
 * order, or a column's new width. The row-number column is the grid's own and never saved.
 */
import type { ViewConfig } from '@multitable/core';
import type { ColumnMovedEvent, ColumnResizedEvent, DragCancelledEvent, DragStoppedEvent, GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ApiRecord } from '../api/records';
import type { ApiField } from '../api/tables';
import { columnDefs, columnOrder, rowNumberColumnId } from './column-defs';
import type { RangeTracker } from './selection/range-tracker';

interface ViewColumnsInput {
  fields: readonly ApiField[];
  config: ViewConfig;
  ranges: RangeTracker;
  mayEdit(fieldId: string): boolean;
  onFieldOrder(fieldIds: string[]): void;
  onColumnWidth(fieldId: string, width: number): void;
  /** Saves the view's frozen count; absent when the user may not change the view. */
  onFrozenCount?(count: number): void;
}

export function useViewColumns({ fields, config, ranges, mayEdit, onFieldOrder, onColumnWidth, onFrozenCount }: ViewColumnsInput) {
  const widths = config.columnWidths;
  const frozenCount = config.frozenColumnCount;
  const columns = useMemo(
    () =>
      columnDefs(fields, {
        inRange: (rowIndex, fieldId) => ranges.contains(rowIndex, fieldId),
        mayEdit,
        widthOf: (fieldId) => widths[fieldId],
        frozenCount,
        ...(onFrozenCount ? { setFrozenCount: onFrozenCount } : {}),
      }),
    [fields, ranges, widths, mayEdit, frozenCount, onFrozenCount],
  );
  // The order last handed on for these fields: the end of one drag reports it twice (below).
  const handed = useRef('');
  useEffect(() => {
    handed.current = '';
  }, [fields]);
  const handOrder = useCallback(
    (api: GridApi<ApiRecord>) => {
      const order = api.getAllGridColumns().map((column) => column.getColId()).filter((id) => id !== rowNumberColumnId);
      const key = order.join(',');
      if (key === handed.current || key === columnOrder(fields).map((field) => field.id).join(',')) return;
      handed.current = key;
      onFieldOrder(order);
    },
    [fields, onFieldOrder],
  );
  const onColumnMoved = useCallback(
    (event: ColumnMovedEvent<ApiRecord>) => {
      if (event.finished && event.source === 'uiColumnMoved') handOrder(event.api);
    },
    [handOrder],
  );
  // The grid reports a drag's move as finished only when it still knows that move when the
  // button is released (it forgets it when the pointer leaves the header on the way), and a drag
  // cancelled with Escape keeps the columns where it left them: the end of every drag, stopped or
  // cancelled, is where an order it moved but did not report is handed on.
  const onDragEnded = useCallback((event: DragStoppedEvent<ApiRecord> | DragCancelledEvent<ApiRecord>) => handOrder(event.api), [handOrder]);
  const onColumnResized = useCallback(
    (event: ColumnResizedEvent<ApiRecord>) => {
      if (!event.finished || event.source !== 'uiColumnResized') return;
      for (const column of event.columns ?? []) {
        if (column.getColId() !== rowNumberColumnId) onColumnWidth(column.getColId(), Math.round(column.getActualWidth()));
      }
    },
    [onColumnWidth],
  );
  return { columns, onColumnMoved, onColumnResized, onDragEnded };
}
