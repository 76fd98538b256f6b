import { describe, expect, it } from 'vitest';
import type { SelectOptions } from './choices';
import { convertValue } from './convert-value';
import { normalizeFieldOptions } from './field-options';
import { makeCastContext, testUsers } from './test-support';

const ctx = makeCastContext();
const shape = (type: string, options: unknown = {}) => ({ type, options: normalizeFieldOptions(type, options) });
const text = shape('singleLineText');

describe('convertValue', () => {
  it('reads text as a number, even in a strict context', () => {
    expect(convertValue(text, shape('number'), '1,234.5', ctx)).toEqual({ ok: true, value: 1234.5 });
  });
  it('reports text that is not a number, with the reason', () => {
    expect(convertValue(text, shape('number'), 'abc', ctx)).toEqual({ ok: false, reason: '"abc" is not a number' });
  });
  it('turns a number into its plain text, not its display form', () => {
    expect(convertValue(shape('number', { format: 'currency' }), text, 1234.5, ctx)).toEqual({ ok: true, value: '1234.5' });
  });
  it('turns a multiple select with one value into that choice', () => {
    const single = shape('singleSelect', { choices: [{ name: 'A' }, { name: 'B' }] });
    expect(convertValue(shape('multipleSelect', single.options), single, ['A'], ctx)).toEqual({ ok: true, value: 'A' });
  });
  it('turns several choices into one combined choice rather than dropping any', () => {
    const single = shape('singleSelect', { choices: [{ name: 'A' }, { name: 'B' }] });
    const result = convertValue(shape('multipleSelect', single.options), single, ['A', 'B'], ctx);
    expect(result.ok && result.value).toBe('A, B');
    expect(result.ok && (result.options as SelectOptions).choices.map((choice) => choice.name)).toEqual(['A', 'B', 'A, B']);
  });
  it('reads text as a date in the base zone', () => {
    expect(convertValue(text, shape('date'), '2026年3月5日', ctx)).toEqual({ ok: true, value: '2026-03-05' });
    expect(convertValue(text, shape('date', { includeTime: true }), '2026-03-05 08:00', ctx)).toEqual({
      ok: true,
      value: '2026-03-05T00:00:00.000Z',
    });
    expect(convertValue(text, shape('date'), 'someday', ctx)).toEqual({ ok: false, reason: '"someday" is not a date' });
  });
  it('moves a date between with-time and date-only forms through the zone', () => {
    expect(convertValue(shape('date', { includeTime: true }), shape('date'), '2026-03-05T20:00:00.000Z', ctx)).toEqual({
      ok: true,
      value: '2026-03-06',
    });
  });
  it('uses the display text when the raw value does not fit: people become names', () => {
    expect(convertValue(shape('person'), text, [testUsers[0]!.id, testUsers[1]!.id], ctx)).toEqual({ ok: true, value: 'Alice Chen, 王伟' });
  });
  it('reports a value that fits neither raw nor as text', () => {
    const result = convertValue(shape('multipleSelect', { choices: [{ name: 'x' }, { name: 'y' }] }), shape('number'), ['x', 'y'], ctx);
    expect(result).toEqual({ ok: false, reason: '"x, y" cannot become a number value: "x, y" is not a number' });
  });
  it('converts an empty cell to an empty cell', () => {
    expect(convertValue(text, shape('number'), null, ctx)).toEqual({ ok: true, value: null });
  });
  it('turns a checkbox into text and back', () => {
    const converted = convertValue(shape('checkbox'), text, true, ctx);
    expect(converted).toEqual({ ok: true, value: 'true' });
    expect(convertValue(text, shape('checkbox'), 'true', ctx)).toEqual({ ok: true, value: true });
  });
});
