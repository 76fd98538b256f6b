/**
 * The indexes a through-link filter reads (./through-link.ts), made when a view filters on a
 * lookup:
 *   - the lookup's target column in the linked table: the index a view filtering on the target
 *     itself would give it (physical/field-index.ts);
 *   - the junction from the linked side, covering: `(linked_id, owner_id)`, when the lookup's
 *     records are the owners — the junction's own `ix_…_linked` holds no owner ids, so each link
 *     would cost a row read. From the other side its primary key `(owner_id, linked_id)` covers.
 * Both go with their table (field index with its field, junction index with the junction).
 */
import type { Field } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { ensureFieldIndex } from '../physical/field-index';
import { userDb } from '../physical/executor';
import { fieldPlacement } from '../physical/field-storage';
import { refreshTableStatistics } from '../physical/table-statistics';
import { getField } from '../schema/field-meta';
import { tableScope } from './query-scope';
import { throughLinkPath, throughLinkSource, type ThroughLinkPath } from './through-link';

/** The path a filter on `field` is read through, with the lookup's target; undefined when it is not read through a link. */
async function pathOf(executor: Executor, dialect: SqlDialect, field: Field, fields: readonly Field[]): Promise<{ path: ThroughLinkPath; linked: Field } | undefined> {
  const target = { field, kind: fieldPlacement(field).kind };
  const source = throughLinkSource(target);
  const linked = source ? await getField(executor, source.targetFieldId) : undefined;
  if (!linked) return undefined;
  const path = throughLinkPath(target, tableScope(dialect, undefined, [...fields, linked]));
  return path ? { path, linked } : undefined;
}

/** Indexes what a filter on `field` (of the table whose fields are `fields`) reads, when it is read through its link. */
export async function ensureThroughLinkIndex(executor: Executor, dialect: SqlDialect, field: Field, fields: readonly Field[]): Promise<void> {
  const found = await pathOf(executor, dialect, field, fields);
  if (!found) return;
  await ensureFieldIndex(executor, dialect, found.linked.tableId, found.linked);
  if (found.path.junction.selfColumn === 'owner_id') {
    const table = found.path.junction.table;
    await userDb(executor).schema.createIndex(`ix_${table}_linked_owner`).ifNotExists().on(table).columns(['linked_id', 'owner_id']).execute();
  }
}

/**
 * Refreshes the planner's statistics of the linked table and the junction a filter on `field`
 * reads, when they have none or stale ones (physical/table-statistics.ts): it weighs the
 * subquery by them — how many linked records match, how many links each has.
 */
export async function refreshThroughLinkStatistics(executor: Executor, dialect: SqlDialect, field: Field, fields: readonly Field[]): Promise<void> {
  const found = await pathOf(executor, dialect, field, fields);
  if (!found) return;
  await refreshTableStatistics(executor, dialect, found.linked.tableId);
  await dialect.refreshStaleStatistics(userDb(executor), found.path.junction.table);
}
