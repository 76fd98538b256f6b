import { describe, expect, it } from 'vitest';
import { fieldTypeKeys, getFieldType } from '../fields/registry';
import { operators } from './operators';
import { hasQueryProfile, queryProfiles } from './query-profiles';

describe('query profiles', () => {
  it('has a profile for every registered field type', () => {
    expect(fieldTypeKeys.filter((type) => !hasQueryProfile(type))).toEqual([]);
  });

  it('can lower every operator each field type offers on that type', () => {
    const unsupported = fieldTypeKeys.flatMap((type) => {
      const kind = queryProfiles[type]!({}).values;
      return getFieldType(type)
        .operators.filter((operator) => !operators[operator].lower[kind])
        .map((operator) => `${type}.${operator}`);
    });
    expect(unsupported).toEqual([]);
  });

  it('sorts JSON columns by their text only where the type compares JSON text', () => {
    const jsonSorted = fieldTypeKeys.filter((type) => queryProfiles[type]!({}).sort === 'jsonText');
    for (const type of jsonSorted) {
      expect(getFieldType(type).storage).toEqual({ kind: 'json' });
      expect(getFieldType(type).compare(['a', 'b'], ['a,b'], {})).toBeLessThan(0); // '["a","b"]' < '["a,b"]'
    }
  });
});
