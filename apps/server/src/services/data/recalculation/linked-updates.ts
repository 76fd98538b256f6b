/**
 * Planning updates of values read through links from the linked records that changed alone
 * (FieldComputer.update): for each record reached, which linked records were added, taken away
 * or changed, with their cells before (what the stored value counted) and now. Membership comes
 * from the link cell's old and new value (rewritten earlier in this recalculation), or — for the
 * link field itself — from its stored cell and the junction; old cells from ./changed-cells.ts.
 *
 * Only the changed linked records are read (taken from the rows the recalculation holds when it
 * holds them all: ./record-cache.ts), and only the cells the field reads. A record whose changes
 * cannot be told exactly (an old value not known, too many linked records changed) is left to a
 * full computation, as is everything when more than `maxLinkedReads` records changed.
 */
import type { ComputedRecord, Field, FieldComputer, LinkedRecordChange } from '@multitable/core';
import * as store from '@multitable/storage';
import type { BaseSchema } from './base-schema';
import type { ChangedCells } from './changed-cells';
import { readRecords, type RecordCache } from './record-cache';

/** Linked records read to update one field from its changes; past this, it is computed from all its inputs. */
export const maxLinkedReads = 5_000;

/** How a computed field's records were reached through one link field. */
export interface LinkReach {
  /** Records whose membership through the link changed. */
  members: Set<string>;
  /** Record id → linked records whose cells the field reads changed. */
  changedLinked: Map<string, Set<string>>;
}

export interface PlannedUpdate {
  changes: LinkedRecordChange[];
  /** Link field id → the ids linked now, in link order (where the membership changed). */
  linkedIds: Map<string, readonly string[]>;
}

export interface LinkedUpdatePlan {
  updates: Map<string, PlannedUpdate>;
  /** Records to compute from all their inputs instead. */
  full: Set<string>;
}

/** Link field id → fields of the linked table the computer reads through it. */
export function fieldsReadThroughLinks(computer: FieldComputer): Map<string, Set<string>> {
  const through = new Map<string, Set<string>>();
  for (const dependency of computer.dependencies) {
    if (dependency.kind !== 'viaLink') continue;
    const targets = through.get(dependency.linkFieldId) ?? new Set<string>();
    if (dependency.targetFieldId) targets.add(dependency.targetFieldId);
    through.set(dependency.linkFieldId, targets);
  }
  return through;
}

function idsOfCell(value: unknown): string[] | undefined {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) return undefined;
  return value.map((item) => String((item as { id?: unknown }).id));
}

/**
 * The ids added and taken away between two lists of distinct ids. Past their common beginning
 * and end — all of it when one id was appended or removed — only the middles are compared.
 */
export function membershipDiff(before: readonly string[], now: readonly string[]): { added: string[]; removed: string[] } {
  let start = 0;
  while (start < before.length && start < now.length && before[start] === now[start]) start++;
  let endBefore = before.length;
  let endNow = now.length;
  while (endBefore > start && endNow > start && before[endBefore - 1] === now[endNow - 1]) {
    endBefore--;
    endNow--;
  }
  const gone = before.slice(start, endBefore);
  const come = now.slice(start, endNow);
  if (gone.length === 0 || come.length === 0) return { added: come, removed: gone };
  const old = new Set(gone);
  const current = new Set(come);
  return { added: come.filter((id) => !old.has(id)), removed: gone.filter((id) => !current.has(id)) };
}

interface Membership {
  added: string[];
  removed: string[];
  now: readonly string[] | undefined;
}

/** Membership changes per record through `link`; undefined for records whose change is not known. */
async function membershipChanges(
  trx: store.Executor,
  field: Field,
  link: Field,
  records: ReadonlyMap<string, store.StoredRecord>,
  reach: LinkReach,
  changed: ChangedCells,
): Promise<Map<string, Membership | undefined>> {
  const result = new Map<string, Membership | undefined>();
  const diff = (before: string[] | undefined, now: string[] | undefined): Membership | undefined => (before && now ? { ...membershipDiff(before, now), now } : undefined);
  const members = [...reach.members].filter((id) => records.has(id));
  if (link.id === field.id) {
    // The link cell itself: its stored value against the membership now (as the writer of the
    // membership said, else read from the junction).
    const unsaid = members.filter((id) => !changed.linkedNow(link.id, id));
    const read = unsaid.length === 0 ? new Map<string, string[]>() : await store.linkedRecordIds(trx, link, unsaid);
    for (const id of members) result.set(id, diff(idsOfCell(records.get(id)!.values[link.id]), [...(changed.linkedNow(link.id, id) ?? read.get(id) ?? [])]));
    return result;
  }
  for (const id of members) {
    if (!changed.knows(link.id)) result.set(id, undefined);
    else {
      const after = changed.after(link.id, id);
      // No new value: the link cell was computed again and stayed the same.
      if (after) result.set(id, diff(idsOfCell(changed.before(link.id, id)?.value), idsOfCell(after.value)));
    }
  }
  return result;
}

