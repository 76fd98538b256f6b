/**
 * Creating and dropping a link's junction table (scheme in ./junction.ts), in the caller's
 * transaction next to the field metadata that needs it. Record ids are byte-ordered text, like
 * every other id column (`COLLATE "C"` on PostgreSQL), so junction reads order like JS `<`.
 */
import { sql } from 'kysely';
import type { Field } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { userDb } from '../physical/executor';
import { junctionOf } from './junction';

function linkedIndexName(table: string): string {
  return `ix_${table}_linked`;
}

/** Creates the junction of `field` (a one-way link, or either member of a two-way pair). Idempotent. */
export async function createJunction(executor: Executor, dialect: SqlDialect, field: Pick<Field, 'id' | 'options'>): Promise<string> {
  const { table } = junctionOf(field);
  const id = sql.raw(dialect.orderKeyColumnType);
  const order = sql.raw(dialect.columnType('integer'));
  const db = userDb(executor);
  await db.schema
    .createTable(table)
    .ifNotExists()
    .addColumn('owner_id', id, (c) => c.notNull())
    .addColumn('linked_id', id, (c) => c.notNull())
    .addColumn('owner_order', order, (c) => c.notNull())
    .addColumn('linked_order', order, (c) => c.notNull())
    .addPrimaryKeyConstraint(`pk_${table}`, ['owner_id', 'linked_id'])
    .execute();
  // The primary key serves the owner side; this index serves the linked side, in its cell order.
  await db.schema.createIndex(linkedIndexName(table)).ifNotExists().on(table).columns(['linked_id', 'linked_order']).execute();
  return table;
}

/** Drops the junction of `field` with every membership in it. Idempotent. */
export async function dropJunction(executor: Executor, field: Pick<Field, 'id' | 'options'>): Promise<void> {
  // Its indexes go with it.
  await userDb(executor).schema.dropTable(junctionOf(field).table).ifExists().execute();
}
