/**
 * Runtime values of the formula evaluator: plain JavaScript values plus two small tagged
 * objects. `null` is blank; lists are arrays (possibly nested); a date is an instant with the
 * zone SET_TIMEZONE gave it (else the base's zone applies); an error is `{ error, reason }` and
 * is what a cell shows when its formula fails — evaluation never throws.
 */

export interface FormulaDate {
  readonly type: 'date';
  /** Epoch milliseconds. */
  readonly millis: number;
  /** IANA zone set by SET_TIMEZONE; absent means the base's zone. */
  readonly zone?: string;
}

/**
 * Error codes a cell can show: `#ERROR` (a function refused its input, or ERROR()), `#DIV/0`
 * (division by zero), `#VALUE` (a value of the wrong kind, e.g. "abc" * 2), `#NUM` (a number out
 * of range: SQRT(-1), a date past 9999), `#LIMIT` (the formula used more than its work budget).
 */
export const formulaErrorCodes = ['#ERROR', '#DIV/0', '#VALUE', '#NUM', '#LIMIT'] as const;
export type FormulaErrorCode = (typeof formulaErrorCodes)[number];

export interface FormulaError {
  readonly type: 'error';
  readonly error: FormulaErrorCode;
  readonly reason: string;
}

export type FormulaScalar = string | number | boolean | null | FormulaDate | FormulaError;
export type FormulaValue = FormulaScalar | readonly FormulaValue[];

export function formulaError(error: FormulaErrorCode, reason: string): FormulaError {
  return { type: 'error', error, reason };
}

export function formulaDate(millis: number, zone?: string): FormulaDate {
  return zone === undefined ? { type: 'date', millis } : { type: 'date', millis, zone };
}

export function isFormulaError(value: unknown): value is FormulaError {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && (value as { type?: unknown }).type === 'error';
}

export function isFormulaDate(value: unknown): value is FormulaDate {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && (value as { type?: unknown }).type === 'date';
}

export function isFormulaList(value: FormulaValue): value is readonly FormulaValue[] {
  return Array.isArray(value);
}

/** Blank: null, empty text, or a list with nothing but blanks. */
export function isBlankValue(value: FormulaValue): boolean {
  if (value === null || value === '') return true;
  if (isFormulaList(value)) return value.every(isBlankValue);
  return false;
}

/** The first error in a value, looking inside lists. */
export function firstError(value: FormulaValue): FormulaError | undefined {
  if (isFormulaError(value)) return value;
  if (isFormulaList(value)) {
    for (const item of value) {
      const found = firstError(item);
      if (found) return found;
    }
  }
  return undefined;
}

/** Every scalar of a value, nested lists flattened, without recursion limits mattering (lists come from cells). */
export function flattenValue(value: FormulaValue): FormulaScalar[] {
  if (!isFormulaList(value)) return [value];
  const items: FormulaScalar[] = [];
  const stack: FormulaValue[] = [value];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (isFormulaList(next)) for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
    else items.push(next);
  }
  return items;
}

/** Cell JSON of a result: dates become UTC instants `YYYY-MM-DDTHH:mm:ss.sssZ`, errors `{ error, reason }`. */
export type FormulaCellValue = string | number | boolean | null | { error: FormulaErrorCode; reason: string } | FormulaCellValue[];

export function formulaValueToCell(value: FormulaValue): FormulaCellValue {
  if (isFormulaList(value)) return value.map(formulaValueToCell);
  if (isFormulaDate(value)) return new Date(value.millis).toISOString();
  if (isFormulaError(value)) return { error: value.error, reason: value.reason };
  return value;
}
