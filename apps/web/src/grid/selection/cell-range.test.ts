import { describe, expect, it } from 'vitest';
import { boundsOf, isSingleCell, pasteTarget, rangeContains, singleCell } from './cell-range';

describe('cell ranges', () => {
  it('spans anchor and focus in either direction', () => {
    const range = { anchor: { row: 5, column: 3 }, focus: { row: 2, column: 1 } };
    expect(boundsOf(range)).toEqual({ top: 2, bottom: 5, left: 1, right: 3 });
    expect(rangeContains(range, 2, 1)).toBe(true);
    expect(rangeContains(range, 5, 3)).toBe(true);
    expect(rangeContains(range, 6, 3)).toBe(false);
    expect(rangeContains(range, 3, 0)).toBe(false);
    expect(isSingleCell(range)).toBe(false);
    expect(isSingleCell(singleCell({ row: 1, column: 1 }))).toBe(true);
  });

  it('pastes a block from the top-left corner of the selection', () => {
    const range = { anchor: { row: 4, column: 2 }, focus: { row: 1, column: 1 } };
    expect(pasteTarget(range, 3, 3)).toEqual({ top: 1, left: 1, bottom: 3, right: 3 });
  });

  it('fills the whole selection with a single pasted value', () => {
    const range = { anchor: { row: 1, column: 1 }, focus: { row: 4, column: 2 } };
    expect(pasteTarget(range, 1, 1)).toEqual({ top: 1, left: 1, bottom: 4, right: 2 });
  });
});
