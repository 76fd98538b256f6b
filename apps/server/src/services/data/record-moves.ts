/**
 * Moving a record in its table's manual order (`row_order`): the order the grid shows when a
 * view has no sort and the order of a kanban column's cards. A move is a change like any other
 * (DESIGN §5): the caller must be allowed to edit the record, and the move is written with a
 * history row (`move`, old and new row-order key, so it can be undone) and an outbox event
 * (`records.moved`) in one transaction. Cell values, version and modified time stay as they are.
 */
import { EngineError, evaluatePredicate } from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../../platform';
import { assertRecordsEditable, hasRecordScope, writableTable, type WritableTable } from '../access/write-policy';
import { applyChange, type ChangeMeta } from './change-recorder';
import { writerOf } from './record-writes';
import { loadTableContext } from './table-lookup';

export interface RecordPlacement {
  /** Put the record immediately before this one. */
  before?: string;
  /** Put the record immediately after this one (with `before`: between both). */
  after?: string;
}

/** An anchor the caller cannot read is, to them, no record at all — in storage's own words. */
function assertAnchorsReadable(writable: WritableTable, anchors: readonly string[], rows: readonly store.StoredRecord[]): void {
  if (!writable.readScope) return;
  for (const id of anchors) {
    const row = rows.find((candidate) => candidate.id === id);
    if (row && !evaluatePredicate(writable.readScope, row)) throw new EngineError('NOT_FOUND', `No record "${id}" to place next to`, { record: id });
  }
}

export async function moveRecord(platform: Platform, meta: ChangeMeta, tableKey: string, recordId: string, placement: RecordPlacement): Promise<{ id: string; moved: true }> {
  return applyChange(platform, meta, async (trx, recorder) => {
    const { dialect } = platform.database;
    const context = await loadTableContext(trx, meta.baseId, tableKey);
    const writable = await writableTable(trx, writerOf(platform, meta), context, tableKey, 'update');
    const anchors = [placement.before, placement.after].filter((id): id is string => id !== undefined);
    const rows = await store.getRecords(trx, dialect, context.table, context.fields, [recordId, ...anchors]);
    if (hasRecordScope(writable)) {
      assertRecordsEditable(writable, [recordId], rows);
      assertAnchorsReadable(writable, anchors, rows);
    }
    const oldOrder = rows.find((row) => row.id === recordId)?.rowOrder;
    // Storage checks (and locks) the record and the anchors: unknown ids are NOT_FOUND, naming them.
    const moved = await store.moveRecord(trx, dialect, context.table, recordId, placement);
    const tableId = context.table.id;
    recorder.cells([{ tableId, recordId, fieldId: null, action: 'move', oldValue: { rowOrder: oldOrder ?? null }, newValue: { rowOrder: moved.rowOrder } }]);
    recorder.event({ tableId, type: 'records.moved', payload: { tableId, recordIds: [recordId] } });
    return { id: recordId, moved: true as const };
  });
}
