/**
 * Creating, updating and deleting records in batches of up to 1000. The whole batch is cast
 * with core first (a bad cell anywhere refuses the batch, naming record and field), then
 * written in one transaction with one history entry per changed cell and one outbox event.
 * Select choices added by `typecast` are saved in that same transaction. Link cells go to their
 * junctions (links/link-cells.ts), and deleting records takes them out of every link; in both
 * cases the recalculation executor then brings both sides' titles (and what reads them) up to date.
 */
import { canReadField, castRecordBatch, EngineError, indexFields, isLinkField, type Field, type FormatContext } from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../../platform';
import { clocked, type ClockedCaller } from '../access/caller';
import { assertCellsEditable, assertRecordsEditable, assertStillEditable, hasRecordScope, writableTable, type WritableTable, type WriteAction } from '../access/write-policy';
import { buildCastContext } from './cast-context';
import { applyChange, type CellChange, type ChangeMeta, type ChangeRecorder } from './change-recorder';
import { presentRecord, type ApiRecord } from './record-presenter';
import { loadTableContext, type TableContext } from './table-lookup';
import { batchCells } from './links/link-directory';
import { removedLinkOutcome, takeLinkCells, writeLinkCells } from './links/link-cells';
import type { LinkedNow, PreviousValues } from './recalculation/changed-cells';
import { addDirty, loadSchemaForChange, recalculate, recalculationEvents, type DirtyCells } from './recalculation/recalculate';
import { readRecords, RecordCache } from './recalculation/record-cache';

export interface WriteOptions {
  typecast?: boolean;
  returnFieldsByFieldId?: boolean;
  /** The request body held one record as `{ fields }`: errors name `fields.X`, not `records[0].fields.X`. */
  singleRecord?: boolean;
}

interface PreparedBatch {
  context: TableContext;
  fields: Field[];
  records: Array<{ id?: string; values: Record<string, unknown> }>;
  /** The table as the caller may write it (what the response shows and the scopes checked). */
  writable: WritableTable;
  /** The base's schema version read in this transaction, unless the cast changed the schema (new choices). */
  schemaVersion?: string;
  /** For presenting values: the base's zone and the user directory the cast read (users do not change in a record write). */
  format: FormatContext;
}

/** The person a record write acts for: record writes always come from one (routes set the role). */
export function writerOf(platform: Platform, meta: ChangeMeta): ClockedCaller {
  if (!meta.memberRole) throw new EngineError('INTERNAL', 'A record write without the role of who makes it');
  return clocked(platform, { baseId: meta.baseId, userId: meta.actor.userId, memberRole: meta.memberRole });
}

/**
 * Casts the batch and saves options the cast extended; returns the fields as they now are.
 * The table's field rows are locked first (see store.lockFieldRows): `update` when the cast
 * extends options — so concurrent typecasts never lose each other's new choices — else `share`,
 * so no field is deleted or changes type between the cast and the write. The cast runs again if
 * the fields changed before the lock was granted.
 */
async function prepare(
  platform: Platform,
  trx: store.Trx,
  meta: ChangeMeta,
  tableKey: string,
  input: ReadonlyArray<{ id?: string; fields: unknown }>,
  options: WriteOptions,
  action: WriteAction,
): Promise<PreparedBatch> {
  const { dialect } = platform.database;
  const writer = writerOf(platform, meta);
  // Where the field lock is followed by a fresh read (lockTableFields), the cast may start from
  // the versions the request read before the transaction: the read after the lock checks them.
  const seen = await loadTableContext(trx, meta.baseId, tableKey, dialect.supportsRowLocks ? meta.seenBase : undefined);
  // Only fields the caller may read resolve: a hidden one is an unknown field, as if it did not exist.
  let writable = await writableTable(trx, writer, seen, tableKey, action);
  const fieldsInput = input.map((record) => record.fields);
  const ctx = await buildCastContext(platform, trx, {
    baseId: meta.baseId,
    timeZone: seen.timeZone,
    usersVersion: seen.usersVersion,
    typecast: options.typecast ?? false,
    input: fieldsInput,
    links: { fields: seen.fields.filter(isLinkField), cells: batchCells(seen.fields, fieldsInput) },
  });
  const batchPath = options.singleRecord ? null : 'records';
  let batch = castRecordBatch(indexFields(writable.fields), input, ctx, batchPath);
  const mode = batch.changedOptions.size > 0 ? 'update' : 'share';
  const context = await lockTableFields(platform, trx, meta.baseId, seen, mode);
  // The same (cached) field list unless the schema moved: compared by text only then.
  if (context.fields !== seen.fields && JSON.stringify(context.fields) !== JSON.stringify(seen.fields)) {
    writable = await writableTable(trx, writer, context, tableKey, action);
    batch = castRecordBatch(indexFields(writable.fields), input, ctx, batchPath);
    if (mode === 'share' && batch.changedOptions.size > 0) {
      throw new EngineError('CONFLICT', `The fields of table "${context.table.name}" changed while these records were written; send the request again`, {
        table: context.table.id,
      });
    }
  }
  assertCellsEditable(writable, batch.records, batchPath);
  let fields = context.fields;
  if (batch.changedOptions.size > 0) {
    fields = [];
    for (const field of context.fields) {
      const changed = batch.changedOptions.get(field.id);
      fields.push(changed ? await store.updateField(trx, dialect, field.id, { options: changed }) : field);
    }
  }
  const format: FormatContext = { timeZone: context.timeZone, locale: 'en', users: ctx.users };
  return { context, fields, records: batch.records, writable, format, ...(batch.changedOptions.size === 0 ? { schemaVersion: context.schemaVersion } : {}) };
}

