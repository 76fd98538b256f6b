/**
 * DDL of the physical user tables: one table `t_<tableId>` per user table, one column
 * `f_<fieldId>` per field that stores its own value, plus the system columns every row has.
 * Identifiers come from naming.ts, column types from the dialect. Callers run these inside the
 * transaction that also writes the matching metadata (DDL is transactional on both dialects).
 */
import { sql } from 'kysely';
import type { Field, StorageKind } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { userDb } from './executor';
import { fieldPlacement } from './field-storage';
import { recordIdColumn, rowOrderColumn, rowOrderIndexName, systemColumns, userTableName, versionColumn } from './naming';

function columnType(dialect: SqlDialect, kind: StorageKind) {
  return sql.raw(dialect.columnType(kind));
}

/** Creates `t_<tableId>` with the system columns and a column for each own-column field. */
export async function createUserTable(executor: Executor, dialect: SqlDialect, tableId: string, fields: readonly Field[]): Promise<void> {
  const db = userDb(executor);
  const text = columnType(dialect, 'text');
  const integer = columnType(dialect, 'integer');
  // Ids and row-order keys compare by bytes, so ORDER BY and keyset pages agree with JS `<`.
  const byteOrderedText = sql.raw(dialect.orderKeyColumnType);
  let builder = db.schema
    .createTable(userTableName(tableId))
    .addColumn(recordIdColumn, byteOrderedText, (c) => c.primaryKey())
    .addColumn(systemColumns.autoNumber, integer, (c) => c.notNull().unique())
    .addColumn(rowOrderColumn, byteOrderedText, (c) => c.notNull())
    .addColumn(systemColumns.createdTime, text, (c) => c.notNull())
    .addColumn(systemColumns.modifiedTime, text, (c) => c.notNull())
    .addColumn(systemColumns.createdBy, text, (c) => c.notNull())
    .addColumn(systemColumns.modifiedBy, text, (c) => c.notNull())
    .addColumn(versionColumn, integer, (c) => c.notNull());
  for (const field of fields) {
    const placement = fieldPlacement(field);
    if (placement.own) builder = builder.addColumn(placement.column, columnType(dialect, placement.kind));
    if (placement.own && placement.errorColumn) builder = builder.addColumn(placement.errorColumn, columnType(dialect, 'json'));
  }
  await builder.execute();
  await db.schema
    .createIndex(rowOrderIndexName(tableId))
    .on(userTableName(tableId))
    .columns([rowOrderColumn, recordIdColumn])
    .execute();
}

/** Drops `t_<tableId>` with its indexes. */
export async function dropUserTable(executor: Executor, tableId: string): Promise<void> {
  await userDb(executor).schema.dropTable(userTableName(tableId)).execute();
}

/** Adds a nullable column of `kind` named `column` (every existing row reads empty). */
export async function addColumn(executor: Executor, dialect: SqlDialect, tableId: string, column: string, kind: StorageKind): Promise<void> {
  await userDb(executor).schema.alterTable(userTableName(tableId)).addColumn(column, columnType(dialect, kind)).execute();
}

/** Drops a column. SQLite refuses while an index names it: drop the field's index first. */
export async function dropColumn(executor: Executor, tableId: string, column: string): Promise<void> {
  await userDb(executor).schema.alterTable(userTableName(tableId)).dropColumn(column).execute();
}

export async function renameColumn(executor: Executor, tableId: string, from: string, to: string): Promise<void> {
  await userDb(executor).schema.alterTable(userTableName(tableId)).renameColumn(from, to).execute();
}

/** Adds a field's own column (and its error column, for computed types that have one). */
export async function addFieldColumns(executor: Executor, dialect: SqlDialect, field: Pick<Field, 'id' | 'tableId' | 'type' | 'options'>): Promise<void> {
  const placement = fieldPlacement(field);
  if (!placement.own) return;
  await addColumn(executor, dialect, field.tableId, placement.column, placement.kind);
  if (placement.errorColumn) await addColumn(executor, dialect, field.tableId, placement.errorColumn, 'json');
}

/** Drops a field's error column, when its storage has one (its value column is the caller's). */
export async function dropErrorColumn(executor: Executor, field: Pick<Field, 'id' | 'tableId' | 'type' | 'options'>): Promise<void> {
  const placement = fieldPlacement(field);
  if (placement.own && placement.errorColumn) await dropColumn(executor, field.tableId, placement.errorColumn);
}
