/**
 * Cells with a change on its way to the server or waiting for the connection, counted per cell
 * (`record/field`): a cell stays pending until its last change is through. Live updates from other
 * people do not draw over a pending cell, so the user's own value is not flickered away.
 */
import type { CellPosition } from './cell-plan';

export class PendingCells {
  private readonly counts = new Map<string, number>();

  add(cells: readonly CellPosition[]): void {
    this.change(cells, 1);
  }

  remove(cells: readonly CellPosition[]): void {
    this.change(cells, -1);
  }

  has(recordId: string, fieldId: string): boolean {
    return this.counts.has(`${recordId}/${fieldId}`);
  }

  private change(cells: readonly CellPosition[], delta: 1 | -1): void {
    for (const cell of cells) {
      const key = `${cell.recordId}/${cell.fieldId}`;
      const count = (this.counts.get(key) ?? 0) + delta;
      if (count > 0) this.counts.set(key, count);
      else this.counts.delete(key);
    }
  }
}
