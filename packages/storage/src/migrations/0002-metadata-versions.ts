/**
 * Versions of metadata the server caches between requests: `bases.schema_version` (a counter:
 * the base's tables, fields and views) and the `users` row of `meta_versions` (the user
 * directory every request formats persons with: a random token, so that two databases one
 * process opens never share a version). Triggers change them in the same transaction as any
 * change — whatever code path makes it, on every server sharing the database — so a cache keyed
 * by them is never stale after a commit. A table's `auto_number_seq` moves on every record
 * insert and is not metadata: only the columns people design fire the trigger.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Migration } from './migration';
import type { SqlDialect } from '../dialects/dialect';

const designedTableColumns = 'name, description, position, base_id';
const bumpBase = (baseIdSql: string) => `UPDATE bases SET schema_version = schema_version + 1 WHERE id = ${baseIdSql}`;
const baseOfTable = (tableIdSql: string) => `(SELECT base_id FROM tables WHERE id = ${tableIdSql})`;
const renewUsers = (token: string) => `UPDATE meta_versions SET token = ${token} WHERE name = 'users'`;

async function sqliteTriggers(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TRIGGER tables_schema_insert AFTER INSERT ON tables BEGIN ${bumpBase('NEW.base_id')}; END`,
    `CREATE TRIGGER tables_schema_update AFTER UPDATE OF ${designedTableColumns} ON tables BEGIN ${bumpBase('NEW.base_id')}; ${bumpBase('OLD.base_id')}; END`,
    `CREATE TRIGGER tables_schema_delete AFTER DELETE ON tables BEGIN ${bumpBase('OLD.base_id')}; END`,
  ];
  for (const table of ['fields', 'views']) {
    statements.push(
      `CREATE TRIGGER ${table}_schema_insert AFTER INSERT ON ${table} BEGIN ${bumpBase(baseOfTable('NEW.table_id'))}; END`,
      `CREATE TRIGGER ${table}_schema_update AFTER UPDATE ON ${table} BEGIN ${bumpBase(baseOfTable('NEW.table_id'))}; END`,
      `CREATE TRIGGER ${table}_schema_delete AFTER DELETE ON ${table} BEGIN ${bumpBase(baseOfTable('OLD.table_id'))}; END`,
    );
  }
  for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
    statements.push(`CREATE TRIGGER users_directory_${event.toLowerCase()} AFTER ${event} ON users BEGIN ${renewUsers('lower(hex(randomblob(16)))')}; END`);
  }
  for (const statement of statements) await sql.raw(statement).execute(db);
}

async function postgresTriggers(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE FUNCTION mt_tables_schema_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
       IF TG_OP <> 'INSERT' THEN ${bumpBase('OLD.base_id')}; END IF;
       IF TG_OP <> 'DELETE' THEN ${bumpBase('NEW.base_id')}; END IF;
       RETURN NULL; END $$`,
    `CREATE FUNCTION mt_table_child_schema_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
       IF TG_OP = 'DELETE' THEN ${bumpBase(baseOfTable('OLD.table_id'))}; ELSE ${bumpBase(baseOfTable('NEW.table_id'))}; END IF;
       RETURN NULL; END $$`,
    `CREATE FUNCTION mt_users_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${renewUsers('md5(random()::text || clock_timestamp()::text)')}; RETURN NULL; END $$`,
    `CREATE TRIGGER tables_schema_version AFTER INSERT OR DELETE OR UPDATE OF ${designedTableColumns} ON tables FOR EACH ROW EXECUTE FUNCTION mt_tables_schema_version()`,
    `CREATE TRIGGER fields_schema_version AFTER INSERT OR UPDATE OR DELETE ON fields FOR EACH ROW EXECUTE FUNCTION mt_table_child_schema_version()`,
    `CREATE TRIGGER views_schema_version AFTER INSERT OR UPDATE OR DELETE ON views FOR EACH ROW EXECUTE FUNCTION mt_table_child_schema_version()`,
    `CREATE TRIGGER users_directory_version AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION mt_users_version()`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

const triggersByDialect: Readonly<Record<SqlDialect['name'], (db: Kysely<any>) => Promise<void>>> = {
  sqlite: sqliteTriggers,
  postgres: postgresTriggers,
};

export const metadataVersionsMigration: Migration = {
  version: 2,
  name: 'metadata versions',
  async up(db, dialect) {
    await db.schema.alterTable('bases').addColumn('schema_version', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema
      .createTable('meta_versions')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('token', 'text', (c) => c.notNull())
      .execute();
    await db.insertInto('meta_versions').values({ name: 'users', token: randomUUID() }).execute();
    await triggersByDialect[dialect.name](db);
  },
};
