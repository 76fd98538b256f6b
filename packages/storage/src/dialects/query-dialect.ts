/**
 * The SQL fragments filters and sorts need that SQLite and PostgreSQL spell differently.
 * Used only by ../query/; each dialect implements it in its own `*-query.ts` file.
 * Every fragment that takes values binds them as parameters.
 */
import type { RawBuilder } from 'kysely';
import type { StorageKind } from '@multitable/core';
import type { Executor } from '../database';

export type SqlFragment = RawBuilder<unknown>;

/** `%needle%` for LIKE with `\` as the escape character: the needle's own `%`, `_` and `\` escaped. */
export function substringPattern(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

export interface QueryDialect {
  /** `expression` under code-point collation (SQLite's BINARY, PostgreSQL's "C"): for `<`, ranges and ORDER BY. */
  codePointText(expression: SqlFragment): SqlFragment;
  /** `expression` with A–Z lower-cased and nothing else changed. */
  asciiLower(expression: SqlFragment): SqlFragment;
  /**
   * True when `needle` (a plain substring: `%`, `_` and `\` match themselves) occurs in `text`,
   * A–Z matching either case and nothing else folded — core's "contains". Spelled as the
   * dialect's case-blind LIKE, whose selectivity the planner can estimate (PostgreSQL chose a
   * whole-index walk for `strpos(lower(…)) > 0`, guessed to match a third of the rows).
   */
  containsTextIgnoringAsciiCase(text: SqlFragment, needle: string): SqlFragment;
  /** A canonical value bound as a parameter, typed so the comparison it sits in is well defined. */
  parameter(kind: StorageKind, value: unknown): SqlFragment;
  /** The JSON column holds `[]`. */
  jsonArrayIsEmpty(column: SqlFragment): SqlFragment;
  /** The JSON array column has a string element equal to one of `values` (non-null column). */
  jsonArrayHasAny(column: SqlFragment, values: readonly string[]): SqlFragment;
  /** … has every one of `values` among its string elements. */
  jsonArrayHasAll(column: SqlFragment, values: readonly string[]): SqlFragment;
  /** … holds exactly the set `values` (repeats and order ignored). */
  jsonArraySetEquals(column: SqlFragment, values: readonly string[]): SqlFragment;
  /** Sort key of a JSON column: its JSON text in code-point order. */
  jsonSortText(column: SqlFragment): SqlFragment;
  /** The JSON array of objects (non-null column) has an item whose string property `key` is one of `values`. */
  jsonObjectsHaveAny(column: SqlFragment, key: string, values: readonly string[]): SqlFragment;
  /** … has an item whose string property `key`, A–Z lower-cased, contains `needle` (already lower-cased). */
  jsonObjectsTextContains(column: SqlFragment, key: string, needle: string): SqlFragment;
  /**
   * Sort key of a JSON array of objects: the JSON text (as JSON.stringify writes it, code-point
   * order) of the array of their `key` properties, in array order; NULL for NULL or `[]`.
   */
  jsonPropertiesSortText(column: SqlFragment, key: string): SqlFragment;
  /**
   * True when `outer` equals `self` of some row of `FROM <from> WHERE <where>` (`outer` must be
   * qualified: `from` may have a column of the same name). Two-valued when `self` is never NULL.
   * SQLite spells it `IN (SELECT …)`, which its planner always runs by reading that list first;
   * PostgreSQL `EXISTS (…)`, which it plans as a semi- or anti-join from either side.
   */
  linkedTo(outer: SqlFragment, self: SqlFragment, from: SqlFragment, where: SqlFragment): SqlFragment;
  /**
   * The planner's estimate of the rows the SELECT `query` returns (PostgreSQL: EXPLAIN, from its
   * statistics, for the price of planning it). Absent where there is none worth asking (SQLite):
   * callers count instead (query/filter-scope.ts).
   */
  estimateRows?(executor: Executor, query: SqlFragment): Promise<number>;
}
