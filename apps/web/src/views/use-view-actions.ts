/**
 * Changing a table's views from the UI: create, duplicate, rename, delete, and save settings.
 * The tables query (`['tables', baseId]`, which carries each table's views) is updated at once,
 * so the grid follows a change before the server answers; when the server refuses, the cache is
 * read again and the error goes to the caller. Only the latest save of a view writes its answer
 * into the cache, so quick successive changes never step back to an older one.
 */
import type { ViewConfig, ViewType } from '@multitable/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { createView, deleteView, updateView } from '../api/views';
import type { ApiTable, ApiView } from '../api/tables';

export interface ViewActions {
  create(name: string, type: ViewType, options?: { config?: Partial<ViewConfig>; personal?: boolean }): Promise<ApiView>;
  rename(view: ApiView, name: string): Promise<void>;
  setLocked(view: ApiView, locked: boolean): Promise<void>;
  remove(view: ApiView): Promise<void>;
  saveConfig(view: ApiView, patch: Partial<ViewConfig>): Promise<void>;
}

export function useViewActions(baseId: string, tableId: string): ViewActions {
  const queryClient = useQueryClient();
  const latestSave = useRef(new Map<string, number>());

  return useMemo(() => {
    const tablesKey = ['tables', baseId];
    const editViews = (edit: (views: ApiView[]) => ApiView[]) =>
      queryClient.setQueryData<ApiTable[]>(tablesKey, (tables) => tables?.map((table) => (table.id === tableId ? { ...table, views: edit(table.views) } : table)));
    const replace = (saved: ApiView) => editViews((views) => views.map((view) => (view.id === saved.id ? saved : view)));
    const reread = () => queryClient.invalidateQueries({ queryKey: tablesKey });

    return {
      async create(name, type, { config, personal } = {}) {
        const created = await createView(baseId, tableId, { name, type, ...(config ? { config } : {}), ...(personal ? { personal } : {}) });
        editViews((views) => [...views, created]);
        return created;
      },
      async rename(view, name) {
        replace(await updateView(baseId, tableId, view.id, { name }));
      },
      async setLocked(view, locked) {
        replace(await updateView(baseId, tableId, view.id, { locked }));
      },
      async remove(view) {
        await deleteView(baseId, tableId, view.id);
        editViews((views) => views.filter((candidate) => candidate.id !== view.id));
      },
      async saveConfig(view, patch) {
        const sequence = (latestSave.current.get(view.id) ?? 0) + 1;
        latestSave.current.set(view.id, sequence);
        editViews((views) => views.map((candidate) => (candidate.id === view.id ? { ...candidate, config: { ...(candidate.config as object), ...patch } } : candidate)));
        try {
          const saved = await updateView(baseId, tableId, view.id, { config: patch });
          if (latestSave.current.get(view.id) === sequence) replace(saved);
        } catch (error) {
          await reread();
          throw error;
        }
      },
    };
  }, [queryClient, baseId, tableId]);
}
