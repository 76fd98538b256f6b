/**
 * Indexes on the column a field reads, created when a view sorts or filters on the field.
 * Idempotent both ways. Per (table, column) one ascending index — named by naming.ts — and,
 * when a view sorts the field descending, one descending index (the same name + `_desc`).
 */
import { sql } from 'kysely';
import { hasQueryProfile, queryProfileOf, type Field } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { userDb } from './executor';
import { fieldPlacement } from './field-storage';
import { fieldColumnName, fieldIndexName, recordIdColumn, rowOrderColumn, userTableName } from './naming';

export type IndexDirection = 'asc' | 'desc';

/** The descending index's name: the ascending one's + `_desc` (53 characters at most, under PostgreSQL's 63). */
export function descendingFieldIndexName(tableId: string, field: Pick<Field, 'id' | 'type' | 'options'>): string {
  return `${fieldIndexName(tableId, field)}_desc`;
}

/**
 * The expression compileOrderBy sorts the field by: text under code-point collation, JSON lists
 * by their JSON text, other cells as they are. (A link sorts by its titles, an expression with a
 * subquery no index can hold: its index is on the cell, for filters.)
 */
function sortKeyOf(dialect: SqlDialect, field: Pick<Field, 'id' | 'type' | 'options'>) {
  const cell = sql.ref(fieldColumnName(field));
  const sortedBy = hasQueryProfile(field.type) ? queryProfileOf({ ...field, name: field.id } as Field, 'index').sort : 'value';
  // Parenthesized: an index key that is an expression (a cast) must be, on PostgreSQL.
  if (sortedBy === 'jsonText') return sql`(${dialect.query.jsonSortText(cell)})`;
  return fieldPlacement(field).kind === 'text' ? dialect.query.codePointText(cell) : cell;
}

/**
 * Creates the index on `field`'s column when missing. Its keys are those of compileOrderBy's
 * list for a sort on the field in `direction` — its sort key (ascending NULLs first, descending
 * NULLs last; see sortKeyOf), then
 * `row_order, id` ascending — so a sorted page reads the index in order, and equality / range
 * filters on the cell use it too. A descending sort needs its own index: the tie-break stays
 * ascending, so the ascending index read backwards does not give its order.
 */
export async function ensureFieldIndex(
  executor: Executor,
  dialect: SqlDialect,
  tableId: string,
  field: Pick<Field, 'id' | 'type' | 'options'>,
  direction: IndexDirection = 'asc',
): Promise<void> {
  const ordered = sortKeyOf(dialect, field);
  const key = direction === 'asc' ? dialect.nullsFirstIndexKey(ordered) : dialect.nullsLastDescendingIndexKey(ordered);
  await userDb(executor)
    .schema.createIndex(direction === 'asc' ? fieldIndexName(tableId, field) : descendingFieldIndexName(tableId, field))
    .ifNotExists()
    .on(userTableName(tableId))
    .expression(sql`${key}, ${sql.ref(rowOrderColumn)}, ${sql.ref(recordIdColumn)}`)
    .execute();
}

/** Drops the field's indexes, both directions (SQLite refuses to drop a column an index names). */
export async function dropFieldIndex(executor: Executor, tableId: string, field: Pick<Field, 'id' | 'type' | 'options'>): Promise<void> {
  await userDb(executor).schema.dropIndex(fieldIndexName(tableId, field)).ifExists().execute();
  await userDb(executor).schema.dropIndex(descendingFieldIndexName(tableId, field)).ifExists().execute();
}

/** Whether the field has its index in `direction` (ascending by default). */
export async function hasFieldIndex(
  executor: Executor,
  dialect: SqlDialect,
  tableId: string,
  field: Pick<Field, 'id' | 'type' | 'options'>,
  direction: IndexDirection = 'asc',
): Promise<boolean> {
  return dialect.indexExists(executor, direction === 'asc' ? fieldIndexName(tableId, field) : descendingFieldIndexName(tableId, field));
}
