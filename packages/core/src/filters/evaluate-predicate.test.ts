import { describe, expect, it } from 'vitest';
import type { QueryableRecord } from './cells';
import { evaluatePredicate } from './evaluate-predicate';
import type { Predicate } from './predicate';
import { targetOf } from './query-profiles';
import { makeField } from './test-support';

const name = makeField('singleLineText', 'Name');
const tags = makeField('multipleSelect', 'Tags', { choices: [{ name: 'a' }, { name: 'b' }] });
const created = makeField('createdTime', 'Created');
const record = (values: Record<string, unknown>, system: Partial<QueryableRecord> = {}): QueryableRecord => ({ id: 'rec_0000000000000001', values, ...system });

describe('evaluatePredicate', () => {
  const nameTarget = targetOf(name);
  const tagsTarget = targetOf(tags);

  it('treats null, a missing cell, an empty string and an empty array as empty', () => {
    const empty: Predicate = { type: 'empty', target: nameTarget };
    expect(evaluatePredicate(empty, record({}))).toBe(true);
    expect(evaluatePredicate(empty, record({ [name.id]: null }))).toBe(true);
    expect(evaluatePredicate(empty, record({ [name.id]: '' }))).toBe(true);
    expect(evaluatePredicate({ type: 'empty', target: tagsTarget }, record({ [tags.id]: [] }))).toBe(true);
    expect(evaluatePredicate(empty, record({ [name.id]: 'x' }))).toBe(false);
  });

  it('never lets a value test match an empty cell, so only its negation does', () => {
    const below: Predicate = { type: 'compare', target: nameTarget, comparison: '<', value: 'z' };
    expect(evaluatePredicate(below, record({ [name.id]: '' }))).toBe(false);
    expect(evaluatePredicate(below, record({}))).toBe(false);
    expect(evaluatePredicate({ type: 'not', item: below }, record({}))).toBe(true);
  });

  it('compares text by code point, so an emoji sorts after every BMP character', () => {
    const belowEmoji: Predicate = { type: 'compare', target: nameTarget, comparison: '<', value: '😀' };
    expect(evaluatePredicate(belowEmoji, record({ [name.id]: '\uFFFF' }))).toBe(true);
    expect(evaluatePredicate(belowEmoji, record({ [name.id]: '😁' }))).toBe(false);
  });

  it('reads system-backed fields from the record, not from its values', () => {
    const target = targetOf(created);
    const since: Predicate = { type: 'range', target, from: '2024-01-01T00:00:00.000Z' };
    expect(evaluatePredicate(since, record({}, { createdTime: '2024-02-01T00:00:00.000Z' }))).toBe(true);
    expect(evaluatePredicate(since, record({ [created.id]: '2024-02-01T00:00:00.000Z' }))).toBe(false);
  });

  it('ignores values whose JS type differs from the operand', () => {
    const isOne: Predicate = { type: 'in', target: nameTarget, values: [1] };
    expect(evaluatePredicate(isOne, record({ [name.id]: '1' }))).toBe(false);
    const hasOne: Predicate = { type: 'arrayHasAny', target: tagsTarget, values: ['1'] };
    expect(evaluatePredicate(hasOne, record({ [tags.id]: [1] }))).toBe(false);
  });

  it('evaluates set equality regardless of order and repeats', () => {
    const exactly: Predicate = { type: 'arraySetEquals', target: tagsTarget, values: ['a', 'b'] };
    expect(evaluatePredicate(exactly, record({ [tags.id]: ['b', 'a', 'b'] }))).toBe(true);
    expect(evaluatePredicate(exactly, record({ [tags.id]: ['a'] }))).toBe(false);
    expect(evaluatePredicate(exactly, record({ [tags.id]: ['a', 'b', 'c'] }))).toBe(false);
  });

  it('combines with and, or and not', () => {
    const a: Predicate = { type: 'textContains', target: nameTarget, value: 'A' };
    const b: Predicate = { type: 'textContains', target: nameTarget, value: 'b' };
    const r = record({ [name.id]: 'xa' });
    expect(evaluatePredicate({ type: 'and', items: [a, b] }, r)).toBe(false);
    expect(evaluatePredicate({ type: 'or', items: [a, b] }, r)).toBe(true);
    expect(evaluatePredicate({ type: 'not', item: { type: 'or', items: [a, b] } }, r)).toBe(false);
  });
});
