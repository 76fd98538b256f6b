/**
 * One UPDATE for many rows that each get their own values:
 *   UPDATE t SET c1 = v.column2, … FROM (VALUES (id, v1, …), …) AS v WHERE t.id = v.column1
 * Both dialects name VALUES columns column1, column2 … and support UPDATE … FROM (SQLite ≥ 3.33).
 * Every value is CAST to its column type so PostgreSQL does not guess `text` for a parameter.
 * Chunked under the dialect's parameter limit. Only the listed columns are written.
 */
import { sql, type RawBuilder } from 'kysely';
import type { StorageKind } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { chunkForParameters } from '../physical/executor';
import { recordIdColumn, userTableName } from '../physical/naming';

export interface BulkColumn {
  column: string;
  kind: StorageKind;
}

export interface BulkRow {
  id: string;
  /** Encoded parameters, one per column, in column order. */
  params: readonly unknown[];
}

/** `extraSets` are assignments applied to every row (version bump, modified time …). */
export async function bulkUpdate(
  trx: Executor,
  dialect: SqlDialect,
  tableId: string,
  columns: readonly BulkColumn[],
  rows: readonly BulkRow[],
  extraSets: readonly RawBuilder<unknown>[] = [],
): Promise<void> {
  if (rows.length === 0 || columns.length + extraSets.length === 0) return;
  const table = userTableName(tableId);
  const textType = sql.raw(dialect.columnType('text'));
  const types = columns.map((c) => sql.raw(dialect.columnType(c.kind)));
  const sets = [
    ...columns.map((c, i) => sql`${sql.ref(c.column)} = ${sql.ref(`v.column${i + 2}`)}`),
    ...extraSets,
  ];
  const reserved = 16; // parameters the extra assignments may bind
  for (const chunk of chunkForParameters(rows, columns.length + 1, dialect.maxParameters - reserved)) {
    const tuples = chunk.map(
      (row) => sql`(${sql.join([sql`CAST(${row.id} AS ${textType})`, ...row.params.map((p, i) => sql`CAST(${p} AS ${types[i]!})`)])})`,
    );
    await sql`UPDATE ${sql.table(table)} SET ${sql.join(sets)} FROM (VALUES ${sql.join(tuples)}) AS v WHERE ${sql.ref(`${table}.${recordIdColumn}`)} = ${sql.ref('v.column1')}`.execute(
      trx,
    );
  }
}
