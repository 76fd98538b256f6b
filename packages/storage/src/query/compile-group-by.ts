/**
 * compileGroupBy(levels, scope) → the pieces of a grouped count, twin of core's `groupRecords`:
 *
 *   SELECT k0, k1, COUNT(*) FROM (SELECT <key 0> AS k0, <key 1> AS k1 FROM t WHERE …) AS g
 *   GROUP BY k0, k1 ORDER BY <order of k0>, <order of k1>
 *
 * A key is the column with emptiness folded to one value ('' and [] become NULL; an empty
 * boolean becomes false), so empty cells form one group. Groups are ordered as compileOrderBy
 * orders records — the same sort expressions (code points, JSON text, link titles) and NULLS
 * FIRST ascending / LAST descending — applied to the key alias, then, for JSON keys, by their
 * JSON text so that distinct values with equal titles still have a fixed order.
 */
import { sql } from 'kysely';
import type { ResolvedGroupLevel } from '@multitable/core';
import type { SqlFragment } from '../dialects/query-dialect';
import type { QueryScope } from './query-scope';

export interface CompiledGroupBy {
  /** Aliases of the key columns, in level order (`k0`, `k1`, …). */
  readonly aliases: readonly string[];
  /** `<column> AS rN` items: the stored cells, grouped first as they are (an index on them serves that). */
  readonly rawColumns: SqlFragment;
  /** The stored cells' columns, for the first GROUP BY. */
  readonly rawGroupBy: SqlFragment;
  /** `<key expression over rN> AS kN` items: the raw groups' keys, where '' and [] join the empty group. */
  readonly keyColumns: SqlFragment;
  /** The ORDER BY items over the aliases (without the keywords). */
  readonly orderBy: SqlFragment;
}

function keyExpression(level: ResolvedGroupLevel, cell: SqlFragment, scope: QueryScope): SqlFragment {
  const { query } = scope.dialect;
  if (level.target.kind === 'text') return sql`NULLIF(${cell}, '')`;
  if (level.target.kind === 'json') return sql`(CASE WHEN ${cell} IS NULL OR ${query.jsonArrayIsEmpty(cell)} THEN NULL ELSE ${cell} END)`;
  if (level.target.kind === 'boolean') return sql`COALESCE(${cell}, ${query.parameter('boolean', false)})`;
  return cell;
}

function orderExpressions(level: ResolvedGroupLevel, alias: string, scope: QueryScope): SqlFragment[] {
  const key = sql.ref(alias);
  const { query } = scope.dialect;
  if (level.key === 'linkTitles') return [query.jsonPropertiesSortText(key, 'title'), query.jsonSortText(key)];
  if (level.key === 'jsonText' || level.target.kind === 'json') return [query.jsonSortText(key)];
  return [level.target.kind === 'text' ? query.codePointText(key) : key];
}

export function compileGroupBy(levels: readonly ResolvedGroupLevel[], scope: QueryScope): CompiledGroupBy {
  const aliases = levels.map((_, index) => `k${index}`);
  const raw = levels.map((_, index) => `r${index}`);
  const cells = levels.map((level) => sql.ref(scope.column(level.target.field)));
  const rawColumns = sql.join(cells.map((cell, index) => sql`${cell} AS ${sql.ref(raw[index]!)}`));
  const keyColumns = sql.join(levels.map((level, index) => sql`${keyExpression(level, sql.ref(raw[index]!), scope)} AS ${sql.ref(aliases[index]!)}`));
  const orderItems = levels.flatMap((level, index) =>
    orderExpressions(level, aliases[index]!, scope).map((expression) =>
      level.direction === 'asc' ? sql`${expression} ASC NULLS FIRST` : sql`${expression} DESC NULLS LAST`,
    ),
  );
  return { aliases, rawColumns, rawGroupBy: sql.join(cells), keyColumns, orderBy: sql.join(orderItems) };
}
