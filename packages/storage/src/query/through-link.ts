/**
 * A lookup asked through its link: the lookup's list is materialized as a JSON column, so a
 * condition on it is a scan of every row; the same question put to the linked table — "which
 * records link to a record whose target cell matches" — reads the target's index and the link's
 * junction instead:
 *
 *   id IN (SELECT lj.<self> FROM j_… AS lj JOIN t_<linked table> AS lx ON lx.id = lj.<other>
 *          WHERE <condition on lx's target column>)
 *
 * (spelled as EXISTS on PostgreSQL: the dialect's `linkedTo`).
 *
 * This module says *when* a lookup may be read that way and builds that subquery; which conditions
 * are asked so is ./through-link-compilers.ts. The rule is exactness: the lookup's list must be,
 * by construction, the non-empty target cells of its linked records (core's lookup computer), so
 *   - the lookup has no condition of its own (`filter` null) and no fill in progress (`filling`);
 *   - its link is a link field of its table, its target a field of the linked table, of the type
 *     its `targetShape` says (the list was computed for the target as it is);
 *   - the target is stored, not computed (no error values, nothing derived), in its own column:
 *     a text column (one element per cell) or a JSON list of strings (its elements flattened in).
 * Anything else returns undefined and the caller compiles the lookup's own column.
 */
import { getFieldType, hasQueryProfile, queryProfileOf, type Field, type FilterValueKind, type PredicateTarget, type StorageKind } from '@multitable/core';
import { sql } from 'kysely';
import type { SqlFragment } from '../dialects/query-dialect';
import { junctionOf, linkedTableIdOf, type Junction } from '../links/junction';
import { fieldPlacement } from '../physical/field-storage';
import { recordIdColumn, userTableName } from '../physical/naming';
import type { QueryScope } from './query-scope';

/** What one linked record's target cell adds to the lookup's list: itself, or its string elements. */
export type ElementKind = 'text' | 'textList';

export interface ThroughLinkPath {
  /** The table of the lookup, whose records are filtered. */
  readonly lookupTableId: string;
  readonly junction: Junction;
  readonly targetTable: string;
  readonly target: Field;
  readonly element: ElementKind;
}

/** Of a field that lists another table's values: which link and which target field it reads. */
interface LinkedList {
  readonly linkFieldId: string;
  readonly targetFieldId: string;
  readonly targetType: string;
}

/** Field types whose cell is a list of a linked table's values, keyed by type; only lookups so far. */
const linkedLists: Readonly<Record<string, (field: Field) => LinkedList | undefined>> = {
  lookup(field) {
    const options = field.options as { linkFieldId?: unknown; targetFieldId?: unknown; filter?: unknown; filling?: unknown; targetShape?: unknown };
    const shape = options.targetShape as { type?: unknown } | null | undefined;
    if (options.filter != null || options.filling != null || typeof shape?.type !== 'string') return undefined;
    if (typeof options.linkFieldId !== 'string' || typeof options.targetFieldId !== 'string') return undefined;
    return { linkFieldId: options.linkFieldId, targetFieldId: options.targetFieldId, targetType: shape.type };
  },
};

/** Element kinds by the target's filter profile and column kind; other targets are not read through links. */
const elementKinds: Partial<Record<FilterValueKind, Partial<Record<StorageKind, ElementKind>>>> = {
  text: { text: 'text' },
  date: { text: 'text' },
  textList: { json: 'textList' },
};

function elementKindOf(target: Field): ElementKind | undefined {
  if (getFieldType(target.type).computer !== undefined || !hasQueryProfile(target.type)) return undefined;
  const placement = fieldPlacement(target);
  if (!placement.own) return undefined;
  return elementKinds[queryProfileOf(target, 'filter').values]?.[placement.kind];
}

function linkedListOf(field: Field): LinkedList | undefined {
  return Object.hasOwn(linkedLists, field.type) ? linkedLists[field.type]!(field) : undefined;
}

/** The link and target field ids `target` may be read through (a lookup's): what the scope must know. */
export function throughLinkSource(target: PredicateTarget): { linkFieldId: string; targetFieldId: string } | undefined {
  return target.system ? undefined : linkedListOf(target.field);
}

/** How `target` (a predicate's) may be read through its link, or undefined (see the header). */
export function throughLinkPath(target: PredicateTarget, scope: QueryScope): ThroughLinkPath | undefined {
  if (!scope.fieldById || target.system) return undefined;
  const list = linkedListOf(target.field);
  if (!list) return undefined;
  const link = scope.fieldById(list.linkFieldId);
  const linked = scope.fieldById(list.targetFieldId);
  if (!link || !linked || link.type !== 'link' || link.tableId !== target.field.tableId) return undefined;
  if (linked.tableId !== linkedTableIdOf(link) || linked.type !== list.targetType) return undefined;
  const element = elementKindOf(linked);
  return element ? { lookupTableId: target.field.tableId, junction: junctionOf(link), targetTable: userTableName(linked.tableId), target: linked, element } : undefined;
}

/** The target cell of the linked record `lx`, inside linkedRecordsWhere's subquery. */
export function linkedCell(path: ThroughLinkPath): SqlFragment {
  return sql.ref(`lx.${fieldPlacement(path.target).column}`);
}

/** `FROM <junction> AS lj JOIN <linked table> AS lx` for one linked record per junction row. */
function linkedRows(path: ThroughLinkPath): SqlFragment {
  const { junction } = path;
  return sql`${sql.table(junction.table)} AS lj INNER JOIN ${sql.table(path.targetTable)} AS lx ON ${sql.ref(`lx.${recordIdColumn}`)} = ${sql.ref(`lj.${junction.otherColumn}`)}`;
}

/**
 * The scope's id column, qualified: unaliased, the query reads the table by its own name (the
 * lookup's table), and the subqueries below have an `id` column of their own.
 */
function outerId(path: ThroughLinkPath, scope: QueryScope): SqlFragment {
  const column = scope.idColumn ?? recordIdColumn;
  return sql.ref(column.includes('.') ? column : `${userTableName(path.lookupTableId)}.${column}`);
}

/**
 * True for the scope's records linked (through `path`) to at least one record meeting
 * `condition` (written over linkedCell). Two-valued: junction ids are never NULL.
 */
export function linkedRecordsWhere(path: ThroughLinkPath, scope: QueryScope, condition: SqlFragment): SqlFragment {
  return scope.dialect.query.linkedTo(outerId(path, scope), sql.ref(`lj.${path.junction.selfColumn}`), linkedRows(path), condition);
}

/** `SELECT 1` per link leading to a record meeting `condition`: what filter-scope.ts counts or estimates. */
export function linkedRowsSelect(path: ThroughLinkPath, condition: SqlFragment): SqlFragment {
  return sql`SELECT 1 AS one FROM ${linkedRows(path)} WHERE ${condition}`;
}
