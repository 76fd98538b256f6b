/**
 * Reading cells for the in-memory evaluator and sorter: the record shape they take, what
 * "empty" means, and ASCII-only case folding. These are the reference semantics that SQL
 * (packages/storage/src/query) reproduces.
 */
import { isCellError } from '../fields/computed/cell-errors';
import type { SystemColumn } from '../fields/field-type';
import type { PredicateTarget } from './predicate';

/**
 * A record as the evaluator reads it: canonical cell values keyed by field id, plus the
 * row-level system values that system-backed fields (auto number, created time …) show.
 */
export interface QueryableRecord extends Partial<Record<SystemColumn, unknown>> {
  readonly id: string;
  /** The table's manual row order (fractional index); ties in sorting fall back to it. */
  readonly rowOrder?: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/**
 * The cell a predicate or sort reads. An error value `{ error, reason }` (a failed formula or
 * rollup) reads as empty: storage keeps errors beside the typed value column, which is NULL.
 */
export function readCell(record: QueryableRecord, target: PredicateTarget): unknown {
  if (target.system) return record[target.system] ?? null;
  const value = Object.hasOwn(record.values, target.field.id) ? (record.values[target.field.id] ?? null) : null;
  return isCellError(value) ? null : value;
}

/** Empty: null (canonical), and defensively '' and []. */
export function isEmptyCell(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Lower-cases A–Z only, as SQLite's `lower()` and PostgreSQL's `lower(… COLLATE "C")` do. */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}
