/**
 * Views become personal or shared, and lockable: `owner_id` is the user a personal view belongs
 * to (only they see it; NULL for views everyone who reads the table shares), `locked` keeps a
 * view's name and configuration as they are until someone unlocks it.
 */
import type { Migration } from './migration';

export const viewSharingMigration: Migration = {
  version: 5,
  name: 'view-sharing',
  async up(db) {
    await db.schema.alterTable('views').addColumn('owner_id', 'text').execute();
    await db.schema
      .alterTable('views')
      .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
