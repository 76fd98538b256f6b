/**
 * Records one recalculation holds in memory, so it does not select again what its caller has
 * just written: the caller holds rows only it can change, with every field of the table — a
 * create the rows it inserted, which no other transaction sees yet; an update the rows it
 * locked and updated (FOR UPDATE; SQLite has one writer) — and every computed cell the
 * recalculation writes into a held row is applied to it as a read would give it back
 * (store.computedCellReadBack). A full computation then takes its page from here when every
 * record of it is held, and the caller answers with the held rows instead of reading them again.
 *
 * Not for locked reads: an update from links reads (and locks) the rows it updates itself
 * (./compute-field.ts), and only writes back into here.
 *
 * Computed cells of held rows wait here to be written (`defer`), all fields of a table in one
 * UPDATE (`flush`): a new record's lookup, rollup and two formulas are then one write of its row,
 * not four — on PostgreSQL one new row version, not four. Whoever reads a table from the database
 * during the recalculation flushes it first, and the recalculation flushes everything at its end.
 */
import type { Field } from '@multitable/core';
import * as store from '@multitable/storage';

export class RecordCache {
  /** Table id → record id → the row as stored now. */
  private readonly tables = new Map<string, Map<string, store.StoredRecord>>();
  /** Table id → the fields with deferred cells, and the held rows they are deferred for. */
  private readonly unwritten = new Map<string, { fields: Map<string, Field>; ids: Set<string> }>();

  /** Holds `rows` of `tableId`, as this transaction stored them (kept up to date from here on by `written`). */
  hold(tableId: string, rows: Iterable<store.StoredRecord>): void {
    const held = this.tables.get(tableId) ?? new Map<string, store.StoredRecord>();
    for (const row of rows) held.set(row.id, row);
    this.tables.set(tableId, held);
  }

  /**
   * The rows of `ids` (once each, in order) when every one is held with a value of every field
   * in `fields`, else undefined: the caller reads them. A row may carry more fields than asked.
   */
  rows(tableId: string, ids: Iterable<string>, fields: readonly Field[]): store.StoredRecord[] | undefined {
    const held = this.tables.get(tableId);
    if (!held) return undefined;
    const rows: store.StoredRecord[] = [];
    for (const id of new Set(ids)) {
      const row = held.get(id);
      if (!row || !fields.every((field) => field.id in row.values)) return undefined;
      rows.push(row);
    }
    return rows;
  }

  /** Computed cells of `field` just written (store.writeComputedCells): held rows take the values as stored. */
  written(field: Field, cells: ReadonlyArray<{ id: string; value: unknown }>): void {
    const held = this.tables.get(field.tableId);
    if (!held || cells.length === 0) return;
    const readBack = store.computedCellReadBack(field);
    for (const cell of cells) {
      const row = held.get(cell.id);
      if (row) row.values[field.id] = readBack(cell.value);
    }
  }

  /** Whether every one of `ids` is a held row of `tableId`. */
  holdsAll(tableId: string, ids: Iterable<string>): boolean {
    const held = this.tables.get(tableId);
    if (!held) return false;
    for (const id of ids) if (!held.has(id)) return false;
    return true;
  }

  /** Computed cells of `field` for held rows (holdsAll): applied to them now, written by `flush`. */
  defer(field: Field, cells: ReadonlyArray<{ id: string; value: unknown }>): void {
    if (cells.length === 0) return;
    this.written(field, cells);
    const waiting = this.unwritten.get(field.tableId) ?? { fields: new Map<string, Field>(), ids: new Set<string>() };
    waiting.fields.set(field.id, field);
    for (const cell of cells) waiting.ids.add(cell.id);
    this.unwritten.set(field.tableId, waiting);
  }

  /** Writes the deferred cells of `tableId` (of every table when absent), each table's in one UPDATE. */
  async flush(trx: store.Executor, dialect: store.SqlDialect, tableId?: string): Promise<void> {
    for (const id of tableId === undefined ? [...this.unwritten.keys()] : [tableId]) {
      const waiting = this.unwritten.get(id);
      if (!waiting) continue;
      this.unwritten.delete(id);
      const held = this.tables.get(id)!;
      const rows = [...waiting.ids].map((recordId) => held.get(recordId)!);
      await store.writeComputedRows(trx, dialect, id, [...waiting.fields.values()], rows);
    }
  }
}

/**
 * The records as stored now: from `held` when it holds them all (not for a locked read, which
 * must reach the rows), else store.getRecords after writing what waits in `held` for the table.
 */
export async function readRecords(
  trx: store.Executor,
  dialect: store.SqlDialect,
  held: RecordCache | undefined,
  tableId: string,
  fields: readonly Field[],
  ids: readonly string[],
  options?: { lock?: boolean },
): Promise<store.StoredRecord[]> {
  const cached = options?.lock ? undefined : held?.rows(tableId, ids, fields);
  if (cached) return cached;
  await held?.flush(trx, dialect, tableId);
  return store.getRecords(trx, dialect, { id: tableId }, fields, ids, options);
}
