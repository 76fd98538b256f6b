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

const fieldsPath = (baseId: string, tableId: string) => `${tablesPath(baseId)}/${tableId}/fields`;

export interface FieldInput {
  name: string;
  type: string;
  description?: string;
  options?: Record<string, unknown>;
}

/** What a type change did to the values: how many converted, and the first ones that could not (now empty). */
export interface ConversionReport {
  converted: number;
  failed: number;
  failures: Array<{ recordId: string; value: unknown; reason: string }>;
}

export const createField = (baseId: string, tableId: string, input: FieldInput) => api.post<ApiField>(fieldsPath(baseId, tableId), input);

/** Renames a field, changes its description, options or type; a type change answers with its conversion report. */
export const updateField = (baseId: string, tableId: string, fieldId: string, patch: Partial<FieldInput>) =>
  api.patch<{ field: ApiField; conversion?: ConversionReport }>(`${fieldsPath(baseId, tableId)}/${fieldId}`, patch);

/** Deletes a field (the server refuses the primary field, 409). */
export const deleteField = (baseId: string, tableId: string, fieldId: string) => api.delete<unknown>(`${fieldsPath(baseId, tableId)}/${fieldId}`);
