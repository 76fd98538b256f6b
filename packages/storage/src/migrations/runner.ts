/**
 * Applies pending meta-schema migrations, each in its own transaction, in version order.
 * Refuses to start on a schema newer than this code knows (an older binary must not write).
 * On PostgreSQL an advisory lock keeps two starting servers from migrating at once.
 */
import { sql, type Kysely } from 'kysely';
import { EngineError } from '@multitable/core';
import type { SqlDialect } from '../dialects/dialect';
import { migrations } from './index';

const lockKey = 7_746_001; // arbitrary, fixed: "multitable migrations"

export async function migrateToLatest(db: Kysely<any>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('meta_migrations')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();

  const known = Math.max(0, ...migrations.map((m) => m.version));
  await db.transaction().execute(async (trx) => {
    if (dialect.name === 'postgres') await sql`SELECT pg_advisory_xact_lock(${lockKey})`.execute(trx);
    const applied = await trx.selectFrom('meta_migrations').select(['version']).execute();
    const current = Math.max(0, ...applied.map((row: { version: number | string }) => Number(row.version)));
    if (current > known) {
      throw new EngineError(
        'SCHEMA_TOO_NEW',
        `The database schema is at version ${current}, newer than this server knows (${known}). Upgrade Multitable.`,
        { databaseVersion: current, knownVersion: known },
      );
    }
  });

  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    await db.transaction().execute(async (trx) => {
      if (dialect.name === 'postgres') await sql`SELECT pg_advisory_xact_lock(${lockKey})`.execute(trx);
      const done = await trx
        .selectFrom('meta_migrations')
        .select('version')
        .where('version', '=', migration.version)
        .executeTakeFirst();
      if (done) return;
      await migration.up(trx, dialect);
      await trx
        .insertInto('meta_migrations')
        .values({ version: migration.version, name: migration.name, applied_at: new Date().toISOString() })
        .execute();
    });
  }
}
