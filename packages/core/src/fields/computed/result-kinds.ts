/**
 * Result kinds of formula and rollup fields: what their cells hold, decided when the field is
 * saved (the formula checker infers it) and kept in the options as `resultKind`. Everything that
 * follows from it lives here, once: the column kind, the cell value (errors kept as
 * `{ error, reason }`), display text, sort order, published value schema and query profile.
 *
 * The formula language has more kinds than cells need; they are folded to nine result kinds:
 * blank, error and mixed (`any`) scalars are text; lists are flat lists of their innermost kind.
 * Dates are stored as UTC instants (`YYYY-MM-DDTHH:mm:ss.sssZ`); `includeTime` only changes how
 * they are shown, and filters compare them by day in the field's zone (else the base's).
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { numberToText, textToNumber, toBoolean, valueToText } from '../../formula/coerce';
import { checkedDate, parseDateText, type DateSettings } from '../../formula/date-coercion';
import { innermostKind, isListKind, listKindOf, type ValueKind } from '../../formula/value-kinds';
import { flattenValue, isFormulaDate, isFormulaError, isFormulaList, type FormulaValue } from '../../formula/values';
import type { QueryProfile } from '../../filters/query-profiles';
import { formatGrouped, shiftDecimal } from '../cast-helpers';
import { checkDateOptions, dateFormats, formatDateValue, timeFormats, utcInstantPattern, zoneOf } from '../date-values';
import type { FieldStorage, OptionsCheck } from '../field-type';
import { compareNumbers } from '../number-helpers';
import { compareText } from '../text-helpers';
import { cellError, CellErrorSchema, errorText, isCellError } from './cell-errors';

export const resultKinds = ['text', 'number', 'boolean', 'date', 'list<text>', 'list<number>', 'list<boolean>', 'list<date>', 'list<any>'] as const;
export type ResultKind = (typeof resultKinds)[number];

const scalarOf: Readonly<Record<string, ResultKind>> = { text: 'text', number: 'number', boolean: 'boolean', date: 'date' };

/** The result kind cells of a formula of value kind `kind` hold. */
export function resultKindOf(kind: ValueKind): ResultKind {
  if (isListKind(kind)) {
    const inner = innermostKind(kind);
    const element = typeof inner === 'string' && inner in scalarOf ? inner : 'any';
    return `list<${element}>` as ResultKind;
  }
  return scalarOf[kind] ?? 'text';
}

export function isResultKind(value: unknown): value is ResultKind {
  return typeof value === 'string' && (resultKinds as readonly string[]).includes(value);
}

export function isListResult(kind: ResultKind): boolean {
  return kind.startsWith('list<');
}

/** The element kind of a list result, or the kind itself. */
export function elementOfResult(kind: ResultKind): ResultKind {
  if (!isListResult(kind)) return kind;
  const inner = kind.slice(5, -1);
  return inner === 'any' ? 'text' : (inner as ResultKind);
}

/** How a formula reading this field sees its cells. */
export function valueKindOfResult(kind: ResultKind): ValueKind {
  if (!isListResult(kind)) return kind as ValueKind;
  return listKindOf(kind.slice(5, -1) as ValueKind);
}

/** The column: number, boolean, text (text and dates) or JSON (lists), with errors beside it. */
export function storageOfResult(kind: ResultKind): FieldStorage {
  if (isListResult(kind)) return { kind: 'json', errors: true };
  if (kind === 'number') return { kind: 'number', errors: true };
  if (kind === 'boolean') return { kind: 'boolean', errors: true };
  return { kind: 'text', errors: true };
}

// ——— Display options ———

export const numberDisplayFormats = ['plain', 'currency', 'percent'] as const;

/** Display options of a computed field, used by the ones its result kind needs. */
export const resultDisplayProperties = {
  precision: Type.Union([Type.Integer({ minimum: 0, maximum: 8 }), Type.Null()], {
    default: null,
    description: 'Decimal places shown for numbers; null shows them as computed',
  }),
  numberFormat: Type.Union(
    numberDisplayFormats.map((format) => Type.Literal(format)),
    { default: 'plain' },
  ),
  currencySymbol: Type.String({ maxLength: 8, default: '¥' }),
  dateFormat: Type.Union(
    dateFormats.map((format) => Type.Literal(format)),
    { default: 'iso' },
  ),
  timeFormat: Type.Union(
    timeFormats.map((format) => Type.Literal(format)),
    { default: '24h' },
  ),
  includeTime: Type.Boolean({ default: true }),
  timeZone: Type.String({ default: '', description: "IANA time zone dates are shown and filtered in; '' uses the base's zone" }),
};

