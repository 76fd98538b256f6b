/**
 * Runs a suite once per SQL dialect. SQLite gets a fresh temporary data directory;
 * PostgreSQL (127.0.0.1:5432, database `test`, or TEST_DATABASE_URL) gets a fresh schema.
 * With CI=true an unreachable PostgreSQL fails the run; elsewhere the PG half is skipped
 * with the reason printed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import { dropPgSchema, type DialectName, type StorageConfig } from '@multitable/storage';

export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function probePostgres(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

const postgresProblem = await probePostgres();
if (postgresProblem && process.env.CI === 'true') {
  throw new Error(`PostgreSQL at ${testDatabaseUrl} is required with CI=true but unreachable: ${postgresProblem}`);
}
if (postgresProblem) {
  console.warn(`[tests] PostgreSQL suites skipped: ${testDatabaseUrl} unreachable (${postgresProblem})`);
}

/** A storage configuration isolated for one suite, and how to throw it away. */
export interface TestStore {
  dialect: DialectName;
  config: StorageConfig;
  cleanup(): Promise<void>;
}

let counter = 0;

export function makeTestStore(dialect: DialectName): TestStore {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `mt-${dialect}-`));
  if (dialect === 'sqlite') {
    return {
      dialect,
      config: { dataDir },
      cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const pgSchema = `mt_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  return {
    dialect,
    config: { dataDir, databaseUrl: testDatabaseUrl, pgSchema },
    cleanup: async () => {
      await dropPgSchema(testDatabaseUrl, pgSchema);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const dialects: readonly DialectName[] = ['sqlite', 'postgres'];

/**
 * `describe` once per dialect. The body receives a factory for a fresh isolated store;
 * call its cleanup in `afterAll`/`afterEach`.
 */
export function describeEachDialect(title: string, body: (dialect: DialectName, newStore: () => TestStore) => void): void {
  for (const dialect of dialects) {
    const run = dialect === 'postgres' && postgresProblem ? describe.skip : describe;
    run(`${title} [${dialect}]`, () => body(dialect, () => makeTestStore(dialect)));
  }
}
