/**
 * A refusal shown at the cell it is about: a red callout under the cell (inside the grid's
 * wrapper), until the user moves on. Used for core's checks before sending and for server
 * refusals after a revert.
 */
import { CloseCircleFilled } from '@ant-design/icons';
import { useLayoutEffect, useState } from 'react';
import type { CellPosition } from './cell-writer';

export interface CellError extends CellPosition {
  message: string;
}

function cellElement(wrapper: HTMLElement, error: CellPosition): HTMLElement | null {
  const rows = wrapper.querySelectorAll<HTMLElement>(`.ag-row[row-id="${CSS.escape(error.recordId)}"]`);
  for (const row of rows) {
    const cell = row.querySelector<HTMLElement>(`.ag-cell[col-id="${CSS.escape(error.fieldId)}"]`);
    if (cell) return cell;
  }
  return null;
}

export function CellErrorBubble({ error, wrapper }: { error: CellError | null; wrapper: HTMLElement | null }) {
  const [position, setPosition] = useState<{ left: number; top: number; width: number } | null>(null);

  useLayoutEffect(() => {
    if (!error || !wrapper) return setPosition(null);
    const cell = cellElement(wrapper, error);
    if (!cell) return setPosition(null);
    const cellBox = cell.getBoundingClientRect();
    const box = wrapper.getBoundingClientRect();
    setPosition({ left: cellBox.left - box.left, top: cellBox.bottom - box.top + 2, width: Math.max(cellBox.width, 220) });
  }, [error, wrapper]);

  if (!error || !position) return null;
  return (
    <div className="mt-cell-error" role="alert" data-testid="cell-error" style={{ left: position.left, top: position.top, maxWidth: position.width + 120, minWidth: position.width }}>
      <CloseCircleFilled className="mt-cell-error-icon" />
      <span>{error.message}</span>
    </div>
  );
}
