import { describe, expect, it } from 'vitest';
import { PendingCells } from './pending-cells';

describe('pending cells', () => {
  it('keeps a cell pending until its last change is through', () => {
    const pending = new PendingCells();
    const cell = { recordId: 'rec_1', fieldId: 'fld_1' };
    pending.add([cell]);
    pending.add([cell, { recordId: 'rec_2', fieldId: 'fld_1' }]);
    pending.remove([cell]);
    expect(pending.has('rec_1', 'fld_1')).toBe(true);
    pending.remove([cell]);
    expect(pending.has('rec_1', 'fld_1')).toBe(false);
    expect(pending.has('rec_2', 'fld_1')).toBe(true);
  });
});
