import { formulaFunctionNames, formulaResolverForFields, listKindOf, prepareFormula, type ValueKind } from '@multitable/core';
import { describe, expect, it } from 'vitest';
import { formulaFunctionsEn } from './formula-functions.en';
import { formulaFunctionsZh } from './formula-functions.zh';

const languages = { en: formulaFunctionsEn as Record<string, { description: string; example: string }>, zh: formulaFunctionsZh as Record<string, { description: string; example: string }> };

// The fields the examples refer to, with the kinds a formula sees.
const sampleFields: Array<[string, ValueKind]> = [
  ['Name', 'text'],
  ['Price', 'number'],
  ['Done', 'boolean'],
  ['Tags', listKindOf('text')],
  ['Amounts', listKindOf('number')],
];
const resolver = formulaResolverForFields(sampleFields.map(([name, kind], index) => ({ id: `fld_${String(index).padStart(16, '0')}`, name, kind })));

describe.each(Object.entries(languages))('the formula function reference in %s', (_language, docs) => {
  it('describes every function core has, and no other', () => {
    expect(Object.keys(docs).sort()).toEqual([...formulaFunctionNames]);
    for (const name of formulaFunctionNames) {
      expect(docs[name]!.description.trim(), name).not.toBe('');
      expect(docs[name]!.example, name).toContain(' → ');
    }
  });

  it('gives each function an example that calls it and that core accepts', () => {
    for (const name of formulaFunctionNames) {
      const formula = docs[name]!.example.split(' → ')[0]!;
      expect(formula, name).toMatch(new RegExp(`\\b${name}\\(`));
      expect(() => prepareFormula(formula, resolver), `${name}: ${formula}`).not.toThrow();
    }
  });
});
