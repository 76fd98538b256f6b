/**
 * The contract every field type implements. One file per type in ./types, registered by one
 * line in ./registry.ts; the registry's type makes the compiler list what a new type lacks.
 *
 * Cell values have one canonical JSON form per type (documented on each type); `null` is the
 * empty cell. Storage keeps that form in a column of the type's `storage` kind, and the API
 * returns it (after `present`, for types whose API form adds data such as user names).
 */
import type { TSchema } from '@sinclair/typebox';
import type { Dependency } from '../computed/dependency';
import type { OperatorKey } from '../filters/operator-keys';
import type { ChoiceChanges } from './choices';
import type { Field } from './field';

/** How a value sits in SQL. Dialects map kinds to column types (see packages/storage/src/dialects). */
export type StorageKind = 'text' | 'number' | 'integer' | 'boolean' | 'json';

/** Row-level system columns that some field types show instead of owning a column. */
export type SystemColumn = 'autoNumber' | 'createdTime' | 'modifiedTime' | 'createdBy' | 'modifiedBy';

/**
 * `errors`: cells may be error values `{ error, reason }` (formulas, rollups …). Storage keeps an
 * error in a companion column so the value column stays typed; filters and sorts see an error
 * cell as empty, reads return the error object.
 */
export type FieldStorage = { kind: StorageKind; errors?: boolean } | { system: SystemColumn };

/** A user as field types need to know them: for person cells, created-by and `me`. */
export interface DirectoryUser {
  id: string;
  name: string;
  email: string;
}

/** Looks users up for person values. Implemented by the server over the accounts table. */
export interface UserDirectory {
  byId(id: string): DirectoryUser | undefined;
  /** Exact email (case-insensitive) or exact display name; undefined when none or ambiguous. */
  byText(text: string): DirectoryUser | undefined;
}

/** Uploaded-file metadata for attachment values. */
export interface AttachmentInfo {
  id: string;
  name: string;
  size: number;
  mimeType: string;
}

export interface AttachmentDirectory {
  byId(id: string): AttachmentInfo | undefined;
}

/** A linked record as a link cell holds it: its id and its title (primary value as text). */
export interface LinkedRecord {
  id: string;
  title: string;
}

/**
 * Looks records up for link values, by table. Implemented by the server, which preloads the
 * records a request names (by id, and by title when typecasting) before casting.
 */
export interface LinkDirectory {
  byId(tableId: string, id: string): LinkedRecord | undefined;
  /** The one record whose title is exactly `text`; undefined when none, `'ambiguous'` when several. */
  byTitle(tableId: string, text: string): LinkedRecord | 'ambiguous' | undefined;
}

export interface CastContext {
  /** Loose input allowed (API `typecast`, CSV import, paste): parse text, add unknown choices. */
  typecast: boolean;
  /** IANA zone for reading and writing local dates, e.g. `Asia/Shanghai`. */
  timeZone: string;
  now: Date;
  users: UserDirectory;
  attachments: AttachmentDirectory;
  /** Records of linked tables (link values); absent where no link can be cast. */
  links?: LinkDirectory;
}

export interface FormatContext {
  timeZone: string;
  locale: string;
  users: UserDirectory;
}

export type CastResult<Value, Options> =
  | {
      ok: true;
      /** The canonical value, or null for an empty cell. */
      value: Value | null;
      /** Present when the cast extended the options (typecast adding a select choice). */
      options?: Options;
    }
  | { ok: false; reason: string };

/**
 * Outcome of a type's own option rules: the options (completed where the type derives values,
 * such as choice ids and colours) or the problem, with `path` relative to the options object
 * (e.g. `choices[2].name`).
 */
export type OptionsCheck<Options> = { ok: true; options: Options } | { ok: false; path: string; reason: string };

/** A record as a computed field sees it: its id, times and the cells its dependencies read. */
export interface ComputedRecord {
  id: string;
  values: Readonly<Record<string, unknown>>;
  createdTime: string;
  modifiedTime: string;
}

export interface ComputeInput {
  record: ComputedRecord;
  /** The records linked through a link field of this table, in link order (viaLink dependencies). */
  linked(linkFieldId: string): readonly ComputedRecord[];
}

