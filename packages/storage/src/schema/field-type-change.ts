/**
 * Changing a field's type, in the caller's transaction: a scratch column of the new storage
 * kind is added, every non-empty value is read in keyset batches, converted by the caller's
 * `convert` (core's conversion), written, the old column dropped and the scratch column renamed
 * to `f_<id>`. Values that cannot be converted become empty and are reported, never silently
 * lost. A target type backed by a system column (created time …) owns no column: the old column
 * is dropped and nothing is converted.
 */
import type { CastResult, Field, FieldTypeKey } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { atomically, userDb } from '../physical/executor';
import { dropFieldIndex, ensureFieldIndex, hasFieldIndex } from '../physical/field-index';
import { fieldPlacement } from '../physical/field-storage';
import { convertingColumnName, recordIdColumn, userTableName } from '../physical/naming';
import { addColumn, dropColumn, renameColumn } from '../physical/user-table-ddl';
import { bulkUpdate, type BulkRow } from '../records/bulk-update';
import { cellValue } from '../records/stored-record';
import { requireField } from './field-meta';

export interface FieldTypeTarget {
  type: FieldTypeKey;
  /** Options of the new type, validated by core. */
  options: Record<string, unknown>;
}

/** Converts one canonical value of the old type; `options` in a result extends the new options. */
export type ConvertCell = (value: unknown) => CastResult<unknown, unknown>;

export interface ConversionFailure {
  recordId: string;
  /** The old canonical value that could not be converted (now empty). */
  value: unknown;
  reason: string;
}

export interface FieldTypeChangeReport {
  /** The field as stored after the change. */
  field: Field;
  /** Non-empty values converted (to a value or, when the conversion says so, to empty). */
  converted: number;
  failed: number;
  /** The first 100 failures; `onFailure` sees all of them. */
  failures: ConversionFailure[];
}

export interface FieldTypeChangeOptions {
  /** Rows read per batch (default 5,000). */
  batchSize?: number;
  /** Called for every failure, beyond the 100 kept in the report (e.g. to write them to history). */
  onFailure?: (failure: ConversionFailure) => void;
}

const reportedFailures = 100;

export async function changeFieldType(
  trx: Executor,
  dialect: SqlDialect,
  fieldId: string,
  target: FieldTypeTarget,
  convert: ConvertCell,
  options: FieldTypeChangeOptions = {},
): Promise<FieldTypeChangeReport> {
  return atomically(trx, async (t) => {
    const field = await requireField(t, fieldId);
    const oldPlacement = fieldPlacement(field);
    const newPlacement = fieldPlacement({ id: field.id, type: target.type, options: target.options });
    const report: FieldTypeChangeReport = { field, converted: 0, failed: 0, failures: [] };
    let newOptions = target.options;

    if (newPlacement.own) {
      const scratch = convertingColumnName(field.id);
      const scratchColumn = [{ column: scratch, kind: newPlacement.kind }];
      await addColumn(t, dialect, field.tableId, scratch, newPlacement.kind);
      const batchSize = options.batchSize ?? 5_000;
      let after: string | null = null;
      for (;;) {
        let query = userDb(t)
          .selectFrom(userTableName(field.tableId))
          .select([recordIdColumn, oldPlacement.column])
          .where(oldPlacement.column, 'is not', null)
          .orderBy(recordIdColumn)
          .limit(batchSize);
        if (after !== null) query = query.where(recordIdColumn, '>', after);
        const rows = (await query.execute()) as Array<Record<string, unknown>>;
        if (rows.length === 0) break;
        const writes: BulkRow[] = [];
        for (const row of rows) {
          const recordId = String(row[recordIdColumn]);
          const value = cellValue(dialect, field, row);
          const result = convert(value);
          if (result.ok) {
            report.converted += 1;
            if (result.options) newOptions = result.options as Record<string, unknown>;
            if (result.value !== null) writes.push({ id: recordId, params: [dialect.encode(newPlacement.kind, result.value)] });
          } else {
            report.failed += 1;
            const failure = { recordId, value, reason: result.reason };
            if (report.failures.length < reportedFailures) report.failures.push(failure);
            options.onFailure?.(failure);
          }
        }
        await bulkUpdate(t, dialect, field.tableId, scratchColumn, writes);
        after = String(rows[rows.length - 1]![recordIdColumn]);
        if (rows.length < batchSize) break;
      }
    }

    const indexed = oldPlacement.own && (await hasFieldIndex(t, dialect, field.tableId, field));
    if (oldPlacement.own) {
      await dropFieldIndex(t, field.tableId, field);
      await dropColumn(t, field.tableId, oldPlacement.column);
      // Error values belong to the old computation; a computed target starts without any.
      if (oldPlacement.errorColumn) await dropColumn(t, field.tableId, oldPlacement.errorColumn);
    }
    if (newPlacement.own && newPlacement.errorColumn) await addColumn(t, dialect, field.tableId, newPlacement.errorColumn, 'json');
    const changed: Field = { ...field, type: target.type, options: newOptions };
    if (newPlacement.own) {
      await renameColumn(t, field.tableId, convertingColumnName(field.id), newPlacement.column);
      if (indexed) await ensureFieldIndex(t, dialect, field.tableId, changed);
    }
    await t
      .updateTable('fields')
      .set({ type: target.type, options: JSON.stringify(newOptions) })
      .where('id', '=', field.id)
      .execute();
    report.field = changed;
    return report;
  });
}
