/**
 * What a computed type's save-time preparation sees: the field being saved and every field of
 * the base. Preparation turns options as a person gave them (field names or ids, a condition)
 * into options as stored (ids only, derived result kind), refusing what cannot work with
 * INVALID_FORMULA / INVALID_FIELD_OPTIONS / INVALID_FILTER naming the path.
 */
import type { Field } from '../field';

export interface ComputedPrepareContext {
  /** The field being saved; a new field already has the id it will get. */
  field: { id: string; tableId: string; name: string };
  /** Every field of the base by id — the saved field's previous version included when it exists. */
  fields: ReadonlyMap<string, Field>;
}
