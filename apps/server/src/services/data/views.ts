/**
 * Views of a table: stored configuration (filter, sorts, hidden fields, field order, widths,
 * frozen columns, row height), validated by core and saved with field ids so renames never
 * break a view. A table keeps at least one shared view.
 *
 * Shared views are everyone's and only owners and admins change them; a personal view is its
 * owner's alone — any member who reads the table may make one, and only they see or change it
 * (for anyone else it does not exist). A locked view refuses changes to its name, settings or
 * existence until whoever may change it unlocks it.
 */
import { EngineError, defaultViewConfig, normaliseViewConfig, type Field, type ViewConfig, type ViewType } from '@multitable/core';
import * as store from '@multitable/storage';
import { clocked, type Caller } from '../access/caller';
import { loadReadableTable, restrictTable, type ReadableTable } from '../access/readable-table';
import { findVisibleView, visibleViews } from '../access/visible-views';

import type { Platform } from '../../platform';
import { applyChange, type ChangeMeta } from './change-recorder';
import { checkFieldName } from './field-input';
import { presentView, type ApiView } from './schema-presenter';
import { loadTableContext } from './table-lookup';
import { indexQueriedFields, refreshQueriedStatistics } from './view-indexes';

export interface ViewInput {
  name: string;
  type?: ViewType;
  config?: Record<string, unknown>;
  personal?: boolean;
}

export interface ViewPatchInput {
  name?: string;
  config?: Record<string, unknown>;
  move?: store.Placement;
  locked?: boolean;
}

/**
 * The table as the change's author reads it. Its permission's `canDesign` (owners and admins;
 * the system's own changes, which carry no member role, stand as the owner) decides shared views.
 */
async function readableForChange(platform: Platform, trx: store.Trx, meta: ChangeMeta, tableKey: string): Promise<ReadableTable> {
  const author: Caller = { baseId: meta.baseId, userId: meta.actor.userId, memberRole: meta.memberRole ?? 'owner' };
  return restrictTable(trx, clocked(platform, author), await loadTableContext(trx, meta.baseId, tableKey), tableKey);
}

/** The view as the change's author may change it: another's personal view is not found, a shared one needs a designer. */
async function changeableView(platform: Platform, trx: store.Trx, meta: ChangeMeta, tableKey: string, viewKey: string): Promise<{ readable: ReadableTable; view: store.ViewMeta }> {
  const readable = await readableForChange(platform, trx, meta, tableKey);
  const view = await findVisibleView(trx, readable, viewKey, 'viewId');
  if (view.ownerId === null && !readable.permission.canDesign) {
    throw new EngineError('FORBIDDEN', `Only owners and admins change the shared view "${view.name}"; make a personal view to keep your own settings`, { view: view.id });
  }
  return { readable, view };
}

function refuseLocked(view: store.ViewMeta, what: string): void {
  if (view.locked) throw new EngineError('CONFLICT', `The view "${view.name}" is locked: unlock it to ${what}`, { view: view.id, path: 'locked' });
}

/** Outbox payload of a view change: a personal view's events reach its owner only (realtime/event-for-caller.ts). */
function viewEventPayload(view: store.ViewMeta): Record<string, unknown> {
  return { tableId: view.tableId, viewId: view.id, ...(view.ownerId !== null ? { ownerId: view.ownerId } : {}) };
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
    // A personal view names only what its owner can read: fields hidden from them are unknown here.
    const { table, fields, permission } = await readableForChange(platform, trx, meta, tableKey);
    if (!input.personal && !permission.canDesign) {
      throw new EngineError('FORBIDDEN', 'Only owners and admins add shared views; make a personal view (personal: true) instead', { path: 'body.personal' });
    }
    const config = normaliseViewConfig(input.config ?? null, fields, { path: 'body.config' });
    await indexQueriedFields(trx, platform.database.dialect, table.id, fields, config);
    const view = await store.createView(
      trx,
      platform.database.dialect,
      { tableId: table.id, name: input.name, type: input.type ?? 'grid', config, ...(input.personal ? { ownerId: meta.actor.userId } : {}) },
      recorder.at,
    );
    recorder.event({ tableId: table.id, type: 'view.created', payload: viewEventPayload(view) });
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
    const changeable = await changeableView(platform, trx, meta, tableKey, viewKey);
    const { table, fields } = changeable.readable;
    let view = changeable.view;
    if (patch.locked === false && view.locked) view = await store.updateView(trx, platform.database.dialect, view.id, { locked: false });
    if (patch.name !== undefined || patch.config !== undefined) {
      refuseLocked(view, 'change it');
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
      for (const sibling of [patch.move.before, patch.move.after]) if (sibling) await findVisibleView(trx, changeable.readable, sibling, 'body.move');
      view = await store.reorderView(trx, view.id, patch.move);
    }
    if (patch.locked === true && !view.locked) view = await store.updateView(trx, platform.database.dialect, view.id, { locked: true });
    recorder.event({ tableId: table.id, type: 'view.updated', payload: viewEventPayload(view) });
    return presentView(view);
  });
  await afterSave(platform, queried);
  return updated;
}

export async function deleteView(platform: Platform, meta: ChangeMeta, tableKey: string, viewKey: string): Promise<{ id: string; deleted: true }> {
  return applyChange(platform, meta, async (trx, recorder) => {
    const { view } = await changeableView(platform, trx, meta, tableKey, viewKey);
    refuseLocked(view, 'delete it');
    await store.deleteView(trx, view.id);
    recorder.event({ tableId: view.tableId, type: 'view.deleted', payload: viewEventPayload(view) });
    return { id: view.id, deleted: true as const };
  });
}
