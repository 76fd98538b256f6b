/**
 * Indexes for what views query (DESIGN §4: "indexes are created for fields that views filter or
 * sort on"). Saving a view makes sure every field it sorts or filters on has an index on its
 * column (storage's `ensureFieldIndex`, idempotent, keyed like the ORDER BY the query compiler
 * writes), in the same transaction as the view — so a sorted view's first page reads the index
 * instead of sorting the whole table. A field sorted descending also gets its descending index
 * (the ascending one always exists too, so a type change that rebuilds the field's index drops
 * both). A lookup a view filters on also gets its target indexed in the linked table (storage's
 * through-link filters read it). Indexes are dropped with their field, never with a view:
 * another view may use them.
 *
 * Once the view is saved, the planner's statistics of the tables it queries are refreshed where
 * they are missing or stale (PostgreSQL with autovacuum off or behind, as after a bulk load): an
 * index serves a query only when the planner guesses right how many rows a condition keeps.
 */
import { isFilterGroupLike, type Field, type FilterCondition, type FilterGroup, type ViewConfig } from '@multitable/core';
import * as store from '@multitable/storage';

/** Ids of the fields a (normalised) view configuration sorts or filters on, each once. */
export function fieldIdsQueriedBy(config: Pick<ViewConfig, 'sorts' | 'filter'>): string[] {
  const ids = new Set(config.sorts.map((sort) => sort.field));
  const stack: Array<FilterGroup | FilterCondition> = config.filter ? [config.filter] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isFilterGroupLike(node)) stack.push(...(node as FilterGroup).conditions);
    else ids.add((node as FilterCondition).field);
  }
  return [...ids];
}

export async function indexQueriedFields(
  trx: store.Trx,
  dialect: store.SqlDialect,
  tableId: string,
  fields: readonly Field[],
  config: Pick<ViewConfig, 'sorts' | 'filter'>,
): Promise<void> {
  const byId = new Map(fields.map((field) => [field.id, field]));
  for (const fieldId of fieldIdsQueriedBy(config)) {
    const field = byId.get(fieldId);
    if (field) await store.ensureFieldIndex(trx, dialect, tableId, field);
  }
  // A filter on a lookup is read through its link: from the target column of the linked table.
  for (const fieldId of fieldIdsQueriedBy({ sorts: [], filter: config.filter })) {
    const field = byId.get(fieldId);
    if (field) await store.ensureThroughLinkIndex(trx, dialect, field, fields);
  }
  for (const sort of config.sorts) {
    const field = byId.get(sort.field);
    if (field && sort.direction === 'desc') await store.ensureFieldIndex(trx, dialect, tableId, field, 'desc');
  }
}

/**
 * Refreshes the statistics the view's queries are planned from (see the header): the table's,
 * and for each lookup it filters on, the linked table's and the junction's. Run after the view's
 * transaction (storage's refreshTableStatistics says why). Statistics only make queries faster,
 * and autovacuum gathers them as well: a failure here leaves the saved view as it is.
 */
export async function refreshQueriedStatistics(
  db: store.Executor,
  dialect: store.SqlDialect,
  tableId: string,
  fields: readonly Field[],
  config: Pick<ViewConfig, 'filter'>,
): Promise<void> {
  const byId = new Map(fields.map((field) => [field.id, field]));
  try {
    await store.refreshTableStatistics(db, dialect, tableId);
    for (const fieldId of fieldIdsQueriedBy({ sorts: [], filter: config.filter })) {
      const field = byId.get(fieldId);
      if (field) await store.refreshThroughLinkStatistics(db, dialect, field, fields);
    }
  } catch {
    // Left to autovacuum (see above).
  }
}
