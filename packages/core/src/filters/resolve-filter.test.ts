import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { evaluatePredicate } from './evaluate-predicate';
import { maxFilterConditions, maxFilterDepth } from './filter-tree';
import { resolveFilter } from './resolve-filter';
import { makeField, recordsWith } from './test-support';

const name = makeField('singleLineText', 'Name');
const age = makeField('number', 'Age');
const tags = makeField('multipleSelect', 'Tags', { choices: [{ name: 'vip' }, { name: 'new' }] });
const owner = makeField('person', 'Owner');
const creator = makeField('createdBy', 'Creator');
const fields = [name, age, tags, owner, creator];
const ctx = { now: new Date('2024-05-01T00:00:00Z'), timeZone: 'Asia/Shanghai', me: 'usr_alice00000000000' };

function errorOf(run: () => unknown): EngineError {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected an EngineError');
}

const where = (conditions: unknown[], conjunction = 'and') => ({ conjunction, conditions });

describe('resolveFilter: field references', () => {
  it('finds a field by id and by exact name', () => {
    expect(resolveFilter(where([{ field: name.id, operator: 'is', value: 'x' }]), fields, ctx)).toMatchObject({ type: 'compare' });
    expect(resolveFilter(where([{ field: 'Name', operator: 'is', value: 'x' }]), fields, ctx)).toMatchObject({
      type: 'compare',
      target: { field: { id: name.id } },
    });
  });

  it('answers UNKNOWN_FIELD for names and ids that differ by whitespace, case, look-alikes or quotes', () => {
    const variants = ['Name ', ' Name', 'name', 'NAME', 'Nаme' /* Cyrillic а */, 'Ｎａｍｅ', '"Name"', '`Name`', `${name.id}\n`, name.id.toUpperCase(), `${name.id} `];
    for (const variant of variants) {
      const error = errorOf(() => resolveFilter(where([{ field: variant, operator: 'is', value: 'x' }]), fields, ctx));
      expect(error.code).toBe('UNKNOWN_FIELD');
      expect(error.message).toBe(`Unknown field "${variant}"`);
      expect(error.details.path).toBe('filter.conditions[0].field');
    }
  });

  it('answers a field left out of the visible fields exactly like one that never existed', () => {
    const visible = fields.filter((field) => field !== age);
    const hidden = errorOf(() => resolveFilter(where([{ field: 'Age', operator: 'isEmpty' }]), visible, ctx));
    const missing = errorOf(() => resolveFilter(where([{ field: 'Weight', operator: 'isEmpty' }]), visible, ctx));
    expect(hidden.code).toBe(missing.code);
    expect(hidden.message.replace('Age', 'X')).toBe(missing.message.replace('Weight', 'X'));
    expect(Object.keys(hidden.details).sort()).toEqual(Object.keys(missing.details).sort());
  });

  it('names the nested path of the failing condition', () => {
    const tree = where([{ field: 'Name', operator: 'isEmpty' }, where([{ field: 'Nope', operator: 'isEmpty' }], 'or')]);
    expect(errorOf(() => resolveFilter(tree, fields, ctx)).details.path).toBe('filter.conditions[1].conditions[0].field');
    expect(errorOf(() => resolveFilter(tree, fields, ctx, { path: 'config.filter' })).details.path).toBe(
      'config.filter.conditions[1].conditions[0].field',
    );
  });
});

describe('resolveFilter: shape and limits', () => {
  it('treats null, an empty group and conditions without operands as matching everything', () => {
    expect(resolveFilter(null, fields, ctx)).toEqual({ type: 'const', value: true });
    expect(resolveFilter(where([]), fields, ctx)).toEqual({ type: 'const', value: true });
    const inactive = where([{ field: 'Name', operator: 'contains' }, { field: 'Tags', operator: 'hasAnyOf', value: [] }, { field: 'Age', operator: 'is', value: null }], 'or');
    expect(resolveFilter(inactive, fields, ctx)).toEqual({ type: 'const', value: true });
  });

  it('refuses a condition without an operand when operands are required', () => {
    const error = errorOf(() => resolveFilter(where([{ field: 'Name', operator: 'contains', value: '' }]), fields, ctx, { requireOperands: true }));
    expect(error.code).toBe('INVALID_FILTER');
    expect(error.details.path).toBe('filter.conditions[0].value');
  });

  it('ignores inactive conditions inside an OR instead of letting them match everything', () => {
    const tree = where([{ field: 'Name', operator: 'contains' }, { field: 'Name', operator: 'is', value: 'b' }], 'or');
    const records = recordsWith(name, ['a', 'b']);
    const predicate = resolveFilter(tree, fields, ctx);
    expect(records.filter((record) => evaluatePredicate(predicate, record)).map((r) => r.values[name.id])).toEqual(['b']);
  });

  it(`accepts ${maxFilterDepth} levels of groups and refuses one more`, () => {
    const nest = (levels: number): unknown => (levels === 1 ? where([{ field: 'Name', operator: 'isEmpty' }]) : where([nest(levels - 1)]));
    expect(resolveFilter(nest(maxFilterDepth), fields, ctx)).toMatchObject({ type: 'empty' });
    const error = errorOf(() => resolveFilter(nest(maxFilterDepth + 1), fields, ctx));
    expect(error.code).toBe('INVALID_FILTER');
    expect(error.message).toContain(`deeper than ${maxFilterDepth}`);
  });

  it('refuses a hostile 100,000-level tree without overflowing the stack', () => {
    let tree: unknown = where([]);
    for (let i = 0; i < 100_000; i++) tree = where([tree]);
    expect(errorOf(() => resolveFilter(tree, fields, ctx)).code).toBe('INVALID_FILTER');
  });

  it(`accepts ${maxFilterConditions} conditions and refuses more, naming the first one over`, () => {
    const conditions = (count: number) => Array.from({ length: count }, () => ({ field: 'Name', operator: 'isNotEmpty' }));
    expect(() => resolveFilter(where(conditions(maxFilterConditions)), fields, ctx)).not.toThrow();
    const error = errorOf(() => resolveFilter(where(conditions(maxFilterConditions + 1)), fields, ctx));
    expect(error.details.path).toBe(`filter.conditions[${maxFilterConditions}]`);
  });

  it('refuses malformed nodes, naming the path', () => {
    const cases: Array<[unknown, string]> = [
      ['and', 'filter'],
      [{ conjunction: 'xor', conditions: [] }, 'filter.conjunction'],
      [{ conjunction: 'and', conditions: {} }, 'filter.conditions'],
      [{ conjunction: 'and', conditions: [], extra: 1 }, 'filter.extra'],
      [where([42]), 'filter.conditions[0]'],
      [where([{ field: 'Name', operator: 'isEmpty', junk: true }]), 'filter.conditions[0].junk'],
      [where([{ field: 'Name', operator: 'like', value: 'x' }]), 'filter.conditions[0].operator'],
      [where([{ field: 'Name', operator: 'isGreater', value: 3 }]), 'filter.conditions[0].operator'],
    ];
    for (const [tree, path] of cases) {
      const error = errorOf(() => resolveFilter(tree, fields, ctx));
      expect(error.code, path).toBe('INVALID_FILTER');
      expect(error.details.path).toBe(path);
      expect(error.message).toContain(path);
    }
  });
});

