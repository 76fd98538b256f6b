/**
 * Fractional positions (fractional-indexing keys) for anything the user orders: tables in a
 * base, fields and views in a table, records in a table. Moving one item writes one key and
 * never renumbers its neighbours. Keys compare by bytes (JS `<`), which is why `row_order` is
 * `COLLATE "C"` on PostgreSQL and why meta lists are sorted here rather than by SQL.
 */
import { generateKeyBetween } from 'fractional-indexing';
import { EngineError } from '@multitable/core';

/** Where to put an item: immediately before `before`, after `after`, between both, or (neither) last. */
export interface Placement {
  before?: string;
  after?: string;
}

export interface Positioned {
  id: string;
  position: string;
}

/** Byte order of keys, then ids: the order every ordered list uses. */
export function comparePositioned(a: Positioned, b: Positioned): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The ordered set an item moves in, as the neighbour lookups a placement needs. */
export interface OrderedKeys {
  /** Key of another item of the set; undefined when it is not in the set. */
  keyOf(id: string): Promise<string | undefined>;
  /** Greatest key strictly below `key` among the other items (the moving one excluded). */
  greatestBelow(key: string): Promise<string | null>;
  /** Least key strictly above `key` among the other items. */
  leastAbove(key: string): Promise<string | null>;
  /** Greatest key among the other items, null when there are none. */
  last(): Promise<string | null>;
}

/**
 * The key that puts the moving item where `placement` says. Neighbours are found by strictly
 * smaller / larger keys, so two items sharing a key (possible after concurrent appends) can
 * never make the gap empty.
 */
export async function keyForPlacement(keys: OrderedKeys, movingId: string, placement: Placement, noun: string): Promise<string> {
  const anchorKey = async (id: string) => {
    if (id === movingId) {
      throw new EngineError('VALIDATION_FAILED', `A ${noun} cannot be placed next to itself`, { [noun]: id });
    }
    const key = await keys.keyOf(id);
    if (key === undefined) throw new EngineError('NOT_FOUND', `No ${noun} "${id}" to place next to`, { [noun]: id });
    return key;
  };
  if (placement.before !== undefined && placement.after !== undefined) {
    const lower = await anchorKey(placement.after);
    const upper = await anchorKey(placement.before);
    if (!(lower < upper)) {
      throw new EngineError('VALIDATION_FAILED', `The ${noun} "${placement.after}" does not come before "${placement.before}"`, {
        after: placement.after,
        before: placement.before,
      });
    }
    return generateKeyBetween(lower, upper);
  }
  if (placement.before !== undefined) {
    const upper = await anchorKey(placement.before);
    return generateKeyBetween(await keys.greatestBelow(upper), upper);
  }
  if (placement.after !== undefined) {
    const lower = await anchorKey(placement.after);
    return generateKeyBetween(lower, await keys.leastAbove(lower));
  }
  return generateKeyBetween(await keys.last(), null);
}

/** `OrderedKeys` over a small list already in memory (tables of a base, fields, views). */
export function orderedKeysOf(items: readonly Positioned[], movingId: string): OrderedKeys {
  const others = items.filter((item) => item.id !== movingId).map((item) => item.position);
  return {
    keyOf: async (id) => items.find((item) => item.id === id && item.id !== movingId)?.position,
    greatestBelow: async (key) => others.filter((k) => k < key).reduce<string | null>((m, k) => (m === null || k > m ? k : m), null),
    leastAbove: async (key) => others.filter((k) => k > key).reduce<string | null>((m, k) => (m === null || k < m ? k : m), null),
    last: async () => others.reduce<string | null>((m, k) => (m === null || k > m ? k : m), null),
  };
}

/** Key after every item of a small in-memory list. */
export function positionAtEnd(items: readonly Positioned[]): string {
  const last = items.reduce<string | null>((m, item) => (m === null || item.position > m ? item.position : m), null);
  return generateKeyBetween(last, null);
}
