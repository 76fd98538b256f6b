/** Bare pg on the server's own PostgreSQL database: one client, `?` placeholders rewritten to `$n`. */
import pg from 'pg';
import type { BareSql } from './bare-sql';

/** `?` placeholders → `$n`; `?|` and `?&` are jsonb operators (the server's "has any / all of"), left as they are. */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?(?![|&])/g, () => `$${++n}`);
}

export async function openPostgresBare(url: string): Promise<BareSql> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const run = async (list: ReadonlyArray<{ sql: string; params?: readonly unknown[] }>) => {
    for (const { sql, params } of list) await client.query(numbered(sql), params ? [...params] : []);
  };
  return {
    dialect: 'postgres',
    all: async (sql, params = []) => (await client.query(numbered(sql), [...params])).rows,
    async inRolledBackTransaction(list) {
      await client.query('BEGIN');
      try {
        await run(list);
      } finally {
        await client.query('ROLLBACK');
      }
    },
    async inTransaction(list) {
      await client.query('BEGIN');
      try {
        await run(list);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
    async insertMany(table, columns, rows) {
      const perStatement = Math.floor(60_000 / columns.length);
      await client.query('BEGIN');
      try {
        for (let start = 0; start < rows.length; start += perStatement) {
          const chunk = rows.slice(start, start + perStatement);
          let n = 0;
          const tuples = chunk.map((row) => `(${row.map(() => `$${++n}`).join(', ')})`).join(', ');
          await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples}`, chunk.flat());
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
    encode: (value) => (Array.isArray(value) ? JSON.stringify(value) : value),
    close: () => client.end(),
  };
}
