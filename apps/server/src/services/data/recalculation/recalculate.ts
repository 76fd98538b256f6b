/**
 * The recalculation executor (DESIGN §4): after a change, every computed value it feeds is
 * brought up to date in the same transaction, in dependency order, touching only affected
 * records. Seeds are the cells the change wrote (field id → record ids; for a link field, the
 * records whose membership changed, on both sides). Each computed field in the graph's order
 * collects its affected records — same-record inputs that changed, records whose link changed,
 * records linking to changed targets — computes them, and what actually changed seeds the next.
 * Values read through links are updated from the linked records that changed where that is
 * exact (a sum, a count, a link cell's titles: ./compute-field.ts), else computed again.
 */
import type { Field, FieldComputer, FormatContext } from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../../../platform';
import { buildFormatContext } from '../format-context';
import { ChangedCells, type LinkedNow, type PreviousValues } from './changed-cells';
import { computeField, type FieldReach, type Recalled } from './compute-field';
import { LinkedCounts } from './linked-counts';
import { LinkedReads } from './linked-reads';
import type { LinkReach } from './linked-updates';
import { loadBaseSchema, type BaseSchema } from './base-schema';
import type { RecordCache } from './record-cache';

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

/**
 * `known`: what the caller read in this transaction already — the format context it built, the
 * base's schema version when nothing in the transaction changed the schema since (else both are read here).
 */
export async function loadSchemaForChange(
  platform: Platform,
  trx: store.Executor,
  baseId: string,
  timeZone: string,
  known: { format?: FormatContext; schemaVersion?: string } = {},
): Promise<BaseSchema> {
  const format = known.format ?? (await buildFormatContext(trx, { timeZone }));
  return loadBaseSchema(trx, baseId, { now: new Date(platform.clock()), timeZone, format }, known.schemaVersion);
}

/** Outbox events telling subscribers which computed cells changed. */
export function recalculationEvents(changes: readonly ComputedChange[]) {
  return changes.map((change) => ({
    tableId: change.tableId,
    type: 'records.recalculated',
    payload: { tableId: change.tableId, fieldId: change.fieldId, recordIds: change.recordIds },
  }));
}

export interface RecalculationOptions {
  /**
   * Seed fields whose cells the caller has computed and written already (a background fill
   * computes its field from the page it read); their seeds are the ids that changed, and the
   * executor starts from what reads them.
   */
  computed?: ReadonlySet<string>;
  /**
   * Given by record writes: the values the written and deleted cells had before. With it, values
   * read through links may be updated from the changed records alone (./compute-field.ts), and
   * seeds of link fields are membership changes (else, as for fills, seeds are computed fully).
   */
  previous?: PreviousValues;
  /** With `previous`: the link cells the caller wrote (both sides), with the ids each links to now. */
  linkedNow?: LinkedNow;
  /** Rows the caller wrote in this transaction, read from here and kept as stored (./record-cache.ts). */
  held?: RecordCache;
}

/**
 * The records of `field` a change reached, and how: seeded (a link's membership changed when
 * `membershipSeeds`, else new records or a fill), a same-record input changed, the link cell
 * changed, or a linked record's cell the field reads changed (with which linked records).
 */
async function reachOf(
  trx: store.Executor,
  schema: BaseSchema,
  field: Field,
  computer: FieldComputer,
  change: { seeds: DirtyCells; dirty: DirtyCells; membershipSeeds: boolean },
): Promise<FieldReach> {
  const reach: FieldReach = { full: new Set(), links: new Map() };
  const through = (linkFieldId: string): LinkReach => {
    const found = reach.links.get(linkFieldId) ?? { members: new Set<string>(), changedLinked: new Map<string, Set<string>>() };
    reach.links.set(linkFieldId, found);
    return found;
  };
  const seeded = change.seeds.get(field.id) ?? [];
  if (change.membershipSeeds && field.type === 'link') for (const id of seeded) through(field.id).members.add(id);
  else for (const id of seeded) reach.full.add(id);
  for (const dependency of computer.dependencies) {
    if (dependency.kind === 'sameRecord') {
      for (const id of change.dirty.get(dependency.fieldId) ?? []) reach.full.add(id);
      continue;
    }
    const link = through(dependency.linkFieldId);
    // (A link's own cell is reached through its seeds, above.)
    if (dependency.linkFieldId !== field.id) for (const id of change.dirty.get(dependency.linkFieldId) ?? []) link.members.add(id);
    const changedTargets = dependency.targetFieldId ? change.dirty.get(dependency.targetFieldId) : undefined;
    if (!changedTargets || changedTargets.size === 0) continue;
    for (const { recordId, linkedId } of await store.linkPairs(trx, schema.fieldsById.get(dependency.linkFieldId)!, [...changedTargets])) {
      const linked = link.changedLinked.get(recordId) ?? new Set<string>();
      linked.add(linkedId);
      link.changedLinked.set(recordId, linked);
    }
  }
  return reach;
}

/** Brings every computed value the seeds feed up to date (see the module header). */
export async function recalculate(
  trx: store.Executor,
  dialect: store.SqlDialect,
  schema: BaseSchema,
  seeds: DirtyCells,
  options: RecalculationOptions = {},
): Promise<ComputedChange[]> {
  if (schema.computers.size === 0 || seeds.size === 0) return [];
  const dirty: DirtyCells = new Map([...seeds].map(([fieldId, ids]) => [fieldId, new Set(ids)]));
  const { computed, previous } = options;
  const changed = new ChangedCells(previous, options.linkedNow);
  const changes: ComputedChange[] = [];
  const recalled: Recalled = { counts: new LinkedCounts(), linked: new LinkedReads(schema), ...(options.held ? { records: options.held } : {}) };

  // Computed fields that read nothing (a formula such as RECORD_ID() or TODAY()) are not in the
  // graph's order; seeded (new records, a fill), they are computed first — they read nothing computed.
  const order = schema.graph.recalculationOrder(seeds.keys());
  const ordered = new Set(order.map((node) => node.id));
  const independent = [...seeds.keys()].filter((id) => schema.computers.has(id) && !ordered.has(id)).map((id) => schema.graph.fields.get(id)!);
  for (const node of [...independent, ...order]) {
    if (computed?.has(node.id)) continue;
    const field = schema.fieldsById.get(node.id)!;
    const computer = schema.computers.get(node.id)!;
    const reach = await reachOf(trx, schema, field, computer, { seeds, dirty, membershipSeeds: previous !== undefined });
    const changedIds = await computeField(trx, dialect, schema, field, computer, reach, changed, dirty, recalled);
    if (changedIds.length > 0) {
      addDirty(dirty, field.id, changedIds);
      changes.push({ tableId: field.tableId, fieldId: field.id, recordIds: changedIds });
    }
  }
  await options.held?.flush(trx, dialect);
  return changes;
}
