import { describe, expect, it } from 'vitest';
import { makeCastContext } from '../test-support';
import { longText } from './long-text';

const strict = makeCastContext();
const loose = makeCastContext({ typecast: true });

describe('longText', () => {
  it('keeps line breaks, normalising CRLF and CR to LF', () => {
    expect(longText.cast('one\r\ntwo\rthree\nfour', {}, strict)).toEqual({ ok: true, value: 'one\ntwo\nthree\nfour' });
  });
  it('treats whitespace-only text (including line breaks) as empty', () => {
    expect(longText.cast(' \r\n\t ', {}, strict)).toEqual({ ok: true, value: null });
  });
  it('keeps indentation and trailing spaces', () => {
    expect(longText.cast('  - item  ', {}, strict)).toEqual({ ok: true, value: '  - item  ' });
  });
  it('refuses non-strings in strict mode, naming the value', () => {
    expect(longText.cast(42, {}, strict)).toEqual({ ok: false, reason: 'expected a string, got 42' });
    expect(longText.cast(42, {}, loose)).toEqual({ ok: true, value: '42' });
  });
  it('formats as the text itself and offers text operators', () => {
    expect(longText.format('a\nb', {}, { timeZone: 'UTC', locale: 'en', users: makeCastContext().users })).toBe('a\nb');
    expect(longText.operators).toContain('contains');
  });
});
