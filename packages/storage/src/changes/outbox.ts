/**
 * The event outbox: events are written in the transaction of the change they describe and
 * dispatched (realtime, automations) after commit, so a crash between commit and dispatch loses
 * nothing — pending events are picked up again. Payloads are JSON text.
 */
import type { Executor } from '../database';
import { chunkForParameters } from '../physical/executor';

export interface OutboxEventInput {
  baseId: string;
  tableId: string | null;
  /** e.g. 'records.created'. */
  type: string;
  payload: unknown;
  actorId: string;
  createdAt: Date | string;
}

export interface OutboxEvent extends Omit<OutboxEventInput, 'createdAt'> {
  id: number;
  createdAt: string;
}

// Under every dialect's parameter limit, so callers need not pass the dialect.
const portableParameterLimit = 16_000;
const columnsPerEvent = 7;

/** The outbox table's row for an event. */
export function outboxRow(event: OutboxEventInput) {
  return {
    base_id: event.baseId,
    table_id: event.tableId,
    type: event.type,
    payload: JSON.stringify(event.payload ?? null),
    actor_id: event.actorId,
    created_at: typeof event.createdAt === 'string' ? event.createdAt : event.createdAt.toISOString(),
    dispatched_at: null,
  };
}

/** Writes the events; returns their ids in order (to dispatch right after commit). */
export async function appendOutbox(trx: Executor, events: readonly OutboxEventInput[]): Promise<number[]> {
  const rows = events.map(outboxRow);
  const ids: number[] = [];
  for (const chunk of chunkForParameters(rows, columnsPerEvent, portableParameterLimit)) {
    const inserted = await trx.insertInto('outbox').values(chunk).returning('id').execute();
    // RETURNING order is unspecified; serial ids follow the VALUES order.
    ids.push(...inserted.map((row) => Number(row.id)).sort((a, b) => a - b));
  }
  return ids;
}

/** Undispatched events, oldest first; only those after `afterId` when given. */
export async function listPendingOutbox(db: Executor, limit: number, afterId = 0): Promise<OutboxEvent[]> {
  const rows = await db.selectFrom('outbox').selectAll().where('dispatched_at', 'is', null).where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map((row) => ({
    id: Number(row.id),
    baseId: row.base_id,
    tableId: row.table_id,
    type: row.type,
    payload: JSON.parse(row.payload) as unknown,
    actorId: row.actor_id,
    createdAt: row.created_at,
  }));
}

/** Marks events dispatched; an event already marked keeps its first dispatch time. */
export async function markOutboxDispatched(db: Executor, ids: readonly number[], at: Date = new Date()): Promise<void> {
  for (const chunk of chunkForParameters(ids, 1, portableParameterLimit)) {
    await db
      .updateTable('outbox')
      .set({ dispatched_at: at.toISOString() })
      .where('id', 'in', chunk)
      .where('dispatched_at', 'is', null)
      .execute();
  }
}
