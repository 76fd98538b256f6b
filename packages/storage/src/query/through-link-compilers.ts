/**
 * The predicate primitives a lookup can answer through its link (./through-link.ts), one entry
 * per primitive, each exactly its JSON-list twin of compile-filter.ts (and core's evaluator):
 *
 *   arrayHasAny [v…]  the list has one of v…  ⇔ some linked record's cell holds one of v…
 *   arrayHasAll [v…]  the list has each v     ⇔ for each v, some linked record's cell holds v
 *
 * Each is read from one `IN (subquery)` per linked-record condition. Their negations
 * (hasNoneOf …) are compile-filter's `NOT` around these, exact because both sides are
 * two-valued. An empty operand list, or a primitive or target not listed here, is not read
 * through the link: compile-filter reads the lookup's own column. (`arraySetEquals` is not
 * listed: its "nothing else" half is a subquery as large as the table.) Elements compare as in
 * the JSON list — exactly, byte for byte (PostgreSQL under "C", which is also what lets the
 * target's index serve the comparison).
 */
import { sql } from 'kysely';
import type { Predicate, PredicateOf, PredicateType } from '@multitable/core';
import type { SqlFragment } from '../dialects/query-dialect';
import type { QueryScope } from './query-scope';
import { linkedCell, linkedRecordsWhere, throughLinkPath, throughLinkSource, type ElementKind, type ThroughLinkPath } from './through-link';

interface ElementTests {
  /** The cell adds to the list an element equal to one of `values` (non-empty). */
  holdsAnyOf(cell: SqlFragment, values: readonly string[], scope: QueryScope): SqlFragment;
}

const texts = (values: readonly string[], scope: QueryScope) => sql.join(values.map((value) => scope.dialect.query.parameter('text', value)));

const elementTests: Readonly<Record<ElementKind, ElementTests>> = {
  // A text cell is one element when not NULL (the lookup skips only NULL cells); NULL is never IN.
  text: { holdsAnyOf: (cell, values, scope) => sql`${scope.dialect.query.codePointText(cell)} IN (${texts(values, scope)})` },
  // A list cell adds its elements; its string elements are what arrayHasAny reads.
  textList: { holdsAnyOf: (cell, values, scope) => sql`(${cell} IS NOT NULL AND ${scope.dialect.query.jsonArrayHasAny(cell, values)})` },
};

interface ThroughLinkEntry<T extends PredicateType> {
  /** Conditions on a linked record's target cell, one per subquery; undefined when not read through the link. */
  conditions(p: PredicateOf<T>, path: ThroughLinkPath, scope: QueryScope): SqlFragment[] | undefined;
  /** The primitive from its subqueries (`IN`s, in the order of `conditions`). */
  combine(subqueries: readonly SqlFragment[]): SqlFragment;
}

const holds = (values: readonly string[], path: ThroughLinkPath, scope: QueryScope) => elementTests[path.element].holdsAnyOf(linkedCell(path), values, scope);

const throughLinkEntries: { readonly [T in PredicateType]?: ThroughLinkEntry<T> } = {
  arrayHasAny: {
    conditions: (p, path, scope) => (p.values.length === 0 ? undefined : [holds(p.values, path, scope)]),
    combine: ([only]) => only!,
  },
  arrayHasAll: {
    conditions: (p, path, scope) => (p.values.length === 0 ? undefined : [...new Set(p.values)].map((value) => holds([value], path, scope))),
    combine: (subqueries) => sql`(${sql.join([...subqueries], sql` AND `)})`,
  },
};

/** A condition that can be read through a lookup's link: its path and its linked-record conditions. */
export interface ThroughLinkRead {
  readonly path: ThroughLinkPath;
  readonly conditions: readonly SqlFragment[];
}

/** How `predicate` (one primitive) can be read through a lookup's link, or undefined. */
export function throughLinkRead(predicate: Predicate, scope: QueryScope): ThroughLinkRead | undefined {
  const entry = throughLinkEntries[predicate.type] as ThroughLinkEntry<PredicateType> | undefined;
  if (!entry || !('target' in predicate)) return undefined;
  const path = throughLinkPath(predicate.target, scope);
  const conditions = path ? entry.conditions(predicate as PredicateOf<PredicateType>, path, scope) : undefined;
  return path && conditions ? { path, conditions } : undefined;
}

/**
 * `predicate` read through a lookup's link, or undefined when it is not one that can be, or the
 * scope says not to (`readsThroughLink`: a condition matching too many linked records).
 */
export function compileThroughLink(predicate: Predicate, scope: QueryScope): SqlFragment | undefined {
  if (scope.readsThroughLink && !scope.readsThroughLink(predicate)) return undefined;
  const read = throughLinkRead(predicate, scope);
  if (!read) return undefined;
  const entry = throughLinkEntries[predicate.type] as ThroughLinkEntry<PredicateType>;
  return entry.combine(read.conditions.map((condition) => linkedRecordsWhere(read.path, scope, condition)));
}

/** The primitives of `predicate` (under and / or / not) that could be read through a link, with the link and target they read. */
export function throughLinkCandidates(predicate: Predicate): Array<{ node: Predicate; linkFieldId: string; targetFieldId: string }> {
  const found: Array<{ node: Predicate; linkFieldId: string; targetFieldId: string }> = [];
  const visit = (node: Predicate): void => {
    if (node.type === 'and' || node.type === 'or') node.items.forEach(visit);
    else if (node.type === 'not') visit(node.item);
    else if ('target' in node && throughLinkEntries[node.type] !== undefined) {
      const source = throughLinkSource(node.target);
      if (source) found.push({ node, ...source });
    }
  };
  visit(predicate);
  return found;
}