/** What a computed field needs to know about the base around it. */
export interface ComputeContext {
  /** Every field of the base, by id. */
  fields: ReadonlyMap<string, Field>;
  /** The primary field of a table (link titles read it). */
  primaryFieldIdOf(tableId: string): string | undefined;
  now: Date;
  timeZone: string;
  format: FormatContext;
}

/**
 * A linked record that changed, seen from a record reading it through a link: its cells as the
 * stored value counted them (`before`, absent when it was not linked then) and now (`after`,
 * absent when it is no longer linked). Both hold the cells the link's dependencies name.
 */
export interface LinkedRecordChange {
  linkFieldId: string;
  before?: ComputedRecord;
  after?: ComputedRecord;
}

export interface ComputeUpdateInput {
  record: ComputedRecord;
  /** The stored value: what `compute` gave over the linked records before these changes. */
  current: unknown;
  /** Every linked record whose cells or membership changed since; the others are as they were. */
  changes: readonly LinkedRecordChange[];
  /** The ids linked through a link field now, in link order — given when that membership changed. */
  linkedIds(linkFieldId: string): readonly string[] | undefined;
}

/** A computed field ready to run: what it reads and how its value follows from that. */
export interface FieldComputer {
  dependencies: readonly Dependency[];
  /** The canonical value (null for empty) of one record. Never throws for bad data: errors are values. */
  compute(input: ComputeInput): unknown;
  /**
   * Optional: the value after some linked records changed, from the stored value and those
   * records alone (a sum takes away the old amount and adds the new one). Must give exactly what
   * `compute` gives over all linked records, or undefined when it cannot — the caller then
   * computes. Types whose values do not follow from such changes leave it out.
   */
  update?(input: ComputeUpdateInput): { value: unknown } | undefined;
}

export interface FieldTypeDefinition<Options, Value> {
  /** camelCase registry key, e.g. `singleSelect`. */
  readonly type: string;
  /** TypeBox schema of the options, every property with a default. */
  readonly optionsSchema: TSchema;
  /**
   * Rules the schema cannot express (unique choice names, a real time zone). Run by
   * `normalizeFieldOptions` after defaults are filled and the schema holds.
   */
  checkOptions?(options: Options): OptionsCheck<Options>;
  /** JSON Schema of a non-empty canonical value under these options (published in OpenAPI). */
  valueSchema(options: Options): TSchema;
  /** Where values live; a function when it depends on the options (a formula's result type). */
  readonly storage: FieldStorage | ((options: Options) => FieldStorage);
  /** False for computed and system types: writing them is READ_ONLY_FIELD. */
  readonly writable: boolean;
  /**
   * Turns input into the canonical value. With `ctx.typecast` false only the canonical form
   * (and trivially equivalent shapes) is accepted; with it true, loose text is parsed.
   * Empty input (null, '', whitespace, []) is `{ ok: true, value: null }`.
   */
  cast(input: unknown, options: Options, ctx: CastContext): CastResult<Value, Options>;
  /** Display and export text. Empty values are never passed in. */
  format(value: Value, options: Options, ctx: FormatContext): string;
  /**
   * For types whose values name choices (selects): how stored values follow renamed or removed
   * choices — the filter operator that finds the cells holding any of the old names, and what a
   * found cell becomes (null: empty).
   */
  readonly followsChoices?: { operator: OperatorKey; rewrite(value: Value, changes: ChoiceChanges): Value | null };
  /** Filter operators this type supports, in the order a filter builder offers them. */
  readonly operators: readonly OperatorKey[];
  /** Sort order of two non-empty values: negative, zero or positive. Must equal the SQL order. */
  compare(a: Value, b: Value, options: Options): number;
  /** API form of a value when it differs from the stored one (persons gain names and emails). */
  present?(value: Value, options: Options, ctx: FormatContext): unknown;
  /**
   * Computed types (link titles, lookup, rollup, count, formula): what the field reads and how
   * to compute it. Values are materialized in the field's column and kept current by the
   * recalculation executor in the same transaction as the change that feeds them.
   */
  computer?(field: Field<Options>, ctx: ComputeContext): FieldComputer;
  /**
   * Computed types whose values can change as days pass with no data changing (TODAY(), a
   * condition on "today"): the server recomputes them after each midnight of the base's zone.
   */
  readsClock?(field: Field<Options>, fields: ReadonlyMap<string, Field>): boolean;
}
