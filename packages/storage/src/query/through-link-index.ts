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
import { getField } from '../schema/field-meta';
import { tableScope } from './query-scope';
import { throughLinkPath, throughLinkSource } from './through-link';

/** Indexes what a filter on `field` (of the table whose fields are `fields`) reads, when it is read through its link. */
export async function ensureThroughLinkIndex(executor: Executor, dialect: SqlDialect, field: Field, fields: readonly Field[]): Promise<void> {
  const target = { field, kind: fieldPlacement(field).kind };
  const source = throughLinkSource(target);
  const linked = source ? await getField(executor, source.targetFieldId) : undefined;
  if (!linked) return;
  const path = throughLinkPath(target, tableScope(dialect, undefined, [...fields, linked]));
  if (!path) return;
  await ensureFieldIndex(executor, dialect, linked.tableId, linked);
  if (path.junction.selfColumn === 'owner_id') {
    const table = path.junction.table;
    await userDb(executor).schema.createIndex(`ix_${table}_linked_owner`).ifNotExists().on(table).columns(['linked_id', 'owner_id']).execute();
  }
}
