import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { operatorKeys } from '../filters/operator-keys';
import { normalizeFieldOptions } from './field-options';
import { fieldTypeKeys, fieldTypes, getFieldType, isFieldTypeKey, type FieldTypeKey } from './registry';
import { makeCastContext, makeFormatContext, testAttachments, testLinkedRecords, testLinkedTableId, testUsers } from './test-support';

/** One loose input per type, with options, whose cast must fit the published value schema and format to text. */
const samples: { [K in FieldTypeKey]: [options: unknown, input: unknown] } = {
  singleLineText: [{}, 'Hello'],
  longText: [{}, 'a\r\nb'],
  number: [{ allowNegative: false }, '1,234.5'],
  rating: [{ max: 3 }, '★★★'],
  checkbox: [{}, 'yes'],
  singleSelect: [{ choices: [{ name: 'Open' }] }, 'Open'],
  multipleSelect: [{ choices: [{ name: 'A' }, { name: 'B' }] }, 'A, B'],
  date: [{ includeTime: true }, '2026年3月5日 14:30'],
  duration: [{}, '1:30'],
  phone: [{}, '+86 138 0013 8000'],
  email: [{}, 'Someone@Example.com'],
  url: [{}, 'example.com/x'],
  person: [{ multiple: false }, testUsers[0]!.email],
  attachment: [{}, [{ id: testAttachments[0]!.id }]],
  autoNumber: [{}, 12],
  createdTime: [{}, '2026-03-05T06:30:00.000Z'],
  modifiedTime: [{}, '2026-03-05'],
  createdBy: [{}, testUsers[1]!.id],
  modifiedBy: [{}, testUsers[2]!.name],
  link: [{ linkedTableId: testLinkedTableId }, testLinkedRecords[0]!.title],
  formula: [{ formula: '{fld_0000000000000000} * 2', resultKind: 'number' }, '12'],
  lookup: [{}, ['Alice', 'Bob']],
  rollup: [{ aggregation: 'sum', resultKind: 'number' }, 3.5],
  count: [{}, '3'],
};

/** Types whose values the engine computes (never written by people) and that own a column. */
const computedOnly: readonly FieldTypeKey[] = ['formula', 'lookup', 'rollup', 'count'];

type ObjectSchema = { type: string; additionalProperties: boolean; properties: Record<string, { default?: unknown }> };

describe('field type registry', () => {
  it('has a definition under each key, registered under its own name', () => {
    for (const key of fieldTypeKeys) expect(fieldTypes[key].type).toBe(key);
    expect(Object.keys(fieldTypes).sort()).toEqual([...fieldTypeKeys].sort());
  });
  it('gives every option a default and refuses unknown options', () => {
    for (const key of fieldTypeKeys) {
      const schema = fieldTypes[key].optionsSchema as unknown as ObjectSchema;
      expect(schema.type, key).toBe('object');
      expect(schema.additionalProperties, key).toBe(false);
      for (const [name, property] of Object.entries(schema.properties)) expect(property, `${key}.${name}`).toHaveProperty('default');
    }
  });
  it('offers only known operators, each once', () => {
    for (const key of fieldTypeKeys) {
      const operators = fieldTypes[key].operators;
      expect(operators.length, key).toBeGreaterThan(0);
      expect(new Set(operators).size, key).toBe(operators.length);
      for (const operator of operators) expect(operatorKeys, `${key}: ${operator}`).toContain(operator);
    }
  });
  it('makes exactly the system-column and computed-only types read-only', () => {
    for (const key of fieldTypeKeys) {
      const definition = fieldTypes[key];
      expect(definition.writable, key).toBe(!('system' in definition.storage) && !computedOnly.includes(key));
      if (computedOnly.includes(key)) expect(definition.computer, key).toBeTypeOf('function');
    }
    expect(fieldTypeKeys.filter((key) => !fieldTypes[key].writable).sort()).toEqual(
      ['autoNumber', 'createdBy', 'createdTime', 'modifiedBy', 'modifiedTime', ...computedOnly].sort(),
    );
  });
  it('casts a sample of each type to a value that fits its published value schema and formats as text', () => {
    for (const key of fieldTypeKeys) {
      const [rawOptions, input] = samples[key];
      const definition = fieldTypes[key];
      const options = normalizeFieldOptions(key, rawOptions);
      const result = definition.cast(input, options, makeCastContext({ typecast: true }));
      expect(result.ok, key).toBe(true);
      const value = result.ok ? result.value : null;
      expect(value, key).not.toBeNull();
      expect(Value.Check(definition.valueSchema(options), value), `${key}: ${JSON.stringify(value)}`).toBe(true);
      expect(typeof definition.format(value, options, makeFormatContext()), key).toBe('string');
      expect(definition.compare(value, value, options), key).toBe(0);
    }
  });

  it('looks types up by key and refuses unknown keys', () => {
    expect(getFieldType('rating').type).toBe('rating');
    expect(isFieldTypeKey('toString')).toBe(false);
    expect(() => getFieldType('toString')).toThrow('Unknown field type "toString"');
  });
});
