/**
 * Keeps the selected range in step with AG Grid's focused cell: a plain click or arrow starts a
 * new range at the focused cell; with Shift held, the range stretches from its anchor to it.
 * Cells in the range are drawn with `mt-cell-in-range` (a cellClassRule asking `contains`).
 */
import type { CellFocusedEvent, GridApi } from 'ag-grid-community';
import type { ApiRecord } from '../../api/records';
import { rowNumberColumnId } from '../column-defs';
import { boundsOf, isSingleCell, rangeContains, singleCell, type CellPoint, type CellRange } from './cell-range';
import { displayedFieldIds } from './grid-columns';
import { recordOf } from '../grid-row';

export class RangeTracker {
  private range: CellRange | null = null;
  /** Shift state of the latest key press or pointer press in the grid. */
  private shiftHeld = false;

  constructor(private readonly grid: () => GridApi<ApiRecord> | undefined) {}

  noteInput(shiftKey: boolean): void {
    this.shiftHeld = shiftKey;
  }

  set(next: CellRange | null): void {
    const hadRange = this.range !== null && !isSingleCell(this.range);
    this.range = next;
    if (hadRange || (next && !isSingleCell(next))) this.grid()?.refreshCells({ force: true });
  }

  contains(rowIndex: number | null, fieldId: string): boolean {
    const api = this.grid();
    if (!this.range || rowIndex === null || isSingleCell(this.range) || !api) return false;
    return rangeContains(this.range, rowIndex, displayedFieldIds(api).indexOf(fieldId));
  }

  private moveTo(point: CellPoint, shift: boolean): void {
    this.set(shift && this.range ? { anchor: this.range.anchor, focus: point } : singleCell(point));
  }

  onCellFocused(event: CellFocusedEvent<ApiRecord>): void {
    const colId = typeof event.column === 'string' ? event.column : event.column?.getColId();
    if (event.rowIndex === null || !colId || colId === rowNumberColumnId) return;
    const point = { row: event.rowIndex, column: displayedFieldIds(event.api).indexOf(colId) };
    if (point.column < 0) return;
    // The event comes a moment after the key or click that caused it: ask that input about Shift.
    const source = event.sourceEvent;
    this.moveTo(point, source instanceof KeyboardEvent || source instanceof MouseEvent ? source.shiftKey : this.shiftHeld);
  }

  /**
   * The selection as of now. AG Grid reports focus changes a moment after the click that made
   * them, so a copy or paste right after a click checks the focused cell first.
   */
  current(): CellRange | null {
    const api = this.grid();
    const focused = api?.getFocusedCell();
    if (!api || !focused) return null;
    const point = { row: focused.rowIndex, column: displayedFieldIds(api).indexOf(focused.column.getColId()) };
    if (point.column < 0) return null;
    const known = this.range;
    if (!known || known.focus.row !== point.row || known.focus.column !== point.column) this.moveTo(point, this.shiftHeld);
    return this.range;
  }

  /** Back to the focused cell alone (Esc). */
  collapse(): void {
    if (this.range) this.set(singleCell(this.range.focus));
  }

  /** The loaded records and field ids of the selected cells. */
  selectedCells(): Array<{ record: ApiRecord; fieldId: string }> {
    const api = this.grid();
    const selected = this.current();
    if (!api || !selected) return [];
    const bounds = boundsOf(selected);
    const fieldIds = displayedFieldIds(api);
    const cells = [];
    for (let row = bounds.top; row <= bounds.bottom; row += 1) {
      const record = recordOf(api.getDisplayedRowAtIndex(row)?.data);
      if (!record) continue;
      for (let column = bounds.left; column <= bounds.right; column += 1) cells.push({ record, fieldId: fieldIds[column]! });
    }
    return cells;
  }
}
