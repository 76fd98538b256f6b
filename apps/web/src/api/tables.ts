/** Tables with their fields and views, and fields themselves. */
import type { ApiField, ApiTable, ApiView } from '@multitable/core';
import { api } from './client';

export type { ApiField, ApiTable, ApiView };

export interface Placement {
  before?: string;
  after?: string;
}

const tablesPath = (baseId: string) => `/bases/${baseId}/tables`;

export const listTables = async (baseId: string): Promise<ApiTable[]> => (await api.get<{ tables: ApiTable[] }>(tablesPath(baseId))).tables;

export const createTable = (baseId: string, input: { name: string; fields?: Array<{ name: string; type: string; options?: Record<string, unknown> }>; firstView?: { name: string } }) =>
  api.post<ApiTable>(tablesPath(baseId), input);

export const updateTable = (baseId: string, tableId: string, patch: { name?: string; move?: Placement }) =>
  api.patch<ApiTable>(`${tablesPath(baseId)}/${tableId}`, patch);

export const deleteTable = (baseId: string, tableId: string) => api.delete<unknown>(`${tablesPath(baseId)}/${tableId}`);

export const createField = (baseId: string, tableId: string, input: { name: string; type: string; options?: Record<string, unknown> }) =>
  api.post<ApiField>(`${tablesPath(baseId)}/${tableId}/fields`, input);
