import { describe, expect, it } from 'vitest';
import { cleanText, describeInput, formatGrouped, isBlank, parseLooseNumber, roundDecimal, shiftDecimal, splitList, toHalfWidth } from './cast-helpers';

describe('isBlank', () => {
  it('treats null, undefined, empty and whitespace-only strings as blank', () => {
    for (const input of [null, undefined, '', '   ', '\t\n', '\u3000']) expect(isBlank(input)).toBe(true);
  });
  it('does not treat zero, false or an empty array as blank', () => {
    for (const input of [0, false, [], 'a']) expect(isBlank(input)).toBe(false);
  });
});

describe('toHalfWidth', () => {
  it('folds full-width digits, punctuation and letters to ASCII', () => {
    expect(toHalfWidth('１２３，４５６．７８－＋％＠ＡＢｃ')).toBe('123,456.78-+%@ABc');
  });
  it('folds the ideographic space, the full-width yen sign and the minus sign', () => {
    expect(toHalfWidth('\u3000￥５\u2212')).toBe(' ¥5-');
  });
  it('keeps Chinese text', () => {
    expect(toHalfWidth('年月日，好')).toBe('年月日,好');
  });
});

describe('cleanText', () => {
  it('refuses NUL in strict mode and removes it when typecasting', () => {
    expect(cleanText('a\u0000b', false)).toEqual({ ok: false, reason: 'text cannot contain the NUL character' });
    expect(cleanText('a\u0000b', true)).toEqual({ ok: true, text: 'ab' });
  });
  it('refuses lone surrogates in strict mode and replaces them when typecasting', () => {
    expect(cleanText('x\uD800y', false).ok).toBe(false);
    expect(cleanText('x\uD800y', true)).toEqual({ ok: true, text: 'x\uFFFDy' });
  });
  it('keeps paired surrogates (emoji) untouched', () => {
    expect(cleanText('ok 😀', false)).toEqual({ ok: true, text: 'ok 😀' });
  });
});

describe('parseLooseNumber', () => {
  it.each([
    [' 1,234.5 ', 1234.5],
    ['１２３', 123],
    ['－１２．５', -12.5],
    ['１，２３４', 1234],
    ['¥1,234.50', 1234.5],
    ['￥99', 99],
    ['$12', 12],
    ['-$12', -12],
    ['$-12', -12],
    ['12元', 12],
    ['1e3', 1000],
    ['1.5E-2', 0.015],
    ['.5', 0.5],
    ['5.', 5],
    ['+7', 7],
    ['(12)', -12],
    ['0', 0],
    ['-0', 0],
  ])('reads %j as %d', (text, value) => {
    expect(parseLooseNumber(text)).toEqual({ value, percent: false });
  });

  it('reads a percent sign as hundredths, exactly', () => {
    expect(parseLooseNumber('50%')).toEqual({ value: 0.5, percent: true });
    expect(parseLooseNumber('14.2%')).toEqual({ value: 0.142, percent: true });
    expect(parseLooseNumber('５０％')).toEqual({ value: 0.5, percent: true });
  });

  it.each(['', 'abc', '1,5', '1,23,456', '12abc', '1.2.3', '--1', '(-12)', 'Infinity', 'NaN', '1e999', '¥', '%'])('refuses %j', (text) => {
    expect(parseLooseNumber(text)).toBeUndefined();
  });
});

describe('decimal arithmetic', () => {
  it('rounds half away from zero on the decimal text', () => {
    expect(roundDecimal(1.005, 2)).toBe(1.01);
    expect(roundDecimal(-1.005, 2)).toBe(-1.01);
    expect(roundDecimal(2.5, 0)).toBe(3);
    expect(roundDecimal(-0.001, 2)).toBe(0);
    expect(Object.is(roundDecimal(-0.001, 2), -0)).toBe(false);
  });
  it('shifts the decimal point without binary error', () => {
    expect(shiftDecimal(0.145, 2)).toBe(14.5);
    expect(shiftDecimal(1e-7, 2)).toBeCloseTo(1e-5, 20);
  });
  it('groups thousands and pads the fraction', () => {
    expect(formatGrouped(1234567.5, 2)).toBe('1,234,567.50');
    expect(formatGrouped(-1234, 0)).toBe('-1,234');
    expect(formatGrouped(999.995, 2)).toBe('1,000.00');
    expect(formatGrouped(-0.001, 2)).toBe('0.00');
  });
});

describe('splitList', () => {
  it('splits on ASCII and Chinese separators and line breaks, dropping empty pieces', () => {
    expect(splitList('a, b，c、d;e；f\ng\r\n\n h ,')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });
});

describe('describeInput', () => {
  it('quotes strings and shortens long input', () => {
    expect(describeInput('abc')).toBe('"abc"');
    expect(describeInput('x'.repeat(100))).toHaveLength(41);
    expect(describeInput({ a: 1 })).toBe('{"a":1}');
    expect(describeInput(undefined)).toBe('undefined');
  });
});
