/**
 * `is`, `isNot`, `isAnyOf`, `isNoneOf`. Text is compared exactly (no case folding); numbers
 * numerically; a checkbox `is false` matches unticked and empty cells alike; a date `is` a day
 * (see dates/day-bounds.ts); on a list of users or names, `is x` means exactly `[x]`.
 * `'me'` stands for the current user on user fields, and matches nothing when nobody is signed in.
 * The negative forms match empty cells.
 */
import { relateToDay } from '../dates/day-bounds';
import { readDayOperand } from '../dates/date-operands';
import type { OperatorDefinition } from '../operand-context';
import { readBoolean, readNumberList, readNumberOperand, readTextList, readTextOrMe } from '../operands';
import { alwaysFalse, not, type Predicate } from '../predicate';
import { negate } from './negate';

export const isOperator: OperatorDefinition = {
  takesOperand: true,
  lower: {
    text(input) {
      input.spend(1);
      const value = readTextOrMe(input, input.operand, input.path);
      return value === undefined ? alwaysFalse : { type: 'compare', target: input.target, comparison: '=', value };
    },
    number: (input) => ({ type: 'compare', target: input.target, comparison: '=', value: readNumberOperand(input) }),
    boolean(input) {
      input.spend(1);
      const ticked: Predicate = { type: 'compare', target: input.target, comparison: '=', value: true };
      return readBoolean(input.operand, input.path) ? ticked : not(ticked);
    },
    date: (input) => relateToDay(input, readDayOperand(input), 'on'),
    textList(input) {
      input.spend(1);
      const value = readTextOrMe(input, input.operand, input.path);
      return value === undefined ? alwaysFalse : { type: 'arraySetEquals', target: input.target, values: [value] };
    },
  },
};

export const isNotOperator = negate(isOperator);

export const isAnyOfOperator: OperatorDefinition = {
  takesOperand: true,
  lower: {
    text(input) {
      const { values } = readTextList(input);
      return values.length === 0 ? alwaysFalse : { type: 'in', target: input.target, values };
    },
    number: (input) => ({ type: 'in', target: input.target, values: readNumberList(input) }),
    textList(input) {
      const { values } = readTextList(input);
      return values.length === 0 ? alwaysFalse : { type: 'arrayHasAny', target: input.target, values };
    },
  },
};

export const isNoneOfOperator = negate(isAnyOfOperator);
