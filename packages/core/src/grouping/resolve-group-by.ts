/**
 * Resolves a group-by list: `[{ field, direction? }]`, one to three levels, each naming a field
 * exactly (by id or name, ../filters/field-reference.ts) whose type can be sorted and grouped.
 * A level is a sort level — same target, same SQL sort key — so groups come out in the order
 * `compareRecords` would list their records. Attachments (profile `groupable: false`) and
 * unsortable types are refused; a field may be grouped once.
 */
import type { Field } from '../fields/field';
import { findField } from '../filters/field-reference';
import type { SortDirection } from '../filters/filter-tree';
import { invalidFilter } from '../filters/operand-context';
import { queryProfileOf, targetOf } from '../filters/query-profiles';
import type { ResolvedSort } from '../filters/resolve-sorts';

export const maxGroupLevels = 3;

/** One level of grouping: a resolved sort whose direction orders the groups. */
export type ResolvedGroupLevel = ResolvedSort;

export interface GroupBySpec {
  field: string;
  /** Default `asc`. */
  direction?: SortDirection;
}

export interface ResolveGroupByOptions {
  /** JSON path of the list in the caller's input. Default `groupBy`. */
  path?: string;
}

export function resolveGroupBy(groupBy: unknown, fields: readonly Field[], options: ResolveGroupByOptions = {}): ResolvedGroupLevel[] {
  const path = options.path ?? 'groupBy';
  if (!Array.isArray(groupBy) || groupBy.length === 0) throw invalidFilter(path, `Expected an array of 1 to ${maxGroupLevels} group levels`);
  if (groupBy.length > maxGroupLevels) throw invalidFilter(path, `At most ${maxGroupLevels} group levels are allowed`);
  const seen = new Set<string>();
  return groupBy.map((level: unknown, index) => {
    const itemPath = `${path}[${index}]`;
    if (level === null || typeof level !== 'object' || Array.isArray(level)) throw invalidFilter(itemPath, 'Expected { field, direction }');
    const { field: reference, direction = 'asc', ...rest } = level as Record<string, unknown>;
    const extra = Object.keys(rest)[0];
    if (extra !== undefined) throw invalidFilter(`${itemPath}.${extra}`, `Unexpected property "${extra}"`);
    const field = findField(reference, fields, `${itemPath}.field`);
    if (direction !== 'asc' && direction !== 'desc') throw invalidFilter(`${itemPath}.direction`, 'Expected "asc" or "desc"');
    const profile = queryProfileOf(field, `${itemPath}.field`);
    if (profile.sort === 'none' || profile.groupable === false) {
      throw invalidFilter(`${itemPath}.field`, `Records cannot be grouped by field "${field.name}"`, { field: field.id });
    }
    if (seen.has(field.id)) throw invalidFilter(`${itemPath}.field`, `Field "${field.name}" is grouped twice`, { field: field.id });
    seen.add(field.id);
    return { target: targetOf(field), direction, key: profile.sort };
  });
}
