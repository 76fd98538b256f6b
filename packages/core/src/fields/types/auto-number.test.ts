import { describe, expect, it } from 'vitest';
import { makeCastContext, makeFormatContext } from '../test-support';
import { autoNumber } from './auto-number';

describe('autoNumber', () => {
  it('is a read-only system field backed by the auto_number column', () => {
    expect(autoNumber.writable).toBe(false);
    expect(autoNumber.storage).toEqual({ system: 'autoNumber' });
  });
  it('validates a positive integer', () => {
    expect(autoNumber.cast(42, {}, makeCastContext())).toEqual({ ok: true, value: 42 });
  });
  it('refuses zero, negatives, fractions and text in strict mode', () => {
    for (const input of [0, -1, 1.5, '42', Number.NaN]) expect(autoNumber.cast(input, {}, makeCastContext()).ok, String(input)).toBe(false);
  });
  it('reads digits in text when typecasting', () => {
    expect(autoNumber.cast('４２', {}, makeCastContext({ typecast: true }))).toEqual({ ok: true, value: 42 });
    expect(autoNumber.cast('1,024', {}, makeCastContext({ typecast: true }))).toEqual({ ok: true, value: 1024 });
  });
  it('formats as digits, sorts numerically and offers number operators', () => {
    expect(autoNumber.format(7, {}, makeFormatContext())).toBe('7');
    expect(autoNumber.compare(9, 10, {})).toBeLessThan(0);
    expect(autoNumber.operators).toContain('isGreaterEqual');
  });
});
