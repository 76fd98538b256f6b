import { describe, expect, it } from 'vitest';
import { makeCastContext } from '../test-support';
import { phone } from './phone';

const strict = makeCastContext();
const loose = makeCastContext({ typecast: true });

describe('phone', () => {
  it.each(['+86 138-0013-8000', '(010) 6552.8888', '120', '+1 (201) 555-0123 ext. 12', '6552 8888 x301', '010-65528888转8001', '13800138000#12'])(
    'accepts %j as typed',
    (text) => {
      expect(phone.cast(text, {}, strict)).toEqual({ ok: true, value: text });
    },
  );
  it('trims and collapses inner whitespace', () => {
    expect(phone.cast('  138  0013 8000 ', {}, strict)).toEqual({ ok: true, value: '138 0013 8000' });
  });
  it('refuses fewer than three digits, letters and misplaced plus signs, naming the value', () => {
    expect(phone.cast('12', {}, strict)).toEqual({ ok: false, reason: '"12" is not a phone number (digits, + - ( ) . and spaces, at least 3 digits)' });
    expect(phone.cast('call me', {}, strict).ok).toBe(false);
    expect(phone.cast('138+0013', {}, strict).ok).toBe(false);
    expect(phone.cast('x123', {}, strict).ok).toBe(false);
  });
  it('refuses full-width digits in strict mode and folds them when typecasting', () => {
    expect(phone.cast('１３８００１３８０００', {}, strict).ok).toBe(false);
    expect(phone.cast('１３８－００１３－８０００', {}, loose)).toEqual({ ok: true, value: '138-0013-8000' });
  });
  it('reads a number as its digits when typecasting', () => {
    expect(phone.cast(13800138000, {}, loose)).toEqual({ ok: true, value: '13800138000' });
    expect(phone.cast(13800138000, {}, strict).ok).toBe(false);
  });
  it('refuses absurdly long input', () => {
    expect(phone.cast('1'.repeat(65), {}, strict)).toEqual({ ok: false, reason: 'a phone number has at most 64 characters' });
  });
  it('treats empty input as an empty cell and offers text operators', () => {
    expect(phone.cast(' ', {}, strict)).toEqual({ ok: true, value: null });
    expect(phone.operators).toContain('contains');
  });
});
