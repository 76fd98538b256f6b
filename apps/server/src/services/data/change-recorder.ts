/**
 * The command pipeline's spine (DESIGN §5): every mutation runs inside `applyChange`, which
 * opens one transaction, lets the work record what it changed, and writes the cell history
 * and the outbox events in that same transaction. Only after commit are the events handed to
 * the in-process bus (realtime, automations). A crash after commit loses nothing: the events
 * are in the outbox, and the dispatcher picks up what was not yet marked dispatched.
 */
import { newId } from '@multitable/core';
import { appendChange, type BaseVersion, type Database, type MemberRole, type Trx } from '@multitable/storage';
import type { EventBus } from './event-bus';

export type ChangeSource = 'api' | 'web' | 'import' | 'automation' | 'form' | 'template' | 'system';

export interface Actor {
  userId: string;
}

export interface ChangeMeta {
  actor: Actor;
  source: ChangeSource;
  baseId: string;
  /** The role the actor holds in the base, for changes a person makes (record writes check it); absent for the system's own. */
  memberRole?: MemberRole;
  /**
   * The base's versions the request's access check read, before the transaction: where the
   * write locks its fields and reads the versions again (PostgreSQL), it casts from these.
   */
  seenBase?: BaseVersion;
}

export interface CellChange {
  tableId: string;
  recordId: string;
  fieldId: string | null;
  action: 'create' | 'update' | 'delete' | 'move';
  oldValue: unknown;
  newValue: unknown;
}

export interface ChangeEvent {
  tableId: string | null;
  type: string;
  payload: Record<string, unknown>;
}

export interface ChangeRecorder {
  readonly changeId: string;
  readonly at: Date;
  cells(changes: readonly CellChange[]): void;
  event(event: ChangeEvent): void;
}

export interface ChangeDeps {
  database: Database;
  bus: EventBus;
}

export async function applyChange<T>(
  deps: ChangeDeps,
  meta: ChangeMeta,
  work: (trx: Trx, recorder: ChangeRecorder) => Promise<T>,
): Promise<T> {
  const changeId = newId('history');
  const at = new Date();
  const cells: CellChange[] = [];
  const events: ChangeEvent[] = [];
  const recorder: ChangeRecorder = {
    changeId,
    at,
    cells: (changes) => void cells.push(...changes),
    event: (event) => void events.push(event),
  };

  const result = await deps.database.transaction(async (trx) => {
    const value = await work(trx, recorder);
    const iso = at.toISOString();
    await appendChange(
      trx,
      deps.database.dialect,
      cells.map((cell) => ({
        changeId,
        baseId: meta.baseId,
        tableId: cell.tableId,
        recordId: cell.recordId,
        fieldId: cell.fieldId,
        action: cell.action,
        actorId: meta.actor.userId,
        source: meta.source,
        at: iso,
        oldValue: cell.oldValue ?? null,
        newValue: cell.newValue ?? null,
      })),
      events.map((event) => ({
        baseId: meta.baseId,
        tableId: event.tableId,
        type: event.type,
        payload: { ...event.payload, changeId },
        actorId: meta.actor.userId,
        createdAt: iso,
      })),
    );
    return value;
  });

  deps.bus.wake();
  return result;
}