/** Locks the table's field rows and reads them again (NOT_FOUND when the table went meanwhile). */
async function lockTableFields(platform: Platform, trx: store.Trx, baseId: string, seen: TableContext, mode: 'share' | 'update'): Promise<TableContext> {
  if (!platform.database.dialect.supportsRowLocks) return seen;
  await store.lockFieldRows(trx, platform.database.dialect, { tableId: seen.table.id }, mode);
  return loadTableContext(trx, baseId, seen.table.id);
}

/** The written records as the caller may read them (fields as they are after the write, hidden ones left out). */
function present(format: FormatContext, fields: Field[], writable: WritableTable, rows: store.StoredRecord[], options: WriteOptions): ApiRecord[] {
  const shown = fields.filter((field) => canReadField(writable.permission, field.id));
  return rows.map((row) => presentRecord(row, shown, { fieldKey: options.returnFieldsByFieldId ? 'id' : 'name', format }));
}

/**
 * Recalculates what the written cells feed, in this transaction, and returns the written rows
 * as they are now when any of their own computed cells changed (so the response shows current
 * values): from `held` when it holds them all (kept as stored by the recalculation), else re-read.
 */
async function materialize(
  platform: Platform,
  trx: store.Trx,
  baseId: string,
  context: TableContext,
  seeds: DirtyCells,
  recorder: ChangeRecorder,
  rows: store.StoredRecord[],
  change: { previous: PreviousValues; linkHistory: readonly CellChange[]; held?: RecordCache; format: FormatContext; schemaVersion: string | undefined },
): Promise<store.StoredRecord[]> {
  const schema = await loadSchemaForChange(platform, trx, baseId, context.timeZone, {
    format: change.format,
    ...(change.schemaVersion === undefined ? {} : { schemaVersion: change.schemaVersion }),
  });
  const { previous, held } = change;
  const changes = await recalculate(trx, platform.database.dialect, schema, seeds, { previous, linkedNow: linkedNow(change.linkHistory), ...(held ? { held } : {}) });
  for (const event of recalculationEvents(changes)) recorder.event(event);
  if (!changes.some((change) => change.tableId === context.table.id)) return rows;
  const fields = [...schema.fieldsById.values()].filter((field) => field.tableId === context.table.id);
  const ids = rows.map((row) => row.id);
  return readRecords(trx, platform.database.dialect, held, context.table.id, fields, ids);
}

function recordCells(recorder: ChangeRecorder, tableId: string, changes: readonly store.CellChange[]): void {
  recorder.cells(changes.map((change): CellChange => ({ tableId, action: 'update', ...change })));
}

/** The written cells' old values, for the executor (see recalculate's `previous`). */
function previousValues(cells: ReadonlyArray<{ recordId: string; fieldId: string; oldValue: unknown }>): PreviousValues {
  const previous = new Map<string, Map<string, unknown>>();
  for (const cell of cells) {
    const values = previous.get(cell.fieldId) ?? new Map<string, unknown>();
    if (!values.has(cell.recordId)) values.set(cell.recordId, cell.oldValue);
    previous.set(cell.fieldId, values);
  }
  return previous;
}

/** The ids each written link cell links to now, from its history rows (a later row of a cell wins). */
function linkedNow(history: readonly CellChange[]): LinkedNow {
  const now = new Map<string, Map<string, readonly string[]>>();
  for (const cell of history) {
    if (cell.fieldId === null) continue;
    const cells = now.get(cell.fieldId) ?? new Map<string, readonly string[]>();
    cells.set(cell.recordId, (cell.newValue as string[] | null) ?? []);
    now.set(cell.fieldId, cells);
  }
  return now;
}

