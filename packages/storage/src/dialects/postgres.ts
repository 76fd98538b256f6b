/** PostgreSQL via pg: the scale-out store. JSON cells are JSONB, booleans native. */
import { sql } from 'kysely';
import type { StorageKind } from '@multitable/core';
import type { SqlDialect } from './dialect';

const columnTypes: Record<StorageKind, string> = {
  text: 'TEXT',
  number: 'DOUBLE PRECISION',
  integer: 'BIGINT',
  boolean: 'BOOLEAN',
  json: 'JSONB',
};

export const postgresDialect: SqlDialect = {
  name: 'postgres',
  serialType: 'bigserial',
  serialNeedsAutoIncrement: false,
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
