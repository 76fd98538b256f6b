/** Shared by the text-like types (single line, long text, phone, email, URL). */
import type { OperatorKey } from '../filters/operator-keys';

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
