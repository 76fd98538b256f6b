/**
 * Finds the table, field, view and base context a data request names — always inside the base
 * the access check established, so an id from another base is simply "not found" (A1.3).
 * Tables may be named by id or by exact name, as in Airtable's API.
 */
import { EngineError, isEngineError, isId, type Field } from '@multitable/core';
import { findBase, listTables, listViews, type BaseVersion, type Executor, type TableMeta, type ViewMeta } from '@multitable/storage';
import { baseVersion, cachedFields, cachedTables, cachedViews } from './metadata-cache';

export function tableNotFound(key: string): EngineError {
  return new EngineError('NOT_FOUND', `Table "${key}" not found`, { table: key });
}

export async function findTableInBase(db: Executor, baseId: string, key: string): Promise<TableMeta> {
  const tables = await listTables(db, baseId);
  const table = isId('table', key) ? tables.find((t) => t.id === key) : tables.find((t) => t.name === key);
  if (!table) throw tableNotFound(key);
  return table;
}

export async function baseTimeZone(db: Executor, baseId: string): Promise<string> {
  const base = await findBase(db, baseId);
  if (!base) throw new EngineError('NOT_FOUND', `Base "${baseId}" not found`, { base: baseId });
  return base.timeZone;
}

export interface TableContext {
  table: TableMeta;
  fields: Field[];
  timeZone: string;
  /** The base's schema version the metadata was read at (for other tables' fields from the cache). */
  schemaVersion: string;
  /** The user directory's version read with it (for the directory from the cache). */
  usersVersion: string;
}

/**
 * The table and its fields, from the metadata cache when the base's schema has not changed since.
 * `seen`: the base's version this request read already (outside a transaction), instead of reading it again.
 */
export async function loadTableContext(db: Executor, baseId: string, tableKey: string, seen?: BaseVersion): Promise<TableContext> {
  const version = seen ?? (await baseVersion(db, baseId));
  if (!version) throw new EngineError('NOT_FOUND', `Base "${baseId}" not found`, { base: baseId });
  const tables = await cachedTables(db, baseId, version.schemaVersion);
  const table = isId('table', tableKey) ? tables.find((t) => t.id === tableKey) : tables.find((t) => t.name === tableKey);
  if (!table) throw tableNotFound(tableKey);
  // Shared with other requests, hence frozen: a caller that needs to change the list copies it.
  const fields = (await cachedFields(db, baseId, version.schemaVersion, table.id)) as Field[];
  return { table, fields, timeZone: version.timeZone, schemaVersion: version.schemaVersion, usersVersion: version.usersVersion };
}

/**
 * Runs a read outside any transaction on the table as `load` finds it. Reads take no locks, so a
 * table or field may be dropped between reading the metadata and reading the rows; when the read
 * then fails and the metadata did change, it runs again on the new metadata (a table that is
 * gone is NOT_FOUND) instead of surfacing the database's "no such column" as a 500.
 */
export async function readWithStableSchema<T>(
  db: Executor,
  baseId: string,
  tableKey: string,
  read: (context: TableContext) => Promise<T>,
  seen?: BaseVersion,
): Promise<T> {
  let context = await loadTableContext(db, baseId, tableKey, seen);
  for (let attempt = 1; ; attempt++) {
    try {
      return await read(context);
    } catch (error) {
      if (isEngineError(error) || attempt >= 3) throw error;
      const now = await loadTableContext(db, baseId, context.table.id);
      if (JSON.stringify(now.fields) === JSON.stringify(context.fields)) throw error;
      context = now;
    }
  }
}

export function findFieldOfTable(fields: readonly Field[], fieldId: string): Field {
  const field = fields.find((f) => f.id === fieldId);
  if (!field) throw new EngineError('UNKNOWN_FIELD', `Unknown field "${fieldId}"`, { field: fieldId, path: 'fieldId' });
  return field;
}

function viewNamed(views: readonly ViewMeta[], key: string, path: string): ViewMeta {
  const view = views.find((v) => v.id === key) ?? views.find((v) => v.name === key);
  if (!view) throw new EngineError('NOT_FOUND', `View "${key}" not found`, { view: key, path });
  return view;
}

/** A view of the table by id or exact name. */
export async function findViewOfTable(db: Executor, tableId: string, key: string, path = 'view'): Promise<ViewMeta> {
  return viewNamed(await listViews(db, tableId), key, path);
}

/** …from the metadata cache at the schema version `context` was read at (shared: frozen). */
export async function findCachedViewOfTable(db: Executor, context: TableContext, key: string, path = 'view'): Promise<ViewMeta> {
  return viewNamed(await cachedViews(db, context.table.baseId, context.schemaVersion, context.table.id), key, path);
}
