/**
 * Listing records: a view's filter and sorts (when named), AND the request's own filter, the
 * request's sorts before the view's, field selection by name or id, and offset paging that
 * never counts the table — one extra row tells whether another page exists.
 */
import { EngineError, jsonTextDepth, maxJsonDepth, resolveSorts, visibleFields, indexFields, evaluatePredicate, type Field, type RecordPage } from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../../platform';
import { buildFormatContext } from './format-context';
import { presentRecord, type ApiRecord } from './record-presenter';
import { selectionOf, sqlScopeOf } from './record-selection';
import { readTableAs, type ReadableTable } from '../access/readable-table';
import { clocked, type Caller, type ClockedCaller } from '../access/caller';

export interface RecordListRequest {
  view?: string;
  fields?: string[];
  /** Filter tree (already parsed when it came as JSON text). */
  filter?: unknown;
  sort?: unknown;
  pageSize?: number;
  offset?: number;
  returnFieldsByFieldId?: boolean;
}

export type { RecordPage };

/** Parses a JSON query parameter, refusing deep nesting before parsing (A12.2). */
export function parseJsonParameter(text: string | undefined, path: string): unknown {
  if (text === undefined) return undefined;
  if (jsonTextDepth(text, maxJsonDepth) > maxJsonDepth) {
    throw new EngineError('JSON_TOO_DEEP', `${path} nests deeper than ${maxJsonDepth} levels`, { path, maxDepth: maxJsonDepth });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new EngineError('VALIDATION_FAILED', `${path} is not valid JSON`, { path });
  }
}

export async function listRecords(platform: Platform, caller: Caller, tableKey: string, request: RecordListRequest): Promise<RecordPage> {
  const { database } = platform;
  const scope = clocked(platform, caller);
  return readTableAs(database.db, scope, tableKey, (readable) => listFromContext(platform, scope, readable, request));
}

/** Lists what the caller may read: only readable fields resolve, and the read scope is ANDed into every query. */
async function listFromContext(platform: Platform, scope: ClockedCaller, readable: ReadableTable, request: RecordListRequest): Promise<RecordPage> {
  const { table, fields, allFields } = readable;
  const { database } = platform;
  const db = database.db;

  const { view, where } = await selectionOf(db, readable, scope, request);
  let shown: Field[] = view ? visibleFields(view, fields) : fields;
  const sorts = [...resolveSorts(request.sort ?? [], fields, { path: 'sort' }), ...(view ? resolveSorts(view.sorts, fields, { path: 'view.sorts' }) : [])];
  if (request.fields !== undefined) {
    const index = indexFields(fields);
    shown = request.fields.map((key, i) => index.get(key, `fields[${i}]`));
  }
  const scopeSql = await sqlScopeOf(database, readable, scope.baseId, where);
  const pageSize = request.pageSize ?? 100;
  const offset = request.offset ?? 0;
  const rows = await store.listRecords(db, database.dialect, table, allFields, {
    ...(where ? { where: store.compileFilter(where, scopeSql) } : {}),
    ...(sorts.length > 0 ? { orderBy: store.compileOrderBy(sorts, scopeSql) } : {}),
    fieldIds: shown.map((field) => field.id),
    offset,
    limit: pageSize + 1,
  });
  const format = await buildFormatContext(db, readable);
  const fieldKey = request.returnFieldsByFieldId ? 'id' : 'name';
  const page = rows.slice(0, pageSize).map((row) => presentRecord(row, shown, { fieldKey, format }));
  return rows.length > pageSize ? { records: page, offset: offset + pageSize } : { records: page };
}

/**
 * How many records a list with this view and filter has, as the caller may read them — what a
 * grid needs to size its scroll area over a million records. Exact (a COUNT over the same WHERE
 * as the list), so it costs a scan of the matching index or rows: clients ask once per view.
 */
export async function countRecords(platform: Platform, caller: Caller, tableKey: string, request: { view?: string; filter?: unknown }): Promise<{ count: number }> {
  const { database } = platform;
  const db = database.db;
  const scope = clocked(platform, caller);
  return readTableAs(db, scope, tableKey, async (readable) => {
    const { where } = await selectionOf(db, readable, scope, request);
    if (!where) return { count: await store.countRecords(db, readable.table) };
    const scopeSql = await sqlScopeOf(database, readable, scope.baseId, where);
    return { count: await store.countRecords(db, readable.table, store.compileFilter(where, scopeSql)) };
  });
}

export function recordNotFound(recordId: string): EngineError {
  return new EngineError('NOT_FOUND', `Record "${recordId}" not found`, { record: recordId });
}

/** Whether the caller may read `row`: in their read scope (a record outside it is "not found"). */
export function inReadScope(readable: ReadableTable, row: store.StoredRecord): boolean {
  return !readable.readScope || evaluatePredicate(readable.readScope, row);
}

export async function getRecord(
  platform: Platform,
  caller: Caller,
  tableKey: string,
  recordId: string,
  options: { returnFieldsByFieldId?: boolean },
): Promise<ApiRecord> {
  const { database } = platform;
  return readTableAs(database.db, clocked(platform, caller), tableKey, async (readable) => {
    const { table, fields, allFields } = readable;
    // Every cell is read (the scope may test a hidden field); only readable ones are presented.
    const row = await store.getRecord(database.db, database.dialect, table, allFields, recordId);
    if (!row || !inReadScope(readable, row)) throw recordNotFound(recordId);
    const format = await buildFormatContext(database.db, readable);
    return presentRecord(row, fields, { fieldKey: options.returnFieldsByFieldId ? 'id' : 'name', format });
  });
}
