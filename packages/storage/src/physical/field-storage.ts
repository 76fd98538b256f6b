/**
 * Where a field's value lives physically: its own column of a storage kind, or a system column
 * of the row. Asks the field-type registry; never switches on a type key.
 */
import { fieldStorage, type Field, type StorageKind, type SystemColumn } from '@multitable/core';
import { fieldColumnName, fieldErrorColumnName } from './naming';

export type FieldPlacement =
  /** `errorColumn`: where error values of a computed field's cells live (see naming.ts). */
  | { own: true; column: string; kind: StorageKind; errorColumn?: string }
  | { own: false; column: string; system: SystemColumn; kind: StorageKind };

/** How the system columns are typed (see user-table-ddl.ts). */
export const systemColumnKinds: Readonly<Record<SystemColumn, StorageKind>> = {
  autoNumber: 'integer',
  createdTime: 'text',
  modifiedTime: 'text',
  createdBy: 'text',
  modifiedBy: 'text',
};

export function fieldPlacement(field: Pick<Field, 'id' | 'type' | 'options'>): FieldPlacement {
  const storage = fieldStorage(field);
  const column = fieldColumnName(field);
  if ('system' in storage) return { own: false, column, system: storage.system, kind: systemColumnKinds[storage.system] };
  return storage.errors ? { own: true, column, kind: storage.kind, errorColumn: fieldErrorColumnName(field.id) } : { own: true, column, kind: storage.kind };
}
