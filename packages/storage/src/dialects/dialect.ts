/**
 * What differs between SQLite and PostgreSQL, and nothing else. Every other storage module
 * is dialect-neutral and asks this interface. Add a method here rather than testing `name`.
 */
import type { Kysely, RawBuilder } from 'kysely';
import type { StorageKind } from '@multitable/core';
import type { QueryDialect } from './query-dialect';

export type DialectName = 'sqlite' | 'postgres';

/**
 * Many rows of one table updated with their own values (records/bulk-update.ts):
 * `UPDATE table SET column = <row's value>, …, extraSets WHERE key = <row's key>` for each row.
 */
export interface RowUpdates {
  table: string;
  /** The column rows are matched on, and its SQL type. */
  key: { column: string; type: string };
  /** Columns written, with their SQL types (each value is cast to it). */
  columns: ReadonlyArray<{ column: string; type: string }>;
  /** Each row's key, then one encoded parameter per column, in column order. */
  rows: ReadonlyArray<{ key: unknown; params: readonly unknown[] }>;
  /** Assignments applied to every row (version bump, modified time …). */
  extraSets: readonly RawBuilder<unknown>[];
}

export interface SqlDialect {
  readonly name: DialectName;
  /** SQL column type for a field's storage kind. */
  columnType(kind: StorageKind): string;
  /** Canonical cell value → bound parameter. `null` stays null. */
  encode(kind: StorageKind, value: unknown): unknown;
  /** Column value as the driver returns it → canonical cell value (null for empty). */
  decode(kind: StorageKind, raw: unknown): unknown;
  /** Column type and flags for an auto-incrementing integer primary key. */
  readonly serialType: 'integer' | 'bigserial';
  readonly serialNeedsAutoIncrement: boolean;
  /** Checks the durability settings the design requires; throws naming the one that is off. */
  assertSettings(db: Kysely<any>): Promise<void>;
  /** Most bound parameters one statement may carry; multi-row writes are chunked under it. */
  readonly maxParameters: number;
  /** Column type of fractional-indexing keys (`row_order`): must sort by bytes, like JS `<`. */
  readonly orderKeyColumnType: string;
  /** True when `SELECT … FOR UPDATE` exists (PostgreSQL); SQLite serializes writers instead. */
  readonly supportsRowLocks: boolean;
  /** True when an INSERT may sit in a WITH of another statement (PostgreSQL), so two writes take one round trip. */
  readonly supportsInsertInWith: boolean;
  /** True when `error` is the driver's unique / primary-key violation. */
  isUniqueViolation(error: unknown): boolean;
  /** Column names of a table in the current schema, in definition order ([] when no such table). */
  listColumns(db: Kysely<any>, tableName: string): Promise<string[]>;
  /** True when an index of this name exists in the current schema. */
  indexExists(db: Kysely<any>, indexName: string): Promise<boolean>;
  /** An index key ordered ascending with NULLs first, the order compileOrderBy sorts in. */
  nullsFirstIndexKey(key: RawBuilder<unknown>): RawBuilder<unknown>;
  /** An index key ordered descending with NULLs last, the order compileOrderBy sorts `desc` in. */
  nullsLastDescendingIndexKey(key: RawBuilder<unknown>): RawBuilder<unknown>;
  /**
   * Where a row is, physically — SQLite's `rowid`, PostgreSQL's `ctid` — and its SQL type. Valid
   * only inside the transaction that read it: a row updated since (on PostgreSQL, by a concurrent
   * transaction) no longer matches, so a write keyed on it never overwrites a newer version.
   */
  readonly rowLocator: { column: string; type: string };
  /**
   * True when an UPDATE writes a new version of the row — on the same page only when the page has
   * room (PostgreSQL's MVCC). See records/table-walk.ts for how a walk updating every row of a
   * table uses it.
   */
  readonly updatesWriteRowVersions: boolean;
  /**
   * Gathers the planner's statistics of a table that has none or stale ones (PostgreSQL, by
   * autovacuum's rule: ./postgres-statistics.ts); SQLite plans without them and is left as it is.
   */
  refreshStaleStatistics(db: Kysely<any>, tableName: string): Promise<void>;
  /**
   * Takes `count` ids of `table`'s serial `id` column that no later insert is given by default,
   * ascending (in the caller's transaction). They are consecutive unless a concurrent writer took
   * ids in between (PostgreSQL); SQLite serializes writers, so there they always are.
   */
  reserveSerialIds(db: Kysely<any>, table: string, count: number): Promise<number[]>;
  /** Runs `updates` in as few statements as this dialect does it fastest. */
  updateRows(executor: Kysely<any>, updates: RowUpdates): Promise<void>;
  /** SQL fragments of filters and sorts (packages/storage/src/query). */
  readonly query: QueryDialect;
}
