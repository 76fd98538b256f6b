/**
 * Counting records per group (storage half of core's `groupRecords`): one `GROUP BY` over the
 * key columns compileGroupBy builds, under an optional compiled filter, in group order, at most
 * `limit` groups. Keys come back canonical, decoded with the dialect like record cells.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { EngineError, type Field, type GroupCount, type ResolvedGroupLevel } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { fieldPlacement } from '../physical/field-storage';
import { userTableName } from '../physical/naming';
import { compileGroupBy } from '../query/compile-group-by';
import { tableScope } from '../query/query-scope';
import { cellValue } from './stored-record';

export interface GroupCountsQuery {
  /** Compiled filter (compileFilter); every record when absent. */
  where?: Expression<SqlBool>;
  levels: readonly ResolvedGroupLevel[];
  /** At most this many groups, the first in group order. */
  limit: number;
}

/** The canonical key of `field` from a raw grouped value (as its cell would decode). */
function decodeKey(dialect: SqlDialect, field: Field, raw: unknown): unknown {
  return cellValue(dialect, field, { [fieldPlacement(field).column]: raw });
}

export async function groupRecordCounts(
  db: Executor,
  dialect: SqlDialect,
  table: { id: string },
  fields: readonly Field[],
  query: GroupCountsQuery,
): Promise<GroupCount[]> {
  if (!Number.isSafeInteger(query.limit) || query.limit < 0) {
    throw new EngineError('VALIDATION_FAILED', `limit must be a whole number ≥ 0, got ${query.limit}`, { path: 'limit' });
  }
  for (const level of query.levels) {
    const id = level.target.field.id;
    if (!fields.some((field) => field.id === id)) throw new EngineError('UNKNOWN_FIELD', `No field "${id}" in this table`, { field: id });
  }
  if (query.levels.length === 0) throw new EngineError('VALIDATION_FAILED', 'Grouping needs at least one level', { path: 'groupBy' });
  const compiled = compileGroupBy(query.levels, tableScope(dialect));
  const aliases = sql.join(compiled.aliases.map((alias) => sql.ref(alias)));
  const where = query.where ? sql` WHERE ${query.where}` : sql``;
  // Two stages: the stored cells are grouped as they are — the field's index serves that, as for a
  // plain GROUP BY — and only the few raw groups are then merged under core's keys ('' and [] are empty).
  const { rows } = await sql<Record<string, unknown>>`SELECT ${aliases}, SUM(raw_count) AS group_count
    FROM (SELECT ${compiled.keyColumns}, raw_count FROM (
      SELECT ${compiled.rawColumns}, COUNT(*) AS raw_count FROM ${sql.table(userTableName(table.id))}${where} GROUP BY ${compiled.rawGroupBy}
    ) AS raw) AS grouped
    GROUP BY ${aliases} ORDER BY ${compiled.orderBy} LIMIT ${query.limit}`.execute(db);
  return rows.map((row) => ({
    keys: query.levels.map((level, index) => decodeKey(dialect, level.target.field, row[compiled.aliases[index]!])),
    count: Number(row.group_count),
  }));
}
