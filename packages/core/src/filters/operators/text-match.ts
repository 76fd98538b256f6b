/**
 * `contains` / `doesNotContain` on text: substring match where ASCII letters A–Z match a–z
 * and every other character matches only itself (so SQLite and PostgreSQL agree exactly —
 * neither folds `É`/`é` the same way in every setup). `doesNotContain` matches empty cells.
 */
import type { OperatorDefinition } from '../operand-context';
import { readTextOperand } from '../operands';
import { negate } from './negate';

export const containsOperator: OperatorDefinition = {
  takesOperand: true,
  lower: {
    text: (input) => ({ type: 'textContains', target: input.target, value: readTextOperand(input) }),
    /** Links: some linked record's title contains the text. */
    linkList: (input) => ({ type: 'objectArrayTextContains', target: input.target, key: 'title', value: readTextOperand(input) }),
  },
};

export const doesNotContainOperator = negate(containsOperator);