describe('resolveFilter: operands', () => {
  const refuse = (condition: object, path = 'filter.conditions[0].value') => {
    const error = errorOf(() => resolveFilter(where([condition]), fields, ctx));
    expect(error.code).toBe('INVALID_FILTER');
    expect(error.details.path).toBe(path);
  };

  it('wants numbers to be numbers', () => {
    refuse({ field: 'Age', operator: 'isGreater', value: '3' });
    refuse({ field: 'Age', operator: 'is', value: Number.NaN });
    refuse({ field: 'Age', operator: 'is', value: Number.POSITIVE_INFINITY });
    expect(resolveFilter(where([{ field: 'Age', operator: 'isGreater', value: 3 }]), fields, ctx)).toMatchObject({ value: 3, comparison: '>' });
  });

  it('wants text to be text SQL can hold: no NUL, no unpaired surrogate', () => {
    refuse({ field: 'Name', operator: 'contains', value: 12 });
    refuse({ field: 'Name', operator: 'contains', value: 'a\u0000b' });
    refuse({ field: 'Name', operator: 'is', value: 'a\uD800' });
    refuse({ field: 'Name', operator: 'is', value: '\uDC00b' });
    expect(resolveFilter(where([{ field: 'Name', operator: 'is', value: '😀' }]), fields, ctx)).toMatchObject({ value: '😀' });
  });

  it('names the failing item of a list operand', () => {
    refuse({ field: 'Tags', operator: 'hasAnyOf', value: ['vip', 7] }, 'filter.conditions[0].value[1]');
  });

  it('reads a single name as a list of one and drops repeats', () => {
    expect(resolveFilter(where([{ field: 'Tags', operator: 'hasAnyOf', value: 'vip' }]), fields, ctx)).toMatchObject({ values: ['vip'] });
    expect(resolveFilter(where([{ field: 'Tags', operator: 'hasAllOf', value: ['vip', 'vip', 'new'] }]), fields, ctx)).toMatchObject({
      values: ['vip', 'new'],
    });
  });

  it("resolves 'me' to the current user on person and created-by fields, and only there", () => {
    expect(resolveFilter(where([{ field: 'Owner', operator: 'hasAnyOf', value: ['me', 'usr_bob0000000000000'] }]), fields, ctx)).toMatchObject({
      type: 'arrayHasAny',
      values: ['usr_alice00000000000', 'usr_bob0000000000000'],
    });
    expect(resolveFilter(where([{ field: 'Creator', operator: 'is', value: 'me' }]), fields, ctx)).toMatchObject({
      type: 'compare',
      value: 'usr_alice00000000000',
    });
    expect(resolveFilter(where([{ field: 'Tags', operator: 'hasAnyOf', value: 'me' }]), fields, ctx)).toMatchObject({ values: ['me'] });
  });

  it("lets 'me' match nothing when nobody is signed in", () => {
    const anonymous = { now: ctx.now, timeZone: ctx.timeZone };
    const resolve = (condition: object) => resolveFilter(where([condition]), fields, anonymous);
    expect(resolve({ field: 'Owner', operator: 'hasAnyOf', value: 'me' })).toEqual({ type: 'const', value: false });
    expect(resolve({ field: 'Owner', operator: 'hasAllOf', value: ['me', 'usr_bob0000000000000'] })).toEqual({ type: 'const', value: false });
    expect(resolve({ field: 'Owner', operator: 'hasNoneOf', value: 'me' })).toEqual({ type: 'const', value: true });
    expect(resolve({ field: 'Creator', operator: 'is', value: 'me' })).toEqual({ type: 'const', value: false });
    expect(resolve({ field: 'Creator', operator: 'isNoneOf', value: ['me'] })).toEqual({ type: 'const', value: true });
  });

  it('refuses a tree whose operands add up past the budget', () => {
    const many = Array.from({ length: 500 }, (_, i) => `v${i}`);
    const tree = where(Array.from({ length: 5 }, () => ({ field: 'Tags', operator: 'hasAnyOf', value: many })));
    const error = errorOf(() => resolveFilter(tree, fields, ctx));
    expect(error.code).toBe('INVALID_FILTER');
    expect(error.details.path).toBe('filter.conditions[4].value');
  });
});
