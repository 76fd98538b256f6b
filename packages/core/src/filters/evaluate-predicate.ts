/**
 * The in-memory evaluator: the reference semantics of every predicate primitive. Tests use it
 * as the oracle for SQL; the web uses it for instant feedback while a filter is edited.
 * One function per primitive, in a table keyed by primitive — the SQL compiler has the twin table.
 */
import { compareText } from '../fields/text-helpers';
import { asciiLower, isEmptyCell, readCell, type QueryableRecord } from './cells';
import type { ComparisonOperator, Predicate, PredicateOf, PredicateType, ScalarOperand } from './predicate';

type Evaluators = { readonly [T in PredicateType]: (predicate: PredicateOf<T>, record: QueryableRecord) => boolean };

/** Order of a non-empty cell against an operand of the same JS type; undefined when types differ. */
function order(cell: unknown, operand: ScalarOperand): number | undefined {
  if (typeof cell !== typeof operand) return undefined;
  if (typeof cell === 'string') return compareText(cell, operand as string);
  if (typeof cell === 'number') return cell < (operand as number) ? -1 : cell > (operand as number) ? 1 : 0;
  if (typeof cell === 'boolean') return cell === operand ? 0 : undefined;
  return undefined;
}

const holds: Readonly<Record<ComparisonOperator, (order: number) => boolean>> = {
  '=': (o) => o === 0,
  '<': (o) => o < 0,
  '<=': (o) => o <= 0,
  '>': (o) => o > 0,
  '>=': (o) => o >= 0,
};

function stringElements(cell: unknown): string[] | undefined {
  return Array.isArray(cell) ? cell.filter((item): item is string => typeof item === 'string') : undefined;
}

/** The string property `key` of each object item of a JSON array cell (other items skipped). */
function objectProperties(cell: unknown, key: string): string[] | undefined {
  if (!Array.isArray(cell)) return undefined;
  return cell.flatMap((item) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return [];
    const value = (item as Record<string, unknown>)[key];
    return typeof value === 'string' ? [value] : [];
  });
}

const evaluators: Evaluators = {
  const: (p) => p.value,
  and: (p, record) => p.items.every((item) => evaluatePredicate(item, record)),
  or: (p, record) => p.items.some((item) => evaluatePredicate(item, record)),
  not: (p, record) => !evaluatePredicate(p.item, record),
  empty: (p, record) => isEmptyCell(readCell(record, p.target)),
  compare(p, record) {
    const cell = readCell(record, p.target);
    if (isEmptyCell(cell)) return false;
    const o = order(cell, p.value);
    return o !== undefined && holds[p.comparison](o);
  },
  in(p, record) {
    const cell = readCell(record, p.target);
    return !isEmptyCell(cell) && p.values.some((value) => order(cell, value) === 0);
  },
  textContains(p, record) {
    const cell = readCell(record, p.target);
    return typeof cell === 'string' && cell !== '' && asciiLower(cell).includes(asciiLower(p.value));
  },
  arrayHasAny(p, record) {
    const items = stringElements(readCell(record, p.target));
    return items !== undefined && items.some((item) => p.values.includes(item));
  },
  arrayHasAll(p, record) {
    const items = stringElements(readCell(record, p.target));
    return items !== undefined && p.values.every((value) => items.includes(value));
  },
  arraySetEquals(p, record) {
    const cell = readCell(record, p.target);
    if (!Array.isArray(cell)) return false;
    return cell.every((item) => typeof item === 'string' && p.values.includes(item)) && p.values.every((v) => cell.includes(v));
  },
  objectArrayHasAny(p, record) {
    const items = objectProperties(readCell(record, p.target), p.key);
    return items !== undefined && items.some((item) => p.values.includes(item));
  },
  objectArrayTextContains(p, record) {
    const items = objectProperties(readCell(record, p.target), p.key);
    const needle = asciiLower(p.value);
    return items !== undefined && items.some((item) => asciiLower(item).includes(needle));
  },
  range(p, record) {
    const cell = readCell(record, p.target);
    if (isEmptyCell(cell)) return false;
    if (p.from !== undefined) {
      const o = order(cell, p.from);
      if (o === undefined || o < 0) return false;
    }
    if (p.to !== undefined) {
      const o = order(cell, p.to);
      if (o === undefined || o >= 0) return false;
    }
    return typeof cell === 'string' || typeof cell === 'number';
  },
};

/** True when `record` satisfies `predicate`. */
export function evaluatePredicate(predicate: Predicate, record: QueryableRecord): boolean {
  return (evaluators[predicate.type] as (p: Predicate, r: QueryableRecord) => boolean)(predicate, record);
}
