import { describe, expect, it } from 'vitest';
import type { ApiField } from '../../api/tables';
import { checkFormulaText } from './formula-check';

const field = (id: string, name: string, type: ApiField['type']): ApiField => ({ id, name, type, options: {}, description: '', isPrimary: false });
const fields = [field('fld_aaaaaaaaaaaaaaaa', 'Price', 'number'), field('fld_bbbbbbbbbbbbbbbb', 'Total', 'formula')];

describe('live formula check', () => {
  it('passes a formula over the table’s fields with its result kind', () => {
    expect(checkFormulaText('{Price} * 2', fields)).toEqual({ ok: true, resultKind: 'number' });
  });

  it('names an unknown function and where it is', () => {
    const check = checkFormulaText('{Price} + SUMM(1)', fields);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.message).toMatch(/SUMM/);
      expect(check.position).toBe(10);
    }
  });

  it('does not let a formula read its own field', () => {
    expect(checkFormulaText('{Total}', fields, 'fld_bbbbbbbbbbbbbbbb').ok).toBe(false);
  });
});
