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
 *
 * Rows of a SELECT that names its columns are read as arrays and made into objects by a function
 * made once for those names: better-sqlite3 building each row object natively costs about as much
 * again as running the statement (a 50-record page of 28 columns: 0.6 ms as objects, 0.3 ms this
 * way). A `*` in the text keeps the native objects: its columns change when the table does.
 */
import type BetterSqlite3 from 'better-sqlite3';

/** What kysely's SqliteDialect uses of a statement. */
export interface SqliteStatementLike {
  readonly reader: boolean;
  readonly busy: boolean;
  all(parameters: readonly unknown[]): unknown[];
  run(parameters: readonly unknown[]): BetterSqlite3.RunResult;
  iterate(parameters: readonly unknown[]): IterableIterator<unknown>;
}

/** What kysely's SqliteDialect needs of a connection. */
export interface SqliteConnectionLike {
  prepare(sql: string): SqliteStatementLike;
  close(): void;
}

type RowMaker = (values: readonly unknown[]) => Record<string, unknown>;

/**
 * `(values) => ({ name0: values[0], … })`, built by assigning the names in order — every row of
 * the statement gets the same object shape, so V8 keeps one hidden class for them (no code is
 * generated from strings: RELIABILITY forbids eval and the Function constructor). A later
 * column of the same name wins, as in better-sqlite3's own objects.
 */
function rowMakerFor(names: readonly string[]): RowMaker {
  return (values) => {
    const row: Record<string, unknown> = {};
    for (let index = 0; index < names.length; index++) {
      const name = names[index]!;
      // Our statements name their columns (ids, f_…); a "__proto__" would set the prototype instead.
      if (name === '__proto__') Object.defineProperty(row, name, { value: values[index], enumerable: true, writable: true, configurable: true });
      else row[name] = values[index];
    }
    return row;
  };
}

/** A statement whose SELECT rows are read as arrays and made into objects by its row maker. */
class NamedColumnsStatement implements SqliteStatementLike {
  private makeRow: RowMaker | undefined;
  constructor(private readonly statement: BetterSqlite3.Statement) {}
  get reader(): boolean {
    return this.statement.reader;
  }
  get busy(): boolean {
    return this.statement.busy;
  }
  all(parameters: readonly unknown[]): unknown[] {
    this.makeRow ??= rowMakerFor(this.statement.columns().map((column) => column.name));
    let rows: unknown[][];
    try {
      rows = this.statement.raw(true).all(parameters) as unknown[][];
    } finally {
      this.statement.raw(false); // iterate() (streamed reads) hands out native objects
    }
    return rows.map(this.makeRow);
  }
  run(parameters: readonly unknown[]): BetterSqlite3.RunResult {
    return this.statement.run(parameters);
  }
  iterate(parameters: readonly unknown[]): IterableIterator<unknown> {
    return this.statement.iterate(parameters);
  }
}

function wrap(statement: BetterSqlite3.Statement, sql: string): SqliteStatementLike {
  return statement.reader && !sql.includes('*') ? new NamedColumnsStatement(statement) : statement;
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
  const statements = new Map<string, SqliteStatementLike>(); // insertion order = least recently used first

  return {
    prepare(sql) {
      const cached = statements.get(sql);
      if (cached && !cached.busy) {
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = wrap(connection.prepare(sql), sql);
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
