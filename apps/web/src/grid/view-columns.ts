/**
 * The grid's columns as the view has them — its fields in order, its widths, its frozen fields —
 * and the column events that hand a user's drag or resize back to the view: the shown fields' new
 * order, or a column's new width. The row-number column is the grid's own and never saved.
 */
import type { ViewConfig } from '@multitable/core';
import type { ColumnMovedEvent, ColumnResizedEvent } from 'ag-grid-community';
import { useCallback, useMemo } from 'react';
import type { ApiRecord } from '../api/records';
import type { ApiField } from '../api/tables';
import { columnDefs, rowNumberColumnId } from './column-defs';
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
  const onColumnMoved = useCallback(
    (event: ColumnMovedEvent<ApiRecord>) => {
      if (!event.finished || event.source !== 'uiColumnMoved') return;
      onFieldOrder(event.api.getAllGridColumns().map((column) => column.getColId()).filter((id) => id !== rowNumberColumnId));
    },
    [onFieldOrder],
  );
  const onColumnResized = useCallback(
    (event: ColumnResizedEvent<ApiRecord>) => {
      if (!event.finished || event.source !== 'uiColumnResized') return;
      for (const column of event.columns ?? []) {
        if (column.getColId() !== rowNumberColumnId) onColumnWidth(column.getColId(), Math.round(column.getActualWidth()));
      }
    },
    [onColumnWidth],
  );
  return { columns, onColumnMoved, onColumnResized };
}
