/**
 * Opens the store: SQLite in the data directory by default, PostgreSQL when a URL is given.
 * Checks durability settings, runs pending meta-schema migrations, and hands back one
 * `Database` that every repository takes. Nothing outside packages/storage sees SQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { configureSqliteConnection, sqliteDialect } from './dialects/sqlite';
import { withStatementCache } from './dialects/sqlite-statement-cache';
import { postgresDialect } from './dialects/postgres';
import type { SqlDialect } from './dialects/dialect';
import { migrateToLatest } from './migrations/runner';
import type { MetaSchema } from './meta-schema';

export interface StorageConfig {
  /** Directory for the SQLite file (and, for the server, attachments). */
  dataDir: string;
  /** `postgres://…`: use PostgreSQL instead of SQLite. */
  databaseUrl?: string;
  /** PostgreSQL schema to work in (tests use one per suite); created when missing. */
  pgSchema?: string;
  /** Called with every SQL string run (tests audit that values arrive only as parameters). */
  onSql?: (sqlText: string, parameters: readonly unknown[]) => void;
}

export type Db = Kysely<MetaSchema>;
export type Trx = Transaction<MetaSchema>;
/** Either the database or a transaction: repositories accept both. */
export type Executor = Kysely<MetaSchema>;

export interface Database {
  readonly db: Db;
  readonly dialect: SqlDialect;
  /** Runs `work` in one transaction: all of it commits, or none of it does. */
  transaction<T>(work: (trx: Trx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openDatabase(config: StorageConfig): Promise<Database> {
  const log = config.onSql
    ? (event: { level: string; query: { sql: string; parameters: readonly unknown[] } }) => {
        config.onSql!(event.query.sql, event.query.parameters);
      }
    : undefined;

  let db: Db;
  let dialect: SqlDialect;
  if (config.databaseUrl) {
    dialect = postgresDialect;
    const schema = config.pgSchema;
    if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid PostgreSQL schema name "${schema}"`);
    if (schema) {
      const bootstrap = new pg.Client({ connectionString: config.databaseUrl });
      await bootstrap.connect();
      await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await bootstrap.end();
    }
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: 10,
      ...(schema ? { options: `-c search_path="${schema}"` } : {}),
    });
    db = new Kysely<MetaSchema>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) });
  } else {
    dialect = sqliteDialect;
    fs.mkdirSync(config.dataDir, { recursive: true });
    const connection = new BetterSqlite3(path.join(config.dataDir, 'multitable.sqlite'));
    configureSqliteConnection(connection);
    db = new Kysely<MetaSchema>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }), ...(log ? { log } : {}) });
  }

  try {
    await dialect.assertSettings(db);
    await migrateToLatest(db, dialect);
  } catch (error) {
    await db.destroy();
    throw error;
  }

  return {
    db,
    dialect,
    transaction: (work) => db.transaction().execute(work),
    close: () => db.destroy(),
  };
}

/** Drops a PostgreSQL schema made for a test suite. */
export async function dropPgSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
}

export { sql };