/**
 * Plans updates of `field` for `records` (its own rows, read with their stored value), reached
 * through links as `reached` says. `dirty` is every cell changed so far in this recalculation.
 */
export async function planLinkedUpdates(
  trx: store.Executor,
  dialect: store.SqlDialect,
  schema: BaseSchema,
  field: Field,
  computer: FieldComputer,
  records: ReadonlyMap<string, store.StoredRecord>,
  reached: ReadonlyMap<string, LinkReach>,
  changed: ChangedCells,
  dirty: ReadonlyMap<string, ReadonlySet<string>>,
  held?: RecordCache,
): Promise<LinkedUpdatePlan> {
  const plan: LinkedUpdatePlan = { updates: new Map(), full: new Set() };
  const through = fieldsReadThroughLinks(computer);
  const perLink: Array<{ link: Field; targets: Field[]; membership: Map<string, Membership | undefined>; reach: LinkReach }> = [];
  let reads = 0;
  for (const [linkId, reach] of reached) {
    const link = schema.fieldsById.get(linkId);
    const targetIds = through.get(linkId);
    if (!link || !targetIds) continue;
    const membership = await membershipChanges(trx, field, link, records, reach, changed);
    for (const change of membership.values()) reads += change ? change.added.length + change.removed.length : 0;
    for (const linked of reach.changedLinked.values()) reads += linked.size;
    perLink.push({ link, targets: [...targetIds].map((id) => schema.fieldsById.get(id)!), membership, reach });
  }
  if (reads > maxLinkedReads) {
    for (const id of records.keys()) plan.full.add(id);
    return plan;
  }

  for (const { link, targets, membership, reach } of perLink) {
    const toRead = new Set<string>();
    for (const change of membership.values()) for (const id of [...(change?.added ?? []), ...(change?.removed ?? [])]) toRead.add(id);
    for (const linked of reach.changedLinked.values()) for (const id of linked) toRead.add(id);
    const current = new Map<string, ComputedRecord>();
    if (targets.length > 0) {
      const linkedTableId = store.linkedTableIdOf(link);
      const rows = await readRecords(trx, dialect, held, linkedTableId, targets, [...toRead]);
      for (const row of rows) current.set(row.id, row);
    } else {
      // Nothing read but membership: which records are linked is all that counts.
      for (const id of toRead) current.set(id, { id, values: {}, createdTime: '', modifiedTime: '' });
    }

    /** The linked record as the stored value counted it; undefined when an old cell is not known. */
    const before = (id: string): ComputedRecord | undefined => {
      const now = current.get(id);
      const values: Record<string, unknown> = {};
      for (const target of targets) {
        const old = changed.before(target.id, id);
        if (old) values[target.id] = old.value;
        else if (dirty.get(target.id)?.has(id) || !now) return undefined;
        else values[target.id] = now.values[target.id];
      }
      return { id, values, createdTime: now?.createdTime ?? '', modifiedTime: now?.modifiedTime ?? '' };
    };

    for (const recordId of records.keys()) {
      if (plan.full.has(recordId)) continue;
      const planned: PlannedUpdate = plan.updates.get(recordId) ?? { changes: [], linkedIds: new Map() };
      const members = membership.has(recordId) ? membership.get(recordId) : { added: [], removed: [], now: undefined };
      if (!members) {
        plan.full.add(recordId);
        plan.updates.delete(recordId);
        continue;
      }
      const added = new Set(members.added);
      const changes: LinkedRecordChange[] = [];
      let known = true;
      for (const id of members.removed) {
        const old = before(id);
        if (old) changes.push({ linkFieldId: link.id, before: old });
        else known = false;
      }
      for (const id of members.added) {
        const now = current.get(id);
        if (now) changes.push({ linkFieldId: link.id, after: now });
        else known = false;
      }
      for (const id of reach.changedLinked.get(recordId) ?? []) {
        if (added.has(id)) continue;
        const [old, now] = [before(id), current.get(id)];
        if (old && now) changes.push({ linkFieldId: link.id, before: old, after: now });
        else known = false;
      }
      if (!known) {
        plan.full.add(recordId);
        plan.updates.delete(recordId);
        continue;
      }
      planned.changes.push(...changes);
      if (members.now) planned.linkedIds.set(link.id, members.now);
      plan.updates.set(recordId, planned);
    }
  }
  return plan;
}
