/**
 * Writing link memberships, in the caller's transaction. `setLinks` replaces what each named
 * record links to through a field — the cell order is the order given; a record newly linked
 * from a target is appended to the end of that target's inverse cell, and pairs that stay keep
 * their place there. It returns the cells that changed on both sides (old and new ids), which
 * the caller writes to history and hands to the recalculation executor; the materialized
 * `{ id, title }` column is left to that executor.
 *
 * Targets must exist in the linked table: they are read `FOR SHARE` where the dialect has row
 * locks, so a concurrent delete of a target either finishes first (NOT_FOUND here) or waits for
 * this transaction and then removes the new membership too.
 */
import { EngineError, type Field } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { chunkForParameters, userDb } from '../physical/executor';
import { recordIdColumn, userTableName } from '../physical/naming';
import { insertRows } from '../physical/row-inserts';
import { junctionOf, linkedTableIdOf, type Junction } from './junction';
import { membersThrough, reversed } from './link-reads';

/** A link cell that changed: the ids it held and holds, in cell order. */
export interface LinkCellChange {
  recordId: string;
  oldIds: string[];
  newIds: string[];
}

export interface SetLinksResult {
  /** Records of the field's own table whose cell changed. */
  changes: LinkCellChange[];
  /**
   * Records of the linked table whose membership changed, as their inverse cell sees it (in the
   * inverse order) — whether or not the link has an inverse field to show it.
   */
  otherSide: LinkCellChange[];
}

