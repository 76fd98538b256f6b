/**
 * Numeric functions. Arguments convert as in arithmetic (blank is 0, numeric text is read).
 * Aggregates (SUM, AVERAGE, MIN, MAX, COUNT) flatten lists — a lookup's values — and take the
 * *numeric items*: numbers and text that reads as a number; blanks, booleans, dates and other
 * text are skipped. COUNTA counts non-blank items; COUNTALL counts every item, blanks included.
 * SUM adds the numbers' decimals exactly (../decimal-sum.ts: SUM(0.1, 0.2) = 0.3, in any order).
 * MIN and MAX of nothing but dates give a date. Rounding is half away from zero, computed on the
 * decimal text (ROUND(1.005, 2) = 1.01), by the number field's helpers.
 */
import { roundDecimal, shiftDecimal } from '../../fields/cast-helpers';
import { textToNumber, toNumber } from '../coerce';
import { decimalSum } from '../decimal-sum';
import { checkedNumber } from '../operations';
import { innermostKind, type ValueKind } from '../value-kinds';
import { flattenValue, formulaDate, formulaError, isBlankValue, isFormulaDate, type FormulaError, type FormulaScalar, type FormulaValue } from '../values';
import { param, type FunctionTable } from './function-definition';

/** The numbers SUM, AVERAGE, MIN, MAX and COUNT take from their arguments (see the header). */
export function numericItems(args: readonly FormulaValue[]): number[] {
  const numbers: number[] = [];
  for (const arg of args) {
    for (const item of flattenValue(arg)) {
      if (typeof item === 'number') numbers.push(item);
      else if (typeof item === 'string') {
        const parsed = textToNumber(item);
        if (parsed !== undefined) numbers.push(parsed);
      }
    }
  }
  return numbers;
}

function allItems(args: readonly FormulaValue[]): FormulaScalar[] {
  return args.flatMap((arg) => flattenValue(arg));
}

/** Applies `fn` to the arguments read as numbers, checking the result. */
function numeric(values: readonly (FormulaValue | undefined)[], fn: (...numbers: number[]) => number | FormulaError, defaults: readonly number[] = []): FormulaValue {
  const numbers: number[] = [];
  for (const [index, value] of values.entries()) {
    if (value === undefined) {
      numbers.push(defaults[index] ?? 0);
      continue;
    }
    const number = toNumber(value);
    if (typeof number !== 'number') return number;
    numbers.push(number);
  }
  const result = fn(...numbers);
  return typeof result === 'number' ? checkedNumber(result) : result;
}

/** A precision argument as whole decimal places, within what a double can shift. */
function decimalPlaces(places: number): number {
  return Math.max(-300, Math.min(300, Math.trunc(places)));
}

/** The nearest multiple of `significance` in `direction`, cleaned of binary noise (CEILING(0.3, 0.1) = 0.3). */
function toMultiple(value: number, significance: number, direction: (x: number) => number): number {
  const step = Math.abs(significance);
  if (step === 0) return 0;
  const quotient = Number((value / step).toPrecision(12));
  return Number((direction(quotient) * step).toPrecision(15));
}

function extreme(args: readonly FormulaValue[], pick: (a: number, b: number) => number): FormulaValue {
  const items = allItems(args).filter((item) => !isBlankValue(item));
  if (items.length > 0 && items.every(isFormulaDate)) {
    return formulaDate(items.map((item) => item.millis).reduce(pick));
  }
  const numbers = numericItems(args);
  return numbers.length === 0 ? 0 : numbers.reduce(pick);
}

const extremeKind = (kinds: readonly ValueKind[]): ValueKind => (kinds.length > 0 && kinds.every((kind) => innermostKind(kind) === 'date') ? 'date' : 'number');

