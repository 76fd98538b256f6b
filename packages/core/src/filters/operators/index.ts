/**
 * The operator registry: one entry per operator key, each saying which value kinds it works on
 * and how it lowers to predicates. A new operator is a key in ../operator-keys.ts plus an entry
 * here; the compiler refuses a key without one.
 */
import type { OperatorKey } from '../operator-keys';
import type { OperatorDefinition } from '../operand-context';
import type { FilterValueKind } from '../query-profiles';
import { isGreaterEqualOperator, isGreaterOperator, isLessEqualOperator, isLessOperator } from './comparison';
import { isAfterOperator, isBeforeOperator, isOnOrAfterOperator, isOnOrBeforeOperator, isWithinOperator } from './date-relations';
import { isEmptyOperator, isNotEmptyOperator } from './emptiness';
import { isAnyOfOperator, isNoneOfOperator, isNotOperator, isOperator } from './equality';
import { hasAllOfOperator, hasAnyOfOperator, hasNoneOfOperator, isExactlyOperator } from './list-membership';
import { containsOperator, doesNotContainOperator } from './text-match';

export const operators: { readonly [K in OperatorKey]: OperatorDefinition } = {
  is: isOperator,
  isNot: isNotOperator,
  contains: containsOperator,
  doesNotContain: doesNotContainOperator,
  isEmpty: isEmptyOperator,
  isNotEmpty: isNotEmptyOperator,
  isGreater: isGreaterOperator,
  isGreaterEqual: isGreaterEqualOperator,
  isLess: isLessOperator,
  isLessEqual: isLessEqualOperator,
  isAnyOf: isAnyOfOperator,
  isNoneOf: isNoneOfOperator,
  hasAnyOf: hasAnyOfOperator,
  hasAllOf: hasAllOfOperator,
  hasNoneOf: hasNoneOfOperator,
  isExactly: isExactlyOperator,
  isBefore: isBeforeOperator,
  isAfter: isAfterOperator,
  isOnOrBefore: isOnOrBeforeOperator,
  isOnOrAfter: isOnOrAfterOperator,
  isWithin: isWithinOperator,
};

/** Operators that can lower on a value kind — what a field type's `operators` may list. */
export function operatorsForKind(kind: FilterValueKind): OperatorKey[] {
  return (Object.keys(operators) as OperatorKey[]).filter((key) => operators[key].lower[kind] !== undefined);
}
