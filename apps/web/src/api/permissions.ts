/** The signed-in user's effective permissions on a table, so the UI offers only what will work. */
import type { ApiTablePermissions } from '@multitable/core';
import { api } from './client';

export type TablePermissions = ApiTablePermissions;

export const tablePermissions = (baseId: string, tableId: string) => api.get<TablePermissions>(`/bases/${baseId}/tables/${tableId}/permissions`);