interface MembershipRow {
  self: string;
  other: string;
  order: number;
  otherOrder: number;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

async function readRows(db: Executor, junction: Junction, recordIds: readonly string[], maxParameters: number): Promise<MembershipRow[]> {
  const otherOrder = reversed(junction).orderColumn;
  const rows: MembershipRow[] = [];
  for (const chunk of chunkForParameters(recordIds, 1, maxParameters)) {
    const found = (await userDb(db)
      .selectFrom(junction.table)
      .select([`${junction.selfColumn} as self`, `${junction.otherColumn} as other`, `${junction.orderColumn} as order`, `${otherOrder} as otherOrder`])
      .where(junction.selfColumn, 'in', chunk)
      .execute()) as Array<{ self: string; other: string; order: unknown; otherOrder: unknown }>;
    for (const row of found) rows.push({ self: row.self, other: row.other, order: Number(row.order), otherOrder: Number(row.otherOrder) });
  }
  return rows;
}

/** Refuses targets missing from the linked table; share-locks the others until the transaction ends. */
async function assertTargetsExist(db: Executor, dialect: SqlDialect, field: Pick<Field, 'id' | 'options'>, targetIds: readonly string[]): Promise<void> {
  const tableId = linkedTableIdOf(field);
  const found = new Set<string>();
  for (const chunk of chunkForParameters([...targetIds].sort(), 1, dialect.maxParameters)) {
    let query = userDb(db).selectFrom(userTableName(tableId)).select(recordIdColumn).where(recordIdColumn, 'in', chunk).orderBy(recordIdColumn);
    if (dialect.supportsRowLocks) query = query.forShare();
    for (const row of (await query.execute()) as Array<Record<string, unknown>>) found.add(String(row[recordIdColumn]));
  }
  const missing = targetIds.find((id) => !found.has(id));
  if (missing !== undefined) {
    throw new EngineError('NOT_FOUND', `No record "${missing}" in the linked table`, { record: missing, field: field.id, table: tableId });
  }
}

/** Next inverse position per target: one past the largest in use (0 for a target linked from nowhere). */
async function nextOtherOrders(db: Executor, junction: Junction, targetIds: readonly string[], maxParameters: number): Promise<Map<string, number>> {
  const otherOrder = reversed(junction).orderColumn;
  const next = new Map<string, number>();
  for (const chunk of chunkForParameters(targetIds, 1, maxParameters)) {
    const rows = (await userDb(db)
      .selectFrom(junction.table)
      .select((eb) => [`${junction.otherColumn} as other`, eb.fn.max(otherOrder).as('last')])
      .where(junction.otherColumn, 'in', chunk)
      .groupBy(junction.otherColumn)
      .execute()) as Array<{ other: string; last: unknown }>;
    for (const row of rows) next.set(row.other, Number(row.last) + 1);
  }
  return next;
}

export async function setLinks(
  trx: Executor,
  dialect: SqlDialect,
  field: Pick<Field, 'id' | 'options'>,
  links: ReadonlyMap<string, readonly string[]>,
): Promise<SetLinksResult> {
  const junction = junctionOf(field);
  const wanted = new Map([...links].map(([recordId, ids]) => [recordId, [...new Set(ids)]]));
  const current = await readRows(trx, junction, [...wanted.keys()], dialect.maxParameters);
  const oldRows = new Map<string, MembershipRow[]>();
  for (const row of current) oldRows.set(row.self, [...(oldRows.get(row.self) ?? []), row]);
  for (const rows of oldRows.values()) rows.sort((a, b) => a.order - b.order || (a.other < b.other ? -1 : a.other > b.other ? 1 : 0));

  const changes: LinkCellChange[] = [];
  const touched = new Set<string>();
  const added = new Set<string>();
  for (const [recordId, newIds] of wanted) {
    const oldIds = (oldRows.get(recordId) ?? []).map((row) => row.other);
    if (sameList(oldIds, newIds)) continue;
    changes.push({ recordId, oldIds, newIds });
    for (const id of oldIds) if (!newIds.includes(id)) touched.add(id);
    for (const id of newIds) {
      if (!oldIds.includes(id)) {
        touched.add(id);
        added.add(id);
      }
    }
  }
  if (changes.length === 0) return { changes, otherSide: [] };

  await assertTargetsExist(trx, dialect, field, [...added]);
  const otherView = reversed(junction);
  const before = await membersThrough(trx, otherView, [...touched]);
  const next = await nextOtherOrders(trx, junction, [...added], dialect.maxParameters);

  const changedIds = changes.map((change) => change.recordId);
  for (const chunk of chunkForParameters(changedIds, 1, dialect.maxParameters)) {
    await userDb(trx).deleteFrom(junction.table).where(junction.selfColumn, 'in', chunk).execute();
  }
  const insert = { table: junction.table, columns: [junction.selfColumn, junction.otherColumn, junction.orderColumn, otherView.orderColumn] };
  const inserts: unknown[][] = [];
  // The inverse cells after the write, worked out rather than read again: a pair that stays keeps
  // its inverse position, one taken away leaves it, and a new one goes after every position in use.
  const leaving = new Map<string, Set<string>>();
  const appended = new Map<string, string[]>();
  for (const change of changes) {
    for (const targetId of change.oldIds) {
      if (!change.newIds.includes(targetId)) leaving.set(targetId, (leaving.get(targetId) ?? new Set()).add(change.recordId));
    }
    const kept = new Map((oldRows.get(change.recordId) ?? []).map((row) => [row.other, row.otherOrder]));
    change.newIds.forEach((targetId, index) => {
      let otherOrder = kept.get(targetId);
      if (otherOrder === undefined) {
        otherOrder = next.get(targetId) ?? 0;
        next.set(targetId, otherOrder + 1);
        const joining = appended.get(targetId) ?? [];
        joining.push(change.recordId);
        appended.set(targetId, joining);
      }
      inserts.push([change.recordId, targetId, index, otherOrder]);
    });
  }
  await insertRows(trx, dialect, insert, inserts);

  const otherSide: LinkCellChange[] = [];
  for (const recordId of touched) {
    const oldIds = before.get(recordId) ?? [];
    const gone = leaving.get(recordId);
    const newIds = [...(gone ? oldIds.filter((id) => !gone.has(id)) : oldIds), ...(appended.get(recordId) ?? [])];
    if (!sameList(oldIds, newIds)) otherSide.push({ recordId, oldIds, newIds });
  }
  return { changes, otherSide };
}
