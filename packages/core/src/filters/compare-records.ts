/**
 * The in-memory sorter, twin of the SQL ORDER BY built by storage's `compileOrderBy`.
 * Empty cells come first ascending and last descending; non-empty cells compare with the field
 * type's `compare`, which must agree with the SQL order of its profile's sort key.
 * Ties fall to `tiebreak`, by default the table's row order and then the record id — the same
 * columns SQL appends.
 */
import { getFieldType } from '../fields/registry';
import { compareText } from '../fields/text-helpers';
import { isEmptyCell, readCell, type QueryableRecord } from './cells';
import type { ResolvedSort } from './resolve-sorts';

export type RecordComparator = (a: QueryableRecord, b: QueryableRecord) => number;

/** Row order (code points), then id: the order of a table with no sort. */
export const compareByRowOrder: RecordComparator = (a, b) =>
  compareText(a.rowOrder ?? '', b.rowOrder ?? '') || compareText(a.id, b.id);

function compareOne(sort: ResolvedSort, a: QueryableRecord, b: QueryableRecord): number {
  const x = readCell(a, sort.target);
  const y = readCell(b, sort.target);
  const xEmpty = isEmptyCell(x);
  const yEmpty = isEmptyCell(y);
  let result: number;
  if (xEmpty || yEmpty) result = xEmpty === yEmpty ? 0 : xEmpty ? -1 : 1;
  else result = getFieldType(sort.target.field.type).compare(x, y, sort.target.field.options);
  return sort.direction === 'asc' ? Math.sign(result) : -Math.sign(result);
}

/** A comparator for `Array.prototype.sort` applying `sorts` in order, then `tiebreak`. */
export function compareRecords(sorts: readonly ResolvedSort[], tiebreak: RecordComparator = compareByRowOrder): RecordComparator {
  return (a, b) => {
    for (const sort of sorts) {
      const result = compareOne(sort, a, b);
      if (result !== 0) return result;
    }
    return tiebreak(a, b);
  };
}
