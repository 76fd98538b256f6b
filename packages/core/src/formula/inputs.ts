/**
 * Cell values → formula values. The caller (the formula field type) passes each referenced
 * field's cell in its canonical JSON form plus the field's value kind; this reads it:
 * - `date`: `YYYY-MM-DD` (local midnight in the base's zone) or a UTC instant string;
 * - `number`, `boolean`, `text`: the plain value (numeric text read as a number for `number`);
 * - `list<kind>`: an array, each item read as `kind` (a single value counts as a one-item list);
 * - objects (link `{ id, title }`, user `{ id, name }`, attachment `{ name }`) read as their
 *   `title` or `name` text; a stored error cell `{ error, reason }` (a failed formula or rollup)
 *   as that error; anything else as its JSON text.
 * An unreadable value is a `#VALUE` error in the cell, never a throw.
 */
import { textToNumber } from './coerce';
import { checkedDate, parseDateText, type DateSettings } from './date-coercion';
import { formulaLimits } from './limits';
import { isListKind, type ValueKind } from './value-kinds';
import { formulaError, formulaErrorCodes, type FormulaErrorCode, type FormulaValue } from './values';

const maxInputDepth = 8;

function textOfObject(input: object): string {
  for (const key of ['title', 'name']) {
    if (Object.hasOwn(input, key)) {
      const value = (input as Record<string, unknown>)[key];
      if (typeof value === 'string') return value;
    }
  }
  try {
    return JSON.stringify(input) ?? '';
  } catch {
    return '';
  }
}

/** A stored error cell `{ error, reason }` (a formula or rollup that failed): read as that error. */
function storedError(input: object): FormulaValue | undefined {
  const { error, reason } = input as { error?: unknown; reason?: unknown };
  if (Object.keys(input).length !== 2 || typeof reason !== 'string') return undefined;
  return typeof error === 'string' && (formulaErrorCodes as readonly string[]).includes(error) ? formulaError(error as FormulaErrorCode, reason) : undefined;
}

function plainValue(input: unknown, settings: DateSettings, depth: number): FormulaValue {
  if (input === null || input === undefined) return null;
  if (typeof input === 'string' || typeof input === 'boolean') return input;
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  if (Array.isArray(input)) {
    if (depth >= maxInputDepth) return textOfObject(input);
    return input.slice(0, formulaLimits.maxListLength).map((item) => plainValue(item, settings, depth + 1));
  }
  if (typeof input === 'object') return storedError(input) ?? textOfObject(input);
  return null;
}

function scalarOfKind(input: unknown, kind: ValueKind, settings: DateSettings, depth: number): FormulaValue {
  if (input === null || input === undefined) return null;
  const error = typeof input === 'object' && !Array.isArray(input) ? storedError(input) : undefined;
  if (error !== undefined) return error;
  if (kind === 'date') {
    if (typeof input === 'number') return checkedDate(input);
    if (typeof input !== 'string') return formulaError('#VALUE', 'a date cell holds text');
    if (input.trim() === '') return null;
    const millis = parseDateText(input, settings.timeZone, settings.now);
    return typeof millis === 'string' ? formulaError('#VALUE', millis) : checkedDate(millis);
  }
  if (kind === 'number' && typeof input === 'string') return textToNumber(input) ?? input;
  if (kind === 'number' && typeof input === 'boolean') return input ? 1 : 0;
  return plainValue(input, settings, depth);
}

/**
 * A cell value as the formula sees it, given the field's value kind. A list reads at most
 * `listLimit` items (formulaLimits.maxListLength unless the caller reads a longer input whole:
 * a rollup's values).
 */
export function toFormulaValue(input: unknown, kind: ValueKind, settings: DateSettings, depth = 0, listLimit: number = formulaLimits.maxListLength): FormulaValue {
  if (input === null || input === undefined) return null;
  const error = typeof input === 'object' && !Array.isArray(input) ? storedError(input) : undefined;
  if (error !== undefined) return error; // a failed lookup or rollup is its error, not a list holding it
  if (isListKind(kind) || Array.isArray(input)) {
    const items = Array.isArray(input) ? input : [input];
    if (depth >= maxInputDepth) return plainValue(input, settings, depth);
    const itemKind = isListKind(kind) ? kind.list : kind;
    return items.slice(0, listLimit).map((item) => toFormulaValue(item, itemKind, settings, depth + 1));
  }
  return scalarOfKind(input, kind, settings, depth);
}
