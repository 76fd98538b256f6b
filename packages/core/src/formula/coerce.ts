/**
 * Conversions between runtime values, as a spreadsheet does them: blank is 0, "" or FALSE;
 * numbers read from text loosely ("1,234.5", "50%", "¥12", full-width digits — the number
 * field's own parser); a one-item list stands for its item. Each returns a FormulaError (never
 * throws) when a value cannot be converted. Date conversion lives in ./date-coercion.ts.
 */
import { parseLooseNumber } from '../fields/cast-helpers';
import { formulaLimits } from './limits';
import { flattenValue, formulaError, isFormulaDate, isFormulaError, isFormulaList, type FormulaError, type FormulaValue } from './values';

/** Number as text: integers exactly, other numbers to 15 significant digits (0.1 + 0.2 → "0.3"), like a spreadsheet shows them. */
export function numberToText(value: number): string {
  if (Object.is(value, -0)) return '0';
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  return String(Number(value.toPrecision(15)));
}

/** Text of any non-error value: blank → "", TRUE/FALSE, dates as UTC instants, lists joined by ", ". */
export function valueToText(value: FormulaValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberToText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isFormulaList(value)) return value.map(valueToText).join(', ');
  if (isFormulaDate(value)) return new Date(value.millis).toISOString();
  return `${value.error}`;
}

export function textTooLong(): FormulaError {
  return formulaError('#LIMIT', `the text would be longer than ${formulaLimits.maxTextLength} characters`);
}

/** Text, or a #LIMIT error past the text length limit. */
export function checkedText(text: string): string | FormulaError {
  return text.length > formulaLimits.maxTextLength ? textTooLong() : text;
}

/** A list reduced to what it stands for in a scalar position: its only item, blank when empty, else itself. */
export function singleItem(value: FormulaValue): FormulaValue {
  if (!isFormulaList(value)) return value;
  const items = flattenValue(value);
  if (items.length === 0) return null;
  if (items.length === 1) return items[0]!;
  return value;
}

/** Number from text a person typed, or undefined. Empty text is undefined here (callers decide). */
export function textToNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  return parseLooseNumber(text)?.value;
}

export function toNumber(value: FormulaValue): number | FormulaError {
  const single = singleItem(value);
  if (single === null) return 0;
  if (typeof single === 'number') return single;
  if (typeof single === 'boolean') return single ? 1 : 0;
  if (typeof single === 'string') {
    if (single.trim() === '') return 0;
    const parsed = textToNumber(single);
    return parsed ?? formulaError('#VALUE', `${JSON.stringify(single.slice(0, 40))} is not a number`);
  }
  if (isFormulaError(single)) return single;
  if (isFormulaDate(single)) return formulaError('#VALUE', 'a date is not a number (use DATETIME_DIFF or DATEADD for date arithmetic)');
  return formulaError('#VALUE', `a list of ${flattenValue(single).length} values is not a number`);
}

/** Truthiness: blank, "", 0 and FALSE are false; a list is true when any item is. */
export function toBoolean(value: FormulaValue): boolean | FormulaError {
  if (value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'string') return value !== '';
  if (isFormulaError(value)) return value;
  if (isFormulaDate(value)) return true;
  for (const item of flattenValue(value)) {
    const truth = toBoolean(item);
    if (truth !== false) return truth;
  }
  return false;
}

/** Non-negative whole count from a number argument (LEFT's count, REPT's times); #VALUE when negative. */
export function toCount(value: FormulaValue, what: string): number | FormulaError {
  const number = toNumber(value);
  if (typeof number !== 'number') return number;
  if (number < 0) return formulaError('#VALUE', `${what} cannot be negative (got ${numberToText(number)})`);
  return Math.floor(number);
}
