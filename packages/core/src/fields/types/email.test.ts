import { describe, expect, it } from 'vitest';
import { makeCastContext } from '../test-support';
import { email } from './email';

const strict = makeCastContext();
const loose = makeCastContext({ typecast: true });

describe('email', () => {
  it('trims and lower-cases the domain only', () => {
    expect(email.cast('  Zhang.San+ward3@Hospital.Example.CN ', {}, strict)).toEqual({ ok: true, value: 'Zhang.San+ward3@hospital.example.cn' });
  });
  it('accepts Unicode letters', () => {
    expect(email.cast('张三@例子.中国', {}, strict)).toEqual({ ok: true, value: '张三@例子.中国' });
  });
  it.each(['plainaddress', '@example.com', 'a@b', 'a@@b.com', 'a b@c.com', 'a@b..com', '.a@b.com', 'a.@b.com', 'a@-b.com', 'a@b.c', 'a@b.com.'])(
    'refuses %j, naming it',
    (text) => {
      expect(email.cast(text, {}, strict)).toEqual({ ok: false, reason: `${JSON.stringify(text)} is not an email address (name@example.com)` });
    },
  );
  it('refuses mailto: and display-name forms in strict mode, and reads them when typecasting', () => {
    expect(email.cast('mailto:a@b.com', {}, strict).ok).toBe(false);
    expect(email.cast('mailto:a@B.com', {}, loose)).toEqual({ ok: true, value: 'a@b.com' });
    expect(email.cast('张三 <zhang@Example.com>', {}, loose)).toEqual({ ok: true, value: 'zhang@example.com' });
  });
  it('folds a full-width at sign when typecasting', () => {
    expect(email.cast('ｚｈａｎｇ＠example.com', {}, loose)).toEqual({ ok: true, value: 'zhang@example.com' });
  });
  it('refuses addresses longer than 254 characters', () => {
    const long = `${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(20)}.com`;
    expect(email.cast(long, {}, strict)).toEqual({ ok: false, reason: 'an email address has at most 254 characters' });
  });
  it('treats empty input as an empty cell and offers text operators', () => {
    expect(email.cast('', {}, strict)).toEqual({ ok: true, value: null });
    expect(email.operators).toEqual(['contains', 'doesNotContain', 'is', 'isNot', 'isEmpty', 'isNotEmpty']);
  });
});
