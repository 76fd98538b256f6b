/**
 * After-commit delivery of outbox events inside this process. `wake()` is called after each
 * commit; the dispatcher reads pending outbox rows in order, hands them to subscribers
 * (realtime, automations) at once and marks them dispatched a moment later, many in one write:
 * a mark is a commit of its own (an fsync under SQLite's synchronous=FULL), and one per change
 * doubled the fsyncs of every record write. Until marked, delivered ids are remembered here so
 * they are not delivered twice, and reads start after the last one delivered; once marked, a
 * pass reads from the oldest pending row again (on PostgreSQL a transaction may commit an id
 * lower than one already delivered). A crash before the mark delivers them again on restart, as
 * a crash between commit and dispatch always could (subscribers take events at least once).
 * Several processes on one PostgreSQL
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

/** How long delivered events wait to be marked dispatched together. */
const markDelayMs = 100;
/** Marked at once when this many wait, so the pending reads stay small. */
const maxUnmarked = 1_000;
const batchSize = 500;

export type EventListener = (event: OutboxEvent) => void;

export interface EventBus {
  subscribe(listener: EventListener): () => void;
  /** Schedules a dispatch pass; cheap to call after every commit. */
  wake(): void;
  /** Resolves when every event committed so far has been dispatched and marked (tests, shutdown). */
  drain(): Promise<void>;
}

export function createEventBus(database: Database, onError: (error: unknown) => void): EventBus {
  const listeners = new Set<EventListener>();
  let running: Promise<void> | undefined;
  let again = false;
  /** Delivered, not yet marked: still pending in the table, skipped by the next reads. */
  const unmarked = new Set<number>();
  let lastDelivered = 0;
  let marking: Promise<boolean> | undefined;
  let markTimer: NodeJS.Timeout | undefined;

  /** False when the write failed (the ids are kept and tried again later). */
  async function markDelivered(): Promise<boolean> {
    const ids = [...unmarked];
    if (ids.length === 0) return true;
    try {
      await markOutboxDispatched(database.db, ids);
      for (const id of ids) unmarked.delete(id);
      if (unmarked.size === 0) wake(); // reads from the oldest pending row again
      return true;
    } catch (error) {
      onError(error);
      scheduleMark();
      return false;
    }
  }

  function markNow(): Promise<boolean> {
    clearTimeout(markTimer);
    markTimer = undefined;
    marking ??= markDelivered().finally(() => (marking = undefined));
    return marking;
  }

  function scheduleMark(): void {
    if (markTimer) return;
    markTimer = setTimeout(() => void markNow(), markDelayMs);
    markTimer.unref();
  }

  async function dispatchPending(): Promise<void> {
    for (;;) {
      const rows = (await listPendingOutbox(database.db, batchSize, unmarked.size > 0 ? lastDelivered : 0)) as OutboxEvent[];
      const pending = rows.filter((event) => !unmarked.has(event.id));
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
      for (const event of pending) unmarked.add(event.id);
      lastDelivered = Math.max(lastDelivered, pending.at(-1)!.id);
      if (unmarked.size >= maxUnmarked) await markNow();
      else scheduleMark();
      // A short read found every row pending when it ran; a row committed after it comes with
      // its own wake(), which runs another pass. Reading again here only cost each write a query.
      if (rows.length < batchSize) return;
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
      for (;;) {
        if (running) await running;
        else if (marking) await marking;
        else if (unmarked.size === 0 || !(await markNow())) return; // after a mark, a pass from the oldest pending row
      }
    },
  };
}
