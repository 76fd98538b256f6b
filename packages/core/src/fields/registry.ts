/**
 * The field-type registry: one line per type. `fieldTypeKeys` is the closed list of type keys;
 * `fieldTypes` must have an entry for each, so adding a key without a definition (or the other
 * way round) is a compile error. Code elsewhere asks the registry, never switches on a type.
 */
import { EngineError } from '../errors';
import type { Field } from './field';
import type { FieldStorage, FieldTypeDefinition } from './field-type';
import { attachment } from './types/attachment';
import { autoNumber } from './types/auto-number';
import { checkbox } from './types/checkbox';
import { createdBy } from './types/created-by';
import { createdTime } from './types/created-time';
import { date } from './types/date';
import { duration } from './types/duration';
import { email } from './types/email';
import { link } from './types/link';
import { longText } from './types/long-text';
import { modifiedBy } from './types/modified-by';
import { modifiedTime } from './types/modified-time';
import { multipleSelect } from './types/multiple-select';
import { number } from './types/number';
import { person } from './types/person';
import { phone } from './types/phone';
import { rating } from './types/rating';
import { singleLineText } from './types/single-line-text';
import { singleSelect } from './types/single-select';
import { url } from './types/url';
import { formula } from './types/formula';
import { lookup } from './types/lookup';
import { rollup } from './types/rollup';
import { count } from './types/count';

export const fieldTypeKeys = [
  'singleLineText',
  'longText',
  'number',
  'rating',
  'checkbox',
  'singleSelect',
  'multipleSelect',
  'date',
  'duration',
  'phone',
  'email',
  'url',
  'person',
  'attachment',
  'autoNumber',
  'createdTime',
  'modifiedTime',
  'createdBy',
  'modifiedBy',
  'link',
  'formula',
  'lookup',
  'rollup',
  'count',
] as const;

export type FieldTypeKey = (typeof fieldTypeKeys)[number];

// `any` here is the registry's erasure point: each definition is typed precisely in its own file.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFieldType = FieldTypeDefinition<any, any>;

const definitions = {
  singleLineText,
  longText,
  number,
  rating,
  checkbox,
  singleSelect,
  multipleSelect,
  date,
  duration,
  phone,
  email,
  url,
  person,
  attachment,
  autoNumber,
  createdTime,
  modifiedTime,
  createdBy,
  modifiedBy,
  link,
  formula,
  lookup,
  rollup,
  count,
} satisfies { readonly [K in FieldTypeKey]: AnyFieldType };

export const fieldTypes: { readonly [K in FieldTypeKey]: AnyFieldType } = definitions;

/** The options type of field type `K`, e.g. `FieldOptionsOf<'number'>` is `NumberOptions`. */
export type FieldOptionsOf<K extends FieldTypeKey> = (typeof definitions)[K] extends FieldTypeDefinition<infer Options, infer _Value> ? Options : never;

/** The canonical (non-empty) cell value type of field type `K`. */
export type FieldValueOf<K extends FieldTypeKey> = (typeof definitions)[K] extends FieldTypeDefinition<infer _Options, infer Value> ? Value : never;

export function isFieldTypeKey(value: unknown): value is FieldTypeKey {
  return typeof value === 'string' && Object.hasOwn(fieldTypes, value);
}

export function getFieldType(key: string): AnyFieldType {
  if (!isFieldTypeKey(key)) {
    throw new EngineError('VALIDATION_FAILED', `Unknown field type "${key}"`, { type: key, known: fieldTypeKeys });
  }
  return fieldTypes[key];
}

/** Where a field's values live, resolving storage that depends on the options (a formula's result type). */
export function fieldStorage(field: Pick<Field, 'type' | 'options'>): FieldStorage {
  const storage = getFieldType(field.type).storage;
  return typeof storage === 'function' ? storage(field.options) : storage;
}

/** True when the field's values change as days pass (see FieldTypeDefinition.readsClock). */
export function fieldReadsClock(field: Field, fields: ReadonlyMap<string, Field>): boolean {
  return getFieldType(field.type).readsClock?.(field, fields) ?? false;
}
