/**
 * The first meta schema: accounts, bases and members, tables/fields/views, attachments,
 * cell history and the event outbox. Meta JSON (options, view config, history values) is
 * TEXT on both dialects; only user-table cells use the dialect's JSON type.
 * Frozen once shipped: later changes are new migrations.
 */
import type { CreateTableBuilder } from 'kysely';
import type { Migration } from './migration';
import type { SqlDialect } from '../dialects/dialect';

function serialId(dialect: SqlDialect) {
  return (table: CreateTableBuilder<string, never>) =>
    table.addColumn('id', dialect.serialType, (c) => {
      const key = c.primaryKey();
      return dialect.serialNeedsAutoIncrement ? key.autoIncrement() : key;
    });
}

export const initialMigration: Migration = {
  version: 1,
  name: 'initial',
  async up(db, dialect) {
    const withSerialId = serialId(dialect);

    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique()) // stored lower-cased
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('is_instance_owner', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey()) // sha-256 of the cookie token
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull()) // absolute limit
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('access', 'text', (c) => c.notNull()) // 'read' | 'readWrite'
      .addColumn('base_ids', 'text', (c) => c.notNull()) // JSON array of base ids
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();

    await withSerialId(db.schema.createTable('login_failures'))
      .addColumn('key', 'text', (c) => c.notNull()) // 'account:<email>' or 'ip:<address>'
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('login_failures_key_at').on('login_failures').columns(['key', 'at']).execute();

    await db.schema
      .createTable('bases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('base_members')
      .addColumn('base_id', 'text', (c) => c.notNull().references('bases.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull()) // 'owner' | 'admin' | 'editor' | 'viewer'
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('base_members_pk', ['base_id', 'user_id'])
      .execute();
    await db.schema.createIndex('base_members_user').on('base_members').column('user_id').execute();

    await db.schema
      .createTable('tables')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('base_id', 'text', (c) => c.notNull().references('bases.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('position', 'text', (c) => c.notNull()) // fractional key
      .addColumn('auto_number_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('tables_base_name', ['base_id', 'name'])
      .execute();

    await db.schema
      .createTable('fields')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('table_id', 'text', (c) => c.notNull().references('tables.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('options', 'text', (c) => c.notNull()) // JSON
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('position', 'text', (c) => c.notNull()) // fractional key: default field order
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('fields_table_name', ['table_id', 'name'])
      .execute();

    await db.schema
      .createTable('views')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('table_id', 'text', (c) => c.notNull().references('tables.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull()) // 'grid' (kanban, calendar, gallery, form later)
      .addColumn('config', 'text', (c) => c.notNull()) // JSON, schema in core
      .addColumn('position', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('views_table_name', ['table_id', 'name'])
      .execute();

    await db.schema
      .createTable('attachments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('base_id', 'text', (c) => c.notNull().references('bases.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull()) // original name: metadata only, never a path
      .addColumn('mime_type', 'text', (c) => c.notNull()) // sniffed from the bytes
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('storage_key', 'text', (c) => c.notNull().unique()) // random file name on disk
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    // One row per changed cell. `change_id` groups the cells of one command.
    await withSerialId(db.schema.createTable('history'))
      .addColumn('change_id', 'text', (c) => c.notNull())
      .addColumn('base_id', 'text', (c) => c.notNull())
      .addColumn('table_id', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('field_id', 'text') // null for record created / deleted entries
      .addColumn('action', 'text', (c) => c.notNull()) // 'create' | 'update' | 'delete'
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull()) // 'api' | 'web' | 'import' | 'automation' | 'form' | 'system'
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('old_value', 'text') // JSON
      .addColumn('new_value', 'text') // JSON
      .execute();
    await db.schema.createIndex('history_record').on('history').columns(['table_id', 'record_id', 'id']).execute();

    // Written in the same transaction as the change; dispatched after commit.
    await withSerialId(db.schema.createTable('outbox'))
      .addColumn('base_id', 'text', (c) => c.notNull())
      .addColumn('table_id', 'text')
      .addColumn('type', 'text', (c) => c.notNull()) // e.g. 'records.created'
      .addColumn('payload', 'text', (c) => c.notNull()) // JSON
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('dispatched_at', 'text')
      .execute();
    await db.schema.createIndex('outbox_pending').on('outbox').columns(['dispatched_at', 'id']).execute();
  },
};
