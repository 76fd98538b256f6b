/**
 * The field-type registry: one line per type. `fieldTypeKeys` is the closed list of type keys;
 * `fieldTypes` must have an entry for each, so adding a key without a definition (or the other
 * way round) is a compile error. Code elsewhere asks the registry, never switches on a type.
 */
import { EngineError } from '../errors';
import type { FieldTypeDefinition } from './field-type';
import { singleLineText } from './types/single-line-text';

export const fieldTypeKeys = ['singleLineText'] as const;

export type FieldTypeKey = (typeof fieldTypeKeys)[number];

// `any` here is the registry's erasure point: each definition is typed precisely in its own file.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFieldType = FieldTypeDefinition<any, any>;

export const fieldTypes: { readonly [K in FieldTypeKey]: AnyFieldType } = {
  singleLineText,
};

export function isFieldTypeKey(value: unknown): value is FieldTypeKey {
  return typeof value === 'string' && Object.hasOwn(fieldTypes, value);
}

export function getFieldType(key: string): AnyFieldType {
  if (!isFieldTypeKey(key)) {
    throw new EngineError('VALIDATION_FAILED', `Unknown field type "${key}"`, { type: key, known: fieldTypeKeys });
  }
  return fieldTypes[key];
}
