/**
 * Filling: bringing every record's value of some fields — and everything that reads them — up
 * to date, after a computed field is created or changed, or after a field it reads changed type
 * or was deleted. Each field is a seed of the recalculation executor with every record of its
 * table, so the executor computes it (when computed) and then its dependents, in graph order.
 *
 * A table of at most `computedFillBatchSize` records is filled here, in the caller's
 * transaction. A larger one is returned as a job for ./background-fills.ts, which fills it in
 * batches of separate transactions after the change commits; the field's `filling` option shows
 * `{ done, total }` until then. Fields reading the clock record `refreshedAt` when filled.
 */
import { fieldReadsClock, getFieldType, type Field } from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../../../platform';
import type { ChangeRecorder } from '../change-recorder';
import { addDirty, loadSchemaForChange, recalculate, recalculationEvents, type DirtyCells } from './recalculate';

export interface FillJob {
  baseId: string;
  tableId: string;
  fieldId: string;
  /** Who made the change that needs the fill (the outbox's actor of its batches). */
  actorId: string;
  /** The field's type and options when the fill was planned; a later change stops this fill. */
  signature: string;
  total: number;
}

/** What identifies the computation of a field: its type and options, without the server's state. */
export function fillSignature(field: Pick<Field, 'type' | 'options'>): string {
  const { filling: _filling, refreshedAt: _refreshedAt, ...options } = field.options as Record<string, unknown>;
  return JSON.stringify({ type: field.type, options });
}

/** True when the field's options have a `filling` state (formula, lookup, rollup, count). */
export function showsFillState(field: Pick<Field, 'type' | 'options'>): boolean {
  return Object.hasOwn(field.options, 'filling') && getFieldType(field.type).computer !== undefined;
}

/** True when the field's values change as days pass (TODAY(), a condition on "today"): a fill then records `refreshedAt`. */
export function recordsRefresh(field: Field, fields: ReadonlyMap<string, Field>): boolean {
  return fieldReadsClock(field, fields);
}

async function allRecordIds(trx: store.Executor, tableId: string, count: number): Promise<string[]> {
  return store.recordIdsPage(trx, tableId, { after: null, limit: count + 1 });
}

/**
 * Fills `fieldIds` (see the module header). Returns the jobs to start after commit
 * (`backgroundFills(platform).start(jobs)`); empty when everything was filled here.
 */
export async function fillFields(
  platform: Platform,
  trx: store.Trx,
  scope: { baseId: string; timeZone: string; actorId: string },
  fieldIds: readonly string[],
  recorder: ChangeRecorder,
): Promise<FillJob[]> {
  if (fieldIds.length === 0) return [];
  const { dialect } = platform.database;
  const schema = await loadSchemaForChange(platform, trx, scope.baseId, scope.timeZone);
  const batchSize = platform.config.computedFillBatchSize;
  const seeds: DirtyCells = new Map();
  const jobs: FillJob[] = [];
  const filledHere: Field[] = [];
  for (const fieldId of new Set(fieldIds)) {
    const field = schema.fieldsById.get(fieldId);
    if (!field) continue;
    const total = await store.countRecords(trx, { id: field.tableId });
    if (total <= batchSize) {
      addDirty(seeds, field.id, await allRecordIds(trx, field.tableId, total));
      filledHere.push(field);
      continue;
    }
    jobs.push({ baseId: scope.baseId, tableId: field.tableId, fieldId, actorId: scope.actorId, signature: fillSignature(field), total });
    if (showsFillState(field)) {
      await store.updateField(trx, dialect, field.id, { options: { ...field.options, filling: { done: 0, total } } });
      recorder.event({ tableId: field.tableId, type: 'field.filling', payload: { tableId: field.tableId, fieldId, done: 0, total } });
    }
  }
  const changes = await recalculate(trx, dialect, schema, seeds);
  for (const event of recalculationEvents(changes)) recorder.event(event);
  const now = new Date(platform.clock()).toISOString();
  for (const field of filledHere) {
    if (recordsRefresh(field, schema.fieldsById)) await store.updateField(trx, dialect, field.id, { options: { ...field.options, refreshedAt: now } });
  }
  return jobs;
}
