import { describe, expect, it } from 'vitest';
import type { ApiField } from '../api/tables';
import { fieldPatch, newFieldDefinition, optionsProblem, startingOptions, type FieldDraft } from './field-request';

const saved: ApiField = { id: 'fld_a', name: 'Total', type: 'formula', options: { formula: '{fld_b} * 2', formulaText: '{Price} * 2', resultKind: 'number' }, description: '', isPrimary: false };
const draft = (patch: Partial<FieldDraft>): FieldDraft => ({ name: 'Total', type: 'formula', description: '', options: startingOptions(saved, 'formula'), optionsChanged: false, ...patch });

describe('field requests', () => {
  it('starts a formula from the names form of its text', () => {
    expect(startingOptions(saved, 'formula').formula).toBe('{Price} * 2');
    expect(startingOptions(saved, 'number')).toEqual({});
  });

  it('patches only what changed', () => {
    expect(fieldPatch(saved, draft({}))).toEqual({});
    expect(fieldPatch(saved, draft({ name: ' Sum ' }))).toEqual({ name: 'Sum' });
  });

  it('sends the options with a type change, without what the API only shows', () => {
    const patch = fieldPatch(saved, draft({ type: 'number', options: { precision: 1 } }));
    expect(patch).toEqual({ type: 'number', options: { precision: 1 } });
    const edited = fieldPatch(saved, draft({ options: { ...startingOptions(saved, 'formula'), formula: '{Price} * 3' }, optionsChanged: true }));
    expect(edited.options).not.toHaveProperty('formulaText');
    expect(edited.options?.formula).toBe('{Price} * 3');
  });

  it('leaves empty options and descriptions out of a new field', () => {
    expect(newFieldDefinition({ name: ' Notes ', type: 'longText', description: ' ', options: {}, optionsChanged: false })).toEqual({ name: 'Notes', type: 'longText' });
  });

  it('names the option core refuses before anything is sent', () => {
    expect(optionsProblem('rating', { max: 11 })).toMatch(/options\.max/);
    expect(optionsProblem('number', { precision: 2, format: 'currency', currencySymbol: '$' })).toBeUndefined();
    expect(optionsProblem('formula', startingOptions(saved, 'formula'))).toBeUndefined();
    expect(optionsProblem('link', { linkedTableId: 'tbl_0123456789abcdef', twoWay: true, inverseName: 'Orders' })).toBeUndefined();
  });
});
