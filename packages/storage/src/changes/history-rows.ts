/**
 * How history entries are stored as rows of `history`, and read back. An entry is one row,
 * except a record's creation or deletion: its record entry (`fieldId` null) and the entries of
 * the cells it was created with (new values) or deleted with (old values) that follow it are one
 * row — the record entry's — whose `cells` column holds those cells as JSON `[[fieldId, value],
 * …]` in entry order. A batch of 1000 created records then writes 1000 rows instead of one per
 * cell. Every entry keeps an id of its own: the row takes the record entry's id and its cells the
 * ids right after it, which were reserved together (SqlDialect.reserveSerialIds) so that no other
 * row takes them; read back, the row gives exactly the entries one row per cell gave.
 */
import type { Insertable, Selectable } from 'kysely';
import type { MetaSchema } from '../meta-schema';
import type { HistoryAction, HistoryEntry, HistoryEntryInput } from './history';

export type HistoryRow = Selectable<MetaSchema['history']>;
export type NewHistoryRow = Insertable<MetaSchema['history']>;


function encodeJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

function decodeJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

const isEmpty = (value: unknown) => value === null || value === undefined;

/** The side of a cell entry that holds its value in a record's creation or deletion (the other is empty). */
const valueSide: Partial<Record<HistoryAction, 'newValue' | 'oldValue'>> = { create: 'newValue', delete: 'oldValue' };

const atText = (at: Date | string) => (typeof at === 'string' ? at : at.toISOString());

function isRecordEntry(entry: HistoryEntryInput): boolean {
  return entry.fieldId === null && valueSide[entry.action] !== undefined && isEmpty(entry.oldValue) && isEmpty(entry.newValue);
}

/** True when `cell` is a cell of `record`'s creation or deletion, written by the same command. */
function belongsTo(record: HistoryEntryInput, cell: HistoryEntryInput): boolean {
  const side = valueSide[record.action];
  return (
    cell.fieldId !== null &&
    cell.action === record.action &&
    cell.recordId === record.recordId &&
    cell.tableId === record.tableId &&
    cell.changeId === record.changeId &&
    cell.baseId === record.baseId &&
    cell.actorId === record.actorId &&
    cell.source === record.source &&
    atText(cell.at) === atText(record.at) &&
    isEmpty(side === 'newValue' ? cell.oldValue : cell.newValue)
  );
}

/** Consecutive entries that may be one row: a record entry with the cells after it, or one entry. */
export function groupEntries(entries: readonly HistoryEntryInput[]): HistoryEntryInput[][] {
  const groups: HistoryEntryInput[][] = [];
  let open: HistoryEntryInput[] | undefined;
  for (const entry of entries) {
    if (open && belongsTo(open[0]!, entry)) {
      open.push(entry);
      continue;
    }
    open = isRecordEntry(entry) ? [entry] : undefined;
    groups.push(open ?? [entry]);
  }
  return groups;
}

// Rows are plain literals, the id set after: spreading a conditional `{ id }` into the literal
// (and the row into another for `cells`) made V8 build each row the slow way, ~5 µs a row — a
// tenth of the time a 1000-record create spent outside SQL.
export function entryRow(entry: HistoryEntryInput, id?: number, cells: string | null = null): NewHistoryRow {
  const row: NewHistoryRow = {
    change_id: entry.changeId,
    base_id: entry.baseId,
    table_id: entry.tableId,
    record_id: entry.recordId,
    field_id: entry.fieldId,
    action: entry.action,
    actor_id: entry.actorId,
    source: entry.source,
    at: atText(entry.at),
    old_value: encodeJson(entry.oldValue),
    new_value: encodeJson(entry.newValue),
    cells,
  };
  if (id !== undefined) row.id = id;
  return row;
}

/** One row for a record entry and its cells, which take the ids `id + 1 …` after the row's. */
export function recordRow([record, ...cells]: readonly HistoryEntryInput[], id: number): NewHistoryRow {
  const side = valueSide[record!.action]!;
  return entryRow(record!, id, JSON.stringify(cells.map((cell) => [cell.fieldId, cell[side] ?? null])));
}

function decodeCells(row: HistoryRow): Array<[string, unknown]> {
  const cells = JSON.parse(row.cells!) as unknown;
  if (!Array.isArray(cells) || !cells.every((cell) => Array.isArray(cell) && cell.length === 2 && typeof cell[0] === 'string')) {
    throw new Error(`History row ${row.id} has cells that are not [[fieldId, value], …]`);
  }
  return cells as Array<[string, unknown]>;
}

/** The entries a row holds, newest (highest id) first. */
export function rowEntries(row: HistoryRow): HistoryEntry[] {
  const entry: HistoryEntry = {
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
  };
  if (row.cells === null) return [entry];
  const side = valueSide[entry.action];
  if (!side) throw new Error(`History row ${row.id} has cells but is a "${entry.action}" entry`);
  const cells = decodeCells(row).map(([fieldId, value], index): HistoryEntry => ({ ...entry, id: entry.id + 1 + index, fieldId, [side]: value }));
  return [...cells.reverse(), entry];
}
