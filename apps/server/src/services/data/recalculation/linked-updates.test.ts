import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pagesByCount } from './compute-field';
import { membershipDiff } from './linked-updates';

describe('membershipDiff', () => {
  it('finds what was added and taken away, as comparing every id would', () => {
    const ids = fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 20 }).map((list) => list.map((n) => `rec_${n}`));
    fc.assert(
      fc.property(ids, ids, (before, now) => {
        const { added, removed } = membershipDiff(before, now);
        expect(added).toEqual(now.filter((id) => !before.includes(id)));
        expect(removed).toEqual(before.filter((id) => !now.includes(id)));
      }),
    );
  });
});

describe('pagesByCount', () => {
  it('keeps the order, never passes the limit unless one record does alone', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { maxLength: 30 }), fc.integer({ min: 1, max: 60 }), (sizes, limit) => {
        const ids = sizes.map((_, i) => `r${i}`);
        const pages = pagesByCount(ids, new Map(ids.map((id, i) => [id, sizes[i]!])), limit);
        expect(pages.flat()).toEqual(ids);
        for (const page of pages) {
          const held = page.reduce((sum, id) => sum + sizes[Number(id.slice(1))]!, 0);
          expect(page.length === 1 || held <= limit).toBe(true);
        }
      }),
    );
  });
});
