import { describe, expect, it } from 'vitest';
import { makeCastContext } from '../test-support';
import { url } from './url';

const strict = makeCastContext();
const loose = makeCastContext({ typecast: true });

describe('url accepts', () => {
  it.each([
    'https://example.com',
    'http://example.com/a/b?x=1&y=2#top',
    'https://user@example.com:8443/path',
    'https://[2001:db8::1]/',
    'https://例子.中国/路径',
    'mailto:someone@example.com?subject=Hi%20there',
    'tel:+86-10-6552-8888',
  ])('%j', (text) => {
    expect(url.cast(text, {}, strict)).toEqual({ ok: true, value: text });
  });
  it('trims and lower-cases the scheme', () => {
    expect(url.cast('  HTTPS://Example.com/Path  ', {}, strict)).toEqual({ ok: true, value: 'https://Example.com/Path' });
  });
});

describe('url refuses dangerous schemes, however disguised (RELIABILITY A4.3)', () => {
  const vectors = [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    'javascript\u0000:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'jav&#x09;ascript:alert(1)',
    'ｊａｖａｓｃｒｉｐｔ:alert(1)',
    'java\u200bscript:alert(1)',
    '\ufeffjavascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:image/svg+xml,x',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'FILE://c:/windows',
    'blob:https://example.com/uuid',
    'about:blank',
    '//evil.example.com',
    '/relative/path',
    'https:\\\\evil.example.com',
    'http://exa mple.com',
    'https://example.com/"onmouseover="alert(1)',
    'https://example.com/<script>',
    'https://',
    'http:example.com',
    'mailto:',
    'tel:call-me',
  ];
  it.each(vectors)('strict refuses %j', (vector) => {
    expect(url.cast(vector, {}, strict).ok).toBe(false);
  });
  it.each(vectors.filter((vector) => vector !== '//evil.example.com'))('typecast refuses %j', (vector) => {
    expect(url.cast(vector, {}, loose).ok).toBe(false);
  });
  it('names the refused scheme', () => {
    expect(url.cast('javascript:alert(1)', {}, strict)).toEqual({
      ok: false,
      reason: '"javascript:alert(1)": the "javascript:" scheme is not allowed; use http, https, mailto or tel',
    });
  });
});

describe('url typecast', () => {
  it('reads a bare host as https', () => {
    expect(url.cast('example.com/x', {}, loose)).toEqual({ ok: true, value: 'https://example.com/x' });
    expect(url.cast('www.example.com', {}, loose)).toEqual({ ok: true, value: 'https://www.example.com' });
    expect(url.cast('example.com:8080/x', {}, loose)).toEqual({ ok: true, value: 'https://example.com:8080/x' });
    expect(url.cast('//example.com/x', {}, loose)).toEqual({ ok: true, value: 'https://example.com/x' });
    expect(url.cast('example.com/x', {}, strict).ok).toBe(false);
  });
  it('percent-encodes inner spaces and folds full-width characters', () => {
    expect(url.cast('https://example.com/a b', {}, loose)).toEqual({ ok: true, value: 'https://example.com/a%20b' });
    expect(url.cast('ｈｔｔｐｓ：／／example.com', {}, loose)).toEqual({ ok: true, value: 'https://example.com' });
  });
  it('does not turn a dangerous scheme into a host', () => {
    expect(url.cast('javascript:alert(1)//x.com', {}, loose).ok).toBe(false);
  });
});

describe('url limits and operators', () => {
  it('refuses URLs over 4096 characters', () => {
    expect(url.cast(`https://example.com/${'a'.repeat(4100)}`, {}, strict).ok).toBe(false);
  });
  it('treats empty input as an empty cell and offers text operators', () => {
    expect(url.cast('  ', {}, strict)).toEqual({ ok: true, value: null });
    expect(url.operators).toContain('doesNotContain');
  });
});