export interface ResultDisplay {
  precision: number | null;
  numberFormat: (typeof numberDisplayFormats)[number];
  currencySymbol: string;
  dateFormat: (typeof dateFormats)[number];
  timeFormat: (typeof timeFormats)[number];
  includeTime: boolean;
  timeZone: string;
}

/** The zone must be a real IANA zone (stored in its canonical spelling). */
export function checkResultDisplay<Options extends ResultDisplay>(options: Options): OptionsCheck<Options> {
  return checkDateOptions(options);
}

// ——— Cells ———

function numberCell(value: FormulaValue): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : cellError('#NUM', 'the number is not finite');
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return textToNumber(value) ?? cellError('#VALUE', `${JSON.stringify(value.slice(0, 40))} is not a number`);
  if (isFormulaDate(value)) return cellError('#VALUE', 'a date is not a number');
  return cellError('#VALUE', 'a list of several values is not a number');
}

function dateCell(value: FormulaValue, settings: DateSettings): unknown {
  if (isFormulaDate(value)) return new Date(value.millis).toISOString();
  if (typeof value === 'string') {
    const millis = parseDateText(value, settings.timeZone, settings.now);
    if (typeof millis === 'string') return cellError('#VALUE', millis);
    const checked = checkedDate(millis);
    return isFormulaError(checked) ? cellError(checked.error, checked.reason) : new Date(checked.millis).toISOString();
  }
  return cellError('#VALUE', `${typeof value === 'number' ? 'a number' : 'this value'} is not a date`);
}

function listItemCell(item: FormulaValue): unknown {
  if (isFormulaError(item)) return cellError(item.error, item.reason);
  if (isFormulaDate(item)) return new Date(item.millis).toISOString();
  if (typeof item === 'number' && !Number.isFinite(item)) return null;
  return item;
}

/**
 * A formula value as the cell of a field of result kind `kind`: the canonical value, null when
 * blank, or `{ error, reason }`. A value of another kind than the field's is converted the way
 * the formula language converts (text "12" in a number field is 12), or becomes a #VALUE error.
 */
export function resultToCell(value: FormulaValue, kind: ResultKind, settings: DateSettings): unknown {
  if (isFormulaError(value)) return cellError(value.error, value.reason);
  if (isListResult(kind)) {
    const items = flattenValue(value).map(listItemCell);
    return items.length === 0 || items.every((item) => item === null) ? null : items;
  }
  let single: FormulaValue = value;
  if (isFormulaList(value)) {
    const items = flattenValue(value);
    const error = items.find(isFormulaError);
    if (error && isFormulaError(error)) return cellError(error.error, error.reason);
    if (items.length === 0) single = null;
    else if (items.length === 1) single = items[0]!;
  }
  if (single === null || single === '') return null;
  if (kind === 'number') return numberCell(single);
  if (kind === 'date') return isFormulaList(single) ? cellError('#VALUE', 'a list of several values is not a date') : dateCell(single, settings);
  if (kind === 'boolean') {
    const truth = toBoolean(single);
    return isFormulaError(truth) ? cellError(truth.error, truth.reason) : truth;
  }
  const text = valueToText(single);
  return text === '' ? null : text;
}

// ——— Display text ———

function formatNumber(value: number, display: ResultDisplay): string {
  const fraction = display.numberFormat === 'percent';
  const shown = fraction ? shiftDecimal(value, 2) : value;
  const digits = display.precision === null ? numberToText(Math.abs(shown)) : formatGrouped(Math.abs(shown), display.precision);
  const sign = shown < 0 && !/^0(\.0*)?$/.test(digits) ? '-' : '';
  if (display.numberFormat === 'currency') return `${sign}${display.currencySymbol}${digits}`;
  return `${sign}${digits}${fraction ? '%' : ''}`;
}

