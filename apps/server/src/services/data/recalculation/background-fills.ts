/**
 * Fills of large tables, after the change that needed them has committed: batch after batch of
 * records, each in its own transaction (./fill-batch.ts), so other requests
 * interleave between batches instead of waiting for the whole fill. The first batch has
 * `computedFillBatchSize` records; later ones are sized to take about `computedFillBatchMs`
 * (./batch-pace.ts). Each batch recalculates the field and what reads it for its records and
 * writes an outbox event `field.filling { fieldId, done, total }`; the field's `filling` option
 * follows at most every second, and the end writes `field.filled`. A field changed or deleted
 * meanwhile stops its old fill (its change planned a new one). Fills left unfinished by a stopped
 * server are resumed (from the start) when the next one starts.
 *
 * One runner per platform; buildApp stops it on close (a batch in flight finishes first).
 */
import { EngineError, type Field } from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../../../platform';
import { fillSignature, showsFillState, type FillJob } from './fill';
import { newFillCursor, runFillBatch } from './fill-batch';

export interface BackgroundFills {
  /** Starts the jobs (each runs batch after batch; jobs run one at a time, in order). */
  start(jobs: readonly FillJob[]): void;
  /** Resolves when no job is waiting or running. */
  idle(): Promise<void>;
  /** Stops after the batch in flight; jobs left are resumed by the next server. */
  stop(): Promise<void>;
  /** Starts the fills a previous server left unfinished (fields whose `filling` is set). */
  resume(): Promise<void>;
}

const runners = new WeakMap<Platform, BackgroundFills>();
const maxAttempts = 3;

/** The runner of this platform (created on first use). */
export function backgroundFills(platform: Platform, onError: (error: unknown) => void = () => {}): BackgroundFills {
  let runner = runners.get(platform);
  if (!runner) {
    runner = createRunner(platform, onError);
    runners.set(platform, runner);
  }
  return runner;
}

function createRunner(platform: Platform, onError: (error: unknown) => void): BackgroundFills {
  const queue: FillJob[] = [];
  let running: Promise<void> | undefined;
  let stopped = false;

  async function runJob(job: FillJob): Promise<void> {
    const cursor = newFillCursor(platform);
    for (let failures = 0; !stopped; ) {
      try {
        if (await runFillBatch(platform, job, cursor)) return;
        failures = 0;
      } catch (error) {
        // A conflicting writer or a dropped table: try again (with the schema read afresh), then
        // leave `filling` for the next start.
        delete cursor.schema;
        if (++failures >= maxAttempts || (error instanceof EngineError && error.code === 'NOT_FOUND')) {
          onError(error);
          return;
        }
      }
      await new Promise((resolve) => setImmediate(resolve)); // let waiting requests in between batches
    }
  }

  async function drainQueue(): Promise<void> {
    while (queue.length > 0 && !stopped) await runJob(queue.shift()!);
  }

  function pump(): void {
    if (running || stopped || queue.length === 0) return;
    // Cleared in a later microtask, never before `running` is assigned (the queue may empty at once).
    running = drainQueue().finally(() => {
      running = undefined;
      pump();
    });
  }

  return {
    start(jobs) {
      if (stopped) return;
      queue.push(...jobs);
      pump();
    },
    async idle() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      queue.length = 0;
      while (running) await running;
    },
    async resume() {
      const found = await store.listFieldsOfTypes(platform.database.db, ['formula', 'lookup', 'rollup', 'count']);
      this.start(found.filter(({ field }) => showsFillState(field) && (field.options as { filling?: unknown }).filling).map(({ baseId, field }) => resumedJob(baseId, field)));
    },
  };
}

/** Who the outbox names for work the server does on its own (resumed fills, scheduled refreshes). */
export const systemActorId = 'system';

function resumedJob(baseId: string, field: Field): FillJob {
  const filling = (field.options as { filling?: { total?: number } }).filling;
  return { baseId, tableId: field.tableId, fieldId: field.id, actorId: systemActorId, signature: fillSignature(field), total: filling?.total ?? 0 };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Fills of large tables running after their change committed (tests await `idle()`). */
    backgroundFills: BackgroundFills;
  }
}
