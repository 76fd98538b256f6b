/**
 * A kanban board's columns and what moving a card means, from core and the server's group
 * counts: a column per value of the stacking field that records hold (the server's groups, so
 * counts obey the view's filter and the user's permissions), plus — for fields with choices —
 * every choice not used yet, in the choices' order; the empty column first. A column reads its
 * cards with the view's filter and one condition more; dropping a card writes the column's value.
 */
import { isWritable, type CellEnvironment } from '../../grid/cell-values';
import { canonicalOf } from '../../grid/cell-values';
import { layoutFieldTypes, type FilterCondition, type FilterGroup } from '@multitable/core';
import type { ApiField } from '../../api/tables';
import { choicesOf, profileOf } from '../filter/filter-model';

export interface KanbanColumn {
  /** Stable identity: the canonical value as JSON ('null' for the empty column). */
  key: string;
  /** The value as the API shows it (null: empty). */
  value: unknown;
  /** Records in the column, from the server's counts (0 for an unused choice). */
  count: number;
}

/** Fields a board can stack by: those core lets a kanban be built on (`layoutFieldTypes`), writable. */
export function stackableFields(fields: readonly ApiField[]): ApiField[] {
  const accepted: readonly string[] = layoutFieldTypes.groupFieldId;
  return fields.filter((field) => accepted.includes(field.type) && isWritable(field));
}

export function kanbanColumns(field: ApiField, groups: ReadonlyArray<{ key: unknown[]; count: number }>, env: CellEnvironment): KanbanColumn[] {
  const keyOf = (value: unknown) => JSON.stringify(canonicalOf(field, value, env));
  const columns = new Map<string, KanbanColumn>([['null', { key: 'null', value: null, count: 0 }]]);
  for (const choice of choicesOf(field)) columns.set(keyOf(choice), { key: keyOf(choice), value: choice, count: 0 });
  for (const group of groups) {
    const value = group.key[0] ?? null;
    const key = value === null ? 'null' : keyOf(value);
    columns.set(key, { key, value, count: (columns.get(key)?.count ?? 0) + group.count });
  }
  return [...columns.values()];
}

/** The filter of a column's cards: the view's filter and the column's value. */
export function columnFilter(field: ApiField, column: KanbanColumn, viewFilter: FilterGroup | null, env: CellEnvironment): FilterGroup {
  const many = profileOf(field)?.values === 'textList';
  const condition: FilterCondition =
    column.value === null ? { field: field.id, operator: 'isEmpty' } : { field: field.id, operator: many ? 'isExactly' : 'is', value: canonicalOf(field, column.value, env) };
  return { conjunction: 'and', conditions: viewFilter ? [viewFilter, condition] : [condition] };
}

/** What to write into the stacking field when a card is dropped into `column`. */
export function columnValue(field: ApiField, column: KanbanColumn, env: CellEnvironment): unknown {
  return canonicalOf(field, column.value, env);
}

/** Where a card goes in the table's manual order: before a card, or after one. */
export interface CardPlacement {
  before?: string;
  after?: string;
}

/**
 * The move that puts `movingId` at `index` of a column's cards `ids` (in their shown order,
 * `index` counted before the drop, so `ids.length` is the end): before the card at `index`, or
 * after the last one. Null when nothing moves: the card dropped where it already is, or into a
 * column with no other card to be next to.
 */
export function dropPlacement(ids: readonly string[], movingId: string, index: number): CardPlacement | null {
  const from = ids.indexOf(movingId);
  if (from >= 0 && (index === from || index === from + 1)) return null;
  const target = ids[index];
  if (target !== undefined) return { before: target };
  const last = ids.filter((id) => id !== movingId).at(-1);
  return last === undefined ? null : { after: last };
}
