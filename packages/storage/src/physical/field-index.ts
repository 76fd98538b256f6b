/**
 * Indexes on the column a field reads, created when a view sorts or filters on the field.
 * Idempotent both ways. One index per (table, column), named by naming.ts.
 */
import { sql } from 'kysely';
import type { Field } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { userDb } from './executor';
import { fieldPlacement } from './field-storage';
import { fieldColumnName, fieldIndexName, recordIdColumn, rowOrderColumn, userTableName } from './naming';

/**
 * Creates the index on `field`'s column when missing. Its keys are those of compileOrderBy's
 * list for an ascending sort on the field — cell (NULLs first; text under code-point collation,
 * as the query compiler compares text), then `row_order, id` — so a sorted page reads the index
 * in order, and equality / range filters on the cell use it too.
 */
export async function ensureFieldIndex(
  executor: Executor,
  dialect: SqlDialect,
  tableId: string,
  field: Pick<Field, 'id' | 'type' | 'options'>,
): Promise<void> {
  const placement = fieldPlacement(field);
  const cell = sql.ref(fieldColumnName(field));
  const key = dialect.nullsFirstIndexKey(placement.kind === 'text' ? dialect.query.codePointText(cell) : cell);
  await userDb(executor)
    .schema.createIndex(fieldIndexName(tableId, field))
    .ifNotExists()
    .on(userTableName(tableId))
    .expression(sql`${key}, ${sql.ref(rowOrderColumn)}, ${sql.ref(recordIdColumn)}`)
    .execute();
}

export async function dropFieldIndex(executor: Executor, tableId: string, field: Pick<Field, 'id' | 'type' | 'options'>): Promise<void> {
  await userDb(executor).schema.dropIndex(fieldIndexName(tableId, field)).ifExists().execute();
}

export async function hasFieldIndex(executor: Executor, dialect: SqlDialect, tableId: string, field: Pick<Field, 'id' | 'type' | 'options'>): Promise<boolean> {
  return dialect.indexExists(executor, fieldIndexName(tableId, field));
}
