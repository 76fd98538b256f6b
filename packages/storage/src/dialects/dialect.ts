/**
 * What differs between SQLite and PostgreSQL, and nothing else. Every other storage module
 * is dialect-neutral and asks this interface. Add a method here rather than testing `name`.
 */
import type { Kysely } from 'kysely';
import type { StorageKind } from '@multitable/core';

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
}
