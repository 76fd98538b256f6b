/**
 * Views of a table: list, create (shared, or personal: only its creator sees it), rename, change
 * configuration (only the settings named are changed), lock or unlock, delete. The configuration's shape is core's `ViewConfig`; the server validates it.
 */
import type { ViewConfig, ViewType } from '@multitable/core';
import { api } from './client';
import type { ApiView } from './tables';

const viewsPath = (baseId: string, tableId: string) => `/bases/${baseId}/tables/${tableId}/views`;

export const listViews = async (baseId: string, tableId: string): Promise<ApiView[]> =>
  (await api.get<{ views: ApiView[] }>(viewsPath(baseId, tableId))).views;

export const createView = (baseId: string, tableId: string, input: { name: string; type: ViewType; config?: Partial<ViewConfig>; personal?: boolean }) =>
  api.post<ApiView>(viewsPath(baseId, tableId), input);

export const updateView = (baseId: string, tableId: string, viewId: string, patch: { name?: string; config?: Partial<ViewConfig>; locked?: boolean }) =>
  api.patch<ApiView>(`${viewsPath(baseId, tableId)}/${viewId}`, patch);

export const deleteView = (baseId: string, tableId: string, viewId: string) => api.delete<unknown>(`${viewsPath(baseId, tableId)}/${viewId}`);
