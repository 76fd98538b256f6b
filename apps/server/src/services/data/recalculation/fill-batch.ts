/**
 * One batch of a background fill (./background-fills.ts), in its own transaction: the next
 * records of a walk over the table (storage's table-walk: the order that makes the dialect's
 * updates cheapest), their value of the field computed, what changed written, then everything
 * reading the field brought up to date for those records by the executor, and an outbox event
 * `field.filling { done, total }`.
 *
 * What a batch saves over a plain recalculation of its records:
 * - a field that reads only its own record's cells (most formulas) is computed from the page
 *   itself (storage's fillComputedPage): one read of the columns it needs, one write;
 * - the base's schema is built once per fill and reused while the base's schema version, time
 *   zone and user directory hold (one indexed read each per batch);
 * - no `records.recalculated` event lists the filled field's records: the batch's
 *   `field.filling` says that field changed; fields reading it still get theirs.
 *
 * Locks: a batch reads the field's metadata and writes only record rows and the outbox. The
 * field's `filling` progress is saved in a transaction of its own — at most every
 * `progressSaveMs`, and when the fill completes (`field.filled`) — because writing a field bumps
 * its base's schema version row: a batch doing so after writing records would take that row
 * after the table, while a schema change (adding a field to the same table) takes it before the
 * table's DDL lock — PostgreSQL's deadlock. Saving less often also keeps the base's metadata
 * cache (keyed by that version) warm during a fill.
 *
 * The clock is read once per fill, so every batch computes with the same `now` (TODAY()), and a
 * field reading the clock records that instant as its `refreshedAt`.
 */
import { EngineError, type ComputedRecord, type Field, type FieldComputer } from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../../../platform';
import { applyChange } from '../change-recorder';
import { buildFormatContext } from '../format-context';
import { buildBaseSchema, readBaseDefinition, type BaseSchema } from './base-schema';
import { nextBatchSize } from './batch-pace';
import { fillSignature, recordsRefresh, showsFillState, type FillJob } from './fill';
import { recalculate, recalculationEvents, type ComputedChange } from './recalculate';

/** Least time between two saves of a fill's progress in the field's options. */
export const progressSaveMs = 1_000;

const noLinks = () => [];

/** Where a fill is: kept by the runner between batches. */
export interface FillCursor {
  /** Where the walk over the table's records is (null before the first batch). */
  after: store.WalkKey | null;
  done: number;
  /** Records the next batch takes. */
  size: number;
  /** When the progress was last saved (performance.now()). */
  savedAt: number;
  /** The instant the fill computes at. */
  now?: Date;
  /** The schema built for the base's schema version, time zone and user directory version in `key`. */
  schema?: { key: string; schema: BaseSchema };
}

export function newFillCursor(platform: Platform): FillCursor {
  return { after: null, done: 0, size: platform.config.computedFillBatchSize, savedAt: performance.now() };
}

/** Runs one batch and sizes the next; returns true when the job is over (complete, or its field changed). */
export async function runFillBatch(platform: Platform, job: FillJob, cursor: FillCursor): Promise<boolean> {
  const started = performance.now();
  const size = cursor.size;
  const outcome = await fillBatch(platform, job, cursor);
  const pace = { initial: platform.config.computedFillBatchSize, budgetMs: platform.config.computedFillBatchMs };
  cursor.size = nextBatchSize(pace, size, performance.now() - started);
  if (outcome === 'stale') return true;
  if (outcome === 'complete') {
    await saveProgress(platform, job, cursor, true);
    return true;
  }
  if (performance.now() - cursor.savedAt >= progressSaveMs) await saveProgress(platform, job, cursor, false);
  return false;
}

type BatchOutcome = 'more' | 'complete' | 'stale';

