/**
 * Records in Airtable's shape. The grid asks for fields by id (`returnFieldsByFieldId`), so
 * renaming a field never breaks a loaded row, and writes with `typecast` so text typed or pasted
 * is read the way core reads it (the web checks it with core first).
 */
import type { ApiHistoryEntry, ApiRecord, FilterGroup, RecordGroups, RecordPage, SortSpec } from '@multitable/core';
import { api } from './client';

export type { ApiRecord, RecordPage };
export type HistoryEntry = ApiHistoryEntry;

/** The server's batch limit for record writes. */
export const maxRecordBatch = 1000;

const recordsPath = (baseId: string, tableId: string) => `/bases/${baseId}/tables/${tableId}/records`;

/**
 * What a list reads: a filter tree and sorts (the grid sends its view's, as it shows them, so a
 * change shows before the view is saved). Sent in a POST body: a filter can be long.
 */
export interface RecordListQuery {
  filter?: FilterGroup | null;
  sort?: readonly SortSpec[];
}

function listBody(query: RecordListQuery) {
  return {
    ...(query.filter ? { filter: query.filter } : {}),
    ...(query.sort?.length ? { sort: query.sort } : {}),
  };
}

export function listRecords(baseId: string, tableId: string, page: { offset: number; pageSize: number }, query: RecordListQuery = {}): Promise<RecordPage> {
  return api.post<RecordPage>(`${recordsPath(baseId, tableId)}/query`, { ...page, ...listBody(query), returnFieldsByFieldId: true });
}

/** How many records match the filter (exact; the server counts, so ask once per filter). */
export async function countRecords(baseId: string, tableId: string, query: { filter?: FilterGroup | null }): Promise<number> {
  // POST: a long filter does not fit in a URL.
  return (await api.post<{ count: number }>(`${recordsPath(baseId, tableId)}/count`, query.filter ? { filter: query.filter } : {})).count;
}

export type GroupCounts = RecordGroups;

/** Record counts per group (one to three levels) of the records matching the filter. */
export function groupCounts(baseId: string, tableId: string, groupBy: readonly SortSpec[], query: { filter?: FilterGroup | null }): Promise<GroupCounts> {
  return api.post<GroupCounts>(`${recordsPath(baseId, tableId)}/groups/query`, { groupBy, ...(query.filter ? { filter: query.filter } : {}) });
}

export const getRecord = (baseId: string, tableId: string, recordId: string) =>
  api.get<ApiRecord>(`${recordsPath(baseId, tableId)}/${recordId}`, { returnFieldsByFieldId: true });

export async function createRecord(baseId: string, tableId: string, fields: Record<string, unknown> = {}): Promise<ApiRecord> {
  return api.post<ApiRecord>(recordsPath(baseId, tableId), { fields, typecast: true, returnFieldsByFieldId: true });
}

/** Creates up to 1000 records in one all-or-nothing request. */
export async function createRecords(baseId: string, tableId: string, records: Array<{ fields: Record<string, unknown> }>): Promise<ApiRecord[]> {
  return (await api.post<{ records: ApiRecord[] }>(recordsPath(baseId, tableId), { records, typecast: true, returnFieldsByFieldId: true })).records;
}

/** Deletes up to 1000 records in one all-or-nothing request. */
export async function deleteRecords(baseId: string, tableId: string, recordIds: readonly string[]): Promise<void> {
  const query = new URLSearchParams(recordIds.map((id) => ['records', id]));
  await api.delete(`${recordsPath(baseId, tableId)}?${query.toString()}`);
}

export async function updateRecords(
  baseId: string,
  tableId: string,
  records: Array<{ id: string; fields: Record<string, unknown> }>,
): Promise<ApiRecord[]> {
  const body = { records, typecast: true, returnFieldsByFieldId: true };
  return (await api.patch<{ records: ApiRecord[] }>(recordsPath(baseId, tableId), body)).records;
}

export async function recordHistory(baseId: string, tableId: string, recordId: string): Promise<HistoryEntry[]> {
  return (await api.get<{ history: HistoryEntry[] }>(`${recordsPath(baseId, tableId)}/${recordId}/history`)).history;
}

/** Puts a record before / after another in the table's manual order (a kanban column's, the grid's without a sort). */
export async function moveRecord(baseId: string, tableId: string, recordId: string, placement: { before?: string; after?: string }): Promise<void> {
  await api.post(`${recordsPath(baseId, tableId)}/${recordId}/move`, placement);
}
