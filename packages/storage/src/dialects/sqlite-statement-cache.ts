/**
 * Prepared statements kept for reuse on the SQLite connection. Kysely's SQLite driver prepares
 * every statement it runs, each time; parsing and planning a statement costs as much as running
 * a small one, and a batch write's statement (hundreds of VALUES rows) costs far more. This wraps
 * the better-sqlite3 connection so `prepare` hands back the statement prepared earlier for the
 * same SQL text, least recently used dropped first.
 *
 * Reuse is safe: kysely binds parameters on each run and sets no statement modes; SQLite
 * prepares a statement again by itself when the schema changed since (a column added, a table
 * dropped and created). A statement still being iterated (a streamed SELECT) is busy, so a second
 * one is prepared for that text. Very long texts (one-off bulk statements) are not kept.
 */
import type BetterSqlite3 from 'better-sqlite3';

/** What kysely's SqliteDialect needs of a connection. */
export interface SqliteConnectionLike {
  prepare(sql: string): BetterSqlite3.Statement;
  close(): void;
}

export interface StatementCacheOptions {
  /** Statements kept (default 200). */
  maxStatements?: number;
  /** Longest SQL text kept, in characters (default 100,000). */
  maxTextLength?: number;
}

export function withStatementCache(connection: BetterSqlite3.Database, options: StatementCacheOptions = {}): SqliteConnectionLike {
  const maxStatements = options.maxStatements ?? 200;
  const maxTextLength = options.maxTextLength ?? 100_000;
  const statements = new Map<string, BetterSqlite3.Statement>(); // insertion order = least recently used first

  return {
    prepare(sql) {
      const cached = statements.get(sql);
      if (cached && !cached.busy) {
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = connection.prepare(sql);
      if (cached || sql.length > maxTextLength) return statement; // the cached one is busy, or the text is a one-off
      statements.set(sql, statement);
      if (statements.size > maxStatements) statements.delete(statements.keys().next().value!);
      return statement;
    },
    close() {
      statements.clear();
      connection.close();
    },
  };
}
