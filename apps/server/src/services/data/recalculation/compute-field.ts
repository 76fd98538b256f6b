/**
 * Computes one computed field for the records a change reached and writes the values that
 * changed. Returns the ids whose value changed, and records their old and new values in
 * `changed` (what reads this field may then be updated from them).
 *
 * Two ways, per record:
 * - **update** (records reached only through links, by a field whose computer has `update`): the
 *   stored value and the linked records that changed — added, taken away, or with changed cells —
 *   give the new value (./linked-updates.ts). A sum over 10,000 visits takes away the old fee and
 *   adds the new one; a link cell gets the new member's title appended.
 * - **full**: the field's computer over every input — same-record cells, and through links the
 *   linked records' cells, read by one join per link with only the columns the computer reads, in
 *   pages of at most `maxLinkedPerPage` linked records so a fill holds a bounded amount in memory.
 *   What one recalculation has read or written is not read again (`Recalled`): the rows its
 *   caller wrote (./record-cache.ts), link counts (./linked-counts.ts) and a page of stored linked
 *   cells other fields read through the same link (./linked-reads.ts).
 * An update that cannot be exact (the computer says so, or an old value is not known) falls back
 * to full. A field being filled (`filling`) is always computed in full: its stored values are not
 * all current yet; so is one that reads the clock (a condition on "today"): its stored value may
 * be from yesterday, and only a full computation gives today's.
 */
import { fieldReadsClock, type ComputedRecord, type Field, type FieldComputer } from '@multitable/core';
import * as store from '@multitable/storage';
import type { BaseSchema } from './base-schema';
import type { ChangedCells } from './changed-cells';
import { fieldsReadThroughLinks, planLinkedUpdates, type LinkReach } from './linked-updates';
import type { LinkedCounts } from './linked-counts';
import type { LinkedReads } from './linked-reads';
import { readRecords, type RecordCache } from './record-cache';

/** Linked records held in memory at once by a full computation (one record with more is read alone). */
export const maxLinkedPerPage = 20_000;

/** The records of a field a change reached, and how. */
export interface FieldReach {
  /** Records to compute from all their inputs (new records, fills, same-record inputs changed). */
  full: Set<string>;
  /** Per link field the computer reads through: records reached through it (see LinkReach). */
  links: Map<string, LinkReach>;
}

interface CellChange {
  id: string;
  before: unknown;
  after: unknown;
}

const isFilling = (field: Field) => Boolean((field.options as { filling?: unknown }).filling);

function ownFieldsOf(schema: BaseSchema, field: Field, computer: FieldComputer): Field[] {
  const ids = new Set<string>([field.id]);
  for (const dependency of computer.dependencies) if (dependency.kind === 'sameRecord') ids.add(dependency.fieldId);
  return [...ids].map((id) => schema.fieldsById.get(id)!);
}

function changeOf(id: string, before: unknown, value: unknown): CellChange | undefined {
  const after = value === undefined ? null : value;
  return store.sameCellValue(after, before ?? null) ? undefined : { id, before: before ?? null, after };
}

