/**
 * Cell history: one entry per changed cell (or per created / deleted record, with `fieldId`
 * null), written in the transaction of the change; how entries are stored as rows is
 * ./history-rows.ts. `changeId` groups the entries of one command so undo can invert it.
 * Values are JSON text; `null`/`undefined` is stored as SQL NULL.
 */
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { insertRows } from '../physical/row-inserts';
import { entryRow, groupEntries, recordRow, rowEntries, type NewHistoryRow } from './history-rows';

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

const rowColumns = ['change_id', 'base_id', 'table_id', 'record_id', 'field_id', 'action', 'actor_id', 'source', 'at', 'old_value', 'new_value', 'cells'] as const;

/**
 * Writes `entries` in the caller's transaction, in order: later entries get higher ids. A
 * record's creation or deletion with its cells is one row (./history-rows.ts); its entries'
 * ids are reserved first, and where a concurrent writer took ids in between (PostgreSQL), that
 * record's entries are written one row each instead.
 */
export async function appendHistory(trx: Executor, dialect: SqlDialect, entries: readonly HistoryEntryInput[]): Promise<void> {
  const { columns, rows } = await historyRows(trx, dialect, entries);
  await insertRows(trx, dialect, { table: 'history', columns }, rows);
}

/** The history table's rows for `entries` (values in `columns` order), ids reserved where records' entries share a row. */
export async function historyRows(
  trx: Executor,
  dialect: SqlDialect,
  entries: readonly HistoryEntryInput[],
): Promise<{ columns: readonly string[]; rows: unknown[][] }> {
  const groups = groupEntries(entries);
  let rows: NewHistoryRow[];
  if (groups.every((group) => group.length === 1)) {
    rows = groups.map(([entry]) => entryRow(entry!));
  } else {
    const ids = await dialect.reserveSerialIds(trx, 'history', entries.length);
    rows = [];
    let next = 0;
    for (const group of groups) {
      const taken = ids.slice(next, next + group.length);
      next += group.length;
      const contiguous = taken.every((id, index) => id === taken[0]! + index);
      if (group.length > 1 && contiguous) rows.push(recordRow(group, taken[0]!));
      else group.forEach((entry, index) => rows.push(entryRow(entry, taken[index]!)));
    }
  }
  const columns = rows[0]?.id === undefined ? rowColumns : (['id', ...rowColumns] as const);
  return { columns, rows: rows.map((row) => columns.map((column) => row[column] ?? null)) };
}

export interface HistoryPage {
  limit: number;
  /** Only entries older than this entry id (the previous page's last id). */
  before?: number;
}

/** A record's history, newest first. */
export async function listRecordHistory(db: Executor, tableId: string, recordId: string, page: HistoryPage): Promise<HistoryEntry[]> {
  // Every row holds at least one entry older than `before` (the row's own id), so `limit` rows
  // hold at least `limit` entries; a row holding several may also hold some newer than `before`.
  let query = db
    .selectFrom('history')
    .selectAll()
    .where('table_id', '=', tableId)
    .where('record_id', '=', recordId)
    .orderBy('id', 'desc')
    .limit(page.limit);
  if (page.before !== undefined) query = query.where('id', '<', page.before);
  const entries = (await query.execute()).flatMap(rowEntries);
  const { before } = page;
  return (before === undefined ? entries : entries.filter((entry) => entry.id < before)).slice(0, page.limit);
}
