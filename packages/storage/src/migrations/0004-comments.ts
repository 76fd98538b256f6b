/**
 * Comments on records: text with `@[usr_…]` mentions (their user ids also kept as a JSON list,
 * for the notification inbox to come), by author, newest last. Deleting a record or a table
 * leaves its comments unreachable (every read goes through the record); deleting a base drops them.
 */
import type { Migration } from './migration';

export const commentsMigration: Migration = {
  version: 4,
  name: 'comments',
  async up(db, dialect) {
    await db.schema
      .createTable('comments')
      // `seq` orders comments as they were written (several may share a millisecond).
      .addColumn('seq', dialect.serialType, (c) => (dialect.serialNeedsAutoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('base_id', 'text', (c) => c.notNull().references('bases.id').onDelete('cascade'))
      .addColumn('table_id', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('mentions', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('comments_record').on('comments').columns(['table_id', 'record_id', 'seq']).execute();
  },
};
