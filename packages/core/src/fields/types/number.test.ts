import { describe, expect, it } from 'vitest';
import { normalizeFieldOptions } from '../field-options';
import { makeCastContext, makeFormatContext } from '../test-support';
import { number, type NumberOptions } from './number';

const strict = makeCastContext();
const loose = makeCastContext({ typecast: true });
const formatContext = makeFormatContext();
const options = (input: Partial<NumberOptions> = {}) => normalizeFieldOptions('number', input);

describe('number options', () => {
  it('defaults to two decimals, plain, ¥, negatives allowed', () => {
    expect(options()).toEqual({ precision: 2, format: 'plain', currencySymbol: '¥', allowNegative: true });
  });
});

describe('number cast', () => {
  it('stores a finite number as given, not rounded', () => {
    expect(number.cast(1.23456, options({ precision: 0 }), strict)).toEqual({ ok: true, value: 1.23456 });
  });
  it('treats null and whitespace as empty, but keeps zero', () => {
    expect(number.cast(null, options(), strict)).toEqual({ ok: true, value: null });
    expect(number.cast('  ', options(), loose)).toEqual({ ok: true, value: null });
    expect(number.cast(0, options(), strict)).toEqual({ ok: true, value: 0 });
    expect(Object.is((number.cast(-0, options(), strict) as { value: number }).value, 0)).toBe(true);
  });
  it('refuses NaN and Infinity', () => {
    expect(number.cast(Number.NaN, options(), loose)).toEqual({ ok: false, reason: 'NaN is not a finite number' });
    expect(number.cast(Number.POSITIVE_INFINITY, options(), strict).ok).toBe(false);
  });
  it('refuses numeric strings unless typecasting', () => {
    expect(number.cast('12', options(), strict)).toEqual({ ok: false, reason: 'expected a number, got "12"' });
    expect(number.cast('12', options(), loose)).toEqual({ ok: true, value: 12 });
  });
  it.each([
    [' 1,234.5 ', 1234.5],
    ['１２３', 123],
    ['－１，２３４．５', -1234.5],
    ['50%', 0.5],
    ['¥1,234.50', 1234.5],
    ['$12', 12],
    ['1e3', 1000],
    ['(12)', -12],
  ])('reads loose %j as %d', (text, value) => {
    expect(number.cast(text, options(), loose)).toEqual({ ok: true, value });
  });
  it('refuses text that is not a number, naming it', () => {
    expect(number.cast('abc', options(), loose)).toEqual({ ok: false, reason: '"abc" is not a number' });
    expect(number.cast('1,5', options(), loose)).toEqual({ ok: false, reason: '"1,5" is not a number' });
  });
  it('refuses booleans and objects even when typecasting', () => {
    expect(number.cast(true, options(), loose).ok).toBe(false);
    expect(number.cast({ value: 1 }, options(), loose).ok).toBe(false);
  });
  it('reads loose text without % in a percent field as a percent as typed', () => {
    expect(number.cast('50', options({ format: 'percent' }), loose)).toEqual({ ok: true, value: 0.5 });
    expect(number.cast('14.2', options({ format: 'progress' }), loose)).toEqual({ ok: true, value: 0.142 });
    expect(number.cast('50%', options({ format: 'percent' }), loose)).toEqual({ ok: true, value: 0.5 });
  });
  it('keeps a JSON number in a percent field as the stored fraction', () => {
    expect(number.cast(0.5, options({ format: 'percent' }), loose)).toEqual({ ok: true, value: 0.5 });
  });
  it('refuses negatives when the field allows none', () => {
    expect(number.cast(-1, options({ allowNegative: false }), strict)).toEqual({
      ok: false,
      reason: '-1 is negative and this field allows no negative numbers',
    });
    expect(number.cast('(5)', options({ allowNegative: false }), loose).ok).toBe(false);
    expect(number.cast(0, options({ allowNegative: false }), strict).ok).toBe(true);
  });
});

describe('number format', () => {
  it('groups thousands and rounds to the precision', () => {
    expect(number.format(1234567.891, options(), formatContext)).toBe('1,234,567.89');
    expect(number.format(1.005, options(), formatContext)).toBe('1.01');
    expect(number.format(-1234.5, options({ precision: 0 }), formatContext)).toBe('-1,235');
  });
  it('puts the currency symbol after the sign', () => {
    expect(number.format(1234.5, options({ format: 'currency' }), formatContext)).toBe('¥1,234.50');
    expect(number.format(-12, options({ format: 'currency', currencySymbol: '$' }), formatContext)).toBe('-$12.00');
    expect(number.format(-0.001, options({ format: 'currency' }), formatContext)).toBe('¥0.00');
  });
  it('shows percent and progress values as percentages of the fraction', () => {
    expect(number.format(0.5, options({ format: 'percent', precision: 0 }), formatContext)).toBe('50%');
    expect(number.format(0.145, options({ format: 'percent', precision: 0 }), formatContext)).toBe('15%');
    expect(number.format(0.12345, options({ format: 'progress', precision: 1 }), formatContext)).toBe('12.3%');
  });
});

describe('number order and operators', () => {
  it('sorts numerically', () => {
    expect([10, -2, 9.5, 100].sort((a, b) => number.compare(a, b, options()))).toEqual([-2, 9.5, 10, 100]);
  });
  it('offers comparisons', () => {
    expect(number.operators).toEqual(['is', 'isNot', 'isGreater', 'isGreaterEqual', 'isLess', 'isLessEqual', 'isEmpty', 'isNotEmpty']);
  });
  it('publishes a minimum of zero when negatives are not allowed', () => {
    expect(number.valueSchema(options({ allowNegative: false }))).toMatchObject({ type: 'number', minimum: 0 });
  });
});
