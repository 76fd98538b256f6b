import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { referencedFieldIds, isTimeDependent } from './analysis';
import { parseFormula } from './parser';
import { formulaResolverForFields, toDisplayFormula, toStoredFormula } from './references';

const fields = [
  { id: 'fld_name000000000000', name: 'Patient Name', kind: 'text' as const },
  { id: 'fld_price00000000000', name: 'Price', kind: 'number' as const },
  { id: 'fld_odd0000000000000', name: 'Cost }net\\', kind: 'number' as const },
  { id: 'fld_dept000000000000', name: '科室', kind: 'text' as const },
];
const resolver = formulaResolverForFields(fields);

describe('stored and display forms', () => {
  it('stores references by id and shows them by name, keeping the rest of the text as written', () => {
    const text = 'IF( {Patient Name} = "",\n  "—",   {Patient Name} & " (" & 科室 & ")" )';
    const stored = toStoredFormula(text, resolver);
    expect(stored).toBe('IF( {fld_name000000000000} = "",\n  "—",   {fld_name000000000000} & " (" & {fld_dept000000000000} & ")" )');
    expect(toDisplayFormula(stored, resolver)).toBe('IF( {Patient Name} = "",\n  "—",   {Patient Name} & " (" & {科室} & ")" )');
  });

  it('survives a rename: the stored form is unchanged and shows the new name', () => {
    const stored = toStoredFormula('{Price} * 2', resolver);
    const renamed = formulaResolverForFields(fields.map((field) => (field.name === 'Price' ? { ...field, name: 'Unit Price' } : field)));
    expect(toDisplayFormula(stored, renamed)).toBe('{Unit Price} * 2');
  });

  it('round-trips names with } and \\ through escapes', () => {
    const stored = toStoredFormula('{Cost \\}net\\\\} + 1', resolver);
    expect(stored).toBe('{fld_odd0000000000000} + 1');
    expect(toDisplayFormula(stored, resolver)).toBe('{Cost \\}net\\\\} + 1');
    expect(toStoredFormula(toDisplayFormula(stored, resolver), resolver)).toBe(stored);
  });

  it('leaves braces inside strings alone', () => {
    expect(toStoredFormula('"{Price}" & {Price}', resolver)).toBe('"{Price}" & {fld_price00000000000}');
  });

  it('refuses an unknown name, matching names exactly, with its position', () => {
    for (const [text, position] of [
      ['1 + {Prices}', 4],
      ['{price}', 0],
      ['{Price }', 0],
      ['Prices * 2', 0],
    ] as const) {
      try {
        toStoredFormula(text, resolver);
        throw new Error(`expected ${text} to be refused`);
      } catch (error) {
        expect(error).toBeInstanceOf(EngineError);
        expect((error as EngineError).code).toBe('INVALID_FORMULA');
        expect((error as EngineError).details.position).toBe(position);
        expect((error as EngineError).message).toContain('Unknown field');
      }
    }
  });

  it('shows a deleted field by its id so the formula visibly needs fixing', () => {
    expect(toDisplayFormula('{fld_gone000000000000} + 1', resolver)).toBe('{fld_gone000000000000} + 1');
  });
});

describe('formula analysis', () => {
  it('lists referenced field ids once each, in order of first use', () => {
    const stored = toStoredFormula('{Price} * 2 + LEN({Patient Name}) + {Price}', resolver);
    expect(referencedFieldIds(parseFormula(stored))).toEqual(['fld_price00000000000', 'fld_name000000000000']);
    expect(referencedFieldIds(parseFormula('1 + 2'))).toEqual([]);
  });

  it('marks formulas that read the clock as time-dependent', () => {
    expect(isTimeDependent(parseFormula('DATETIME_DIFF(TODAY(), {Due}, "days")'))).toBe(true);
    expect(isTimeDependent(parseFormula('IF(1, 2, now())'))).toBe(true);
    expect(isTimeDependent(parseFormula('DATEADD({Due}, 1, "days")'))).toBe(false);
  });
});
