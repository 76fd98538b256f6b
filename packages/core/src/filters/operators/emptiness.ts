/**
 * `isEmpty` / `isNotEmpty`. Empty is null, '' or []; a checkbox is empty when it is not ticked
 * (an unticked box and a never-set one look the same to the user).
 */
import type { Lowering, OperatorDefinition } from '../operand-context';
import { not } from '../predicate';
import { negate } from './negate';

const emptyCell: Lowering = (input) => ({ type: 'empty', target: input.target });

export const isEmptyOperator: OperatorDefinition = {
  takesOperand: false,
  lower: {
    text: emptyCell,
    number: emptyCell,
    date: emptyCell,
    textList: emptyCell,
    objectList: emptyCell,
    linkList: emptyCell,
    boolean: (input) => not({ type: 'compare', target: input.target, comparison: '=', value: true }),
  },
};

export const isNotEmptyOperator = negate(isEmptyOperator);
