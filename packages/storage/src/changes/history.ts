/**
 * Cell history: one row per changed cell (or per created / deleted record, with `fieldId`
 * null), written in the transaction of the change. `changeId` groups the rows of one command
 * so undo can invert it. Values are JSON text; `null`/`undefined` is stored as SQL NULL.
 */
import type { Executor } from '../database';
import { chunkForParameters } from '../physical/executor';

/** `move`: the record's place in the table's row order changed (old and new `{ rowOrder }`; `fieldId` null). */
export type HistoryAction = 'create' | 'update' | 'delete' | 'move';

export interface HistoryEntryInput {
  changeId: string;
  baseId: string;
  tableId: string;
  recordId: string;
  fieldId: string | null;
  action: HistoryAction;
  actorId: string;
  /** 'api' | 'web' | 'import' | 'automation' | 'form' | 'system'. */
  source: string;
  at: Date | string;
  oldValue: unknown;
  newValue: unknown;
}

export interface HistoryEntry extends Omit<HistoryEntryInput, 'at'> {
  id: number;
  /** ISO-8601 UTC. */
  at: string;
}

function encodeJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

function decodeJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

// Under every dialect's parameter limit, so callers need not pass the dialect.
const portableParameterLimit = 16_000;
const columnsPerEntry = 11;

export async function appendHistory(trx: Executor, entries: readonly HistoryEntryInput[]): Promise<void> {
  const rows = entries.map((entry) => ({
    change_id: entry.changeId,
    base_id: entry.baseId,
    table_id: entry.tableId,
    record_id: entry.recordId,
    field_id: entry.fieldId,
    action: entry.action,
    actor_id: entry.actorId,
    source: entry.source,
    at: typeof entry.at === 'string' ? entry.at : entry.at.toISOString(),
    old_value: encodeJson(entry.oldValue),
    new_value: encodeJson(entry.newValue),
  }));
  for (const chunk of chunkForParameters(rows, columnsPerEntry, portableParameterLimit)) {
    await trx.insertInto('history').values(chunk).execute();
  }
}

export interface HistoryPage {
  limit: number;
  /** Only entries older than this entry id (the previous page's last id). */
  before?: number;
}

/** A record's history, newest first. */
export async function listRecordHistory(db: Executor, tableId: string, recordId: string, page: HistoryPage): Promise<HistoryEntry[]> {
  let query = db
    .selectFrom('history')
    .selectAll()
    .where('table_id', '=', tableId)
    .where('record_id', '=', recordId)
    .orderBy('id', 'desc')
    .limit(page.limit);
  if (page.before !== undefined) query = query.where('id', '<', page.before);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: Number(row.id),
    changeId: row.change_id,
    baseId: row.base_id,
    tableId: row.table_id,
    recordId: row.record_id,
    fieldId: row.field_id,
    action: row.action as HistoryAction,
    actorId: row.actor_id,
    source: row.source,
    at: row.at,
    oldValue: decodeJson(row.old_value),
    newValue: decodeJson(row.new_value),
  }));
}
