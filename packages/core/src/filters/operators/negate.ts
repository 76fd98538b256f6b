/** Builds a negative operator from its positive twin: same kinds, each lowering wrapped in `not`. */
import type { FilterValueKind } from '../query-profiles';
import type { Lowering, OperatorDefinition } from '../operand-context';
import { not } from '../predicate';

export function negate(positive: OperatorDefinition): OperatorDefinition {
  const lower: Partial<Record<FilterValueKind, Lowering>> = {};
  for (const [kind, lowering] of Object.entries(positive.lower) as Array<[FilterValueKind, Lowering]>) {
    lower[kind] = (input) => not(lowering(input));
  }
  return { takesOperand: positive.takesOperand, lower };
}
