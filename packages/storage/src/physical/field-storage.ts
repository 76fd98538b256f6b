/**
 * Where a field's value lives physically: its own column of a storage kind, or a system column
 * of the row. Asks the field-type registry; never switches on a type key.
 */
import { fieldStorage, type Field, type StorageKind, type SystemColumn } from '@multitable/core';
import { fieldColumnName } from './naming';

export type FieldPlacement =
  | { own: true; column: string; kind: StorageKind }
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
  return 'system' in storage
    ? { own: false, column, system: storage.system, kind: systemColumnKinds[storage.system] }
    : { own: true, column, kind: storage.kind };
}
