import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { normalizeFieldOptions, pointerToPath } from './field-options';
import { fieldTypeKeys, fieldTypes } from './registry';

function optionsError(type: string, input: unknown, path?: string): EngineError {
  try {
    normalizeFieldOptions(type, input, path);
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected INVALID_FIELD_OPTIONS');
}

describe('normalizeFieldOptions', () => {
  it('fills every default of every type from empty options (or from the references it cannot do without)', () => {
    const required: Partial<Record<string, Record<string, unknown>>> = { link: { linkedTableId: 'tbl_0000000000000001' } };
    for (const type of fieldTypeKeys) {
      const options = normalizeFieldOptions(type, required[type]);
      const declared = Object.keys((fieldTypes[type].optionsSchema as unknown as { properties: object }).properties);
      expect(Object.keys(options).sort(), type).toEqual(declared.sort());
    }
  });

  it('keeps given values and fills the rest', () => {
    expect(normalizeFieldOptions('number', { precision: 0, format: 'currency' })).toEqual({
      precision: 0,
      format: 'currency',
      currencySymbol: '¥',
      allowNegative: true,
    });
  });

  it('does not mutate its input', () => {
    const input = { choices: [{ name: 'A' }] };
    normalizeFieldOptions('singleSelect', input);
    expect(input).toEqual({ choices: [{ name: 'A' }] });
  });

  it('names the path of a value out of range', () => {
    const error = optionsError('number', { precision: 9 });
    expect(error.code).toBe('INVALID_FIELD_OPTIONS');
    expect(error.details.path).toBe('options.precision');
    expect(error.message).toContain('options.precision');
  });

  it('refuses a fractional precision', () => {
    expect(optionsError('number', { precision: 1.5 }).details.path).toBe('options.precision');
  });

  it('lists the allowed values of an enumerated option', () => {
    const error = optionsError('number', { format: 'money' });
    expect(error.details.path).toBe('options.format');
    expect(error.message).toContain('"plain", "currency", "percent", "progress"');
  });

  it('refuses unknown properties, naming them', () => {
    expect(optionsError('rating', { max: 5, colour: 'red' }).details.path).toBe('options.colour');
  });

  it('refuses options that are not an object', () => {
    expect(optionsError('rating', [1, 2]).details.path).toBe('options');
    expect(optionsError('rating', 'five').details.path).toBe('options');
  });

  it('uses the caller’s path, e.g. a template location', () => {
    const error = optionsError('singleSelect', { choices: [{ name: 'A' }, { name: 'A' }] }, 'tables[0].fields[3].options');
    expect(error.details.path).toBe('tables[0].fields[3].options.choices[1].name');
  });

  it('reports type-specific rules with their path', () => {
    expect(optionsError('singleSelect', { choices: [{ name: 'A' }, { name: '' }] }).details.path).toBe('options.choices[1].name');
    expect(optionsError('multipleSelect', { choices: [{ name: 'A', color: 'mauve' }] }).details.path).toBe('options.choices[0].color');
    expect(optionsError('date', { timeZone: 'Mars/Olympus' }).details.path).toBe('options.timeZone');
    expect(optionsError('createdTime', { timeZone: 'nowhere' }).details.path).toBe('options.timeZone');
  });

  it('refuses an unknown field type', () => {
    expect(optionsError('hologram', {}).code).toBe('VALIDATION_FAILED');
  });

  it('refuses options nested absurdly deep', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(optionsError('singleSelect', { choices: deep }).code).toBe('JSON_TOO_DEEP');
  });
});

describe('pointerToPath', () => {
  it('turns JSON pointers into dotted paths with indexes', () => {
    expect(pointerToPath('options', '/choices/2/name')).toBe('options.choices[2].name');
    expect(pointerToPath('options', '')).toBe('options');
    expect(pointerToPath('o', '/a~1b/c~0d')).toBe('o.a/b.c~d');
  });
});
