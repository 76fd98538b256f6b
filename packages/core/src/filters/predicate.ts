/**
 * Predicates: the small, dialect-neutral language that every filter operator lowers to.
 * The in-memory evaluator (./evaluate-predicate.ts) and the SQL compiler
 * (packages/storage/src/query/compile-filter.ts) each implement exactly these primitives, so
 * operator semantics are decided once, here in core, and both sides agree by construction.
 *
 * Every primitive is two-valued: it is true or false for every cell, empty cells included.
 * Primitives that test a value (`compare`, `in`, `textContains`, `range`, `array*`) are false
 * on an empty cell; `empty` is true on one. Negative operators are built with `not`, which is
 * why they match empty cells.
 */
import type { Field } from '../fields/field';
import type { FieldStorage, StorageKind, SystemColumn } from '../fields/field-type';

/** Which cell a primitive reads, and the physical kind of the column that holds it. */
export interface PredicateTarget {
  readonly field: Field;
  /** Column kind: the type's storage kind, or the kind of its system column. */
  readonly kind: StorageKind;
  /** Set when the value lives in a row-level system column rather than the field's own column. */
  readonly system?: SystemColumn;
}

export type ComparisonOperator = '=' | '<' | '<=' | '>' | '>=';

/** An operand of `compare` and `range`: text (code-point order), number, or boolean (`=` only). */
export type ScalarOperand = string | number | boolean;

export type Predicate =
  | { readonly type: 'const'; readonly value: boolean }
  | { readonly type: 'and'; readonly items: readonly Predicate[] }
  | { readonly type: 'or'; readonly items: readonly Predicate[] }
  | { readonly type: 'not'; readonly item: Predicate }
  /** null, '' or [] */
  | { readonly type: 'empty'; readonly target: PredicateTarget }
  /** cell <comparison> value; text compares by code point, exactly */
  | { readonly type: 'compare'; readonly target: PredicateTarget; readonly comparison: ComparisonOperator; readonly value: ScalarOperand }
  /** cell equals one of values (exactly) */
  | { readonly type: 'in'; readonly target: PredicateTarget; readonly values: readonly (string | number)[] }
  /** cell contains value, ASCII letters compared case-insensitively, every other character exactly */
  | { readonly type: 'textContains'; readonly target: PredicateTarget; readonly value: string }
  /** JSON string array has at least one of values */
  | { readonly type: 'arrayHasAny'; readonly target: PredicateTarget; readonly values: readonly string[] }
  /** JSON string array has every one of values */
  | { readonly type: 'arrayHasAll'; readonly target: PredicateTarget; readonly values: readonly string[] }
  /** JSON string array holds exactly the set `values` (order and repeats ignored) */
  | { readonly type: 'arraySetEquals'; readonly target: PredicateTarget; readonly values: readonly string[] }
  /** JSON array of objects has an item whose string property `key` equals one of values (links by record id) */
  | { readonly type: 'objectArrayHasAny'; readonly target: PredicateTarget; readonly key: string; readonly values: readonly string[] }
  /** JSON array of objects has an item whose string property `key` contains value, as textContains (links by title) */
  | { readonly type: 'objectArrayTextContains'; readonly target: PredicateTarget; readonly key: string; readonly value: string }
  /** from <= cell < to; either bound may be absent (open) */
  | { readonly type: 'range'; readonly target: PredicateTarget; readonly from?: ScalarOperand; readonly to?: ScalarOperand };

export type PredicateType = Predicate['type'];
export type PredicateOf<T extends PredicateType> = Extract<Predicate, { type: T }>;

export const alwaysTrue: Predicate = { type: 'const', value: true };
export const alwaysFalse: Predicate = { type: 'const', value: false };

export function not(item: Predicate): Predicate {
  if (item.type === 'const') return item.value ? alwaysFalse : alwaysTrue;
  if (item.type === 'not') return item.item;
  return { type: 'not', item };
}

/** AND of items, flattened, with constants folded. */
export function and(items: readonly Predicate[]): Predicate {
  return combine('and', items);
}

/** OR of items, flattened, with constants folded. */
export function or(items: readonly Predicate[]): Predicate {
  return combine('or', items);
}

function combine(type: 'and' | 'or', items: readonly Predicate[]): Predicate {
  const neutral = type === 'and'; // true is neutral for AND, false for OR
  const kept: Predicate[] = [];
  for (const item of items) {
    if (item.type === 'const') {
      if (item.value === neutral) continue;
      return item; // absorbing element
    }
    if (item.type === type) kept.push(...item.items);
    else kept.push(item);
  }
  if (kept.length === 0) return neutral ? alwaysTrue : alwaysFalse;
  if (kept.length === 1) return kept[0]!;
  return { type, items: kept };
}

/** Kind of the SQL column behind a type's storage (system columns: auto number is an integer, the rest text). */
export function columnKindOf(storage: FieldStorage): StorageKind {
  if ('kind' in storage) return storage.kind;
  return storage.system === 'autoNumber' ? 'integer' : 'text';
}
