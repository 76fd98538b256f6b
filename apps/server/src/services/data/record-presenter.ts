/**
 * Stored rows → the API's record shape, Airtable's: `{ id, createdTime, fields }`, with empty
 * cells left out and field keys by name (or by id when the caller asks). Types whose API form
 * differs from the stored one (persons gain names) supply `present`.
 */
import { getFieldType, type ApiRecord, type Field, type FormatContext } from '@multitable/core';

export interface StoredRow {
  id: string;
  createdTime: string;
  values: Record<string, unknown>;
}

export type { ApiRecord };

export interface PresentOptions {
  fieldKey: 'name' | 'id';
  format: FormatContext;
}

export function presentRecord(row: StoredRow, fields: readonly Field[], options: PresentOptions): ApiRecord {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = row.values[field.id];
    if (value === null || value === undefined) continue;
    const type = getFieldType(field.type);
    out[options.fieldKey === 'id' ? field.id : field.name] = type.present ? type.present(value, field.options, options.format) : value;
  }
  return { id: row.id, createdTime: row.createdTime, fields: out };
}
