/**
 * Table metadata: read, rename / describe, reorder, delete. Creation (which also makes the
 * physical table, primary field and first view) is in create-table.ts.
 */
import { EngineError } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { atomically } from '../physical/executor';
import { dropUserTable } from '../physical/user-table-ddl';
import { nameTaken, withNameGuard } from './names';
import { comparePositioned, keyForPlacement, orderedKeysOf, type Placement } from './positions';

export interface TableMeta {
  id: string;
  baseId: string;
  name: string;
  description: string;
  /** Fractional key: order of the table among its base's tables. */
  position: string;
  primaryFieldId: string;
  /** ISO-8601 UTC. */
  createdAt: string;
}

function selectTables(db: Executor) {
  return db
    .selectFrom('tables')
    .select(['tables.id', 'tables.base_id', 'tables.name', 'tables.description', 'tables.position', 'tables.created_at'])
    .select((eb) =>
      eb
        .selectFrom('fields')
        .select('fields.id')
        .whereRef('fields.table_id', '=', 'tables.id')
        .where('fields.is_primary', '=', 1)
        .limit(1)
        .as('primary_field_id'),
    );
}

type TableRow = Awaited<ReturnType<ReturnType<typeof selectTables>['executeTakeFirstOrThrow']>>;

function toTableMeta(row: TableRow): TableMeta {
  return {
    id: row.id,
    baseId: row.base_id,
    name: row.name,
    description: row.description,
    position: row.position,
    primaryFieldId: row.primary_field_id ?? '',
    createdAt: row.created_at,
  };
}

export async function getTable(db: Executor, tableId: string): Promise<TableMeta | undefined> {
  const row = await selectTables(db).where('tables.id', '=', tableId).executeTakeFirst();
  return row ? toTableMeta(row) : undefined;
}

/** Like getTable, but a missing table is NOT_FOUND. */
export async function requireTable(db: Executor, tableId: string): Promise<TableMeta> {
  const table = await getTable(db, tableId);
  if (!table) throw new EngineError('NOT_FOUND', `No table "${tableId}"`, { table: tableId });
  return table;
}

/** The base's tables in their user-chosen order. */
export async function listTables(db: Executor, baseId: string): Promise<TableMeta[]> {
  const rows = await selectTables(db).where('tables.base_id', '=', baseId).execute();
  return rows.map(toTableMeta).sort(comparePositioned);
}

export async function assertTableNameFree(db: Executor, baseId: string, name: string, exceptTableId?: string): Promise<void> {
  let query = db.selectFrom('tables').select('id').where('base_id', '=', baseId).where('name', '=', name);
  if (exceptTableId) query = query.where('id', '!=', exceptTableId);
  if (await query.executeTakeFirst()) throw nameTaken('table', name, { base: baseId });
}

export interface TablePatch {
  name?: string;
  description?: string;
}

/** Renames and/or re-describes a table. A name used by another table of the base is NAME_TAKEN. */
export async function updateTable(trx: Executor, dialect: SqlDialect, tableId: string, patch: TablePatch): Promise<TableMeta> {
  const table = await requireTable(trx, tableId);
  if (patch.name !== undefined && patch.name !== table.name) await assertTableNameFree(trx, table.baseId, patch.name, tableId);
  const set = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
  };
  if (Object.keys(set).length > 0) {
    await withNameGuard(
      dialect,
      () => nameTaken('table', patch.name ?? table.name, { base: table.baseId }),
      () => trx.updateTable('tables').set(set).where('id', '=', tableId).execute(),
    );
  }
  return { ...table, ...set };
}

/** Moves a table among its base's tables. */
export async function reorderTable(trx: Executor, tableId: string, placement: Placement): Promise<TableMeta> {
  const table = await requireTable(trx, tableId);
  const siblings = await trx.selectFrom('tables').select(['id', 'position']).where('base_id', '=', table.baseId).execute();
  const position = await keyForPlacement(orderedKeysOf(siblings, tableId), tableId, placement, 'table');
  await trx.updateTable('tables').set({ position }).where('id', '=', tableId).execute();
  return { ...table, position };
}

/**
 * Deletes a table: its physical table with every record, then its metadata (fields and views
 * cascade). History rows stay as the audit trail.
 */
export async function deleteTable(trx: Executor, tableId: string): Promise<TableMeta> {
  return atomically(trx, async (t) => {
    const table = await requireTable(t, tableId);
    await dropUserTable(t, tableId);
    await t.deleteFrom('fields').where('table_id', '=', tableId).execute();
    await t.deleteFrom('views').where('table_id', '=', tableId).execute();
    await t.deleteFrom('tables').where('id', '=', tableId).execute();
    return table;
  });
}

/** Deletes every table of a base (physical tables included); call before deleting the base row. */
export async function deleteTablesOfBase(trx: Executor, baseId: string): Promise<TableMeta[]> {
  return atomically(trx, async (t) => {
    const tables = await listTables(t, baseId);
    for (const table of tables) await deleteTable(t, table.id);
    return tables;
  });
}
