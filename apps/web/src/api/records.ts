/**
 * Records in Airtable's shape. The grid asks for fields by id (`returnFieldsByFieldId`), so
 * renaming a field never breaks a loaded row, and writes with `typecast` so text typed or pasted
 * is read the way core reads it (the web checks it with core first).
 */
import { api } from './client';

export interface ApiRecord {
  id: string;
  createdTime: string;
  /** Cell values by field id; empty cells are absent. */
  fields: Record<string, unknown>;
}

export interface RecordPage {
  records: ApiRecord[];
  offset?: number;
}

export interface HistoryEntry {
  id: number;
  at: string;
  action: string;
  source: string;
  actor: { id: string; name: string };
  field: { id: string; name: string } | null;
  oldValue: unknown;
  newValue: unknown;
}

/** The server's batch limit for record writes. */
export const maxRecordBatch = 1000;

const recordsPath = (baseId: string, tableId: string) => `/bases/${baseId}/tables/${tableId}/records`;

export function listRecords(baseId: string, tableId: string, page: { offset: number; pageSize: number }): Promise<RecordPage> {
  return api.get<RecordPage>(recordsPath(baseId, tableId), { ...page, returnFieldsByFieldId: true });
}

export async function createRecord(baseId: string, tableId: string, fields: Record<string, unknown> = {}): Promise<ApiRecord> {
  return api.post<ApiRecord>(recordsPath(baseId, tableId), { fields, typecast: true, returnFieldsByFieldId: true });
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
