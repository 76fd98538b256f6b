/**
 * SQLite's spelling of the query fragments. Text compares by bytes already (BINARY), `lower()`
 * folds ASCII only, JSON columns are TEXT written by JSON.stringify and read with `json_each`.
 */
import { sql } from 'kysely';
import { substringPattern, type QueryDialect, type SqlFragment } from './query-dialect';

const list = (values: readonly string[]) => sql.join(values.map((value) => sql`${value}`));

function elements(column: SqlFragment) {
  return sql`json_each(${column}) AS je`;
}

/** The current `json_each` item is an object whose property `key` is a string. */
function stringProperty(key: string): SqlFragment {
  return sql`je.type = 'object' AND json_type(je.value -> ${key}) = 'text'`;
}

function hasAll(column: SqlFragment, values: readonly string[]): SqlFragment {
  return sql`(SELECT COUNT(DISTINCT je.value) FROM ${elements(column)} WHERE je.type = 'text' AND je.value IN (${list(values)})) = ${values.length}`;
}

const maxLikePatternBytes = 50_000;

export const sqliteQuery: QueryDialect = {
  codePointText: (expression) => expression,
  asciiLower: (expression) => sql`lower(${expression})`,
  // SQLite's LIKE is case-blind for A–Z only (case_sensitive_like stays off). It refuses patterns
  // over 50,000 bytes (SQLITE_MAX_LIKE_PATTERN_LENGTH); operands may be up to 100,000 characters.
  containsTextIgnoringAsciiCase(text, needle) {
    const pattern = substringPattern(needle);
    if (new TextEncoder().encode(pattern).length > maxLikePatternBytes) return sql`instr(lower(${text}), ${needle}) > 0`;
    return sql`${text} LIKE ${pattern} ESCAPE '\\'`;
  },
  parameter(kind, value) {
    if (value === null || value === undefined) return sql`NULL`;
    if (kind === 'json') return sql`${JSON.stringify(value)}`;
    if (kind === 'boolean') return sql`${value ? 1 : 0}`;
    return sql`${value}`;
  },
  jsonArrayIsEmpty: (column) => sql`${column} = '[]'`,
  jsonArrayHasAny: (column, values) =>
    sql`EXISTS (SELECT 1 FROM ${elements(column)} WHERE je.type = 'text' AND je.value IN (${list(values)}))`,
  jsonArrayHasAll: hasAll,
  jsonArraySetEquals: (column, values) =>
    sql`(NOT EXISTS (SELECT 1 FROM ${elements(column)} WHERE je.type <> 'text' OR je.value NOT IN (${list(values)})) AND ${hasAll(column, values)})`,
  jsonSortText: (column) => column,
  // `->` / `->>` with a text label read `$.<label>` (SQLite ≥ 3.38); the label is bound, never spliced.
  jsonObjectsHaveAny: (column, key, values) =>
    sql`EXISTS (SELECT 1 FROM ${elements(column)} WHERE ${stringProperty(key)} AND (je.value ->> ${key}) IN (${list(values)}))`,
  jsonObjectsTextContains: (column, key, needle) =>
    sql`EXISTS (SELECT 1 FROM ${elements(column)} WHERE ${stringProperty(key)} AND instr(lower(je.value ->> ${key}), ${needle}) > 0)`,
  jsonPropertiesSortText: (column, key) =>
    sql`(CASE WHEN ${column} IS NULL OR ${column} = '[]' THEN NULL ELSE (SELECT json_group_array(je.value ->> ${key} ORDER BY je.key) FROM ${elements(column)}) END)`,
  // A correlated EXISTS would run once per row of the table; the IN list is read once, then rows by id.
  linkedTo: (outer, self, from, where) => sql`(${outer} IN (SELECT ${self} FROM ${from} WHERE ${where}))`,
};
