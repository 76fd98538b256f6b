import { describe, expect, it } from 'vitest';
import type { ApiField } from '../../api/tables';
import { conditionCount, newCondition, operandKindOf, operatorsFor, pruned, queryableFields, withOperator } from './filter-model';

const field = (type: ApiField['type'], options: Record<string, unknown> = {}): ApiField => ({ id: `fld_${type}`, name: type, type, options, description: '', isPrimary: false });

describe('filter model', () => {
  it('offers the operators core lists for each field type', () => {
    expect(operatorsFor(field('singleLineText'))).toEqual(['contains', 'doesNotContain', 'is', 'isNot', 'isEmpty', 'isNotEmpty']);
    expect(operatorsFor(field('checkbox'))).toEqual(['is']);
    expect(operatorsFor(field('date'))).toContain('isWithin');
  });

  it('offers a formula the operators of its result kind only', () => {
    const numeric = operatorsFor(field('formula', { resultKind: 'number' }));
    expect(numeric).toContain('isGreater');
    expect(numeric).not.toContain('contains');
  });

  it('picks the operand editor from the field and operator', () => {
    const status = field('singleSelect', { choices: [{ name: 'Open' }, { name: 'Closed' }] });
    expect(operandKindOf(status, 'is')).toBe('choice');
    expect(operandKindOf(status, 'isAnyOf')).toBe('choices');
    expect(operandKindOf(status, 'isEmpty')).toBe('none');
    expect(operandKindOf(field('person'), 'hasAnyOf')).toBe('people');
    expect(operandKindOf(field('createdBy'), 'is')).toBe('people');
    expect(operandKindOf(field('date'), 'isBefore')).toBe('day');
    expect(operandKindOf(field('date'), 'isWithin')).toBe('span');
    expect(operandKindOf(field('number'), 'isGreater')).toBe('number');
    expect(operandKindOf(field('checkbox'), 'is')).toBe('boolean');
    expect(operandKindOf(field('singleLineText'), 'contains')).toBe('text');
  });

  it('keeps the operand when another operator uses the same editor', () => {
    const text = field('singleLineText');
    const condition = { ...newCondition(text), value: 'flu' };
    expect(withOperator(text, condition, 'is')).toEqual({ field: text.id, operator: 'is', value: 'flu' });
    expect(withOperator(text, condition, 'isEmpty')).toEqual({ field: text.id, operator: 'isEmpty' });
  });

  it('leaves out fields that cannot be queried', () => {
    expect(queryableFields([field('singleLineText'), field('attachment')]).map((f) => f.type)).toEqual(['singleLineText', 'attachment']);
  });

  it('counts nested conditions and prunes empty groups', () => {
    const tree = { conjunction: 'and' as const, conditions: [{ field: 'a', operator: 'isEmpty' as const }, { conjunction: 'or' as const, conditions: [] }] };
    expect(conditionCount(tree)).toBe(1);
    expect(pruned(tree)).toEqual({ conjunction: 'and', conditions: [{ field: 'a', operator: 'isEmpty' }] });
    expect(pruned({ conjunction: 'and', conditions: [] })).toBeNull();
  });
});
