/** The signed-in user's effective permissions on a table, so the UI offers only what will work. */
import type { RecordScope } from '@multitable/core';
import { api } from './client';

export interface TablePermissions {
  tableId: string;
  role: string;
  access: 'read' | 'edit';
  canAdd: boolean;
  canDelete: boolean;
  /** May change fields, views and the table. */
  canDesign: boolean;
  readScope: RecordScope;
  editScope: RecordScope;
  /** Every field the caller can read, by id. */
  fields: Record<string, 'read' | 'edit'>;
  views: 'all' | string[];
}

export const tablePermissions = (baseId: string, tableId: string) => api.get<TablePermissions>(`/bases/${baseId}/tables/${tableId}/permissions`);