async function fillBatch(platform: Platform, job: FillJob, cursor: FillCursor): Promise<BatchOutcome> {
  const meta = { actor: { userId: job.actorId }, source: 'system' as const, baseId: job.baseId };
  const { dialect } = platform.database;
  // The cursor moves only once the batch has committed: a batch tried again starts where it did.
  const next = { after: cursor.after, done: cursor.done };
  const outcome = await applyChange(platform, meta, async (trx, recorder): Promise<BatchOutcome> => {
    const schema = await schemaFor(platform, trx, job.baseId, cursor);
    const field = schema.fieldsById.get(job.fieldId);
    if (!field || fillSignature(field) !== job.signature) return 'stale';
    const computer = schema.computers.get(field.id);
    const inputs = computer ? ownRecordInputs(schema, computer) : undefined;
    const limit = cursor.size;
    let page: { count: number; last: store.WalkKey | null };
    let changes: ComputedChange[];
    if (computer && inputs) {
      // The field reads only its own record: computed from the page read, then what reads it.
      const compute = (record: ComputedRecord) => computer.compute({ record, linked: noLinks });
      const filled = await store.fillComputedPage(trx, dialect, field, inputs, { after: cursor.after, limit }, compute);
      page = filled;
      const seeds = new Map([[field.id, new Set(filled.changed)]]);
      changes = filled.changed.length > 0 ? await recalculate(trx, dialect, schema, seeds, { computed: new Set([field.id]) }) : [];
    } else {
      const { ids, last } = await store.walkRecordIds(trx, dialect, field.tableId, { after: cursor.after, limit });
      page = { count: ids.length, last };
      changes = await recalculate(trx, dialect, schema, new Map([[field.id, new Set(ids)]]));
    }
    for (const event of recalculationEvents(changes.filter((change) => change.fieldId !== field.id))) recorder.event(event);

    next.done += page.count;
    next.after = page.last ?? cursor.after;
    const complete = page.count < limit;
    // The last batch's event is `field.filled`, written with the saved end state (saveProgress).
    if (!complete) recorder.event({ tableId: field.tableId, type: 'field.filling', payload: progressPayload(field, next.done, job.total) });
    return complete ? 'complete' : 'more';
  });
  if (outcome !== 'stale') {
    cursor.after = next.after;
    cursor.done = next.done;
  }
  return outcome;
}

function progressPayload(field: Field, done: number, total: number) {
  return { tableId: field.tableId, fieldId: field.id, done, total: Math.max(total, done) };
}

/**
 * Saves the fill's progress in the field's `filling` option — or, when `complete`, clears it
 * (with `refreshedAt` for a time-dependent formula) and writes `field.filled` — unless the field
 * changed since the fill was planned.
 */
async function saveProgress(platform: Platform, job: FillJob, cursor: FillCursor, complete: boolean): Promise<void> {
  const meta = { actor: { userId: job.actorId }, source: 'system' as const, baseId: job.baseId };
  const { dialect } = platform.database;
  await applyChange(platform, meta, async (trx, recorder) => {
    const field = await store.getField(trx, job.fieldId);
    if (!field || fillSignature(field) !== job.signature) return;
    const total = Math.max(job.total, cursor.done);
    if (showsFillState(field)) {
      const options: Record<string, unknown> = { ...field.options, filling: complete ? null : { done: cursor.done, total } };
      const fields = cursor.schema?.schema.fieldsById ?? new Map([[field.id, field]]);
      if (complete && recordsRefresh(field, fields)) options.refreshedAt = (cursor.now ?? new Date(platform.clock())).toISOString();
      await store.updateField(trx, dialect, field.id, { options });
    }
    if (complete) recorder.event({ tableId: field.tableId, type: 'field.filled', payload: progressPayload(field, cursor.done, job.total) });
  });
  cursor.savedAt = performance.now();
}

/**
 * The schema the fill computes with: built again only when the base's schema version, its time
 * zone or the user directory (formulas format persons with it) moved since it was built.
 */
async function schemaFor(platform: Platform, trx: store.Trx, baseId: string, cursor: FillCursor): Promise<BaseSchema> {
  const base = await store.readBaseVersion(trx, baseId);
  if (!base) throw new EngineError('NOT_FOUND', `Base "${baseId}" not found`, { base: baseId });
  const key = JSON.stringify([base.schemaVersion, base.timeZone, base.usersVersion]);
  if (cursor.schema?.key === key) return cursor.schema.schema;
  cursor.now ??= new Date(platform.clock());
  const format = await buildFormatContext(trx, base);
  const schema = buildBaseSchema(await readBaseDefinition(trx, baseId, base.schemaVersion), { now: cursor.now, timeZone: base.timeZone, format });
  cursor.schema = { key, schema };
  return schema;
}

/** The fields a computed field reads when they are all cells of its own record; else undefined. */
function ownRecordInputs(schema: BaseSchema, computer: FieldComputer): Field[] | undefined {
  const inputs: Field[] = [];
  for (const dependency of computer.dependencies) {
    if (dependency.kind !== 'sameRecord') return undefined;
    inputs.push(schema.fieldsById.get(dependency.fieldId)!);
  }
  return inputs;
}
