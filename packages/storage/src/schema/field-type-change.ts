/**
 * Changing a field's type, in the caller's transaction: every non-empty value is read in keyset
 * batches, converted by the caller's `convert` (core's conversion), and the converted values
 * replace the column's (./type-change/column-rewrite.ts: how, per dialect); the field's indexes
 * are rebuilt for the new kind. Values that cannot be converted become empty and are reported,
 * never silently lost. A target type backed by a system column (created time …) owns no column:
 * the old column is dropped and nothing is converted.
 */
import type { CastResult, Field, FieldTypeKey } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { atomically, userDb } from '../physical/executor';
import { dropFieldIndex, ensureFieldIndex, hasFieldIndex } from '../physical/field-index';
import { fieldPlacement } from '../physical/field-storage';
import { recordIdColumn, systemColumns, userTableName } from '../physical/naming';
import { addColumn, dropColumn } from '../physical/user-table-ddl';
import type { BulkRow } from '../records/bulk-update';
import { cellValue } from '../records/stored-record';
import { walkKeyOf, type WalkKey } from '../records/table-walk';
import { requireField } from './field-meta';
import { freshColumn, startColumnRewrite } from './type-change/column-rewrite';

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

    // Converted values need a column of their own to go to: a system-backed target has none.
    const rewriteTarget = { fieldId: field.id, tableId: field.tableId, column: newPlacement.column, kind: newPlacement.kind };
    const rewrite = !newPlacement.own
      ? undefined
      : oldPlacement.own
        ? await startColumnRewrite(t, dialect, rewriteTarget)
        : await freshColumn(t, dialect, rewriteTarget);
    if (rewrite) {
      const batchSize = options.batchSize ?? 5_000;
      // Keyset batches in creation order (auto number), the order rows were inserted in: a batch
      // reads neighbouring pages of the table, where id order reads one page per record, at
      // random (1,000,000 records on PostgreSQL: ~17 s of reads, most of them waiting on I/O).
      // On SQLite the batch's updates then also land on neighbouring pages (records/table-walk.ts).
      let after: WalkKey | null = null;
      for (;;) {
        let query = userDb(t)
          .selectFrom(userTableName(field.tableId))
          .select([recordIdColumn, `${systemColumns.autoNumber} as walk_key`, oldPlacement.column])
          .where(oldPlacement.column, 'is not', null)
          .orderBy(systemColumns.autoNumber)
          .limit(batchSize);
        if (after !== null) query = query.where(systemColumns.autoNumber, '>', after);
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
        await rewrite.write(writes);
        after = walkKeyOf(rows[rows.length - 1]!.walk_key);
        if (rows.length < batchSize) break;
      }
    }

    const indexed = oldPlacement.own && (await hasFieldIndex(t, dialect, field.tableId, field));
    const indexedDescending = oldPlacement.own && (await hasFieldIndex(t, dialect, field.tableId, field, 'desc'));
    if (oldPlacement.own) {
      // The index keys follow the storage kind (text sorts by code points): rebuilt below.
      await dropFieldIndex(t, field.tableId, field);
      // Error values belong to the old computation; a computed target starts without any.
      if (oldPlacement.errorColumn) await dropColumn(t, field.tableId, oldPlacement.errorColumn);
    }
    if (rewrite) await rewrite.finish();
    else if (oldPlacement.own) await dropColumn(t, field.tableId, oldPlacement.column);
    if (newPlacement.own && newPlacement.errorColumn) await addColumn(t, dialect, field.tableId, newPlacement.errorColumn, 'json');
    const changed: Field = { ...field, type: target.type, options: newOptions };
    if (newPlacement.own) {
      if (indexed) await ensureFieldIndex(t, dialect, field.tableId, changed);
      if (indexedDescending) await ensureFieldIndex(t, dialect, field.tableId, changed, 'desc');
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
