/**
 * One batch of cell changes as the records API takes it — a PATCH per 1000 records, each
 * all-or-nothing on the server — and, when the server refuses, the cell its error names.
 */
import { ApiError } from '../../api/client';
import { maxRecordBatch, updateRecords, type ApiRecord } from '../../api/records';
import type { ApiField } from '../../api/tables';
import type { WaitingBatch, WaitingCell } from './waiting-batches';

/** Sends the batch; resolves to the stored records by id. */
export async function sendBatch(baseId: string, batch: WaitingBatch): Promise<Map<string, ApiRecord>> {
  const byRecord = new Map<string, Record<string, unknown>>();
  for (const { recordId, fieldId, send } of batch.cells) {
    byRecord.set(recordId, { ...byRecord.get(recordId), [fieldId]: send });
  }
  const records = [...byRecord].map(([id, fields]) => ({ id, fields }));
  const stored = new Map<string, ApiRecord>();
  for (let start = 0; start < records.length; start += maxRecordBatch) {
    const answer = await updateRecords(baseId, batch.tableId, records.slice(start, start + maxRecordBatch));
    for (const record of answer) stored.set(record.id, record);
  }
  return stored;
}

/** The cell a server refusal names (record index or id, field name or id), else the batch's first. */
export function blamedCell(error: unknown, cells: readonly WaitingCell[], fields: ReadonlyMap<string, ApiField>): { recordId: string; fieldId: string } {
  const first = cells[0]!;
  if (!(error instanceof ApiError)) return first;
  const { record, field } = error.details;
  const recordIds = [...new Set(cells.map((cell) => cell.recordId))];
  const recordId = typeof record === 'number' ? recordIds[record] : typeof record === 'string' ? record : undefined;
  const fieldId = [...fields.values()].find((candidate) => candidate.name === field || candidate.id === field)?.id;
  const match = cells.find((cell) => (recordId === undefined || cell.recordId === recordId) && (fieldId === undefined || cell.fieldId === fieldId));
  return match ?? first;
}
