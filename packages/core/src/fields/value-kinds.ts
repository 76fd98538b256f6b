/**
 * How formulas and rollups see each field type's cells: a registry keyed by field-type key
 * (like ../filters/query-profiles.ts), so the formula field asks the registry and never the
 * type. `kind` is the value kind the formula checker works with; `input`, where present, turns a
 * canonical cell into what a formula reads (user ids → names, as Airtable formulas show people).
 *
 * A type missing here is read as `any` (text, numbers and lists still work at run time); the
 * unit test lists registered types that have no entry.
 */
import { listKindOf, type ValueKind } from '../formula/value-kinds';
import { isResultKind, valueKindOfResult } from './computed/result-kinds';
import type { Field } from './field';
import type { FormatContext } from './field-type';
import { userLabel } from './people';

export interface ValueKindEntry {
  kind(options: Record<string, unknown>): ValueKind;
  /** The cell as formulas read it, when that differs from the canonical value. */
  input?(value: unknown, options: Record<string, unknown>, ctx: FormatContext): unknown;
}

const text: ValueKindEntry = { kind: () => 'text' };
const number: ValueKindEntry = { kind: () => 'number' };
const date: ValueKindEntry = { kind: () => 'date' };
const textList: ValueKindEntry = { kind: () => listKindOf('text') };

function userNames(value: unknown, ctx: FormatContext): unknown {
  if (typeof value === 'string') return userLabel(value, ctx.users);
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? userLabel(item, ctx.users) : item));
  return value;
}

const users: ValueKindEntry = { kind: () => listKindOf('text'), input: (value, _options, ctx) => userNames(value, ctx) };
const user: ValueKindEntry = { kind: () => 'text', input: (value, _options, ctx) => userNames(value, ctx) };

/** Formula and rollup: the result kind saved in their options. */
const computedResult: ValueKindEntry = {
  kind: (options) => (isResultKind(options.resultKind) ? valueKindOfResult(options.resultKind) : 'any'),
};

function shapeOf(options: Record<string, unknown>): Pick<Field, 'type' | 'options'> | undefined {
  const shape = options.targetShape as { type?: unknown; options?: unknown } | null | undefined;
  if (!shape || typeof shape.type !== 'string' || typeof shape.options !== 'object' || shape.options === null) return undefined;
  return { type: shape.type as Field['type'], options: shape.options as Record<string, unknown> };
}

/** A lookup: a flat list of the looked-up field's values (lists flattened). */
const lookupValues: ValueKindEntry = {
  kind(options) {
    const shape = shapeOf(options);
    if (!shape) return listKindOf('any');
    let kind = fieldValueKind(shape);
    while (typeof kind === 'object') kind = kind.list;
    return listKindOf(kind);
  },
  input(value, options, ctx) {
    const shape = shapeOf(options);
    const entry = shape ? fieldValueKinds[shape.type] : undefined;
    if (!shape || !entry?.input || !Array.isArray(value)) return value;
    return value.map((item) => entry.input!(item, shape.options, ctx));
  },
};

/** Keyed by field-type key (see ./registry.ts). */
export const fieldValueKinds: Readonly<Record<string, ValueKindEntry>> = {
  singleLineText: text,
  longText: text,
  phone: text,
  email: text,
  url: text,
  singleSelect: text,
  number,
  rating: number,
  duration: number,
  autoNumber: number,
  count: number,
  checkbox: { kind: () => 'boolean' },
  multipleSelect: textList,
  // Attachments and links read as their names and titles (see formula/inputs.ts).
  attachment: textList,
  link: textList,
  person: users,
  createdBy: user,
  modifiedBy: user,
  date,
  createdTime: date,
  modifiedTime: date,
  formula: computedResult,
  rollup: computedResult,
  lookup: lookupValues,
};

/** The value kind of a field's cells in formulas; `any` for a type without an entry. */
export function fieldValueKind(field: Pick<Field, 'type' | 'options'>): ValueKind {
  const entry = Object.hasOwn(fieldValueKinds, field.type) ? fieldValueKinds[field.type] : undefined;
  return entry ? entry.kind(field.options ?? {}) : 'any';
}

/** A cell as a formula reads it (before the formula module's own reading by kind). */
export function formulaInputOf(field: Pick<Field, 'type' | 'options'>, value: unknown, ctx: FormatContext): unknown {
  if (value === null || value === undefined) return null;
  const entry = Object.hasOwn(fieldValueKinds, field.type) ? fieldValueKinds[field.type] : undefined;
  return entry?.input ? entry.input(value, field.options ?? {}, ctx) : value;
}
