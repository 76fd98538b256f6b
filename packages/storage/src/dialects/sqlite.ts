/** SQLite via better-sqlite3: the embedded default. JSON cells are TEXT, booleans 0/1. */
import { sql, type Kysely } from 'kysely';
import type { StorageKind } from '@multitable/core';
import type { SqlDialect } from './dialect';

const columnTypes: Record<StorageKind, string> = {
  text: 'TEXT',
  number: 'REAL',
  integer: 'INTEGER',
  boolean: 'INTEGER',
  json: 'TEXT',
};

export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  serialType: 'integer',
  serialNeedsAutoIncrement: true,
  columnType: (kind) => columnTypes[kind],
  encode(kind, value) {
    if (value === null || value === undefined) return null;
    if (kind === 'json') return JSON.stringify(value);
    if (kind === 'boolean') return value ? 1 : 0;
    return value;
  },
  decode(kind, raw) {
    if (raw === null || raw === undefined) return null;
    if (kind === 'json') return JSON.parse(raw as string);
    if (kind === 'boolean') return raw === 1 || raw === 1n || raw === true;
    if (kind === 'integer' && typeof raw === 'bigint') return Number(raw);
    return raw;
  },
  async assertSettings(db) {
    const expect = async (pragma: string, ok: (value: unknown) => boolean) => {
      const { rows } = await sql.raw<Record<string, unknown>>(`PRAGMA ${pragma}`).execute(db);
      const value = rows[0] ? Object.values(rows[0])[0] : undefined;
      if (!ok(value)) throw new Error(`SQLite setting ${pragma} is ${String(value)}, which this server refuses to run with`);
    };
    await expect('journal_mode', (v) => String(v).toLowerCase() === 'wal');
    await expect('synchronous', (v) => Number(v) === 2); // 2 = FULL
    await expect('foreign_keys', (v) => Number(v) === 1);
    await expect('busy_timeout', (v) => Number(v) >= 5000);
  },
};

/** Pragmas applied to every new SQLite connection, before anything else runs on it. */
export function configureSqliteConnection(connection: {
  pragma(source: string): unknown;
}): void {
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
}
