/**
 * Test support for filter, sort and view tests: fields with real, normalised options and
 * records in the evaluator's shape. Imported only by tests.
 */
import type { Field } from '../fields/field';
import { normalizeFieldOptions } from '../fields/field-options';
import type { FieldTypeKey } from '../fields/registry';
import type { QueryableRecord } from './cells';
import { targetOf } from './query-profiles';

let counter = 0;

/** A field of `type` named `name`, with options filled from the type's defaults. */
export function makeField(type: FieldTypeKey, name: string, options: Record<string, unknown> = {}): Field {
  counter += 1;
  return {
    id: `fld_${counter.toString(36).padStart(16, '0')}`,
    tableId: 'tbl_0000000000000001',
    name,
    type,
    options: normalizeFieldOptions(type, options),
    description: '',
    isPrimary: false,
  };
}

/**
 * Records `rec_…01`, `rec_…02` … holding `cells[i]` in `field` (in its system column when the
 * type has one), row order following the list.
 */
export function recordsWith(field: Field, cells: readonly unknown[]): QueryableRecord[] {
  const { system } = targetOf(field);
  return cells.map((cell, index) => ({
    id: `rec_${String(index + 1).padStart(16, '0')}`,
    rowOrder: `a${String(index).padStart(4, '0')}`,
    values: system ? {} : { [field.id]: cell },
    ...(system ? { [system]: cell } : {}),
  }));
}
