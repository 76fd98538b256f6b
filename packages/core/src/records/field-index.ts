/**
 * Finds a table's fields by the keys API callers use: a field id, or a field name — matched
 * exactly (no trimming, case folding or Unicode normalisation). An id wins over a name that
 * happens to look like it. A key that matches nothing is answered like any unknown field,
 * whatever the reason (later, fields hidden by permissions are simply left out of the index).
 */
import { EngineError } from '../errors';
import type { Field } from '../fields/field';

export interface FieldIndex {
  readonly fields: readonly Field[];
  find(key: string): Field | undefined;
  /** Like `find`, but throws UNKNOWN_FIELD naming the key and the JSON path it came from. */
  get(key: string, path: string): Field;
}

export function unknownFieldError(key: string, path: string): EngineError {
  return new EngineError('UNKNOWN_FIELD', `Unknown field "${key}"`, { field: key, path });
}

export function indexFields(fields: readonly Field[]): FieldIndex {
  const byId = new Map(fields.map((field) => [field.id, field]));
  const byName = new Map(fields.map((field) => [field.name, field]));
  const find = (key: string) => byId.get(key) ?? byName.get(key);
  return {
    fields,
    find,
    get(key, path) {
      const field = find(key);
      if (!field) throw unknownFieldError(key, path);
      return field;
    },
  };
}
