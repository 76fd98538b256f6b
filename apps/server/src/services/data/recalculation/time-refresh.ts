/**
 * Refreshing formulas that read the clock (TODAY(), NOW()): their values are materialized like
 * every computed value, so they go stale as days pass. The scheduler checks every minute (and
 * once when the server starts) for such formulas whose `refreshedAt` is before the latest
 * midnight in their base's time zone, and fills them again — with everything that reads them —
 * as a change by the system (history records nothing: the values are derived; the outbox gets
 * `records.recalculated`). `refreshedAt` then says when, so a view can show it.
 *
 * The clock is the platform's, so tests move time by hand and call `runDue()`. Started by
 * buildApp, stopped when the app closes.
 */
import { wallClockToMillis, type Field } from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../../../platform';
import { applyChange } from '../change-recorder';
import { backgroundFills, systemActorId } from './background-fills';
import { fillFields, isTimeDependentFormula, type FillJob } from './fill';

export interface TimeRefresh {
  /** Checks now and then every `intervalMs`. */
  start(): void;
  /** Stops the timer and waits for a check in progress. */
  stop(): Promise<void>;
  /** Refreshes what is due now; returns the ids of the formula fields it refreshed. */
  runDue(): Promise<string[]>;
}

export interface TimeRefreshOptions {
  /** How often to check (default one minute). */
  intervalMs?: number;
  onError?: (error: unknown) => void;
}

/** The instant of the latest local midnight in `zone` at or before `now`. */
export function latestMidnight(now: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(new Date(now));
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return wallClockToMillis({ year: part('year'), month: part('month'), day: part('day'), time: { hour: 0, minute: 0, second: 0, millisecond: 0 } }, zone);
}

/** True when the formula reads the clock and was last refreshed before the latest midnight of its zone. */
export function isRefreshDue(field: Field, now: number, zone: string): boolean {
  if (!isTimeDependentFormula(field)) return false;
  const options = field.options as { refreshedAt?: unknown; filling?: unknown };
  if (options.filling) return false; // a fill in progress will set refreshedAt
  const refreshedAt = typeof options.refreshedAt === 'string' ? Date.parse(options.refreshedAt) : NaN;
  return !(refreshedAt >= latestMidnight(now, zone));
}

export function createTimeRefresh(platform: Platform, options: TimeRefreshOptions = {}): TimeRefresh {
  const intervalMs = options.intervalMs ?? 60_000;
  let timer: ReturnType<typeof setInterval> | undefined;

  async function refreshBase(baseId: string, fieldIds: string[], timeZone: string): Promise<void> {
    const jobs: FillJob[] = [];
    const meta = { actor: { userId: systemActorId }, source: 'system' as const, baseId };
    await applyChange(platform, meta, async (trx, recorder) => {
      jobs.push(...(await fillFields(platform, trx, { baseId, timeZone, actorId: systemActorId }, fieldIds, recorder)));
    });
    backgroundFills(platform).start(jobs);
  }

  async function check(): Promise<string[]> {
    const now = platform.clock();
    const formulas = await store.listFieldsOfTypes(platform.database.db, ['formula']);
    const byBase = new Map<string, Field[]>();
    for (const { baseId, field } of formulas) {
      if (!isTimeDependentFormula(field)) continue;
      byBase.set(baseId, [...(byBase.get(baseId) ?? []), field]);
    }
    const refreshed: string[] = [];
    for (const [baseId, fields] of byBase) {
      const base = await store.findBase(platform.database.db, baseId);
      if (!base) continue;
      const due = fields.filter((field) => isRefreshDue(field, now, base.timeZone)).map((field) => field.id);
      if (due.length === 0) continue;
      await refreshBase(baseId, due, base.timeZone);
      refreshed.push(...due);
    }
    return refreshed;
  }

  // Checks run one after another: a check asked for while one runs starts when it ends, so it
  // always sees the clock as it is when it starts.
  let queue: Promise<unknown> = Promise.resolve();
  function runDue(): Promise<string[]> {
    const next = queue.then(check, check);
    queue = next.catch(() => undefined);
    return next;
  }

  let ticking = false;
  const tick = () => {
    if (ticking) return; // a slow check is still running: skip this minute
    ticking = true;
    void runDue()
      .catch((error) => options.onError?.(error))
      .finally(() => {
        ticking = false;
      });
  };

  return {
    start() {
      if (timer) return;
      timer = setInterval(tick, intervalMs);
      timer.unref?.();
      tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await queue;
    },
    runDue,
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The scheduler refreshing TODAY()/NOW() formulas (tests call `runDue()` after moving the clock). */
    timeRefresh: TimeRefresh;
  }
}