function mergeSeeds(into: DirtyCells, more: DirtyCells): DirtyCells {
  for (const [fieldId, ids] of more) addDirty(into, fieldId, ids);
  return into;
}

export async function createRecords(
  platform: Platform,
  meta: ChangeMeta,
  tableKey: string,
  input: ReadonlyArray<{ id?: string; fields: unknown }>,
  options: WriteOptions,
): Promise<ApiRecord[]> {
  return applyChange(platform, meta, async (trx, recorder) => {
    const { context, fields, records: cast, writable, schemaVersion, format } = await prepare(platform, trx, meta, tableKey, input, options, 'create');
    const { records, links } = takeLinkCells(fields, cast);
    const inserted = await store.insertRecords(trx, platform.database.dialect, context.table, fields, records, meta.actor, recorder.at);
    const created = inserted.filter((row) => row.created);
    // A retried create (the id exists already) returns the stored record and links nothing.
    const linkCells = inserted.flatMap((row, index) => (row.created ? [{ recordId: row.id, links: links[index]! }] : []));
    const linked = await writeLinkCells(trx, platform.database.dialect, context.table.id, fields, linkCells, 'create');
    const linkHistory = new Map<string, CellChange[]>();
    for (const cell of linked.history) {
      const key = cell.tableId === context.table.id && cell.action === 'create' ? cell.recordId : '';
      const cells = linkHistory.get(key) ?? [];
      cells.push(cell);
      linkHistory.set(key, cells);
    }
    const stored = fields.filter(store.hasOwnColumn);
    for (const row of created) {
      const cells: CellChange[] = [{ tableId: context.table.id, recordId: row.id, fieldId: null, action: 'create', oldValue: null, newValue: null }];
      for (const field of stored) {
        const value = row.values[field.id];
        if (value !== null && value !== undefined) {
          cells.push({ tableId: context.table.id, recordId: row.id, fieldId: field.id, action: 'create', oldValue: null, newValue: value });
        }
      }
      recorder.cells([...cells, ...(linkHistory.get(row.id) ?? [])]);
    }
    recorder.cells(linkHistory.get('') ?? []); // the inverse side's cells
    if (created.length > 0) {
      recorder.event({ tableId: context.table.id, type: 'records.created', payload: { tableId: context.table.id, recordIds: created.map((r) => r.id) } });
    }
    // New records: every computed field of the table (and what reads it) needs their values.
    const seeds: DirtyCells = mergeSeeds(new Map(), linked.seeds);
    for (const field of fields) addDirty(seeds, field.id, created.map((row) => row.id));
    // The new rows are as stored (every field) and no one else sees them yet: the recalculation
    // reads them from here. A retried create's rows are others' to change meanwhile: read again.
    const held = new RecordCache();
    held.hold(context.table.id, created);
    const rows = await materialize(platform, trx, meta.baseId, context, seeds, recorder, inserted, { previous: new Map(), linkHistory: linked.history, held, format, schemaVersion });
    return present(format, fields, writable, rows, options);
  });
}

export async function updateRecords(
  platform: Platform,
  meta: ChangeMeta,
  tableKey: string,
  input: ReadonlyArray<{ id: string; fields: unknown }>,
  options: WriteOptions,
): Promise<ApiRecord[]> {
  return applyChange(platform, meta, async (trx, recorder) => {
    const { context, fields, records: cast, writable, schemaVersion, format } = await prepare(platform, trx, meta, tableKey, input, options, 'update');
    const { records, links } = takeLinkCells(fields, cast);
    const { dialect } = platform.database;
    const updates = records.map((record) => ({ id: record.id!, values: record.values }));
    const ids = updates.map((update) => update.id);
    if (hasRecordScope(writable)) assertRecordsEditable(writable, ids, await store.getRecords(trx, dialect, context.table, context.fields, ids));
    // Every named record is checked (NOT_FOUND) and locked here, also those whose only change is a link.
    const result = await store.updateRecords(trx, dialect, context.table, fields, updates, meta.actor, recorder.at);
    recordCells(recorder, context.table.id, result.changes);
    const linkCells = records.map((record, index) => ({ recordId: record.id!, links: links[index]! }));
    const linked = await writeLinkCells(trx, dialect, context.table.id, fields, mergeLinkUpdates(linkCells), 'update');
    recorder.cells(linked.history);
    const stamped = new Set(result.changes.map((change) => change.recordId));
    const unstamped = [...linked.changedRecords].filter((id) => !stamped.has(id));
    await store.touchRecords(trx, dialect, context.table, unstamped, meta.actor, recorder.at);
    const seeds: DirtyCells = mergeSeeds(new Map(), linked.seeds);
    for (const change of result.changes) addDirty(seeds, change.fieldId, [change.recordId]);
    const fresh = unstamped.length === 0 ? result.records : await store.getRecords(trx, dialect, context.table, fields, result.records.map((row) => row.id));
    // The updated rows are locked by this transaction (FOR UPDATE; SQLite has one writer) and hold
    // every field: the recalculation reads their cells from here, as for new records.
    const held = new RecordCache();
    held.hold(context.table.id, fresh);
    const rows = await materialize(platform, trx, meta.baseId, context, seeds, recorder, fresh, { previous: previousValues(result.changes), linkHistory: linked.history, held, format, schemaVersion });
    if (hasRecordScope(writable)) assertStillEditable(writable, rows);
    const cellChanges = [...result.changes, ...linked.changedCells];
    if (cellChanges.length > 0) {
      const byRecord = new Map<string, string[]>();
      for (const change of cellChanges) byRecord.set(change.recordId, [...(byRecord.get(change.recordId) ?? []), change.fieldId]);
      recorder.event({
        tableId: context.table.id,
        type: 'records.updated',
        payload: { tableId: context.table.id, changes: [...byRecord].map(([recordId, fieldIds]) => ({ recordId, fieldIds })) },
      });
    }
    return present(format, fields, writable, rows, options);
  });
}

