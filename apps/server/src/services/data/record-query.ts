/**
 * Listing records: a view's filter and sorts (when named), AND the request's own filter, the
 * request's sorts before the view's, field selection by name or id, and offset paging that
 * never counts the table — one extra row tells whether another page exists.
 */
import {
  EngineError,
  assertJsonDepth,
  jsonTextDepth,
  maxJsonDepth,
  resolveFilter,
  resolveSorts,
  visibleFields,
  indexFields,
  type Field,
  type FilterGroup,
  type Predicate,
} from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../../platform';
import { buildFormatContext } from './format-context';
import { presentRecord, type ApiRecord } from './record-presenter';
import { cachedFields } from './metadata-cache';
import { findViewOfTable, readWithStableSchema, type TableContext } from './table-lookup';
import { storedViewConfig } from './views';

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

export interface RecordPage {
  records: ApiRecord[];
  /** Offset of the next page; absent on the last page. */
  offset?: number;
}

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

function both(a: Predicate, b: Predicate): Predicate {
  return { type: 'and', items: [a, b] };
}

export async function listRecords(
  platform: Platform,
  scope: { baseId: string; userId: string },
  tableKey: string,
  request: RecordListRequest,
): Promise<RecordPage> {
  const { database } = platform;
  return readWithStableSchema(database.db, scope.baseId, tableKey, (context) => listFromContext(platform, scope, context, request));
}

async function listFromContext(
  platform: Platform,
  scope: { baseId: string; userId: string },
  { table, fields, timeZone, schemaVersion }: TableContext,
  request: RecordListRequest,
): Promise<RecordPage> {
  const { database } = platform;
  const db = database.db;
  const resolveContext = { me: scope.userId, now: new Date(platform.clock()), timeZone };

  let shown: Field[] = fields;
  let where: Predicate | undefined;
  let sorts = resolveSorts(request.sort ?? [], fields, { path: 'sort' });
  if (request.view !== undefined) {
    const view = await findViewOfTable(db, table.id, request.view);
    const config = storedViewConfig(view);
    shown = visibleFields(config, fields);
    if (config.filter) where = resolveFilter(config.filter as FilterGroup, fields, resolveContext, { path: 'view.filter' });
    sorts = [...sorts, ...resolveSorts(config.sorts, fields, { path: 'view.sorts' })];
  }
  if (request.filter !== undefined) {
    assertJsonDepth(request.filter, 'filter');
    const own = resolveFilter(request.filter, fields, resolveContext, { path: 'filter' });
    where = where ? both(where, own) : own;
  }
  if (request.fields !== undefined) {
    const index = indexFields(fields);
    shown = request.fields.map((key, i) => index.get(key, `fields[${i}]`));
  }

  // Knowing the linked tables' fields lets a lookup condition be asked of the linked table (storage's through-link filters).
  const fieldsOfTable = (tableId: string) => cachedFields(db, scope.baseId, schemaVersion, tableId);
  const scopeSql = await store.filterScope(db, database.dialect, fields, where, { fieldsOfTable });
  const pageSize = request.pageSize ?? 100;
  const offset = request.offset ?? 0;
  const rows = await store.listRecords(db, database.dialect, table, fields, {
    ...(where ? { where: store.compileFilter(where, scopeSql) } : {}),
    ...(sorts.length > 0 ? { orderBy: store.compileOrderBy(sorts, scopeSql) } : {}),
    fieldIds: shown.map((field) => field.id),
    offset,
    limit: pageSize + 1,
  });
  const format = await buildFormatContext(db, timeZone);
  const fieldKey = request.returnFieldsByFieldId ? 'id' : 'name';
  const page = rows.slice(0, pageSize).map((row) => presentRecord(row, shown, { fieldKey, format }));
  return rows.length > pageSize ? { records: page, offset: offset + pageSize } : { records: page };
}

export async function getRecord(
  platform: Platform,
  scope: { baseId: string },
  tableKey: string,
  recordId: string,
  options: { returnFieldsByFieldId?: boolean },
): Promise<ApiRecord> {
  const { database } = platform;
  return readWithStableSchema(database.db, scope.baseId, tableKey, async ({ table, fields, timeZone }) => {
    const row = await store.getRecord(database.db, database.dialect, table, fields, recordId);
    if (!row) throw new EngineError('NOT_FOUND', `Record "${recordId}" not found`, { record: recordId });
    const format = await buildFormatContext(database.db, timeZone);
    return presentRecord(row, fields, { fieldKey: options.returnFieldsByFieldId ? 'id' : 'name', format });
  });
}
