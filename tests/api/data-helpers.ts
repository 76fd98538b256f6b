/**
 * Small factories for the data-API suites (schema routes, records, attachments, access): a base
 * URL builder, table creation that fails loudly, reading a record's JSON, and a multipart body
 * built as a Buffer — so tests read as behaviour, not plumbing.
 */
import type { ApiField, ApiRecord, ApiTable as CoreApiTable, ApiView as CoreApiView, ViewConfig } from '@multitable/core';
import type { InjectResponse, SignedIn, TestApp } from '../support/app';

export type { ApiField, ApiRecord };

/** A view as the API sends it, its configuration read as core's (the API's own type leaves it loose). */
export type ApiView = Omit<CoreApiView, 'config'> & { config: ViewConfig };

export type ApiTable = Omit<CoreApiTable, 'views'> & { views: ApiView[] };

export interface FieldSpec {
  name: string;
  type: string;
  options?: Record<string, unknown>;
}

export function expectOk(response: InjectResponse, status: number, what: string): void {
  if (response.statusCode !== status) throw new Error(`${what} answered ${response.statusCode}, expected ${status}: ${response.body}`);
}

export async function createTable(as: SignedIn, baseId: string, name: string, fields: FieldSpec[]): Promise<ApiTable> {
  const response = await as.request('POST', `/api/v1/bases/${baseId}/tables`, { name, fields });
  expectOk(response, 201, `Creating table ${name}`);
  return response.json() as ApiTable;
}

export function fieldNamed(table: ApiTable, name: string): ApiField {
  const field = table.fields.find((f) => f.name === name);
  if (!field) throw new Error(`No field ${name} in ${table.name}`);
  return field;
}

/** `/api/v1/bases/<base>/tables/<table><path>` */
export function tableUrl(baseId: string, tableId: string, path = ''): string {
  return `/api/v1/bases/${baseId}/tables/${tableId}${path}`;
}

export async function createRecords(as: SignedIn, baseId: string, tableId: string, fields: Array<Record<string, unknown>>): Promise<ApiRecord[]> {
  const response = await as.request('POST', tableUrl(baseId, tableId, '/records'), { records: fields.map((f) => ({ fields: f })) });
  expectOk(response, 200, 'Creating records');
  return (response.json() as { records: ApiRecord[] }).records;
}

export async function listAll(as: SignedIn, baseId: string, tableId: string, query = ''): Promise<ApiRecord[]> {
  const response = await as.request('GET', tableUrl(baseId, tableId, `/records?pageSize=1000${query}`));
  expectOk(response, 200, 'Listing records');
  return (response.json() as { records: ApiRecord[] }).records;
}

/** The record's JSON text as the owner reads it (for "row unchanged" comparisons). */
export async function recordSnapshot(as: SignedIn, baseId: string, tableId: string, recordId: string): Promise<string> {
  const response = await as.request('GET', tableUrl(baseId, tableId, `/records/${recordId}`));
  expectOk(response, 200, `Reading ${recordId}`);
  return response.body;
}

export async function historyOf(as: SignedIn, baseId: string, tableId: string, recordId: string) {
  const response = await as.request('GET', tableUrl(baseId, tableId, `/records/${recordId}/history?pageSize=500`));
  expectOk(response, 200, `History of ${recordId}`);
  return (response.json() as {
    history: Array<{ action: string; source: string; actor: { id: string }; field: { id: string; name: string } | null; oldValue: unknown; newValue: unknown }>;
  }).history;
}

export const boundary = 'mtBoundary7731';

/** A multipart/form-data body with one file part. `filename` goes into the header as given (quotes escaped). */
export function multipartFile(input: { filename: string; contentType: string; bytes: Buffer; fieldName?: string }): Buffer {
  const name = input.filename.replace(/"/g, '%22');
  return Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${input.fieldName ?? 'file'}"; filename="${name}"\r\nContent-Type: ${input.contentType}\r\n\r\n`,
      'utf8',
    ),
    input.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

export function upload(t: TestApp, as: SignedIn | { headers: Record<string, string> }, baseId: string, body: Buffer): Promise<InjectResponse> {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/bases/${baseId}/attachments`,
    headers: { ...as.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}

/** The 8-byte PNG signature and an IHDR chunk header: enough for type sniffing. */
export const pngBytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
