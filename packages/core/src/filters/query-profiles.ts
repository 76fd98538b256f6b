/**
 * How filters and sorts see each field type's values: a registry keyed by field-type key,
 * separate from the field types themselves (like baserow's filter registry). Operators ask the
 * profile — "text", "number", "list of strings", "date stored as a day" — and never the type.
 *
 * A type missing here cannot be filtered or sorted (the resolver says so); the unit test
 * `query-profiles.test.ts` fails, naming it, when a registered type has no profile.
 * Entries for types not registered yet are harmless and wait for them.
 */
import type { Field } from '../fields/field';
import type { SystemColumn } from '../fields/field-type';
import { fieldStorage, getFieldType } from '../fields/registry';
import { columnKindOf, type PredicateTarget } from './predicate';
import { EngineError } from '../errors';
import { isResultKind, resultQueryProfile, type ResultKind } from '../fields/computed/result-kinds';
import { lookupQueryProfile, type LookupOptions } from '../fields/types/lookup';

/**
 * - `text`: a string; compared exactly, `contains` folds ASCII case only.
 * - `number`: a finite number.
 * - `boolean`: true / false; an empty cell counts as false (an unticked checkbox).
 * - `textList`: a JSON array of strings (select names, user ids).
 * - `date`: `YYYY-MM-DD` days or fixed-width UTC instant strings, see `DateSettings`.
 * - `objectList`: a JSON array of objects (attachments): only emptiness can be asked.
 * - `linkList`: a JSON array of `{ id, title }` (links): asked by record id and by title text.
 */
export type FilterValueKind = 'text' | 'number' | 'boolean' | 'textList' | 'date' | 'objectList' | 'linkList';

export interface DateSettings {
  /** `day`: cells are `YYYY-MM-DD`; `instant`: cells are `YYYY-MM-DDTHH:mm:ss.sssZ`. */
  storedAs: 'day' | 'instant';
  /** IANA zone the field reads days in; '' means the base's zone (the resolver's `ctx.timeZone`). */
  timeZone: string;
}

/**
 * How SQL orders the column, which the field type's `compare` must agree with:
 * - `value`: the column itself (text by code point, numbers numerically, false before true);
 * - `jsonText`: a JSON array by its JSON text (`JSON.stringify`, code points) — what SQLite's
 *   stored text gives, and PostgreSQL's `jsonb::text` too (its `, ` and `: ` separators sit
 *   where both texts agree, so they never decide an order; object keys must be in jsonb order);
 * - `linkTitles`: a JSON array of `{ id, title }` by the JSON text of its titles alone
 *   (`JSON.stringify(value.map(r => r.title))`), so links sort by what they show, not by ids;
 * - `none`: not sortable.
 */
export type SortKey = 'value' | 'jsonText' | 'linkTitles' | 'none';

export interface QueryProfile {
  values: FilterValueKind;
  /** Operands may be `'me'`, the current user's id (person, created by, modified by). */
  acceptsMe: boolean;
  date?: DateSettings;
  sort: SortKey;
  /** `false`: records cannot be grouped by this field (../grouping); sortable fields can by default. */
  groupable?: boolean;
}

type ProfileOf = (options: Record<string, unknown>) => QueryProfile;

const text: ProfileOf = () => ({ values: 'text', acceptsMe: false, sort: 'value' });
const number: ProfileOf = () => ({ values: 'number', acceptsMe: false, sort: 'value' });
const zoneOf = (options: Record<string, unknown>) => (typeof options.timeZone === 'string' ? options.timeZone : '');
const resultKindIn = (options: Record<string, unknown>, fallback: ResultKind): ResultKind => (isResultKind(options.resultKind) ? options.resultKind : fallback);

/** Keyed by field-type key (see fields/registry.ts). */
export const queryProfiles: Readonly<Record<string, ProfileOf>> = {
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
  checkbox: () => ({ values: 'boolean', acceptsMe: false, sort: 'value' }),
  multipleSelect: () => ({ values: 'textList', acceptsMe: false, sort: 'jsonText' }),
  person: () => ({ values: 'textList', acceptsMe: true, sort: 'jsonText' }),
  createdBy: () => ({ values: 'text', acceptsMe: true, sort: 'value' }),
  modifiedBy: () => ({ values: 'text', acceptsMe: true, sort: 'value' }),
  // Sorting by JSON text agrees across dialects only because the type builds its objects with
  // keys in jsonb's own order (shorter keys first, then bytewise): id, name, size, mimeType.
  attachment: () => ({ values: 'objectList', acceptsMe: false, sort: 'jsonText', groupable: false }),
  link: () => ({ values: 'linkList', acceptsMe: false, sort: 'linkTitles' }),
  // Computed types: how they are queried follows the result kind the server saved in their options.
  formula: (options) => resultQueryProfile(resultKindIn(options, 'text'), { timeZone: zoneOf(options) }),
  rollup: (options) => resultQueryProfile(resultKindIn(options, 'number'), { timeZone: zoneOf(options) }),
  lookup: (options) => lookupQueryProfile(options as LookupOptions),
  date: (options) => ({
    values: 'date',
    acceptsMe: false,
    date: { storedAs: options.includeTime === true ? 'instant' : 'day', timeZone: zoneOf(options) },
    sort: 'value',
  }),
  createdTime: (options) => ({
    values: 'date',
    acceptsMe: false,
    date: { storedAs: 'instant', timeZone: zoneOf(options) },
    sort: 'value',
  }),
  modifiedTime: (options) => ({
    values: 'date',
    acceptsMe: false,
    date: { storedAs: 'instant', timeZone: zoneOf(options) },
    sort: 'value',
  }),
};

export function hasQueryProfile(typeKey: string): boolean {
  return Object.hasOwn(queryProfiles, typeKey);
}

/** The profile of a field, or INVALID_FILTER naming the field when its type cannot be queried. */
export function queryProfileOf(field: Field, path: string): QueryProfile {
  const profile = hasQueryProfile(field.type) ? queryProfiles[field.type] : undefined;
  if (!profile) {
    throw new EngineError('INVALID_FILTER', `Field "${field.name}" cannot be filtered or sorted`, { path, field: field.id });
  }
  return profile(field.options ?? {});
}

/** Where a field's cell lives: its own column of its storage kind, or a system column. */
export function targetOf(field: Field): PredicateTarget {
  const storage = fieldStorage(field);
  const system: SystemColumn | undefined = 'system' in storage ? storage.system : undefined;
  return system ? { field, kind: columnKindOf(storage), system } : { field, kind: columnKindOf(storage) };
}
