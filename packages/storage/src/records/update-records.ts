/**
 * Updating cells. Only the columns a caller names are written, so two concurrent edits of
 * different cells of one row both survive (A9.1). Old values are read in the same transaction —
 * with `FOR UPDATE` where the dialect has row locks — and compared with the new ones: only cells
 * that really change are written and reported, and only records with a change get a new version
 * and modified time / by. A missing record is NOT_FOUND before anything is written.
 */
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import { EngineError, type Field } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { atomically } from '../physical/executor';
import { systemColumns, versionColumn } from '../physical/naming';
import { bulkUpdate } from './bulk-update';
import { readRowsById } from './read-rows';
import { cellReader, recordDecoder, type Actor, type StoredRecord } from './stored-record';
import { encodeCell, writableColumn, type WritableColumn } from './writable-cells';

export interface RecordUpdate {
  id: string;
  /** Canonical values keyed by field id; `null` empties a cell. Fields left out are untouched. */
  values: Record<string, unknown>;
}

export interface CellChange {
  recordId: string;
  fieldId: string;
  oldValue: unknown;
  newValue: unknown;
}

export interface UpdateResult {
  /** One entry per cell whose value changed, in the order of the updates. */
  changes: CellChange[];
  /** Every named record as it is after the update (unchanged ones included), in update order. */
  records: StoredRecord[];
}

export function sameCellValue(a: unknown, b: unknown): boolean {
  return a === b || isDeepStrictEqual(a, b);
}

/** Updates of one record merged in order (a later value for the same field wins). */
function mergeUpdates(updates: readonly RecordUpdate[]): Map<string, Record<string, unknown>> {
  const merged = new Map<string, Record<string, unknown>>();
  for (const update of updates) merged.set(update.id, { ...merged.get(update.id), ...update.values });
  return merged;
}

export async function updateRecords(
  trx: Executor,
  dialect: SqlDialect,
  table: { id: string },
  fields: readonly Field[],
  updates: readonly RecordUpdate[],
  actor: Actor,
  now: Date = new Date(),
): Promise<UpdateResult> {
  const merged = mergeUpdates(updates);
  const targets = new Map<string, WritableColumn>();
  for (const [recordId, values] of merged) {
    for (const fieldId of Object.keys(values)) {
      if (!targets.has(fieldId)) targets.set(fieldId, writableColumn(fields, fieldId, recordId));
    }
  }
  if (merged.size === 0) return { changes: [], records: [] };

  return atomically(trx, async (t) => {
    const current = await readRowsById(t, dialect, table.id, [...merged.keys()], { lock: true });
    for (const recordId of merged.keys()) {
      if (!current.has(recordId)) throw new EngineError('NOT_FOUND', `No record "${recordId}" in this table`, { record: recordId, table: table.id });
    }

    const changes: CellChange[] = [];
    const records: StoredRecord[] = [];
    // Records changing the same set of fields share one UPDATE … FROM (VALUES …).
    const groups = new Map<string, { fieldIds: string[]; rows: Array<{ id: string; params: unknown[] }> }>();
    const at = now.toISOString();
    const decode = recordDecoder(dialect, fields);
    const readers = new Map([...targets].map(([fieldId, target]) => [fieldId, cellReader(dialect, target.field)]));
    for (const [recordId, values] of merged) {
      const raw = current.get(recordId)!;
      const cellChanges: CellChange[] = [];
      for (const [fieldId, value] of Object.entries(values)) {
        const newValue = value === undefined ? null : value;
        const oldValue = readers.get(fieldId)!(raw);
        if (!sameCellValue(oldValue, newValue)) cellChanges.push({ recordId, fieldId, oldValue, newValue });
      }
      if (cellChanges.length === 0) {
        records.push(decode(raw));
        continue;
      }
      changes.push(...cellChanges);
      const changedFieldIds = cellChanges.map((change) => change.fieldId).sort();
      const key = changedFieldIds.join(',');
      const group = groups.get(key) ?? { fieldIds: changedFieldIds, rows: [] };
      group.rows.push({ id: recordId, params: changedFieldIds.map((id) => encodeCell(dialect, targets.get(id)!.kind, values[id])) });
      groups.set(key, group);
      // System-backed fields (modified time / by) must show the new stamp too: decode a stamped row.
      const stampedRaw = {
        ...raw,
        [versionColumn]: Number(raw[versionColumn]) + 1,
        [systemColumns.modifiedTime]: at,
        [systemColumns.modifiedBy]: actor.userId,
      };
      const after = decode(stampedRaw);
      for (const change of cellChanges) after.values[change.fieldId] = change.newValue;
      records.push(after);
    }

    const stamp = [
      sql`${sql.ref(versionColumn)} = ${sql.ref(versionColumn)} + 1`,
      sql`${sql.ref(systemColumns.modifiedTime)} = ${at}`,
      sql`${sql.ref(systemColumns.modifiedBy)} = ${actor.userId}`,
    ];
    for (const group of groups.values()) {
      const columns = group.fieldIds.map((id) => ({ column: targets.get(id)!.column, kind: targets.get(id)!.kind }));
      await bulkUpdate(t, dialect, table.id, columns, group.rows, stamp);
    }
    return { changes, records };
  });
}
