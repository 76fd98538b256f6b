/**
 * Formula text → tokens. Airtable's lexical rules, plus what Chinese keyboards produce:
 * - `{Field Name}` references. Inside the braces `\}` stands for `}` and `\\` for `\`; any other
 *   character, `{` and other backslashes included, is taken as written. So every field name can be
 *   referenced (`{Cost \}net}` names "Cost }net"), and names written without escapes read as in
 *   Airtable unless they contain `}` or a backslash followed by `}` or `\`.
 * - Strings in "double", 'single' or “curly” quotes, with escapes `\n`, `\t`, `\r`, `\\` and
 *   `\<quote>`; a backslash before anything else is kept (so regex patterns like "\d+" work as typed).
 * - Numbers: `12`, `1.5`, `.5`, `1e3`. No sign: `-` is an operator.
 * - Identifiers: letters, digits and `_`, starting with a letter or `_` (Unicode letters included).
 * - Operators `+ - * / & = != <> == < > <= >=`, parentheses and commas (also full-width `（）`, `，`).
 * Whitespace, including the ideographic space, separates tokens.
 */
import { invalidFormula } from './formula-error';
import { formulaLimits } from './limits';

export type OperatorText = '+' | '-' | '*' | '/' | '&' | '=' | '!=' | '<' | '>' | '<=' | '>=';

export type Token = { readonly start: number; readonly end: number } & (
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'identifier'; readonly name: string }
  | { readonly kind: 'operator'; readonly operator: OperatorText }
  | { readonly kind: '(' | ')' | ',' | 'end' }
);

const numberPattern = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const identifierPattern = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}_]*/uy;
const whitespacePattern = /\s+/y;

/** Operators longest first, with their normal form. */
const operatorSpellings: readonly (readonly [string, OperatorText])[] = [
  ['<=', '<='],
  ['>=', '>='],
  ['!=', '!='],
  ['<>', '!='],
  ['==', '='],
  ['=', '='],
  ['<', '<'],
  ['>', '>'],
  ['+', '+'],
  ['-', '-'],
  ['*', '*'],
  ['/', '/'],
  ['&', '&'],
];

const punctuation: Readonly<Record<string, '(' | ')' | ','>> = { '(': '(', ')': ')', ',': ',', '（': '(', '）': ')', '，': ',' };

/** The closing quote of each opening quote. */
const closingQuotes: Readonly<Record<string, string>> = { '"': '"', "'": "'", '“': '”', '‘': '’' };

const stringEscapes: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\' };
const quoteCharacters = new Set(['"', "'", '“', '”', '‘', '’']);

function matchAt(pattern: RegExp, text: string, position: number): string | undefined {
  pattern.lastIndex = position;
  return pattern.exec(text)?.[0];
}

function readString(text: string, start: number): { value: string; end: number } {
  const close = closingQuotes[text[start]!]!;
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const char = text[i]!;
    if (char === close) return { value, end: i + 1 };
    if (char === '\\' && i + 1 < text.length) {
      const next = text[i + 1]!;
      const escaped = Object.hasOwn(stringEscapes, next) ? stringEscapes[next] : quoteCharacters.has(next) ? next : undefined;
      value += escaped ?? `\\${next}`;
      i += 2;
      continue;
    }
    value += char;
    i++;
  }
  throw invalidFormula(`The text starting here has no closing ${close}`, start);
}

function readField(text: string, start: number): { name: string; end: number } {
  let name = '';
  let i = start + 1;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '}') {
      if (name === '') throw invalidFormula('A field reference {} needs a field name', start);
      return { name, end: i + 1 };
    }
    if (char === '\\' && (text[i + 1] === '}' || text[i + 1] === '\\')) {
      name += text[i + 1];
      i += 2;
      continue;
    }
    name += char;
    i++;
  }
  throw invalidFormula('The field reference starting here has no closing }', start);
}

/** Tokens of `text`, ending with an `end` token. Throws INVALID_FORMULA on text that cannot be read. */
export function tokenize(text: string): Token[] {
  if (text.length > formulaLimits.maxLength) {
    throw invalidFormula(`The formula is longer than ${formulaLimits.maxLength} characters`, formulaLimits.maxLength);
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    const space = matchAt(whitespacePattern, text, i);
    if (space) {
      i += space.length;
      continue;
    }
    const mark = Object.hasOwn(punctuation, char) ? punctuation[char] : undefined;
    if (mark) {
      tokens.push({ kind: mark, start: i, end: i + 1 });
      i++;
      continue;
    }
    if (Object.hasOwn(closingQuotes, char)) {
      const { value, end } = readString(text, i);
      tokens.push({ kind: 'text', value, start: i, end });
      i = end;
      continue;
    }
    if (char === '{') {
      const { name, end } = readField(text, i);
      tokens.push({ kind: 'field', name, start: i, end });
      i = end;
      continue;
    }
    const digits = matchAt(numberPattern, text, i);
    if (digits) {
      const value = Number(digits);
      if (!Number.isFinite(value)) throw invalidFormula(`The number ${digits.slice(0, 20)} is too large`, i);
      tokens.push({ kind: 'number', value, start: i, end: i + digits.length });
      i += digits.length;
      continue;
    }
    const word = matchAt(identifierPattern, text, i);
    if (word) {
      tokens.push({ kind: 'identifier', name: word, start: i, end: i + word.length });
      i += word.length;
      continue;
    }
    const operator = operatorSpellings.find(([spelling]) => text.startsWith(spelling, i));
    if (operator) {
      tokens.push({ kind: 'operator', operator: operator[1], start: i, end: i + operator[0].length });
      i += operator[0].length;
      continue;
    }
    const shown = String.fromCodePoint(text.codePointAt(i)!);
    throw invalidFormula(`Unexpected character ${JSON.stringify(shown)}`, i);
  }
  tokens.push({ kind: 'end', start: text.length, end: text.length });
  return tokens;
}
