/**
 * Views of a table: stored configuration (filter, sorts, hidden fields, field order, widths,
 * frozen columns, row height), validated by core and saved with field ids so renames never
 * break a view. A table keeps at least one view.
 */
import { defaultViewConfig, normaliseViewConfig, type Field, type ViewConfig, type ViewType } from '@multitable/core';
import * as store from '@multitable/storage';
import type { Caller } from '../access/caller';
import { loadReadableTable } from '../access/readable-table';
import { findVisibleView, visibleViews } from '../access/visible-views';

import type { Platform } from '../../platform';
import { applyChange, type ChangeMeta } from './change-recorder';
import { checkFieldName } from './field-input';
import { presentView, type ApiView } from './schema-presenter';
import { findViewOfTable, loadTableContext } from './table-lookup';
import { indexQueriedFields, refreshQueriedStatistics } from './view-indexes';

export interface ViewInput {
  name: string;
  type?: ViewType;
  config?: Record<string, unknown>;
}

export interface ViewPatchInput {
  name?: string;
  config?: Record<string, unknown>;
  move?: store.Placement;
}

/** A stored view's configuration, complete (views saved before a setting existed get its default). */
export function storedViewConfig(view: store.ViewMeta): ViewConfig {
  const stored = view.config !== null && typeof view.config === 'object' ? (view.config as Partial<ViewConfig>) : {};
  return { ...defaultViewConfig(), ...stored };
}

/** The views `caller` may see, without the fields they cannot read. */
export async function listViews(platform: Platform, caller: Caller, tableKey: string): Promise<ApiView[]> {
  const readable = await loadReadableTable(platform, caller, tableKey);
  return visibleViews(readable, await store.listViews(platform.database.db, readable.table.id)).map(presentView);
}

export async function getView(platform: Platform, caller: Caller, tableKey: string, viewKey: string): Promise<ApiView> {
  const readable = await loadReadableTable(platform, caller, tableKey);
  return presentView(await findVisibleView(platform.database.db, readable, viewKey, 'viewId'));
}

/** What a saved view queries: its statistics are refreshed once the view is committed (./view-indexes.ts). */
interface QueriedBy {
  tableId: string;
  fields: readonly Field[];
  config: ViewConfig;
}

async function afterSave(platform: Platform, queried: QueriedBy | undefined): Promise<void> {
  if (queried) await refreshQueriedStatistics(platform.database.db, platform.database.dialect, queried.tableId, queried.fields, queried.config);
}

export async function createView(platform: Platform, meta: ChangeMeta, tableKey: string, input: ViewInput): Promise<ApiView> {
  checkFieldName(input.name, 'body.name');
  let queried: QueriedBy | undefined;
  const created = await applyChange(platform, meta, async (trx, recorder) => {
    const { table, fields } = await loadTableContext(trx, meta.baseId, tableKey);
    const config = normaliseViewConfig(input.config ?? null, fields, { path: 'body.config' });
    await indexQueriedFields(trx, platform.database.dialect, table.id, fields, config);
    const view = await store.createView(trx, platform.database.dialect, { tableId: table.id, name: input.name, type: input.type ?? 'grid', config }, recorder.at);
    recorder.event({ tableId: table.id, type: 'view.created', payload: { tableId: table.id, viewId: view.id } });
    queried = { tableId: table.id, fields, config };
    return presentView(view);
  });
  await afterSave(platform, queried);
  return created;
}

export async function updateView(platform: Platform, meta: ChangeMeta, tableKey: string, viewKey: string, patch: ViewPatchInput): Promise<ApiView> {
  if (patch.name !== undefined) checkFieldName(patch.name, 'body.name');
  let queried: QueriedBy | undefined;
  const updated = await applyChange(platform, meta, async (trx, recorder) => {
    const { table, fields } = await loadTableContext(trx, meta.baseId, tableKey);
    let view = await findViewOfTable(trx, table.id, viewKey, 'viewId');
    if (patch.name !== undefined || patch.config !== undefined) {
      // A partial config changes only the settings it names.
      const config = patch.config === undefined ? undefined : normaliseViewConfig({ ...storedViewConfig(view), ...patch.config }, fields, { path: 'body.config' });
      if (config) await indexQueriedFields(trx, platform.database.dialect, table.id, fields, config);
      if (config) queried = { tableId: table.id, fields, config };
      view = await store.updateView(trx, platform.database.dialect, view.id, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(config !== undefined ? { config } : {}),
      });
    }
    if (patch.move) {
      for (const sibling of [patch.move.before, patch.move.after]) if (sibling) await findViewOfTable(trx, table.id, sibling, 'body.move');
      view = await store.reorderView(trx, view.id, patch.move);
    }
    recorder.event({ tableId: table.id, type: 'view.updated', payload: { tableId: table.id, viewId: view.id } });
    return presentView(view);
  });
  await afterSave(platform, queried);
  return updated;
}

export async function deleteView(platform: Platform, meta: ChangeMeta, tableKey: string, viewKey: string): Promise<{ id: string; deleted: true }> {
  return applyChange(platform, meta, async (trx, recorder) => {
    const { table } = await loadTableContext(trx, meta.baseId, tableKey);
    const view = await findViewOfTable(trx, table.id, viewKey, 'viewId');
    await store.deleteView(trx, view.id);
    recorder.event({ tableId: table.id, type: 'view.deleted', payload: { tableId: table.id, viewId: view.id } });
    return { id: view.id, deleted: true as const };
  });
}
