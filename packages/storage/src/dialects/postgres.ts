/** PostgreSQL via pg: the scale-out store. JSON cells are JSONB, booleans native. */
import { sql } from 'kysely';
import type { StorageKind } from '@multitable/core';
import type { SqlDialect } from './dialect';
import { postgresQuery } from './postgres-query';
import { postgresUpdateRows } from './postgres-row-updates';
import { refreshStalePostgresStatistics } from './postgres-statistics';

const columnTypes: Record<StorageKind, string> = {
  text: 'TEXT',
  number: 'DOUBLE PRECISION',
  integer: 'BIGINT',
  boolean: 'BOOLEAN',
  json: 'JSONB',
};

export const postgresDialect: SqlDialect = {
  query: postgresQuery,
  name: 'postgres',
  serialType: 'bigserial',
  serialNeedsAutoIncrement: false,
  maxParameters: 65_535,
  // The "C" collation compares bytes, so the index order equals fractional-indexing key order.
  orderKeyColumnType: 'TEXT COLLATE "C"',
  supportsRowLocks: true,
  supportsInsertInWith: true,
  rowLocator: { column: 'ctid', type: 'TID' },
  updatesWriteRowVersions: true,
  updateRows: postgresUpdateRows,
  refreshStaleStatistics: refreshStalePostgresStatistics,
  isUniqueViolation: (error) => (error as { code?: unknown } | null)?.code === '23505',
  // nextval is never rolled back, so reserved ids are never given again; concurrent callers
  // interleave. The ids come back as runs of consecutive ids (one row unless another caller took
  // some in between), not one row per id: a batch of created records reserves thousands.
  async reserveSerialIds(db, table, count) {
    const { rows } = await sql<{ first: string; count: string }>`
      WITH reserved AS (SELECT nextval(pg_get_serial_sequence(${table}, 'id')) AS id FROM generate_series(1, ${count})),
      runs AS (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM reserved)
      SELECT min(id) AS first, count(*) AS count FROM runs GROUP BY run ORDER BY first`.execute(db);
    return rows.flatMap((row) => Array.from({ length: Number(row.count) }, (_, index) => Number(row.first) + index));
  },
  async listColumns(db, tableName) {
    const { rows } = await sql<{ column_name: string }>`
      SELECT column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ${tableName}
      ORDER BY ordinal_position`.execute(db);
    return rows.map((row) => row.column_name);
  },
  // B-tree indexes put NULLs last by default.
  nullsFirstIndexKey: (key) => sql`${key} NULLS FIRST`,
  nullsLastDescendingIndexKey: (key) => sql`${key} DESC NULLS LAST`,
  async indexExists(db, indexName) {
    const { rows } = await sql`
      SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ${indexName}`.execute(db);
    return rows.length > 0;
  },
  columnType: (kind) => columnTypes[kind],
  encode(kind, value) {
    if (value === null || value === undefined) return null;
    // pg would send a JS array as a PostgreSQL array literal; JSONB wants JSON text.
    if (kind === 'json') return JSON.stringify(value);
    return value;
  },
  decode(kind, raw) {
    if (raw === null || raw === undefined) return null;
    if (kind === 'integer' || kind === 'number') return typeof raw === 'string' ? Number(raw) : raw;
    return raw;
  },
  async assertSettings(db) {
    for (const [setting, wanted] of [
      ['synchronous_commit', 'on'],
      ['fsync', 'on'],
    ] as const) {
      const { rows } = await sql<{ value: string }>`SELECT current_setting(${setting}) AS value`.execute(db);
      if (rows[0]?.value !== wanted) {
        throw new Error(`PostgreSQL setting ${setting} is ${rows[0]?.value}, which this server refuses to run with`);
      }
    }
  },
};
