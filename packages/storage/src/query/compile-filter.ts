/**
 * compileFilter(predicate, scope) → a kysely boolean expression for `.where(…)`.
 *
 *   const predicate = resolveFilter(view.filter, fields, { me, now: new Date(), timeZone });
 *   db.selectFrom('t_tbl_…').selectAll().where(compileFilter(predicate, tableScope(dialect)))
 *
 * One SQL rendering per predicate primitive of @multitable/core, each the twin of the in-memory
 * evaluator's (core/src/filters/evaluate-predicate.ts) and two-valued: never SQL NULL, so `NOT`
 * means what it means in JavaScript. Values are always bound parameters; the only identifiers are
 * the columns `scope.column` names from ids; the only literals are constants of this file.
 * A condition on a lookup that its link can answer exactly is compiled through the link instead
 * (./through-link-compilers.ts) when the scope knows the fields it reaches (./filter-scope.ts).
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { asciiLower, type ComparisonOperator, type Predicate, type PredicateOf, type PredicateTarget, type PredicateType, type ScalarOperand } from '@multitable/core';
import type { SqlFragment } from '../dialects/query-dialect';
import type { QueryScope } from './query-scope';
import { compileThroughLink } from './through-link-compilers';

type Compilers = { readonly [T in PredicateType]: (predicate: PredicateOf<T>, scope: QueryScope) => SqlFragment };

const comparisonSql: Readonly<Record<ComparisonOperator, SqlFragment>> = {
  '=': sql`=`,
  '<': sql`<`,
  '<=': sql`<=`,
  '>': sql`>`,
  '>=': sql`>=`,
};

function column(target: PredicateTarget, scope: QueryScope): SqlFragment {
  return sql.ref(scope.column(target.field));
}

/** The cell is empty: NULL, and defensively '' for text and [] for JSON. */
function isEmpty(target: PredicateTarget, scope: QueryScope): SqlFragment {
  const cell = column(target, scope);
  if (target.kind === 'text') return sql`(${cell} IS NULL OR ${cell} = '')`;
  if (target.kind === 'json') return sql`(${cell} IS NULL OR ${scope.dialect.query.jsonArrayIsEmpty(cell)})`;
  return sql`(${cell} IS NULL)`;
}

/** The cell holds a value: the guard in front of every value test, which makes it two-valued. */
function isPresent(target: PredicateTarget, scope: QueryScope): SqlFragment {
  const cell = column(target, scope);
  if (target.kind === 'text') return sql`${cell} IS NOT NULL AND ${cell} <> ''`;
  if (target.kind === 'json') return sql`${cell} IS NOT NULL AND NOT (${scope.dialect.query.jsonArrayIsEmpty(cell)})`;
  return sql`${cell} IS NOT NULL`;
}

function operandKind(value: ScalarOperand) {
  return typeof value === 'string' ? 'text' : typeof value === 'number' ? 'number' : 'boolean';
}

/**
 * The cell, ready to be compared with `value`: text under code-point order. Equality would need
 * no collation (byte-equal under any deterministic one), but is put under it too: the index a
 * view builds on a text field is keyed by that expression (physical/field-index.ts), and
 * PostgreSQL uses an expression index only for the same expression.
 */
function comparable(target: PredicateTarget, scope: QueryScope, value: ScalarOperand, comparison: ComparisonOperator): SqlFragment {
  const cell = column(target, scope);
  const ordered = typeof value === 'string' && (comparison !== '=' || target.kind === 'text');
  return ordered ? scope.dialect.query.codePointText(cell) : cell;
}

function bound(scope: QueryScope, value: ScalarOperand): SqlFragment {
  return scope.dialect.query.parameter(operandKind(value), value);
}

function compileRange(p: PredicateOf<'range'>, scope: QueryScope): SqlFragment {
  const parts = [isPresent(p.target, scope)];
  if (p.from !== undefined) parts.push(sql`${comparable(p.target, scope, p.from, '>=')} >= ${bound(scope, p.from)}`);
  if (p.to !== undefined) parts.push(sql`${comparable(p.target, scope, p.to, '<')} < ${bound(scope, p.to)}`);
  return sql`(${sql.join(parts, sql` AND `)})`;
}

const compilers: Compilers = {
  const: (p) => (p.value ? sql`(1 = 1)` : sql`(1 = 0)`),
  and: (p, scope) => sql`(${sql.join(p.items.map((item) => compileNode(item, scope)), sql` AND `)})`,
  or: (p, scope) => sql`(${sql.join(p.items.map((item) => compileNode(item, scope)), sql` OR `)})`,
  not: (p, scope) => sql`(NOT ${compileNode(p.item, scope)})`,
  empty: (p, scope) => isEmpty(p.target, scope),
  compare: (p, scope) =>
    sql`(${isPresent(p.target, scope)} AND ${comparable(p.target, scope, p.value, p.comparison)} ${comparisonSql[p.comparison]} ${bound(scope, p.value)})`,
  in(p, scope) {
    const values = p.values.map((value) => bound(scope, value));
    // Text under code-point collation, as in `comparable`: same matches, and the view's index serves it.
    const cell = p.target.kind === 'text' ? scope.dialect.query.codePointText(column(p.target, scope)) : column(p.target, scope);
    return sql`(${isPresent(p.target, scope)} AND ${cell} IN (${sql.join(values)}))`;
  },
  textContains(p, scope) {
    const contains = scope.dialect.query.containsTextIgnoringAsciiCase(column(p.target, scope), asciiLower(p.value));
    return sql`(${isPresent(p.target, scope)} AND ${contains})`;
  },
  arrayHasAny: (p, scope) =>
    sql`(${isPresent(p.target, scope)} AND ${scope.dialect.query.jsonArrayHasAny(column(p.target, scope), p.values)})`,
  arrayHasAll: (p, scope) =>
    sql`(${isPresent(p.target, scope)} AND ${scope.dialect.query.jsonArrayHasAll(column(p.target, scope), p.values)})`,
  arraySetEquals: (p, scope) =>
    sql`(${isPresent(p.target, scope)} AND ${scope.dialect.query.jsonArraySetEquals(column(p.target, scope), p.values)})`,
  objectArrayHasAny: (p, scope) =>
    sql`(${isPresent(p.target, scope)} AND ${scope.dialect.query.jsonObjectsHaveAny(column(p.target, scope), p.key, p.values)})`,
  objectArrayTextContains: (p, scope) =>
    sql`(${isPresent(p.target, scope)} AND ${scope.dialect.query.jsonObjectsTextContains(column(p.target, scope), p.key, asciiLower(p.value))})`,
  range: compileRange,
};

function compileNode(predicate: Predicate, scope: QueryScope): SqlFragment {
  const throughLink = compileThroughLink(predicate, scope);
  if (throughLink) return throughLink;
  return (compilers[predicate.type] as (p: Predicate, s: QueryScope) => SqlFragment)(predicate, scope);
}

/** The predicate as a boolean SQL expression for `.where(…)`; see the file header. */
export function compileFilter(predicate: Predicate, scope: QueryScope): RawBuilder<SqlBool> {
  return compileNode(predicate, scope) as RawBuilder<SqlBool>;
}
