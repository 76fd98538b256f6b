/**
 * View metadata: a named, ordered configuration of a table (filter, sorts, hidden fields …).
 * The config is opaque JSON here — core owns its schema and validates it before it arrives.
 * A table always keeps at least one view.
 */
import type { Selectable } from 'kysely';
import { EngineError, isId, newId } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import type { MetaSchema } from '../meta-schema';
import { nameTaken, withNameGuard } from './names';
import { comparePositioned, keyForPlacement, orderedKeysOf, positionAtEnd, type Placement } from './positions';
import { requireTable } from './tables';

export interface ViewMeta {
  id: string;
  tableId: string;
  name: string;
  /** 'grid' (kanban, calendar, gallery, form later). */
  type: string;
  config: unknown;
  /** Fractional key: order among the table's views. */
  position: string;
  createdAt: string;
  /** The user a personal view belongs to (only they see it); null for a view all readers share. */
  ownerId: string | null;
  /** A locked view keeps its name and configuration until it is unlocked. */
  locked: boolean;
}

function toViewMeta(row: Selectable<MetaSchema['views']>): ViewMeta {
  return {
    id: row.id,
    tableId: row.table_id,
    name: row.name,
    type: row.type,
    config: JSON.parse(row.config) as unknown,
    position: row.position,
    createdAt: row.created_at,
    ownerId: row.owner_id,
    locked: Number(row.locked) === 1,
  };
}

export async function getView(db: Executor, viewId: string): Promise<ViewMeta | undefined> {
  const row = await db.selectFrom('views').selectAll().where('id', '=', viewId).executeTakeFirst();
  return row ? toViewMeta(row) : undefined;
}

export async function requireView(db: Executor, viewId: string): Promise<ViewMeta> {
  const view = await getView(db, viewId);
  if (!view) throw new EngineError('NOT_FOUND', `No view "${viewId}"`, { view: viewId });
  return view;
}

/** The table's views in their user-chosen order. */
export async function listViews(db: Executor, tableId: string): Promise<ViewMeta[]> {
  const rows = await db.selectFrom('views').selectAll().where('table_id', '=', tableId).execute();
  return rows.map(toViewMeta).sort(comparePositioned);
}

async function assertViewNameFree(db: Executor, tableId: string, name: string, exceptViewId?: string): Promise<void> {
  let query = db.selectFrom('views').select('id').where('table_id', '=', tableId).where('name', '=', name);
  if (exceptViewId) query = query.where('id', '!=', exceptViewId);
  if (await query.executeTakeFirst()) throw nameTaken('view', name, { table: tableId });
}

export interface NewView {
  tableId: string;
  name: string;
  /** Default 'grid'. */
  type?: string;
  /** Validated by core; default `{}`. */
  config?: unknown;
  id?: string;
  placement?: Placement;
  /** A personal view's owner; shared when absent. */
  ownerId?: string | null;
}

export async function createView(trx: Executor, dialect: SqlDialect, input: NewView, now: Date = new Date()): Promise<ViewMeta> {
  await requireTable(trx, input.tableId);
  await assertViewNameFree(trx, input.tableId, input.name);
  if (input.id !== undefined && !isId('view', input.id)) {
    throw new EngineError('VALIDATION_FAILED', `"${input.id}" is not a view id`, { view: input.id });
  }
  if (input.id !== undefined && (await trx.selectFrom('views').select('id').where('id', '=', input.id).executeTakeFirst())) {
    throw new EngineError('CONFLICT', `A view with id "${input.id}" already exists`, { view: input.id });
  }
  const id = input.id ?? newId('view');
  const siblings = await trx.selectFrom('views').select(['id', 'position']).where('table_id', '=', input.tableId).execute();
  const position = input.placement
    ? await keyForPlacement(orderedKeysOf(siblings, id), id, input.placement, 'view')
    : positionAtEnd(siblings);
  const view: ViewMeta = {
    id,
    tableId: input.tableId,
    name: input.name,
    type: input.type ?? 'grid',
    config: input.config ?? {},
    position,
    createdAt: now.toISOString(),
    ownerId: input.ownerId ?? null,
    locked: false,
  };
  await withNameGuard(
    dialect,
    () => nameTaken('view', view.name, { table: view.tableId }),
    () =>
      trx
        .insertInto('views')
        .values({
          id: view.id,
          table_id: view.tableId,
          name: view.name,
          type: view.type,
          config: JSON.stringify(view.config),
          position: view.position,
          created_at: view.createdAt,
          owner_id: view.ownerId,
        })
        .execute(),
  );
  return view;
}

export interface ViewPatch {
  name?: string;
  config?: unknown;
  locked?: boolean;
}

export async function updateView(trx: Executor, dialect: SqlDialect, viewId: string, patch: ViewPatch): Promise<ViewMeta> {
  const view = await requireView(trx, viewId);
  if (patch.name !== undefined && patch.name !== view.name) await assertViewNameFree(trx, view.tableId, patch.name, viewId);
  const set = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.config !== undefined ? { config: JSON.stringify(patch.config) } : {}),
    ...(patch.locked !== undefined ? { locked: patch.locked ? 1 : 0 } : {}),
  };
  if (Object.keys(set).length > 0) {
    await withNameGuard(
      dialect,
      () => nameTaken('view', patch.name ?? view.name, { table: view.tableId }),
      () => trx.updateTable('views').set(set).where('id', '=', viewId).execute(),
    );
  }
  return {
    ...view,
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.config !== undefined ? { config: patch.config } : {}),
    ...(patch.locked !== undefined ? { locked: patch.locked } : {}),
  };
}

export async function reorderView(trx: Executor, viewId: string, placement: Placement): Promise<ViewMeta> {
  const view = await requireView(trx, viewId);
  const siblings = await trx.selectFrom('views').select(['id', 'position']).where('table_id', '=', view.tableId).execute();
  const position = await keyForPlacement(orderedKeysOf(siblings, viewId), viewId, placement, 'view');
  await trx.updateTable('views').set({ position }).where('id', '=', viewId).execute();
  return { ...view, position };
}

/** Deletes a view; the table's last shared view is refused (CONFLICT): everyone must keep one. */
export async function deleteView(trx: Executor, viewId: string): Promise<ViewMeta> {
  const view = await requireView(trx, viewId);
  const count = await trx
    .selectFrom('views')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('table_id', '=', view.tableId)
    .where('owner_id', 'is', null)
    .executeTakeFirstOrThrow();
  if (view.ownerId === null && Number(count.n) <= 1) {
    throw new EngineError('CONFLICT', `"${view.name}" is the table's only view and cannot be deleted`, { view: viewId });
  }
  await trx.deleteFrom('views').where('id', '=', viewId).execute();
  return view;
}
