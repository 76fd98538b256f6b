/**
 * Group keys and the in-memory grouper, the reference that storage's `groupRecordCounts` (SQL
 * `GROUP BY`) reproduces. Semantics, decided here once:
 *
 * - A group is a cell's canonical value, whole: scalars by value; lists (multiple select,
 *   person, link, lookup, list results) by the entire stored array, order included — the
 *   combination, as Airtable groups them.
 * - Empty cells (null, '', [], error values) form one group, key `null` — except a checkbox or
 *   boolean result, where empty means unticked: it joins the `false` group.
 * - Groups are ordered level by level like the sort of that field (`compareRecords`): empty
 *   first ascending, last descending, then the field type's `compare`; values that compare
 *   equal yet differ (two links to records with the same title) fall to their JSON text.
 */
import { getFieldType } from '../fields/registry';
import { compareText } from '../fields/text-helpers';
import { isEmptyCell, readCell, type QueryableRecord } from '../filters/cells';
import type { ResolvedGroupLevel } from './resolve-group-by';

export interface GroupCount {
  /** One canonical value per level (null: the empty group). */
  keys: unknown[];
  count: number;
}

/** The group key of `record` at `level`: its canonical cell, emptiness folded as described above. */
export function groupKeyOf(record: QueryableRecord, level: ResolvedGroupLevel): unknown {
  const cell = readCell(record, level.target);
  if (isEmptyCell(cell)) return level.target.kind === 'boolean' ? false : null;
  return cell;
}

/** Orders two group keys of `level` as SQL orders the groups. */
export function compareGroupKeys(level: ResolvedGroupLevel, a: unknown, b: unknown): number {
  const aEmpty = a === null;
  const bEmpty = b === null;
  let result: number;
  if (aEmpty || bEmpty) result = aEmpty === bEmpty ? 0 : aEmpty ? -1 : 1;
  else {
    const field = level.target.field;
    result = Math.sign(getFieldType(field.type).compare(a, b, field.options));
    if (result === 0 && level.target.kind === 'json') result = Math.sign(compareText(JSON.stringify(a), JSON.stringify(b)));
  }
  return level.direction === 'asc' ? result : -result;
}

/** Identity of a key within a level: equal canonical values have equal JSON text. */
function identityOf(key: unknown): string {
  return JSON.stringify(key) ?? 'null';
}

/** Counts `records` per combination of group keys, in group order. */
export function groupRecords(records: readonly QueryableRecord[], levels: readonly ResolvedGroupLevel[]): GroupCount[] {
  const groups = new Map<string, GroupCount>();
  for (const record of records) {
    const keys = levels.map((level) => groupKeyOf(record, level));
    const identity = JSON.stringify(keys.map(identityOf));
    const group = groups.get(identity);
    if (group) group.count += 1;
    else groups.set(identity, { keys, count: 1 });
  }
  return [...groups.values()].sort((x, y) => {
    for (const [index, level] of levels.entries()) {
      const result = compareGroupKeys(level, x.keys[index], y.keys[index]);
      if (result !== 0) return result;
    }
    return 0;
  });
}
