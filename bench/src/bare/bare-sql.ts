/**
 * The bare-stack SQL ceiling: the same query the server answers, hand-written and run on the
 * plain driver (better-sqlite3 on the same file, or pg on the same database) from the harness.
 * Each dialect says how it spells the few things that differ; figures write SQL with `?`
 * placeholders and `{text}` sort keys, and `sqlFor` turns them into the dialect's spelling.
 */
export interface BareSql {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs a read and fetches every row; returns the rows. */
  all(sql: string, params?: readonly unknown[]): Promise<unknown[]>;
  /** Runs statements in one transaction that is rolled back (measures work without keeping it). */
  inRolledBackTransaction(statements: ReadonlyArray<{ sql: string; params?: readonly unknown[] }>): Promise<void>;
  /** Runs statements in one committed transaction. */
  inTransaction(statements: ReadonlyArray<{ sql: string; params?: readonly unknown[] }>): Promise<void>;
  /** Inserts rows (values in `columns` order, already encoded) in one transaction. */
  insertMany(table: string, columns: readonly string[], rows: ReadonlyArray<readonly unknown[]>): Promise<void>;
  /** Encodes a canonical cell value as this driver binds it (JSON text, booleans). */
  encode(value: unknown): unknown;
  close(): Promise<void>;
}

/** Milliseconds one call of `work` takes. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}
