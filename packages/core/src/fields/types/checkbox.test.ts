import { describe, expect, it } from 'vitest';
import { makeCastContext, makeFormatContext } from '../test-support';
import { checkbox } from './checkbox';

const strict = makeCastContext();
const loose = makeCastContext({ typecast: true });

describe('checkbox', () => {
  it('keeps true and false; null stays empty', () => {
    expect(checkbox.cast(true, {}, strict)).toEqual({ ok: true, value: true });
    expect(checkbox.cast(false, {}, strict)).toEqual({ ok: true, value: false });
    expect(checkbox.cast(null, {}, strict)).toEqual({ ok: true, value: null });
  });
  it('refuses strings and numbers in strict mode, naming them', () => {
    expect(checkbox.cast('yes', {}, strict)).toEqual({ ok: false, reason: 'expected true or false, got "yes"' });
    expect(checkbox.cast(1, {}, strict).ok).toBe(false);
  });
  it.each(['true', 'TRUE', 'yes', '1', '✓', 'x', 'X', 'checked', '是', '对', ' Yes ', '１'])('reads loose %j as checked', (text) => {
    expect(checkbox.cast(text, {}, loose)).toEqual({ ok: true, value: true });
  });
  it.each(['false', 'No', '0', '', '  ', '否'])('reads loose %j as unchecked', (text) => {
    expect(checkbox.cast(text, {}, loose)).toEqual({ ok: true, value: false });
  });
  it('reads loose 1 and 0 numbers', () => {
    expect(checkbox.cast(1, {}, loose)).toEqual({ ok: true, value: true });
    expect(checkbox.cast(0, {}, loose)).toEqual({ ok: true, value: false });
  });
  it('refuses anything else rather than guessing', () => {
    expect(checkbox.cast('maybe', {}, loose)).toEqual({ ok: false, reason: '"maybe" is neither checked nor unchecked' });
    expect(checkbox.cast(2, {}, loose).ok).toBe(false);
  });
  it('formats checked as ✓ and unchecked as empty text, which read back as the same value', () => {
    const formatted = checkbox.format(true, {}, makeFormatContext());
    expect(formatted).toBe('✓');
    expect(checkbox.cast(formatted, {}, loose)).toEqual({ ok: true, value: true });
    expect(checkbox.format(false, {}, makeFormatContext())).toBe('');
  });
  it('sorts false before true and offers only "is"', () => {
    expect(checkbox.compare(false, true, {})).toBeLessThan(0);
    expect(checkbox.compare(true, true, {})).toBe(0);
    expect(checkbox.operators).toEqual(['is']);
  });
});
