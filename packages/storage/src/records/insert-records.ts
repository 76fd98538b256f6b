/**
 * Inserting records. Ids are the caller's (`rec_…`, for idempotent retries — A9.3) or new;
 * auto numbers are reserved with one UPDATE of `tables.auto_number_seq` (on PostgreSQL that
 * row lock also orders concurrent inserters, so row-order keys appended after it never collide);
 * row-order keys go after the current last record. Multi-row INSERTs are chunked under the
 * parameter limit. A row whose id already exists is not inserted again: its stored state is
 * returned with `created: false`.
 */
import { generateNKeysBetween } from 'fractional-indexing';
import { EngineError, isId, newId, type Field } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { atomically, userDb } from '../physical/executor';
import { recordIdColumn, rowOrderColumn, systemColumns, userTableName, versionColumn } from '../physical/naming';
import { insertRows, type AnyInsert } from '../physical/row-inserts';
import { readRowsById, type RawRow } from './read-rows';
import { recordDecoder, systemColumnList, type Actor, type StoredRecord } from './stored-record';
import { encodeCell, writableColumn, type WritableColumn } from './writable-cells';

export interface NewRecord {
  /** A `rec_` id chosen by the client; a new one when absent. */
  id?: string;
  /** Canonical values keyed by field id; fields left out start empty. */
  values: Record<string, unknown>;
}

export type InsertedRecord = StoredRecord & {
  /** False when a record with the given id already existed and was returned unchanged. */
  created: boolean;
};

function checkClientIds(rows: readonly NewRecord[]): void {
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (row.id === undefined) return;
    if (!isId('record', row.id)) {
      throw new EngineError('VALIDATION_FAILED', `"${row.id}" is not a record id (rec_ + 16 letters or digits)`, {
        record: row.id,
        path: `/records/${index}/id`,
      });
    }
    if (seen.has(row.id)) {
      throw new EngineError('VALIDATION_FAILED', `The record id "${row.id}" appears twice in one batch`, { record: row.id });
    }
    seen.add(row.id);
  });
}

async function reserveAutoNumbers(trx: Executor, tableId: string, count: number): Promise<number> {
  const row = await trx
    .updateTable('tables')
    .set((eb) => ({ auto_number_seq: eb('auto_number_seq', '+', count) }))
    .where('id', '=', tableId)
    .returning('auto_number_seq')
    .executeTakeFirst();
  if (!row) throw new EngineError('NOT_FOUND', `No table "${tableId}"`, { table: tableId });
  return Number(row.auto_number_seq) - count + 1;
}

async function lastRowOrder(trx: Executor, tableId: string): Promise<string | null> {
  const row = await userDb(trx)
    .selectFrom(userTableName(tableId))
    .select(rowOrderColumn)
    .orderBy(rowOrderColumn, 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? String(row[rowOrderColumn]) : null;
}

export async function insertRecords(
  trx: Executor,
  dialect: SqlDialect,
  table: { id: string },
  fields: readonly Field[],
  rows: readonly NewRecord[],
  actor: Actor,
  now: Date = new Date(),
): Promise<InsertedRecord[]> {
  checkClientIds(rows);
  const columns = new Map<string, WritableColumn>();
  rows.forEach((row, index) => {
    for (const fieldId of Object.keys(row.values)) {
      if (!columns.has(fieldId)) columns.set(fieldId, writableColumn(fields, fieldId, row.id ?? `#${index}`));
    }
  });
  if (rows.length === 0) return [];

  return atomically(trx, async (t) => {
    const clientIds = rows.flatMap((row) => (row.id === undefined ? [] : [row.id]));
    const existing = await readRowsById(t, dialect, table.id, clientIds);
    const withIds = rows.map((row) => ({ id: row.id ?? newId('record'), values: row.values }));
    const fresh = withIds.filter((row) => !existing.has(row.id));

    const inserted = new Map<string, RawRow>();
    if (fresh.length > 0) {
      const firstNumber = await reserveAutoNumbers(t, table.id, fresh.length);
      const keys = generateNKeysBetween(await lastRowOrder(t, table.id), null, fresh.length);
      const at = now.toISOString();
      // Every row lists every column (SQLite has no DEFAULT inside a multi-row VALUES), system ones first.
      const targets = [...columns];
      const records = fresh.map((row, i) => {
        const system: Record<string, unknown> = {
          [recordIdColumn]: row.id,
          [systemColumns.autoNumber]: firstNumber + i,
          [rowOrderColumn]: keys[i],
          [systemColumns.createdTime]: at,
          [systemColumns.modifiedTime]: at,
          [systemColumns.createdBy]: actor.userId,
          [systemColumns.modifiedBy]: actor.userId,
          [versionColumn]: 1,
        };
        return [...systemColumnList.map((column) => system[column]), ...targets.map(([fieldId, target]) => encodeCell(dialect, target.kind, row.values[fieldId]))];
      });
      const insert = {
        table: userTableName(table.id),
        columns: [...systemColumnList, ...targets.map(([, target]) => target.column)],
        shape: { name: 'new records', apply: (query: AnyInsert) => query.onConflict((oc) => oc.column(recordIdColumn).doNothing()).returningAll() },
      };
      for (const row of (await insertRows(t, dialect, insert, records)) as RawRow[]) inserted.set(String(row[recordIdColumn]), row);
      // A concurrent insert of the same client id won the race: return its row like a retry.
      const lost = fresh.filter((row) => !inserted.has(row.id)).map((row) => row.id);
      for (const [id, row] of await readRowsById(t, dialect, table.id, lost)) existing.set(id, row);
    }

    const decode = recordDecoder(dialect, fields);
    return withIds.map(({ id }) => {
      const raw = inserted.get(id) ?? existing.get(id);
      if (!raw) throw new EngineError('INTERNAL', `Record "${id}" was neither inserted nor found`, { record: id });
      return { ...decode(raw), created: inserted.has(id) };
    });
  });
}
