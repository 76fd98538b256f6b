/** `isGreater`, `isGreaterEqual`, `isLess`, `isLessEqual` on numbers. Empty cells never match. */
import type { OperatorDefinition } from '../operand-context';
import { readNumberOperand } from '../operands';
import type { ComparisonOperator } from '../predicate';

function numberComparison(comparison: ComparisonOperator): OperatorDefinition {
  return {
    takesOperand: true,
    lower: {
      number: (input) => ({ type: 'compare', target: input.target, comparison, value: readNumberOperand(input) }),
    },
  };
}

export const isGreaterOperator = numberComparison('>');
export const isGreaterEqualOperator = numberComparison('>=');
export const isLessOperator = numberComparison('<');
export const isLessEqualOperator = numberComparison('<=');
