/**
 * Refreshing computed fields whose values change as days pass with no data changing: formulas
 * reading the clock (TODAY(), NOW()), and lookups, rollups and counts whose condition names a
 * day relative to today ("today", "past week") — core's `readsClock`. Their values are
 * materialized like every computed value, so they go stale as days pass. The scheduler checks
 * every minute (and once when the server starts) for such fields whose `refreshedAt` is before
 * the latest midnight in their base's time zone, and fills them again — with everything that
 * reads them — as a change by the system (history records nothing: the values are derived; the
 * outbox gets `records.recalculated`). `refreshedAt` then says when, so a view can show it.
 *
 * The clock is the platform's, so tests move time by hand and call `runDue()`. Started by
 * buildApp, stopped when the app closes.
 */
import { fieldReadsClock, fieldTypeKeys, getFieldType, wallClockToMillis, type Field } from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../../../platform';
import { applyChange } from '../change-recorder';
import { backgroundFills, systemActorId } from './background-fills';
import { readBaseDefinition } from './base-schema';
import { fillFields, type FillJob } from './fill';

/** Types that may read the clock (each field of them is then asked, with its base around it). */
const clockReadingTypes = fieldTypeKeys.filter((key) => getFieldType(key).readsClock !== undefined);

export interface TimeRefresh {
  /** Checks now and then every `intervalMs`. */
  start(): void;
  /** Stops the timer and waits for a check in progress. */
  stop(): Promise<void>;
  /** Refreshes what is due now; returns the ids of the fields it refreshed. */
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

/** True when a field reading the clock was last refreshed before the latest midnight of its zone. */
export function isRefreshDue(field: Field, now: number, zone: string): boolean {
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
    const { db } = platform.database;
    const candidates = await store.listFieldsOfTypes(db, clockReadingTypes);
    const byBase = new Map<string, Field[]>();
    for (const { baseId, field } of candidates) byBase.set(baseId, [...(byBase.get(baseId) ?? []), field]);
    const refreshed: string[] = [];
    for (const [baseId, fields] of byBase) {
      const base = await store.findBase(db, baseId);
      if (!base) continue;
      const stale = fields.filter((field) => isRefreshDue(field, now, base.timeZone));
      if (stale.length === 0) continue;
      const fieldsById = new Map((await readBaseDefinition(db, baseId)).fieldLists.flat().map((field) => [field.id, field]));
      const due = stale.filter((field) => fieldReadsClock(field, fieldsById)).map((field) => field.id);
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
    /** The scheduler refreshing fields that read the clock (tests call `runDue()` after moving the clock). */
    timeRefresh: TimeRefresh;
  }
}