/** `ids` in order, cut into pages holding at most `limit` linked records each (a record holding more is a page alone). */
export function pagesByCount(ids: readonly string[], counts: ReadonlyMap<string, number>, limit: number): string[][] {
  const pages: string[][] = [];
  let page: string[] = [];
  let held = 0;
  for (const id of ids) {
    const count = counts.get(id) ?? 0;
    if (page.length > 0 && held + count > limit) {
      pages.push(page);
      page = [];
      held = 0;
    }
    page.push(id);
    held += count;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** What one recalculation keeps between its fields instead of reading again. */
export interface Recalled {
  /** Rows the caller wrote (./record-cache.ts). */
  records?: RecordCache;
  counts: LinkedCounts;
  linked: LinkedReads;
}

/** Pages of `ids` holding at most `maxLinkedPerPage` linked records each (by the junctions' counts). */
async function pagesOf(trx: store.Executor, schema: BaseSchema, through: ReadonlyMap<string, unknown>, ids: readonly string[], linkedCounts: LinkedCounts): Promise<string[][]> {
  if (through.size === 0 || ids.length <= 1) return ids.length === 0 ? [] : [[...ids]];
  const counts = new Map<string, number>();
  for (const linkId of through.keys()) {
    const counted = await linkedCounts.of(trx, schema.fieldsById.get(linkId)!, ids);
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + (counted.get(id) ?? 0));
  }
  return pagesByCount(ids, counts, maxLinkedPerPage);
}

/**
 * Writes the changes of `field` and keeps the records held in memory as stored; changes of held
 * records only wait in the cache, to be written with the table's other computed cells (./record-cache.ts).
 */
async function writeChanges(trx: store.Executor, dialect: store.SqlDialect, field: Field, changes: readonly CellChange[], held: RecordCache | undefined): Promise<void> {
  const cells = changes.map((change) => ({ id: change.id, value: change.after }));
  if (held?.holdsAll(field.tableId, cells.map((cell) => cell.id))) return held.defer(field, cells);
  await store.writeComputedCells(trx, dialect, field, cells);
  held?.written(field, cells);
}

/** Computes `ids` from all their inputs, page by page, writing each page's changes. */
async function computeFully(
  trx: store.Executor,
  dialect: store.SqlDialect,
  schema: BaseSchema,
  field: Field,
  computer: FieldComputer,
  ids: readonly string[],
  recalled: Recalled,
): Promise<CellChange[]> {
  const held = recalled.records;
  const own = ownFieldsOf(schema, field, computer);
  const through = fieldsReadThroughLinks(computer);
  const changes: CellChange[] = [];
  for (const page of await pagesOf(trx, schema, through, ids, recalled.counts)) {
    const rows = await readRecords(trx, dialect, held, field.tableId, own, page);
    const linked = new Map<string, Map<string, ComputedRecord[]>>();
    for (const [linkId, targetIds] of through) {
      const targets = [...targetIds].map((id) => schema.fieldsById.get(id)!);
      const link = schema.fieldsById.get(linkId)!;
      const ids = rows.map((row) => row.id);
      await held?.flush(trx, dialect, store.linkedTableIdOf(link)); // its computed cells may be read
      linked.set(linkId, await recalled.linked.cells(trx, dialect, link, ids, targets));
    }
    const pageChanges: CellChange[] = [];
    for (const row of rows) {
      const value = computer.compute({ record: row, linked: (linkId) => linked.get(linkId)?.get(row.id) ?? [] });
      const change = changeOf(row.id, row.values[field.id], value);
      if (change) pageChanges.push(change);
    }
    await writeChanges(trx, dialect, field, pageChanges, held);
    changes.push(...pageChanges);
  }
  return changes;
}

/** Updates what can be updated from linked changes; returns the changes and the records left to compute fully. */
async function updateFromLinks(
  trx: store.Executor,
  dialect: store.SqlDialect,
  schema: BaseSchema,
  field: Field,
  computer: FieldComputer,
  reach: FieldReach,
  changed: ChangedCells,
  dirty: ReadonlyMap<string, ReadonlySet<string>>,
  held: RecordCache | undefined,
): Promise<{ changes: CellChange[]; full: string[] }> {
  const candidates = new Set<string>();
  for (const link of reach.links.values()) {
    for (const id of link.members) candidates.add(id);
    for (const id of link.changedLinked.keys()) candidates.add(id);
  }
  for (const id of reach.full) candidates.delete(id);
  if (candidates.size === 0 || !computer.update || isFilling(field) || fieldReadsClock(field, schema.fieldsById)) return { changes: [], full: [...candidates] };

  // Locked: two changes updating the same stored value one after the other, never from the same old one.
  const rows = await readRecords(trx, dialect, held, field.tableId, ownFieldsOf(schema, field, computer), [...candidates], { lock: true });
  const records = new Map(rows.map((row) => [row.id, row]));
  const plan = await planLinkedUpdates(trx, dialect, schema, field, computer, records, reach.links, changed, dirty, held);
  const changes: CellChange[] = [];
  const full = [...plan.full];
  for (const [id, planned] of plan.updates) {
    if (planned.changes.length === 0 && planned.linkedIds.size === 0) continue; // nothing it reads changed
    const row = records.get(id)!;
    const current = row.values[field.id] ?? null;
    const updated = computer.update({ record: row, current, changes: planned.changes, linkedIds: (linkId) => planned.linkedIds.get(linkId) });
    if (!updated) {
      full.push(id);
      continue;
    }
    const change = changeOf(id, current, updated.value);
    if (change) changes.push(change);
  }
  await writeChanges(trx, dialect, field, changes, held);
  return { changes, full };
}

export async function computeField(
  trx: store.Executor,
  dialect: store.SqlDialect,
  schema: BaseSchema,
  field: Field,
  computer: FieldComputer,
  reach: FieldReach,
  changed: ChangedCells,
  dirty: ReadonlyMap<string, ReadonlySet<string>>,
  recalled: Recalled,
): Promise<string[]> {
  const updated = await updateFromLinks(trx, dialect, schema, field, computer, reach, changed, dirty, recalled.records);
  const full = [...new Set([...reach.full, ...updated.full])];
  const computed = full.length === 0 ? [] : await computeFully(trx, dialect, schema, field, computer, full, recalled);
  const changes = [...updated.changes, ...computed];
  changed.record(field.id, changes);
  return changes.map((change) => change.id);
}
