/**
 * Argument helpers shared by the date functions: reading arguments as dates (blank dates make
 * the function return blank, as a spreadsheet leaves an empty cell empty), and reading
 * enum-like text arguments through their validators, with the same message at run time as the
 * checker gives at save time.
 */
import { valueToText } from '../coerce';
import { toDate, type DateSettings } from '../date-coercion';
import { formulaError, isFormulaError, type FormulaDate, type FormulaError, type FormulaValue } from '../values';

/** Every argument read as a date; `null` when one is blank; the first error otherwise. */
export function datesOf(values: readonly (FormulaValue | undefined)[], settings: DateSettings): FormulaDate[] | FormulaError | null {
  const dates: FormulaDate[] = [];
  for (const value of values) {
    const date = toDate(value ?? null, settings);
    if (date === null) return null;
    if (isFormulaError(date)) return date;
    dates.push(date);
  }
  return dates;
}

/** An enum-like argument parsed by `parse`, or #ERROR with `problem`'s message; `fallback` when absent or blank. */
export function choiceOf<Choice>(
  value: FormulaValue | undefined,
  parse: (text: string) => Choice | undefined,
  problem: (text: string) => string | undefined,
  fallback: Choice,
): Choice | FormulaError {
  if (value === undefined || value === null || value === '') return fallback;
  const text = valueToText(value);
  const parsed = parse(text);
  return parsed === undefined ? formulaError('#ERROR', problem(text) ?? `${JSON.stringify(text)} is not allowed here`) : parsed;
}

export function isChoiceError<Choice>(choice: Choice | FormulaError): choice is FormulaError {
  return isFormulaError(choice);
}
