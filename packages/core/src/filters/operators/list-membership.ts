/**
 * `hasAnyOf`, `hasAllOf`, `hasNoneOf`, `isExactly` on lists of strings (multiple select names,
 * person user ids; `hasAnyOf` / `hasNoneOf` also on links, by record id). `isExactly` compares sets: order and repeats do not matter. `'me'` with
 * nobody signed in matches no cell, so `hasAllOf [me, x]` is false and `hasNoneOf [me]` true.
 */
import type { OperatorDefinition } from '../operand-context';
import { readTextList } from '../operands';
import { alwaysFalse } from '../predicate';
import { negate } from './negate';

export const hasAnyOfOperator: OperatorDefinition = {
  takesOperand: true,
  lower: {
    textList(input) {
      const { values } = readTextList(input);
      return values.length === 0 ? alwaysFalse : { type: 'arrayHasAny', target: input.target, values };
    },
    /** Links: linked to any of these record ids. */
    linkList(input) {
      const { values } = readTextList(input);
      return values.length === 0 ? alwaysFalse : { type: 'objectArrayHasAny', target: input.target, key: 'id', values };
    },
  },
};

export const hasNoneOfOperator = negate(hasAnyOfOperator);

export const hasAllOfOperator: OperatorDefinition = {
  takesOperand: true,
  lower: {
    textList(input) {
      const { values, unresolved } = readTextList(input);
      return unresolved > 0 ? alwaysFalse : { type: 'arrayHasAll', target: input.target, values };
    },
  },
};

export const isExactlyOperator: OperatorDefinition = {
  takesOperand: true,
  lower: {
    textList(input) {
      const { values, unresolved } = readTextList(input);
      return unresolved > 0 ? alwaysFalse : { type: 'arraySetEquals', target: input.target, values };
    },
  },
};
