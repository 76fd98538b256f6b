import { describe, expect, it } from 'vitest';
import { resultKinds } from '../fields/computed/result-kinds';
import { fieldStorage, fieldTypeKeys, getFieldType } from '../fields/registry';
import { operators } from './operators';
import { hasQueryProfile, queryProfiles } from './query-profiles';

/** Options giving each profile a type can have, for types queried by a result kind. */
const profileSamples: Record<string, Array<Record<string, unknown>>> = {
  formula: resultKinds.map((resultKind) => ({ resultKind })),
  rollup: resultKinds.map((resultKind) => ({ resultKind })),
  lookup: [{}, { targetShape: { type: 'singleLineText', options: {} } }, { targetShape: { type: 'link', options: {} } }],
};

describe('query profiles', () => {
  it('has a profile for every registered field type', () => {
    expect(fieldTypeKeys.filter((type) => !hasQueryProfile(type))).toEqual([]);
  });

  it('can lower every operator each field type offers on that type', () => {
    // Computed types are queried as their result kind: each operator must work for one of them.
    const kindsOf = (type: string) => (profileSamples[type] ?? [{}]).map((options) => queryProfiles[type]!(options).values);
    const unsupported = fieldTypeKeys.flatMap((type) => {
      const kinds = kindsOf(type);
      return getFieldType(type)
        .operators.filter((operator) => !kinds.some((kind) => operators[operator].lower[kind]))
        .map((operator) => `${type}.${operator}`);
    });
    expect(unsupported).toEqual([]);
  });

  it('sorts JSON columns by their text only where the type compares JSON text', () => {
    const jsonSorted = fieldTypeKeys.filter((type) => queryProfiles[type]!({}).sort === 'jsonText');
    for (const type of jsonSorted) {
      expect(fieldStorage({ type, options: {} })).toMatchObject({ kind: 'json' });
      expect(getFieldType(type).compare(['a', 'b'], ['a,b'], {})).toBeLessThan(0); // '["a","b"]' < '["a,b"]'
    }
  });
});
