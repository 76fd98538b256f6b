/**
 * How many records each record links to through a link field, counted once per recalculation:
 * a full computation pages its records by these counts (./compute-field.ts), and the fields
 * reading through the same link (a lookup, a rollup) page the same records. A recalculation
 * writes computed cells only, never junctions, so a count read stays true for it; and counts only
 * bound how much a page holds in memory — they never change a computed value.
 */
import type { Field } from '@multitable/core';
import * as store from '@multitable/storage';

export class LinkedCounts {
  /** Link field id → record id → count (0 included: a record read and found linking nothing). */
  private readonly links = new Map<string, Map<string, number>>();

  /** The counts of `ids` through `link`, reading only those not counted yet. */
  async of(trx: store.Executor, link: Field, ids: readonly string[]): Promise<ReadonlyMap<string, number>> {
    const known = this.links.get(link.id) ?? new Map<string, number>();
    this.links.set(link.id, known);
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length > 0) {
      const counted = await store.linkedCounts(trx, link, missing);
      for (const id of missing) known.set(id, counted.get(id) ?? 0);
    }
    return known;
  }
}