function formatScalar(value: unknown, kind: ResultKind, display: ResultDisplay, timeZone: string): string {
  if (value === null || value === undefined) return '';
  if (isCellError(value)) return errorText(value);
  if (kind === 'number' && typeof value === 'number') return formatNumber(value, display);
  if (kind === 'boolean' && typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (kind === 'date' && typeof value === 'string') return formatDateValue(value, display, zoneOf(display, timeZone));
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberToText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return JSON.stringify(value) ?? '';
}

/** Display and export text of a non-empty cell (errors show their code, e.g. `#DIV/0`). */
export function formatResult(value: unknown, kind: ResultKind, display: ResultDisplay, timeZone: string): string {
  if (isCellError(value)) return errorText(value);
  if (Array.isArray(value)) {
    const element = elementOfResult(kind);
    return value.map((item) => formatScalar(item, element, display, timeZone)).join(', ');
  }
  return formatScalar(value, kind, display, timeZone);
}

// ——— Order, schema, queries ———

/** Order of two non-empty cells, as SQL orders the column (lists by their JSON text). */
export function compareResults(a: unknown, b: unknown, kind: ResultKind): number {
  if (isListResult(kind)) return compareText(JSON.stringify(a), JSON.stringify(b));
  if (typeof a === 'number' && typeof b === 'number') return compareNumbers(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b);
  return compareText(JSON.stringify(a) ?? '', JSON.stringify(b) ?? '');
}

const scalarSchemas: Readonly<Record<string, () => TSchema>> = {
  text: () => Type.String({ minLength: 1 }),
  number: () => Type.Number(),
  boolean: () => Type.Boolean(),
  date: () => Type.String({ pattern: utcInstantPattern, description: 'UTC instant YYYY-MM-DDTHH:mm:ss.sssZ' }),
  any: () => Type.Unknown(),
};

/** JSON Schema of a non-empty cell: a value of the result kind, or an error. */
export function resultValueSchema(kind: ResultKind): TSchema {
  if (isListResult(kind)) {
    const inner = kind.slice(5, -1);
    const item = (scalarSchemas[inner] ?? scalarSchemas.any!)();
    return Type.Union([Type.Array(Type.Union([item, Type.Null(), CellErrorSchema]), { minItems: 1 }), CellErrorSchema]);
  }
  return Type.Union([scalarSchemas[kind]!(), CellErrorSchema]);
}

/** How filters and sorts see cells of this result kind. */
export function resultQueryProfile(kind: ResultKind, display: Pick<ResultDisplay, 'timeZone'>): QueryProfile {
  if (kind === 'number') return { values: 'number', acceptsMe: false, sort: 'value' };
  if (kind === 'boolean') return { values: 'boolean', acceptsMe: false, sort: 'value' };
  if (kind === 'date') return { values: 'date', acceptsMe: false, date: { storedAs: 'instant', timeZone: display.timeZone }, sort: 'value' };
  if (kind === 'list<text>' || kind === 'list<date>') return { values: 'textList', acceptsMe: false, sort: 'jsonText' };
  if (isListResult(kind)) return { values: 'objectList', acceptsMe: false, sort: 'jsonText' };
  return { values: 'text', acceptsMe: false, sort: 'value' };
}

/**
 * Canonical cell of loose input (templates, tests): a value of the kind, an error object, or
 * null. Computed fields are never written by users; this only checks a materialized value.
 */
export function castResult(input: unknown, kind: ResultKind, settings: DateSettings): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (input === null || input === undefined || input === '' || (Array.isArray(input) && input.length === 0)) return { ok: true, value: null };
  if (isCellError(input)) return { ok: true, value: input };
  const value = resultToCell(toFormulaInput(input), kind, settings);
  if (isCellError(value)) return { ok: false, reason: value.reason };
  return { ok: true, value };
}

function toFormulaInput(input: unknown): FormulaValue {
  if (Array.isArray(input)) return input.map(toFormulaInput);
  if (typeof input === 'string' || typeof input === 'number' || typeof input === 'boolean') return input;
  return JSON.stringify(input) ?? null;
}

/**
 * The members of a field type whose values are results of one kind (formula, rollup): schema,
 * storage, casting, display and order all follow `options.resultKind`. The types spread these
 * and add their options, operators and computer.
 */
export function resultTypedMembers<Options extends ResultDisplay & { resultKind: ResultKind }>() {
  return {
    checkOptions: (options: Options) => checkResultDisplay(options),
    valueSchema: (options: Options) => resultValueSchema(options.resultKind),
    storage: (options: Options) => storageOfResult(options.resultKind),
    writable: false,
    cast: (input: unknown, options: Options, ctx: Parameters<typeof castResult>[2]) => castResult(input, options.resultKind, ctx),
    format: (value: unknown, options: Options, ctx: { timeZone: string }) => formatResult(value, options.resultKind, options, ctx.timeZone),
    compare: (a: unknown, b: unknown, options: Options) => compareResults(a, b, options.resultKind),
  } as const;
}
