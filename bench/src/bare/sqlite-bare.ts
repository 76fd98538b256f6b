/** Bare better-sqlite3 on the server's own SQLite file, with the same pragmas the server sets. */
import BetterSqlite3 from 'better-sqlite3';
import type { BareSql } from './bare-sql';

export function openSqliteBare(file: string): BareSql {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const run = (list: ReadonlyArray<{ sql: string; params?: readonly unknown[] }>) => {
    for (const { sql, params } of list) {
      const statement = db.prepare(sql);
      if (statement.reader) statement.all(...(params ?? []));
      else statement.run(...(params ?? []));
    }
  };
  return {
    dialect: 'sqlite',
    all: async (sql, params = []) => prepare(sql).all(...params),
    async inRolledBackTransaction(list) {
      db.exec('BEGIN');
      try {
        run(list);
      } finally {
        db.exec('ROLLBACK');
      }
    },
    async inTransaction(list) {
      db.transaction(() => run(list))();
    },
    async insertMany(table, columns, rows) {
      const insert = prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      db.transaction(() => {
        for (const row of rows) insert.run(...row);
      })();
    },
    encode: (value) => (Array.isArray(value) ? JSON.stringify(value) : typeof value === 'boolean' ? (value ? 1 : 0) : value),
    close: async () => void db.close(),
  };
}
