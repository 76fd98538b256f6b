/**
 * Custom roles (DESIGN §7): per base, a name and the rules core reads (JSON). A member holds one
 * role: `base_members.role` is a built-in role's key or a custom role's id. `version` moves on
 * every change, so permissions computed from a role can be kept until it changes.
 */
import type { Migration } from './migration';

export const customRolesMigration: Migration = {
  version: 3,
  name: 'custom roles',
  async up(db) {
    await db.schema
      .createTable('roles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('base_id', 'text', (c) => c.notNull().references('bases.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('rules', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('roles_base_name', ['base_id', 'name'])
      .execute();
  },
};
