/**
 * One write for many rows that each get their own values — the dialect's fastest many-row
 * UPDATE (dialects/*-row-updates.ts: SQLite `UPDATE … FROM (VALUES …)` in cached chunks,
 * PostgreSQL `UPDATE … FROM unnest(arrays)`). Every value is CAST to its column type, so
 * PostgreSQL does not guess `text` for a parameter. Only the listed columns are written.
 */
import type { RawBuilder } from 'kysely';
import type { StorageKind } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { userDb } from '../physical/executor';
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
  await dialect.updateRows(userDb(trx), {
    table: userTableName(tableId),
    key: { column: recordIdColumn, type: dialect.columnType('text') },
    columns: columns.map((c) => ({ column: c.column, type: dialect.columnType(c.kind) })),
    rows: rows.map((row) => ({ key: row.id, params: row.params })),
    extraSets,
  });
}