/** Link cells of one record named twice in a batch: the later value of a field wins, as for columns. */
function mergeLinkUpdates(cells: ReadonlyArray<{ recordId: string; links: Map<string, string[]> }>) {
  const merged = new Map<string, Map<string, string[]>>();
  for (const { recordId, links } of cells) merged.set(recordId, new Map([...(merged.get(recordId) ?? []), ...links]));
  return [...merged].map(([recordId, links]) => ({ recordId, links }));
}

export async function deleteRecords(
  platform: Platform,
  meta: ChangeMeta,
  tableKey: string,
  ids: readonly string[],
): Promise<Array<{ id: string; deleted: true }>> {
  if (ids.length === 0) throw new EngineError('VALIDATION_FAILED', 'Name at least one record to delete', { path: 'records' });
  return applyChange(platform, meta, async (trx, recorder) => {
    const context = await lockTableFields(platform, trx, meta.baseId, await loadTableContext(trx, meta.baseId, tableKey), 'share');
    const { table, fields, timeZone } = context;
    const { dialect } = platform.database;
    const writable = await writableTable(trx, writerOf(platform, meta), context, tableKey, 'delete');
    if (hasRecordScope(writable)) assertRecordsEditable(writable, ids, await store.getRecords(trx, dialect, table, fields, ids));
    const deleted = await store.deleteRecords(trx, dialect, table, fields, ids);
    const schema = await loadSchemaForChange(platform, trx, meta.baseId, timeZone);
    const touching = store.linkFieldsTouching(schema.fieldsById.values(), table.id);
    // Links of other tables pointing here: their junctions must not be dropped under this delete.
    await store.lockFieldRows(trx, dialect, { fieldIds: touching.filter((field) => field.tableId !== table.id).map((field) => field.id) }, 'share');
    const removed = await store.removeRecordsFromLinks(trx, dialect, table.id, deleted.map((row) => row.id), touching);
    const unlinked = removedLinkOutcome(schema.fieldsById, removed);
    for (const row of deleted) {
      const cells: CellChange[] = [{ tableId: table.id, recordId: row.id, fieldId: null, action: 'delete', oldValue: null, newValue: null }];
      for (const field of fields) {
        const value = row.values[field.id];
        if (value !== null && value !== undefined && store.hasOwnColumn(field)) {
          cells.push({ tableId: table.id, recordId: row.id, fieldId: field.id, action: 'delete', oldValue: value, newValue: null });
        }
      }
      recorder.cells(cells);
    }
    recorder.cells(unlinked.history);
    recorder.event({ tableId: table.id, type: 'records.deleted', payload: { tableId: table.id, recordIds: deleted.map((row) => row.id) } });
    // The deleted records' cells are what the values reading them through links counted.
    const previous = previousValues(deleted.flatMap((row) => fields.map((field) => ({ recordId: row.id, fieldId: field.id, oldValue: row.values[field.id] ?? null }))));
    for (const event of recalculationEvents(await recalculate(trx, dialect, schema, unlinked.seeds, { previous, linkedNow: linkedNow(unlinked.history) }))) recorder.event(event);
    return deleted.map((row) => ({ id: row.id, deleted: true as const }));
  });
}
