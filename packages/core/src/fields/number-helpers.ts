/** Shared by the numeric types (number, rating, duration, auto number): filter operators and sort order. */
import type { OperatorKey } from '../filters/operator-keys';

export const numberOperators: readonly OperatorKey[] = [
  'is',
  'isNot',
  'isGreater',
  'isGreaterEqual',
  'isLess',
  'isLessEqual',
  'isEmpty',
  'isNotEmpty',
];

/** Numeric order, as SQL orders a numeric column. */
export function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
