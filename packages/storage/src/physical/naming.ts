/**
 * SQL identifiers of user data come from ids only — never from names a user typed.
 * A user table is `t_<tableId>`; a stored field is column `f_<fieldId>`; fields backed by a
 * system column (auto number, created/modified time/by) read that column instead.
 */
import { fieldStorage, isId, type Field, type SystemColumn } from '@multitable/core';

export const systemColumns: Readonly<Record<SystemColumn, string>> = {
  autoNumber: 'auto_number',
  createdTime: 'created_time',
  modifiedTime: 'modified_time',
  createdBy: 'created_by',
  modifiedBy: 'modified_by',
};

/** Every user table also has these: `id` (rec_…), `row_order` (fractional key), `version`. */
export const recordIdColumn = 'id';
export const rowOrderColumn = 'row_order';
export const versionColumn = 'version';

export function userTableName(tableId: string): string {
  if (!isId('table', tableId)) throw new Error(`Refusing to name a SQL table after "${tableId}"`);
  return `t_${tableId}`;
}

export function fieldColumnName(field: Pick<Field, 'id' | 'type' | 'options'>): string {
  const storage = fieldStorage(field);
  if ('system' in storage) return systemColumns[storage.system];
  if (!isId('field', field.id)) throw new Error(`Refusing to name a SQL column after "${field.id}"`);
  return `f_${field.id}`;
}

/** True when the field owns a column of its own (false for system-backed fields). */
export function hasOwnColumn(field: Pick<Field, 'type' | 'options'>): boolean {
  return !('system' in fieldStorage(field));
}

/** Index serving the default record order `(row_order, id)`. */
export function rowOrderIndexName(tableId: string): string {
  return `ix_${userTableName(tableId)}_${rowOrderColumn}`;
}

/** Index on the column a field reads (its own or a system column); one per column. */
export function fieldIndexName(tableId: string, field: Pick<Field, 'id' | 'type' | 'options'>): string {
  return `ix_${userTableName(tableId)}_${fieldColumnName(field)}`;
}

/**
 * Companion column of a field whose cells may be error values (FieldStorage `errors`: formulas,
 * rollups …): the error `{ error, reason }` as JSON, while the value column holds NULL.
 */
export function fieldErrorColumnName(fieldId: string): string {
  if (!isId('field', fieldId)) throw new Error(`Refusing to name a SQL column after "${fieldId}"`);
  return `f_${fieldId}_error`;
}

/** Scratch column holding converted values while a field changes type; renamed to `f_<id>` after. */
export function convertingColumnName(fieldId: string): string {
  if (!isId('field', fieldId)) throw new Error(`Refusing to name a SQL column after "${fieldId}"`);
  return `f_${fieldId}_next`;
}
