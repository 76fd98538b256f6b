/**
 * Finds the field a filter, sort or view setting names. A reference is a field id or a field's
 * name, matched exactly: no trimming, no case folding, no Unicode normalisation — `"Name "`,
 * `"name"` and `"fld_…\n"` name nothing (RELIABILITY A3.3). Ids win over names. The refusal is
 * the records layer's UNKNOWN_FIELD (../records/field-index.ts), the same for every reason a
 * field is missing, so a field hidden from the caller looks like one that never existed.
 */
import type { Field } from '../fields/field';
import { unknownFieldError } from '../records/field-index';

const maxShownReference = 80;

export function findField(reference: unknown, fields: readonly Field[], path: string): Field {
  if (typeof reference === 'string') {
    const match = fields.find((field) => field.id === reference) ?? fields.find((field) => field.name === reference);
    if (match) return match;
  }
  const text = typeof reference === 'string' ? reference : JSON.stringify(reference) ?? String(reference);
  throw unknownFieldError(text.length > maxShownReference ? `${text.slice(0, maxShownReference)}…` : text, path);
}
