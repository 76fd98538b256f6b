/** The query model: filter trees, sorts, their resolution to predicates, and the reference evaluator. */
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
