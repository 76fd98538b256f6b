/**
 * The recalculation executor (DESIGN §4): after a change, every computed value it feeds is
 * brought up to date in the same transaction, in dependency order, touching only affected
 * records. Seeds are the cells the change wrote (field id → record ids; for a link field, the
 * records whose membership changed, on both sides). Each computed field in the graph's order
 * collects its affected records — same-record inputs that changed, records whose link changed,
 * records linking to changed targets — computes them, and what actually changed seeds the next.
 */
import * as store from '@multitable/storage';
import type { Platform } from '../../../platform';
import { buildFormatContext } from '../format-context';
import { computeField } from './compute-field';
import { loadBaseSchema, type BaseSchema } from './base-schema';

/** Field id → ids of records whose cell in that field changed. */
export type DirtyCells = Map<string, Set<string>>;

export interface ComputedChange {
  tableId: string;
  fieldId: string;
  recordIds: string[];
}

export function addDirty(dirty: DirtyCells, fieldId: string, recordIds: Iterable<string>): void {
  const set = dirty.get(fieldId) ?? new Set<string>();
  for (const id of recordIds) set.add(id);
  if (set.size > 0) dirty.set(fieldId, set);
}

export async function loadSchemaForChange(platform: Platform, trx: store.Executor, baseId: string, timeZone: string): Promise<BaseSchema> {
  return loadBaseSchema(trx, baseId, { now: new Date(platform.clock()), timeZone, format: await buildFormatContext(trx, timeZone) });
}

/** Outbox events telling subscribers which computed cells changed. */
export function recalculationEvents(changes: readonly ComputedChange[]) {
  return changes.map((change) => ({
    tableId: change.tableId,
    type: 'records.recalculated',
    payload: { tableId: change.tableId, fieldId: change.fieldId, recordIds: change.recordIds },
  }));
}

export async function recalculate(
  trx: store.Executor,
  dialect: store.SqlDialect,
  schema: BaseSchema,
  seeds: DirtyCells,
): Promise<ComputedChange[]> {
  if (schema.computers.size === 0 || seeds.size === 0) return [];
  const dirty: DirtyCells = new Map([...seeds].map(([fieldId, ids]) => [fieldId, new Set(ids)]));
  const changes: ComputedChange[] = [];

  // Computed fields that read nothing (a formula such as RECORD_ID() or TODAY()) are not in the
  // graph's order; seeded (new records, a fill), they are computed first — they read nothing computed.
  const order = schema.graph.recalculationOrder(seeds.keys());
  const ordered = new Set(order.map((node) => node.id));
  const independent = [...seeds.keys()].filter((id) => schema.computers.has(id) && !ordered.has(id)).map((id) => schema.graph.fields.get(id)!);
  for (const node of [...independent, ...order]) {
    const field = schema.fieldsById.get(node.id)!;
    const computer = schema.computers.get(node.id)!;
    // A computed field among the seeds (a link whose membership changed) starts from those records.
    const affected = new Set<string>(seeds.get(field.id) ?? []);
    for (const dependency of computer.dependencies) {
      if (dependency.kind === 'sameRecord') {
        for (const id of dirty.get(dependency.fieldId) ?? []) affected.add(id);
        continue;
      }
      for (const id of dirty.get(dependency.linkFieldId) ?? []) affected.add(id);
      const changedTargets = dependency.targetFieldId ? dirty.get(dependency.targetFieldId) : undefined;
      if (changedTargets && changedTargets.size > 0) {
        const link = schema.fieldsById.get(dependency.linkFieldId)!;
        for (const id of await store.recordsLinkingTo(trx, link, [...changedTargets])) affected.add(id);
      }
    }
    const changed = await computeField(trx, dialect, schema, field, computer, [...affected]);
    if (changed.length > 0) {
      addDirty(dirty, field.id, changed);
      changes.push({ tableId: field.tableId, fieldId: field.id, recordIds: changed });
    }
  }
  return changes;
}
