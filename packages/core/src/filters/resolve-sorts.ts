/**
 * Resolves a sort list: each `{ field, direction }` names a field exactly (by id or name) that
 * the caller may see and whose type can be sorted. At most `maxSorts` levels; a field may be
 * sorted once. The result says which cell to read and how SQL orders it (see QueryProfile.sort).
 */
import type { Field } from '../fields/field';
import { findField } from './field-reference';
import { maxSorts, type SortDirection } from './filter-tree';
import { invalidFilter } from './operand-context';
import type { PredicateTarget } from './predicate';
import { queryProfileOf, targetOf, type SortKey } from './query-profiles';

export interface ResolvedSort {
  readonly target: PredicateTarget;
  readonly direction: SortDirection;
  /** How SQL orders the column: by its value, or (JSON string arrays) by their JSON text. */
  readonly key: Exclude<SortKey, 'none'>;
}

export interface ResolveSortsOptions {
  /** JSON path of the list in the caller's input. Default `sorts`. */
  path?: string;
}

export function resolveSorts(sorts: unknown, fields: readonly Field[], options: ResolveSortsOptions = {}): ResolvedSort[] {
  const path = options.path ?? 'sorts';
  if (sorts === null || sorts === undefined) return [];
  if (!Array.isArray(sorts)) throw invalidFilter(path, 'Expected an array of sorts');
  if (sorts.length > maxSorts) throw invalidFilter(path, `At most ${maxSorts} sorts are allowed`);
  const seen = new Set<string>();
  return sorts.map((sort: unknown, index) => {
    const itemPath = `${path}[${index}]`;
    if (sort === null || typeof sort !== 'object' || Array.isArray(sort)) {
      throw invalidFilter(itemPath, 'Expected { field, direction }');
    }
    const { field: reference, direction, ...rest } = sort as Record<string, unknown>;
    const extra = Object.keys(rest)[0];
    if (extra !== undefined) throw invalidFilter(`${itemPath}.${extra}`, `Unexpected property "${extra}"`);
    const field = findField(reference, fields, `${itemPath}.field`);
    if (direction !== 'asc' && direction !== 'desc') throw invalidFilter(`${itemPath}.direction`, 'Expected "asc" or "desc"');
    const key = queryProfileOf(field, `${itemPath}.field`).sort;
    if (key === 'none') throw invalidFilter(`${itemPath}.field`, `Field "${field.name}" cannot be sorted`, { field: field.id });
    if (seen.has(field.id)) throw invalidFilter(`${itemPath}.field`, `Field "${field.name}" is sorted twice`, { field: field.id });
    seen.add(field.id);
    return { target: targetOf(field), direction, key };
  });
}
