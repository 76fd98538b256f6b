/**
 * Operand readers: check one operand against what its operator and field type expect and
 * return it in the form predicates use. Numbers are JSON numbers (no numeric strings), texts
 * are strings SQL can hold (no NUL, no unpaired surrogate), lists are arrays or a single item.
 * Every refusal is INVALID_FILTER naming the operand's JSON path.
 */
import { invalidFilter, type LoweringInput } from './operand-context';
import { maxTextOperandLength } from './filter-tree';

const unpairedSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A text operand: a non-empty string that both SQLite and PostgreSQL store unchanged. */
export function readText(value: unknown, path: string): string {
  if (typeof value !== 'string') throw invalidFilter(path, 'Expected a text value');
  if (value.length === 0) throw invalidFilter(path, 'Expected a non-empty text value');
  if (value.length > maxTextOperandLength) {
    throw invalidFilter(path, `Text value is longer than ${maxTextOperandLength} characters`);
  }
  // PostgreSQL text cannot hold NUL, and an unpaired surrogate has no UTF-8 form: both would
  // reach the database altered or fail there, so they are refused here.
  if (value.includes('\u0000')) throw invalidFilter(path, 'Text value contains a NUL character');
  if (unpairedSurrogate.test(value)) throw invalidFilter(path, 'Text value contains an unpaired surrogate');
  return value;
}

export function readNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidFilter(path, 'Expected a finite number');
  return value;
}

export function readBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw invalidFilter(path, 'Expected true or false');
  return value;
}

/** A list operand: an array of items, or one item standing for a list of one. Duplicates dropped. */
export function readList<T>(input: LoweringInput, readItem: (value: unknown, path: string) => T): T[] {
  const items = Array.isArray(input.operand) ? input.operand : [input.operand];
  const paths = Array.isArray(input.operand) ? items.map((_, i) => `${input.path}[${i}]`) : [input.path];
  input.spend(items.length);
  const seen = new Set<T>();
  items.forEach((item, i) => seen.add(readItem(item, paths[i]!)));
  return [...seen];
}

/** One text operand, counting against the operand budget. */
export function readTextOperand(input: LoweringInput): string {
  input.spend(1);
  return readText(input.operand, input.path);
}

export function readNumberOperand(input: LoweringInput): number {
  input.spend(1);
  return readNumber(input.operand, input.path);
}

/**
 * A user reference: a user id, or `'me'` for the current user. Resolves to undefined when the
 * operand is `'me'` and nobody is signed in — such a reference matches no cell.
 */
export function readUserReference(input: LoweringInput, value: unknown, path: string): string | undefined {
  const text = readText(value, path);
  if (text !== 'me') return text;
  if (input.ctx.stored) {
    throw invalidFilter(path, `"me" means whoever is looking, but this condition decides a stored value computed for everyone: name the person instead`);
  }
  return input.ctx.me;
}

/** A text that may be `'me'` when the field holds users; plain text otherwise. */
export function readTextOrMe(input: LoweringInput, value: unknown, path: string): string | undefined {
  return input.profile.acceptsMe ? readUserReference(input, value, path) : readText(value, path);
}

/**
 * A list of texts, with `'me'` resolved for user fields. `unresolved` counts references to
 * `'me'` that had nobody to stand for.
 */
export function readTextList(input: LoweringInput): { values: string[]; unresolved: number } {
  let unresolved = 0;
  const resolved = readList(input, (value, path) => readTextOrMe(input, value, path));
  const values: string[] = [];
  for (const value of resolved) {
    if (value === undefined) unresolved++;
    else values.push(value);
  }
  return { values, unresolved };
}

export function readNumberList(input: LoweringInput): number[] {
  return readList(input, readNumber);
}
