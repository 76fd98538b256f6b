/**
 * Fills of large tables, after the change that needed them has committed: one batch of
 * `computedFillBatchSize` records per transaction (in id order), so other requests interleave
 * between batches instead of waiting for the whole fill. Each batch recalculates the field and
 * what reads it for those records, advances the field's `filling` option and writes an outbox
 * event `field.filling { fieldId, done, total }` — the last one `field.filled` — in its own
 * transaction. A field changed or deleted meanwhile stops its old fill (its change planned a new
 * one). Fills left unfinished by a stopped server are resumed when the next one starts.
 *
 * One runner per platform; buildApp stops it on close (a batch in flight finishes first).
 */
import { EngineError, type Field } from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../../../platform';
import { applyChange } from '../change-recorder';
import { baseTimeZone } from '../table-lookup';
import { fillSignature, isTimeDependentFormula, showsFillState, type FillJob } from './fill';
import { loadSchemaForChange, recalculate, recalculationEvents } from './recalculate';

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

/** Runs one batch; returns true when the job is over (complete, or its field changed). */
async function runBatch(platform: Platform, job: FillJob, progress: { after: string | null; done: number }): Promise<boolean> {
  const meta = { actor: { userId: job.actorId }, source: 'system' as const, baseId: job.baseId };
  return applyChange(platform, meta, async (trx, recorder) => {
    const field = await store.getField(trx, job.fieldId);
    if (!field || fillSignature(field) !== job.signature) return true;
    const batchSize = platform.config.computedFillBatchSize;
    const ids = await store.recordIdsPage(trx, field.tableId, { after: progress.after, limit: batchSize });
    const schema = await loadSchemaForChange(platform, trx, job.baseId, await baseTimeZone(trx, job.baseId));
    const changes = await recalculate(trx, platform.database.dialect, schema, new Map([[field.id, new Set(ids)]]));
    for (const event of recalculationEvents(changes)) recorder.event(event);
    progress.done += ids.length;
    progress.after = ids.at(-1) ?? progress.after;
    const finished = ids.length < batchSize;
    const total = Math.max(job.total, progress.done);
    if (showsFillState(field)) {
      const options: Record<string, unknown> = { ...field.options, filling: finished ? null : { done: progress.done, total } };
      if (finished && isTimeDependentFormula(field)) options.refreshedAt = new Date(platform.clock()).toISOString();
      await store.updateField(trx, platform.database.dialect, field.id, { options });
    }
    const payload = { tableId: field.tableId, fieldId: field.id, done: progress.done, total };
    recorder.event({ tableId: field.tableId, type: finished ? 'field.filled' : 'field.filling', payload });
    return finished;
  });
}

function createRunner(platform: Platform, onError: (error: unknown) => void): BackgroundFills {
  const queue: FillJob[] = [];
  let running: Promise<void> | undefined;
  let stopped = false;

  async function runJob(job: FillJob): Promise<void> {
    const progress = { after: null as string | null, done: 0 };
    for (let failures = 0; !stopped; ) {
      try {
        if (await runBatch(platform, job, progress)) return;
        failures = 0;
      } catch (error) {
        // A conflicting writer or a dropped table: try again, then leave `filling` for the next start.
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
