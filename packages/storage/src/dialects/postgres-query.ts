/**
 * PostgreSQL's spelling of the query fragments. Text is put under the "C" collation wherever
 * order or case matters (code-point order, and `lower()` that folds ASCII only); JSON columns
 * are JSONB, queried with `?|`, `?&`, `@>` and `<@` (kysely numbers parameters `$n`, so `?`
 * in these operators is never taken for a placeholder). Parameters are cast to the type they
 * are compared with, so a number never meets a BIGINT parser and a list never becomes an array
 * literal.
 */
import { sql } from 'kysely';
import type { StorageKind } from '@multitable/core';
import { substringPattern, type QueryDialect, type SqlFragment } from './query-dialect';

const parameterTypes: Record<StorageKind, string> = {
  text: 'TEXT',
  number: 'DOUBLE PRECISION',
  integer: 'DOUBLE PRECISION',
  boolean: 'BOOLEAN',
  json: 'JSONB',
};

const textArray = (values: readonly string[]) => sql`ARRAY[${sql.join(values.map((value) => sql`CAST(${value} AS TEXT)`))}]`;

const textParameter = (value: string) => sql`CAST(${value} AS TEXT)`;

/** The current `jsonb_array_elements` item `je.v` has a string property `key`. */
const stringProperty = (key: string) => sql`jsonb_typeof(je.v -> ${textParameter(key)}) = 'string'`;

export const postgresQuery: QueryDialect = {
  codePointText: (expression) => sql`(${expression}) COLLATE "C"`,
  asciiLower: (expression) => sql`lower((${expression}) COLLATE "C")`,
  // ILIKE under "C" folds A–Z only, as lower() under "C" does; `\` is PostgreSQL's default escape.
  containsTextIgnoringAsciiCase: (text, needle) => sql`(${text}) COLLATE "C" ILIKE ${textParameter(substringPattern(needle))}`,
  parameter(kind, value) {
    if (value === null || value === undefined) return sql`NULL`;
    const bound = kind === 'json' ? JSON.stringify(value) : value;
    return sql`CAST(${bound} AS ${sql.raw(parameterTypes[kind])})`;
  },
  jsonArrayIsEmpty: (column) => sql`${column} = '[]'::jsonb`,
  jsonArrayHasAny: (column, values) => sql`${column} ?| ${textArray(values)}`,
  jsonArrayHasAll: (column, values) => sql`${column} ?& ${textArray(values)}`,
  jsonArraySetEquals(column, values) {
    const set = JSON.stringify(values);
    return sql`(${column} @> CAST(${set} AS JSONB) AND ${column} <@ CAST(${set} AS JSONB))`;
  },
  jsonSortText: (column) => sql`(${column})::text COLLATE "C"`,
  jsonObjectsHaveAny: (column, key, values) =>
    sql`EXISTS (SELECT 1 FROM jsonb_array_elements(${column}) AS je(v) WHERE ${stringProperty(key)} AND (je.v ->> ${textParameter(key)}) IN (${sql.join(values.map(textParameter))}))`,
  jsonObjectsTextContains: (column, key, needle) =>
    sql`EXISTS (SELECT 1 FROM jsonb_array_elements(${column}) AS je(v) WHERE ${stringProperty(key)} AND strpos(lower((je.v ->> ${textParameter(key)}) COLLATE "C"), ${textParameter(needle)}) > 0)`,
  jsonPropertiesSortText: (column, key) =>
    sql`(CASE WHEN ${column} IS NULL OR ${column} = '[]'::jsonb THEN NULL ELSE ((SELECT jsonb_agg(je.v -> ${textParameter(key)} ORDER BY je.n) FROM jsonb_array_elements(${column}) WITH ORDINALITY AS je(v, n)))::text END) COLLATE "C"`,
  // EXISTS, not IN: `NOT IN (SELECT …)` is never an anti-join here (NULL rules), it hashes the whole list.
  linkedTo: (outer, self, from, where) => sql`EXISTS (SELECT 1 FROM ${from} WHERE ${self} = ${outer} AND ${where})`,
  async estimateRows(executor, query) {
    const { rows } = await sql<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>`EXPLAIN (FORMAT JSON) ${query}`.execute(executor);
    return Number(rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? Number.POSITIVE_INFINITY);
  },
};
