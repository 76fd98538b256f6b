import { describe, expect, it } from 'vitest';
import { normalizeFieldOptions } from '../field-options';
import { makeCastContext, makeFormatContext, testUsers } from '../test-support';
import { person } from './person';

const strict = makeCastContext();
const loose = makeCastContext({ typecast: true });
const many = normalizeFieldOptions('person', {});
const one = normalizeFieldOptions('person', { multiple: false });
const [alice, wang, carol] = testUsers as [(typeof testUsers)[0], (typeof testUsers)[0], (typeof testUsers)[0]];

describe('person options', () => {
  it('defaults to several people, notified on assignment', () => {
    expect(many).toEqual({ multiple: true, notify: true });
  });
});

describe('person cast', () => {
  it('accepts an id, an array of ids or { id } objects, always storing an array', () => {
    expect(person.cast(alice.id, many, strict)).toEqual({ ok: true, value: [alice.id] });
    expect(person.cast([alice.id, wang.id], many, strict)).toEqual({ ok: true, value: [alice.id, wang.id] });
    expect(person.cast([{ id: wang.id }, { id: alice.id }], many, strict)).toEqual({ ok: true, value: [wang.id, alice.id] });
    expect(person.cast(alice.id, one, strict)).toEqual({ ok: true, value: [alice.id] });
  });
  it('drops duplicates and treats empty input as an empty cell', () => {
    expect(person.cast([alice.id, { id: alice.id }], many, strict)).toEqual({ ok: true, value: [alice.id] });
    expect(person.cast([], many, strict)).toEqual({ ok: true, value: null });
    expect(person.cast(null, many, strict)).toEqual({ ok: true, value: null });
  });
  it('refuses ids of users the directory does not know, naming them', () => {
    expect(person.cast([alice.id, 'usr_ghost00000000000'], many, strict)).toEqual({ ok: false, reason: '"usr_ghost00000000000" is not the id of a user' });
  });
  it('refuses more than one person when the field holds one', () => {
    expect(person.cast([alice.id, wang.id], one, strict)).toEqual({ ok: false, reason: 'this field holds one person, got 2' });
  });
  it('refuses emails and names unless typecasting', () => {
    expect(person.cast(alice.email, many, strict).ok).toBe(false);
    expect(person.cast({ email: alice.email }, many, strict).ok).toBe(false);
  });
  it('reads emails, names, { email } and comma-separated text when typecasting', () => {
    expect(person.cast('ALICE@example.com', many, loose)).toEqual({ ok: true, value: [alice.id] });
    expect(person.cast('王伟，Carol', many, loose)).toEqual({ ok: true, value: [wang.id, carol.id] });
    expect(person.cast([{ email: 'carol@example.com' }, alice.id], many, loose)).toEqual({ ok: true, value: [carol.id, alice.id] });
  });
  it('refuses text no single user matches', () => {
    expect(person.cast('Nobody', many, loose)).toEqual({ ok: false, reason: 'no single user has the id, email or name "Nobody"' });
  });
  it('refuses values that are not users at all', () => {
    expect(person.cast(42, many, strict)).toEqual({ ok: false, reason: '42 is not a user id' });
    expect(person.cast([{ name: 'x' }], many, strict).ok).toBe(false);
  });
});

describe('person present, format, order', () => {
  it('presents each user with name and email, unknown ids with empty ones', () => {
    expect(person.present?.([alice.id, 'usr_gone000000000000'], many, makeFormatContext())).toEqual([
      { id: alice.id, name: 'Alice Chen', email: 'alice@example.com' },
      { id: 'usr_gone000000000000', name: '', email: '' },
    ]);
  });
  it('formats names joined with a comma', () => {
    expect(person.format([alice.id, wang.id], many, makeFormatContext())).toBe('Alice Chen, 王伟');
  });
  it('sorts by the JSON text of the ids and offers the has-operators', () => {
    expect(person.compare([wang.id], [alice.id, wang.id], many)).toBeGreaterThan(0);
    expect(person.operators).toEqual(['hasAnyOf', 'hasAllOf', 'hasNoneOf', 'isExactly', 'isEmpty', 'isNotEmpty']);
  });
  it('publishes one item at most when the field holds one person', () => {
    expect(person.valueSchema(one)).toMatchObject({ type: 'array', maxItems: 1 });
    expect(person.valueSchema(many)).not.toHaveProperty('maxItems');
  });
});
