/**
 * After-commit delivery of outbox events inside this process. `wake()` is called after each
 * commit; the dispatcher reads pending outbox rows in order, hands them to subscribers
 * (realtime, automations) and marks them dispatched. Several processes on one PostgreSQL
 * will claim rows with SKIP LOCKED when automations arrive (a later issue); one process is
 * all the embedded SQLite deployment has.
 */
import { listPendingOutbox, markOutboxDispatched, type Database } from '@multitable/storage';

export interface OutboxEvent {
  id: number;
  baseId: string;
  tableId: string | null;
  type: string;
  payload: Record<string, unknown>;
  actorId: string;
  createdAt: string;
}

export type EventListener = (event: OutboxEvent) => void;

export interface EventBus {
  subscribe(listener: EventListener): () => void;
  /** Schedules a dispatch pass; cheap to call after every commit. */
  wake(): void;
  /** Resolves when every event committed so far has been dispatched (tests, shutdown). */
  drain(): Promise<void>;
}

export function createEventBus(database: Database, onError: (error: unknown) => void): EventBus {
  const listeners = new Set<EventListener>();
  let running: Promise<void> | undefined;
  let again = false;

  async function dispatchPending(): Promise<void> {
    for (;;) {
      const pending = (await listPendingOutbox(database.db, 500)) as OutboxEvent[];
      if (pending.length === 0) return;
      for (const event of pending) {
        for (const listener of listeners) {
          try {
            listener(event);
          } catch (error) {
            onError(error);
          }
        }
      }
      await markOutboxDispatched(database.db, pending.map((event) => event.id));
    }
  }

  function wake(): void {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await dispatchPending().catch(onError);
      } while (again);
      running = undefined;
    })();
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    wake,
    async drain() {
      while (running) await running;
    },
  };
}
