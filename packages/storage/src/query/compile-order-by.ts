/**
 * compileOrderBy(sorts, scope) → the whole ORDER BY list, for one `.orderBy(…)` call:
 *
 *   const sorts = resolveSorts(view.sorts, fields);
 *   db.selectFrom('t_tbl_…').selectAll().orderBy(compileOrderBy(sorts, tableScope(dialect)))
 *
 * Each sort orders empty cells first ascending and last descending (`NULLS FIRST` / `NULLS LAST`
 * on both dialects), text by code point (PostgreSQL under `COLLATE "C"`, as SQLite's BINARY
 * does), JSON arrays by their JSON text, links by the JSON text of their titles. The list always ends with `row_order, id`, so the order
 * is total and equals core's `compareRecords(sorts)` with its default tie-break.
 */
import { sql, type RawBuilder } from 'kysely';
import type { ResolvedSort } from '@multitable/core';
import type { SqlFragment } from '../dialects/query-dialect';
import type { QueryScope } from './query-scope';

function sortExpression(sort: ResolvedSort, scope: QueryScope): SqlFragment {
  const cell = sql.ref(scope.column(sort.target.field));
  const { query } = scope.dialect;
  if (sort.key === 'jsonText') return query.jsonSortText(cell);
  if (sort.key === 'linkTitles') return query.jsonPropertiesSortText(cell, 'title');
  return sort.target.kind === 'text' ? query.codePointText(cell) : cell;
}

/** The ORDER BY items (without the keywords ORDER BY); see the file header. */
export function compileOrderBy(sorts: readonly ResolvedSort[], scope: QueryScope): RawBuilder<unknown> {
  const { query } = scope.dialect;
  const items = sorts.map((sort) =>
    sort.direction === 'asc' ? sql`${sortExpression(sort, scope)} ASC NULLS FIRST` : sql`${sortExpression(sort, scope)} DESC NULLS LAST`,
  );
  items.push(sql`${query.codePointText(sql.ref(scope.rowOrderColumn ?? 'row_order'))} ASC`);
  items.push(sql`${query.codePointText(sql.ref(scope.idColumn ?? 'id'))} ASC`);
  return sql.join(items);
}