export const numericFunctions: FunctionTable = {
  ABS: { params: [param.required('value', 'number')], result: 'number', call: (args) => numeric(args, Math.abs) },
  ROUND: {
    params: [param.required('value', 'number'), param.optional('precision', 'number')],
    result: 'number',
    call: (args) => numeric([args[0], args[1]], (value, places) => roundDecimal(value!, decimalPlaces(places!))),
  },
  ROUNDUP: {
    params: [param.required('value', 'number'), param.optional('precision', 'number')],
    result: 'number',
    call: (args) =>
      numeric([args[0], args[1]], (value, places) => {
        const p = decimalPlaces(places!);
        return Math.sign(value!) * shiftDecimal(Math.ceil(shiftDecimal(Math.abs(value!), p)), -p);
      }),
  },
  ROUNDDOWN: {
    params: [param.required('value', 'number'), param.optional('precision', 'number')],
    result: 'number',
    call: (args) =>
      numeric([args[0], args[1]], (value, places) => {
        const p = decimalPlaces(places!);
        return Math.sign(value!) * shiftDecimal(Math.floor(shiftDecimal(Math.abs(value!), p)), -p);
      }),
  },
  CEILING: {
    params: [param.required('value', 'number'), param.optional('significance', 'number')],
    result: 'number',
    call: (args) => numeric([args[0], args[1]], (value, significance) => toMultiple(value!, significance!, Math.ceil), [0, 1]),
  },
  FLOOR: {
    params: [param.required('value', 'number'), param.optional('significance', 'number')],
    result: 'number',
    call: (args) => numeric([args[0], args[1]], (value, significance) => toMultiple(value!, significance!, Math.floor), [0, 1]),
  },
  INT: { params: [param.required('value', 'number')], result: 'number', call: (args) => numeric(args, Math.floor) },
  MOD: {
    params: [param.required('value', 'number'), param.required('divisor', 'number')],
    result: 'number',
    call: (args) =>
      numeric(args, (value, divisor) => {
        if (divisor === 0) return formulaError('#DIV/0', 'MOD by zero');
        const remainder = value! - divisor! * Math.floor(value! / divisor!);
        return Number(remainder.toPrecision(15));
      }),
  },
  POWER: {
    params: [param.required('base', 'number'), param.required('power', 'number')],
    result: 'number',
    call: (args) => numeric(args, (base, power) => Math.pow(base!, power!)),
  },
  SQRT: {
    params: [param.required('value', 'number')],
    result: 'number',
    call: (args) => numeric(args, (value) => (value! < 0 ? formulaError('#NUM', 'SQRT of a negative number') : Math.sqrt(value!))),
  },
  EXP: { params: [param.required('power', 'number')], result: 'number', call: (args) => numeric(args, Math.exp) },
  LOG: {
    params: [param.required('value', 'number'), param.optional('base', 'number')],
    result: 'number',
    call: (args) =>
      numeric(
        [args[0], args[1]],
        (value, base) => (value! <= 0 || base! <= 0 || base === 1 ? formulaError('#NUM', 'LOG needs a positive value and a positive base other than 1') : Math.log(value!) / Math.log(base!)),
        [0, 10],
      ),
  },
  SUM: {
    params: [param.repeating('values', 'list')],
    result: 'number',
    call: (args) => checkedNumber(decimalSum(numericItems(args))),
  },
  AVERAGE: {
    params: [param.repeating('values', 'list')],
    result: 'number',
    call(args) {
      const numbers = numericItems(args);
      if (numbers.length === 0) return formulaError('#DIV/0', 'AVERAGE of no numbers');
      return checkedNumber(numbers.reduce((sum, value) => sum + value, 0) / numbers.length);
    },
  },
  MIN: { params: [param.repeating('values', 'list')], result: extremeKind, call: (args) => extreme(args, (a, b) => Math.min(a, b)) },
  MAX: { params: [param.repeating('values', 'list')], result: extremeKind, call: (args) => extreme(args, (a, b) => Math.max(a, b)) },
  COUNT: { params: [param.repeating('values', 'list')], result: 'number', call: (args) => numericItems(args).length },
  COUNTA: { params: [param.repeating('values', 'list')], result: 'number', call: (args) => allItems(args).filter((item) => !isBlankValue(item)).length },
  COUNTALL: { params: [param.repeating('values', 'list')], result: 'number', call: (args) => allItems(args).length },
  VALUE: {
    params: [param.required('text', 'text')],
    result: 'number',
    call: ([value]) => (isBlankValue(value!) ? null : toNumber(value!)),
  },
};
