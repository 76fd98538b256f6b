/**
 * An outbox event as one caller may see it (RELIABILITY A1.4 "realtime events"): under their
 * permission for the event's table, record ids narrowed to records in their read scope and field
 * ids to fields they can read; nothing for a table they cannot read. Deletions cannot be tested
 * against a scope any more (the records are gone), so a scoped caller is told only that the
 * table changed.
 */
import { evaluatePredicate } from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../platform';
import type { OutboxEvent } from '../services/data/event-bus';
import type { Caller } from '../services/access/caller';
import { findReadableTable, type ReadableTable } from '../services/access/readable-table';
import type { ServerMessage } from './realtime-messages';

const schemaEvents = new Set(['table.updated', 'table.deleted', 'field.created', 'field.updated', 'field.deleted', 'field.filled', 'view.created', 'view.updated', 'view.deleted']);

async function readableIds(platform: Platform, readable: ReadableTable, ids: readonly string[]): Promise<Set<string>> {
  const { db, dialect } = platform.database;
  const rows = await store.getRecords(db, dialect, readable.table, readable.allFields, ids);
  return new Set(rows.filter((row) => !readable.readScope || evaluatePredicate(readable.readScope, row)).map((row) => row.id));
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export async function eventForCaller(platform: Platform, caller: Caller, event: OutboxEvent): Promise<ServerMessage | undefined> {
  const tableId = event.tableId;
  if (tableId === null) return undefined;
  if (event.type === 'table.deleted') return { type: 'schema.changed', tableId };
  // Another member's personal view does not exist for this caller.
  if (typeof event.payload.ownerId === 'string' && event.payload.ownerId !== caller.userId) return undefined;
  const readable = await findReadableTable(platform, caller, tableId);
  if (!readable) return undefined;
  if (schemaEvents.has(event.type)) return { type: 'schema.changed', tableId };
  const payload = event.payload;
  const canRead = (fieldId: string) => readable.fields.some((field) => field.id === fieldId);

  if (event.type === 'comment.created') {
    const recordId = String(payload.recordId);
    const readableNow = !readable.readScope || (await readableIds(platform, readable, [recordId])).has(recordId);
    return readableNow ? { type: 'comment.created', tableId, recordId, commentId: String(payload.commentId) } : undefined;
  }
  if (event.type === 'records.deleted') {
    return readable.readScope ? { type: 'records.changed', tableId } : { type: 'records.deleted', tableId, recordIds: stringList(payload.recordIds) };
  }
  if (event.type === 'records.moved') {
    // The order changed, no value did: readers of the record re-read their page.
    const ids = stringList(payload.recordIds);
    const shown = readable.readScope ? await readableIds(platform, readable, ids) : new Set(ids);
    return shown.size > 0 ? { type: 'records.changed', tableId } : undefined;
  }
  if (event.type === 'records.created') {
    const ids = stringList(payload.recordIds);
    const shown = readable.readScope ? [...(await readableIds(platform, readable, ids))] : ids;
    return shown.length > 0 ? { type: 'records.created', tableId, recordIds: shown } : undefined;
  }
  const changes: Array<{ recordId: string; fieldIds: string[] }> =
    event.type === 'records.updated'
      ? (Array.isArray(payload.changes) ? payload.changes : []).map((change: { recordId?: unknown; fieldIds?: unknown }) => ({
          recordId: String(change.recordId),
          fieldIds: stringList(change.fieldIds),
        }))
      : event.type === 'records.recalculated' && typeof payload.fieldId === 'string'
        ? stringList(payload.recordIds).map((recordId) => ({ recordId, fieldIds: [payload.fieldId as string] }))
        : [];
  if (changes.length === 0) return undefined;
  const inScope = readable.readScope ? await readableIds(platform, readable, changes.map((change) => change.recordId)) : undefined;
  // A record out of scope now may have left it through this very change (the caller may show it):
  // they are told to re-read, without ids — which says nothing of which records those were.
  if (inScope && changes.some((change) => !inScope.has(change.recordId))) return { type: 'records.changed', tableId };
  const shown = changes
    .map((change) => ({ recordId: change.recordId, fieldIds: change.fieldIds.filter(canRead) }))
    .filter((change) => change.fieldIds.length > 0);
  return shown.length > 0 ? { type: 'records.updated', tableId, changes: shown } : undefined;
}
