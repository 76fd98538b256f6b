import { describe, expect, it } from 'vitest';
import { fieldTypeKeys } from './registry';
import { fieldValueKind, fieldValueKinds, formulaInputOf } from './value-kinds';
import { makeFormatContext, testUsers } from './test-support';

describe('value kinds of field types', () => {
  it('has an entry for every registered field type', () => {
    expect(fieldTypeKeys.filter((type) => !Object.hasOwn(fieldValueKinds, type))).toEqual([]);
  });

  it('reads lists, dates and computed results by their kind', () => {
    expect(fieldValueKind({ type: 'multipleSelect', options: {} })).toEqual({ list: 'text' });
    expect(fieldValueKind({ type: 'createdTime', options: {} })).toBe('date');
    expect(fieldValueKind({ type: 'formula', options: { resultKind: 'list<number>' } })).toEqual({ list: 'number' });
    expect(fieldValueKind({ type: 'rollup', options: { resultKind: 'date' } })).toBe('date');
    expect(fieldValueKind({ type: 'lookup', options: { targetShape: { type: 'multipleSelect', options: {} } } })).toEqual({ list: 'text' });
    expect(fieldValueKind({ type: 'lookup', options: { targetShape: { type: 'lookup', options: { targetShape: { type: 'number', options: {} } } } } })).toEqual({ list: 'number' });
  });

  it('gives formulas people by name', () => {
    const ctx = makeFormatContext();
    expect(formulaInputOf({ type: 'person', options: {} }, [testUsers[0]!.id], ctx)).toEqual(['Alice Chen']);
    expect(formulaInputOf({ type: 'createdBy', options: {} }, testUsers[1]!.id, ctx)).toBe('王伟');
    expect(formulaInputOf({ type: 'lookup', options: { targetShape: { type: 'person', options: {} } } }, [testUsers[2]!.id], ctx)).toEqual(['Carol']);
  });
});
