/**
 * What the operators do at run time. Arithmetic reads both sides as numbers (blank is 0);
 * `&` joins text (blank is ""); comparisons compare numbers as numbers, dates as instants, text
 * by code point (case-sensitive, as in Airtable) and mixed kinds as a spreadsheet would — see
 * `compareValues`. Errors on either side propagate unchanged.
 */
import type { BinaryOperator, UnaryOperator } from './ast';
import { checkedText, numberToText, singleItem, textToNumber, toNumber, valueToText } from './coerce';
import { parseDateText, type DateSettings } from './date-coercion';
import { compareText } from '../fields/text-helpers';
import { formulaError, isFormulaDate, isFormulaError, isFormulaList, type FormulaError, type FormulaValue } from './values';

/** A number result, or #NUM for NaN and infinities; -0 becomes 0. */
export function checkedNumber(value: number, what = 'the result'): number | FormulaError {
  if (!Number.isFinite(value)) return formulaError('#NUM', `${what} is not a finite number`);
  return value === 0 ? 0 : value;
}

function arithmetic(operator: '+' | '-' | '*' | '/', left: number, right: number): number | FormulaError {
  if (operator === '+') return checkedNumber(left + right);
  if (operator === '-') return checkedNumber(left - right);
  if (operator === '*') return checkedNumber(left * right);
  if (right === 0) return formulaError('#DIV/0', 'division by zero');
  return checkedNumber(left / right);
}

type Comparable = { kind: 'number'; a: number; b: number } | { kind: 'text'; a: string; b: string } | { kind: 'incomparable' };

/** A scalar position of a list: its only item, blank when empty, else its text ("a, b"). */
function comparableItem(value: FormulaValue): FormulaValue {
  const single = singleItem(value);
  return isFormulaList(single) ? valueToText(single) : single;
}

function booleanAsNumber(value: FormulaValue): FormulaValue {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

/**
 * Puts two non-error values on a common footing:
 * - booleans count as 1 and 0; blank is 0 beside a number and "" beside text;
 * - a number beside numeric text compares numerically, beside other text as its text;
 * - a date beside text that reads as a date compares as instants, else as its ISO text;
 * - blank beside a date, and a date beside a number, are incomparable (every comparison is false, `!=` true).
 */
function comparable(leftValue: FormulaValue, rightValue: FormulaValue, settings: DateSettings): Comparable {
  let a = booleanAsNumber(comparableItem(leftValue));
  let b = booleanAsNumber(comparableItem(rightValue));
  if (a === null && b === null) return { kind: 'number', a: 0, b: 0 };
  if (a === null) a = typeof b === 'number' ? 0 : isFormulaDate(b) ? a : '';
  if (b === null) b = typeof a === 'number' ? 0 : isFormulaDate(a) ? b : '';
  if (typeof a === 'number' && typeof b === 'number') return { kind: 'number', a, b };
  if (isFormulaDate(a) || isFormulaDate(b)) {
    const toMillis = (value: FormulaValue): number | undefined => {
      if (isFormulaDate(value)) return value.millis;
      if (typeof value !== 'string') return undefined;
      const millis = parseDateText(value, settings.timeZone, settings.now);
      return typeof millis === 'number' ? millis : undefined;
    };
    const [x, y] = [toMillis(a), toMillis(b)];
    if (x !== undefined && y !== undefined) return { kind: 'number', a: x, b: y };
    if (typeof a === 'string' || typeof b === 'string') return { kind: 'text', a: valueToText(a), b: valueToText(b) };
    return { kind: 'incomparable' };
  }
  if (typeof a === 'number' && typeof b === 'string') {
    const parsed = textToNumber(b);
    return parsed === undefined ? { kind: 'text', a: numberToText(a), b } : { kind: 'number', a, b: parsed };
  }
  if (typeof a === 'string' && typeof b === 'number') {
    const parsed = textToNumber(a);
    return parsed === undefined ? { kind: 'text', a, b: numberToText(b) } : { kind: 'number', a: parsed, b };
  }
  return { kind: 'text', a: valueToText(a), b: valueToText(b) };
}

/** Order of two non-error values: negative, zero or positive; undefined when they cannot be compared. */
export function compareValues(left: FormulaValue, right: FormulaValue, settings: DateSettings): number | undefined {
  const pair = comparable(left, right, settings);
  if (pair.kind === 'incomparable') return undefined;
  if (pair.kind === 'text') return compareText(pair.a, pair.b);
  return pair.a < pair.b ? -1 : pair.a > pair.b ? 1 : 0;
}

/** `=` of two non-error values (SWITCH and COUNTIF use it too). */
export function valuesEqual(left: FormulaValue, right: FormulaValue, settings: DateSettings): boolean {
  return compareValues(left, right, settings) === 0;
}

const comparisonTests: Readonly<Record<'=' | '!=' | '<' | '>' | '<=' | '>=', (order: number | undefined) => boolean>> = {
  '=': (order) => order === 0,
  '!=': (order) => order !== 0,
  '<': (order) => order !== undefined && order < 0,
  '>': (order) => order !== undefined && order > 0,
  '<=': (order) => order !== undefined && order <= 0,
  '>=': (order) => order !== undefined && order >= 0,
};

export function applyBinary(operator: BinaryOperator, left: FormulaValue, right: FormulaValue, settings: DateSettings): FormulaValue {
  if (isFormulaError(left)) return left;
  if (isFormulaError(right)) return right;
  if (operator === '&') return checkedText(valueToText(left) + valueToText(right));
  if (operator === '+' || operator === '-' || operator === '*' || operator === '/') {
    const a = toNumber(left);
    if (typeof a !== 'number') return a;
    const b = toNumber(right);
    if (typeof b !== 'number') return b;
    return arithmetic(operator, a, b);
  }
  return comparisonTests[operator](compareValues(left, right, settings));
}

export function applyUnary(operator: UnaryOperator, operand: FormulaValue): FormulaValue {
  const number = toNumber(operand);
  if (typeof number !== 'number') return number;
  return operator === '-' ? checkedNumber(-number) : number;
}
