/**
 * The rectangle of selected cells — ours, because AG Grid Community has no range selection. It
 * runs from an anchor (where the selection started) to the focused cell; rows are row indexes
 * and columns are indexes into the displayed data columns.
 */
export interface CellPoint {
  row: number;
  column: number;
}

export interface CellRange {
  anchor: CellPoint;
  focus: CellPoint;
}

export interface RangeBounds {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function singleCell(point: CellPoint): CellRange {
  return { anchor: point, focus: point };
}

export function boundsOf(range: CellRange): RangeBounds {
  return {
    top: Math.min(range.anchor.row, range.focus.row),
    bottom: Math.max(range.anchor.row, range.focus.row),
    left: Math.min(range.anchor.column, range.focus.column),
    right: Math.max(range.anchor.column, range.focus.column),
  };
}

export function rangeContains(range: CellRange, row: number, column: number): boolean {
  const bounds = boundsOf(range);
  return row >= bounds.top && row <= bounds.bottom && column >= bounds.left && column <= bounds.right;
}

export function isSingleCell(range: CellRange): boolean {
  return range.anchor.row === range.focus.row && range.anchor.column === range.focus.column;
}

/**
 * Where a pasted block of `rows` × `columns` lands, from the range's top-left corner. A single
 * value pasted over a larger selection fills the whole selection, as spreadsheets do.
 */
export function pasteTarget(range: CellRange, rows: number, columns: number): RangeBounds {
  const bounds = boundsOf(range);
  if (rows === 1 && columns === 1) return bounds;
  return { top: bounds.top, left: bounds.left, bottom: bounds.top + rows - 1, right: bounds.left + columns - 1 };
}
