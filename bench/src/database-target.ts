/**
 * Where a run keeps its data: a fresh SQLite data directory under the repo's `.tmp/` (on disk,
 * not a RAM-backed /tmp), or, when DATABASE_URL is set, a fresh PostgreSQL database `mt_bench`
 * on that server — created at the start, dropped at the end.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export interface DatabaseTarget {
  dialect: 'sqlite' | 'postgres';
  dataDir: string;
  databaseUrl?: string;
  sqliteFile: string;
  drop(): Promise<void>;
}

const benchDatabase = 'mt_bench';

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function prepareTarget(repoRoot: string, scaleName: string, databaseUrl: string | undefined): Promise<DatabaseTarget> {
  const dialect = databaseUrl ? 'postgres' : 'sqlite';
  const dataDir = path.join(repoRoot, '.tmp', 'bench-data', `${scaleName}-${dialect}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const sqliteFile = path.join(dataDir, 'multitable.sqlite');
  if (!databaseUrl) {
    return { dialect, dataDir, sqliteFile, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const url = new URL(databaseUrl);
  url.pathname = `/${benchDatabase}`;
  await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS ${benchDatabase} WITH (FORCE)`);
  await adminQuery(databaseUrl, `CREATE DATABASE ${benchDatabase}`);
  return {
    dialect,
    dataDir,
    databaseUrl: url.toString(),
    sqliteFile,
    async drop() {
      await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS ${benchDatabase} WITH (FORCE)`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
