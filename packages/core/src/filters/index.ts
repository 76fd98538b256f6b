/**
 * The query model: filter trees, sorts, their resolution to predicates, and the reference
 * evaluator. Semantics, decided here once (SQL in packages/storage/src/query follows them):
 *
 * - Fields are named by id or exact name; anything else is UNKNOWN_FIELD (./field-reference.ts).
 * - Text `is` is exact (no case or Unicode folding); `contains` folds ASCII A–Z only and treats
 *   `%`, `_` and `\` as plain characters.
 * - Negative operators (`isNot`, `doesNotContain`, `isNoneOf`, `hasNoneOf`) match empty cells;
 *   comparisons and positive operators never do — except a checkbox `is false`, since an empty
 *   checkbox is unticked.
 * - A condition with no operand (undefined, null, '', []) is inactive; `requireOperands` refuses it.
 * - `'me'` is the current user on person / created-by / modified-by fields, nobody when anonymous.
 * - Dates compare by day in the field's zone, else the base's; date-time cells become ranges of
 *   UTC instants from local midnight to local midnight (./dates).
 * - Sorts put empty cells first ascending, last descending; ties fall to row order, then id.
 */
export * from './operator-keys';
export * from './filter-tree';
export {
  alwaysFalse,
  alwaysTrue,
  columnKindOf,
  type ComparisonOperator,
  type Predicate,
  type PredicateOf,
  type PredicateTarget,
  type PredicateType,
  type ScalarOperand,
} from './predicate';
export * from './query-profiles';
export { type ResolveContext, type OperatorDefinition, type LoweringInput, type Lowering } from './operand-context';
export { operators, operatorsForKind } from './operators';
export { findField } from './field-reference';
export * from './resolve-filter';
export * from './resolve-sorts';
export * from './cells';
export * from './evaluate-predicate';
export * from './compare-records';
