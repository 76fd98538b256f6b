/**
 * `isBefore`, `isAfter`, `isOnOrBefore`, `isOnOrAfter` (a day, exact or relative) and
 * `isWithin` (a span of days) on dates. Days are read in the field's zone, else the base's;
 * empty cells never match. See dates/date-operands.ts for the operand forms.
 */
import { readDayOperand, readSpanOperand } from '../dates/date-operands';
import { relateToDay, withinSpan, type DayRelation } from '../dates/day-bounds';
import type { OperatorDefinition } from '../operand-context';

function dayRelation(relation: DayRelation): OperatorDefinition {
  return { takesOperand: true, lower: { date: (input) => relateToDay(input, readDayOperand(input), relation) } };
}

export const isBeforeOperator = dayRelation('before');
export const isAfterOperator = dayRelation('after');
export const isOnOrBeforeOperator = dayRelation('onOrBefore');
export const isOnOrAfterOperator = dayRelation('onOrAfter');

export const isWithinOperator: OperatorDefinition = {
  takesOperand: true,
  lower: { date: (input) => withinSpan(input, readSpanOperand(input)) },
};
