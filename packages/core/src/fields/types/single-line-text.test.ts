import { describe, expect, it } from 'vitest';
import { makeCastContext } from '../test-support';
import { singleLineText } from './single-line-text';

const strict = makeCastContext();
const loose = makeCastContext({ typecast: true });

describe('singleLineText', () => {
  it('keeps a string as typed, including surrounding spaces', () => {
    expect(singleLineText.cast('  Hello 世界 ', {}, strict)).toEqual({ ok: true, value: '  Hello 世界 ' });
  });
  it('treats empty and whitespace-only input as an empty cell', () => {
    for (const input of [null, undefined, '', '   ']) expect(singleLineText.cast(input, {}, strict)).toEqual({ ok: true, value: null });
  });
  it('refuses line breaks in strict mode and turns them into spaces when typecasting', () => {
    expect(singleLineText.cast('a\nb', {}, strict)).toEqual({ ok: false, reason: 'single line text cannot contain line breaks' });
    expect(singleLineText.cast('a\r\nb\nc', {}, loose)).toEqual({ ok: true, value: 'a b c' });
  });
  it('refuses numbers unless typecasting', () => {
    expect(singleLineText.cast(12, {}, strict)).toEqual({ ok: false, reason: 'expected a string, got 12' });
    expect(singleLineText.cast(12, {}, loose)).toEqual({ ok: true, value: '12' });
    expect(singleLineText.cast(true, {}, loose)).toEqual({ ok: true, value: 'true' });
  });
  it('refuses objects and arrays even when typecasting', () => {
    expect(singleLineText.cast({ a: 1 }, {}, loose).ok).toBe(false);
    expect(singleLineText.cast(['a'], {}, loose).ok).toBe(false);
  });
  it('refuses the NUL character, which PostgreSQL cannot store', () => {
    expect(singleLineText.cast('a\u0000b', {}, strict).ok).toBe(false);
    expect(singleLineText.cast('a\u0000b', {}, loose)).toEqual({ ok: true, value: 'ab' });
  });
  it('sorts by code point, as the database does', () => {
    expect(singleLineText.compare('B', 'a', {})).toBeLessThan(0);
    expect(singleLineText.compare('\uFF5E', '😀', {})).toBeLessThan(0);
  });
  it('offers the text operators', () => {
    expect(singleLineText.operators).toEqual(['contains', 'doesNotContain', 'is', 'isNot', 'isEmpty', 'isNotEmpty']);
  });
});
