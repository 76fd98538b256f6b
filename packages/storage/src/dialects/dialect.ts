/**
 * What differs between SQLite and PostgreSQL, and nothing else. Every other storage module
 * is dialect-neutral and asks this interface. Add a method here rather than testing `name`.
 */
import type { Kysely, RawBuilder } from 'kysely';
import type { StorageKind } from '@multitable/core';
import type { QueryDialect } from './query-dialect';

export type DialectName = 'sqlite' | 'postgres';

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
  /** SQL fragments of filters and sorts (packages/storage/src/query). */
  readonly query: QueryDialect;
}
