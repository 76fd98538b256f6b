/**
 * A select's choices renamed or removed: the cells and the views follow, in the same transaction
 * as the options change — as in Airtable and Bitable, a renamed choice is renamed in every
 * record that holds it and a removed one leaves them. The field type says how its values follow
 * (core's `followsChoices`); this finds the cells holding an old name with an indexed filter and
 * rewrites only those. Like a computed refresh this is not a change of the records: their
 * version and modified time stay, and no cell history is written (the field's own change is the
 * schema's).
 */
import {
  choiceChanges,
  getFieldType,
  isFilterGroupLike,
  nameAfterChoiceChanges,
  resolveFilter,
  type ChoiceChanges,
  type Field,
  type FilterCondition,
  type FilterGroup,
  type SelectOptions,
  type ViewConfig,
} from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../../platform';
import type { TableContext } from './table-lookup';

/** Records read per page while collecting the cells to rewrite. */
const pageSize = 10_000;

/** Rewrites the cells of `before` that name a renamed or removed choice; the changes, or undefined when there were none. */
export async function followChoiceChanges(platform: Platform, trx: store.Trx, context: TableContext, before: Field, after: Field): Promise<ChoiceChanges | undefined> {
  const follows = getFieldType(before.type).followsChoices;
  if (!follows || !store.hasOwnColumn(before)) return undefined;
  const changes = choiceChanges(before.options as SelectOptions, after.options as SelectOptions);
  if (!changes) return undefined;
  const { dialect } = platform.database;
  const oldNames = [...changes.renamed.keys(), ...changes.removed];
  const predicate = resolveFilter({ conjunction: 'and', conditions: [{ field: before.id, operator: follows.operator, value: oldNames }] }, context.fields, {
    now: new Date(),
    timeZone: context.timeZone,
  });
  const where = store.compileFilter(predicate, store.tableScope(dialect));
  // Every holder is found before any is rewritten: a rewritten cell may still match (names swapped).
  const found: Array<{ id: string; value: unknown }> = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await store.listRecords(trx, dialect, context.table, context.fields, { where, fieldIds: [before.id], limit: pageSize, offset });
    for (const record of page) found.push({ id: record.id, value: record.values[before.id] });
    if (page.length < pageSize) break;
  }
  const cells = found.map(({ id, value }) => ({ id, value: value === null || value === undefined ? null : follows.rewrite(value as never, changes) }));
  for (let start = 0; start < cells.length; start += pageSize) await store.writeCellsUnstamped(trx, dialect, after, cells.slice(start, start + pageSize));
  return changes;
}

function renamedOperand(value: unknown, changes: ChoiceChanges): unknown {
  if (typeof value === 'string') return nameAfterChoiceChanges(value, changes) ?? undefined;
  if (Array.isArray(value)) return value.flatMap((item) => (typeof item === 'string' ? (nameAfterChoiceChanges(item, changes) ?? []) : [item]));
  return value;
}

function groupFollowing(group: FilterGroup, fieldId: string, changes: ChoiceChanges): FilterGroup {
  return {
    conjunction: group.conjunction,
    conditions: group.conditions.map((node) => {
      if (isFilterGroupLike(node)) return groupFollowing(node as FilterGroup, fieldId, changes);
      const condition = node as FilterCondition;
      if (condition.field !== fieldId || condition.value === undefined) return condition;
      const value = renamedOperand(condition.value, changes);
      // An operand naming only removed choices is left empty: an inactive condition, as in the builder.
      return value === undefined ? { field: condition.field, operator: condition.operator } : { ...condition, value };
    }),
  };
}

/** The view's filter with the field's renamed choices renamed in its operands and removed ones taken out. */
export function viewConfigAfterChoiceChanges(config: ViewConfig, fieldId: string, changes: ChoiceChanges): ViewConfig {
  return config.filter ? { ...config, filter: groupFollowing(config.filter, fieldId, changes) } : config;
}
