/**
 * Which records a list, a count or a group-by covers: the caller's read scope AND the view's
 * filter (a view they may see, without the fields they cannot read) AND the request's own filter —
 * resolved against the fields the caller can read, so a hidden field is an unknown one. And the
 * SQL scope those predicates compile in, which asks lookup conditions of the linked table.
 */
import { assertJsonDepth, resolveFilter, type FilterGroup, type Predicate, type ViewConfig } from '@multitable/core';
import * as store from '@multitable/storage';
import type { ClockedCaller } from '../access/caller';
import { andPredicates, type ReadableTable } from '../access/readable-table';
import { findVisibleView } from '../access/visible-views';
import { cachedFields } from './metadata-cache';
import { storedViewConfig } from './views';

export interface SelectionRequest {
  view?: string;
  /** Filter tree (already parsed when it came as JSON text). */
  filter?: unknown;
}

export interface Selection {
  /** The configuration of the view the request named, as the caller sees it. */
  view: ViewConfig | undefined;
  /** Every condition together; undefined when every record is covered. */
  where: Predicate | undefined;
}

export async function selectionOf(db: store.Executor, readable: ReadableTable, caller: ClockedCaller, request: SelectionRequest): Promise<Selection> {
  const { fields, timeZone } = readable;
  const context = { me: caller.userId, now: caller.now, timeZone };
  let where = readable.readScope;
  let view: ViewConfig | undefined;
  if (request.view !== undefined) {
    view = storedViewConfig(await findVisibleView(db, readable, request.view));
    if (view.filter) where = andPredicates(where, resolveFilter(view.filter as FilterGroup, fields, context, { path: 'view.filter' }));
  }
  if (request.filter !== undefined) {
    assertJsonDepth(request.filter, 'filter');
    where = andPredicates(where, resolveFilter(request.filter, fields, context, { path: 'filter' }));
  }
  return { view, where };
}

/** The SQL scope `where` compiles in (knowing the linked tables' fields lets a lookup condition be asked of the linked table). */
export function sqlScopeOf(database: store.Database, readable: ReadableTable, baseId: string, where: Predicate | undefined) {
  const fieldsOfTable = (tableId: string) => cachedFields(database.db, baseId, readable.schemaVersion, tableId);
  return store.filterScope(database.db, database.dialect, readable.allFields, where, { fieldsOfTable });
}
