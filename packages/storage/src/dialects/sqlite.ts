/** SQLite via better-sqlite3: the embedded default. JSON cells are TEXT, booleans 0/1. */
import { sql, type Kysely } from 'kysely';
import type { StorageKind } from '@multitable/core';
import type { SqlDialect } from './dialect';
import { sqliteQuery } from './sqlite-query';
import { sqliteUpdateRows } from './sqlite-row-updates';

const columnTypes: Record<StorageKind, string> = {
  text: 'TEXT',
  number: 'REAL',
  integer: 'INTEGER',
  boolean: 'INTEGER',
  json: 'TEXT',
};

export const sqliteDialect: SqlDialect = {
  query: sqliteQuery,
  name: 'sqlite',
  serialType: 'integer',
  serialNeedsAutoIncrement: true,
  maxParameters: 32_766, // SQLITE_MAX_VARIABLE_NUMBER since 3.32
  orderKeyColumnType: 'TEXT', // BINARY collation: byte order already
  supportsRowLocks: false,
  supportsInsertInWith: false,
  rowLocator: { column: 'rowid', type: 'INTEGER' },
  updatesWriteRowVersions: false,
  updateRows: (executor, updates) => sqliteUpdateRows(executor, updates, sqliteDialect.maxParameters),
  // Without sqlite_stat1 SQLite's planner assumes every index selective, which the queries are written for.
  refreshStaleStatistics: async () => {},
  isUniqueViolation(error) {
    const code = (error as { code?: unknown } | null)?.code;
    return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  },
  // AUTOINCREMENT gives a new row one more than the larger of the largest id and the table's
  // sqlite_sequence entry, which may be raised by hand: raising it reserves the ids below.
  async reserveSerialIds(db, table, count) {
    const { rows } = await sql<{ last: number | bigint }>`
      SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ${table}), 0), coalesce((SELECT max(id) FROM ${sql.table(table)}), 0)) AS last`.execute(db);
    const last = Number(rows[0]?.last ?? 0);
    const raised = await sql`UPDATE sqlite_sequence SET seq = ${last + count} WHERE name = ${table}`.execute(db);
    if (Number(raised.numAffectedRows ?? 0) === 0) await sql`INSERT INTO sqlite_sequence (name, seq) VALUES (${table}, ${last + count})`.execute(db);
    return Array.from({ length: count }, (_, index) => last + 1 + index);
  },
  async listColumns(db, tableName) {
    const { rows } = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${tableName}) ORDER BY cid`.execute(db);
    return rows.map((row) => row.name);
  },
  nullsFirstIndexKey: (key) => key, // NULL is the smallest value in SQLite
  nullsLastDescendingIndexKey: (key) => sql`${key} DESC`, // …so last when descending (an index key takes no NULLS LAST here)
  async indexExists(db, indexName) {
    const { rows } = await sql`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ${indexName}`.execute(db);
    return rows.length > 0;
  },
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
  // SQLite's default page cache is 2 MiB, a few thousand rows of a wide table: at a million
  // records nearly every read asks the OS for its pages again, and a read syscall costs more
  // than the B-tree step it serves. 32 MiB (negative = KiB) holds a large table's index
  // interiors and its hot pages, for at most that much of the process's memory.
  connection.pragma('cache_size = -32768');
}
