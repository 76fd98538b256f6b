/** Shared by the text-like types (single line, long text, phone, email, URL). */
import type { OperatorKey } from '../filters/operator-keys';
import { cleanText, describeInput } from './cast-helpers';

export const textOperators: readonly OperatorKey[] = ['contains', 'doesNotContain', 'is', 'isNot', 'isEmpty', 'isNotEmpty'];

/**
 * Code-point order, the order SQLite's BINARY collation and PostgreSQL's "C" collation give
 * to UTF-8 text. (JavaScript's `<` compares UTF-16 units, which differs above U+FFFF.)
 */
export function compareText(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/**
 * The string of a text cell's input before type-specific rules: strings as given; numbers and
 * booleans as their text when typecasting; NUL and lone surrogates refused (or cleaned when
 * typecasting). `null` for an empty cell (null, undefined, '' or whitespace only).
 */
export function readTextInput(input: unknown, typecast: boolean): { ok: true; text: string | null } | { ok: false; reason: string } {
  if (input === null || input === undefined) return { ok: true, text: null };
  let text: string;
  if (typeof input === 'string') text = input;
  else if (typecast && ((typeof input === 'number' && Number.isFinite(input)) || typeof input === 'boolean')) text = String(input);
  else return { ok: false, reason: `expected a string, got ${describeInput(input)}` };
  if (text.trim() === '') return { ok: true, text: null };
  const cleaned = cleanText(text, typecast);
  if (!cleaned.ok) return cleaned;
  return { ok: true, text: cleaned.text };
}
