/**
 * Small helpers for the computed-field suites: a base with a signed-in owner, field and record
 * calls that fail loudly, and an outbox listener — so the tests read as behaviour.
 */
import { afterAll, beforeAll } from 'vitest';
import type { DialectName } from '@multitable/storage';
import { startTestApp, type InjectResponse, type SignedIn, type TestApp } from '../support/app';
import { createRecords, createTable, expectOk, tableUrl, type ApiField, type ApiRecord, type ApiTable, type FieldSpec } from '../api/data-helpers';

export interface OutboxSeen {
  type: string;
  payload: Record<string, unknown>;
  actorId: string;
}

export class ComputedBase {
  readonly events: OutboxSeen[] = [];

  constructor(
    readonly t: TestApp,
    readonly owner: SignedIn,
    readonly baseId: string,
  ) {
    t.app.platform.bus.subscribe((event) => this.events.push({ type: event.type, payload: event.payload, actorId: event.actorId }));
  }

  static async open(t: TestApp, name = 'Clinic', timeZone = 'Asia/Shanghai'): Promise<ComputedBase> {
    const owner = await t.signUpOwner();
    const base = await t.createBase(owner, `${name} ${Math.random().toString(36).slice(2, 7)}`, timeZone);
    return new ComputedBase(t, owner, base.id);
  }

  request(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: unknown): Promise<InjectResponse> {
    return this.owner.request(method, `/api/v1/bases/${this.baseId}${path}`, payload);
  }

  table(name: string, fields: FieldSpec[]): Promise<ApiTable> {
    return createTable(this.owner, this.baseId, `${name} ${Math.random().toString(36).slice(2, 7)}`, fields);
  }

  async field(tableId: string, definition: Record<string, unknown>): Promise<ApiField> {
    const response = await this.request('POST', `/tables/${tableId}/fields`, definition);
    expectOk(response, 201, `Adding field ${String(definition.name)}`);
    return response.json() as ApiField;
  }

  async patchField(tableId: string, fieldId: string, patch: Record<string, unknown>): Promise<ApiField> {
    const response = await this.request('PATCH', `/tables/${tableId}/fields/${fieldId}`, patch);
    expectOk(response, 200, `Changing field ${fieldId}`);
    return (response.json() as { field: ApiField }).field;
  }

  async deleteField(tableId: string, fieldId: string): Promise<void> {
    expectOk(await this.request('DELETE', `/tables/${tableId}/fields/${fieldId}`), 200, `Deleting field ${fieldId}`);
  }

  async fields(tableId: string): Promise<ApiField[]> {
    const response = await this.request('GET', `/tables/${tableId}/fields`);
    expectOk(response, 200, 'Listing fields');
    return (response.json() as { fields: ApiField[] }).fields;
  }

  async fieldNamed(tableId: string, name: string): Promise<ApiField> {
    const found = (await this.fields(tableId)).find((field) => field.name === name);
    if (!found) throw new Error(`No field ${name}`);
    return found;
  }

  create(tableId: string, records: Array<Record<string, unknown>>): Promise<ApiRecord[]> {
    return createRecords(this.owner, this.baseId, tableId, records);
  }

  async update(tableId: string, recordId: string, fields: Record<string, unknown>): Promise<ApiRecord> {
    const response = await this.request('PATCH', `/tables/${tableId}/records/${recordId}`, { fields });
    expectOk(response, 200, `Updating ${recordId}`);
    return response.json() as ApiRecord;
  }

  async remove(tableId: string, recordIds: string[]): Promise<void> {
    const query = recordIds.map((id) => `records[]=${id}`).join('&');
    expectOk(await this.owner.request('DELETE', tableUrl(this.baseId, tableId, `/records?${query}`)), 200, 'Deleting records');
  }

  async read(tableId: string, recordId: string): Promise<ApiRecord> {
    const response = await this.request('GET', `/tables/${tableId}/records/${recordId}`);
    expectOk(response, 200, `Reading ${recordId}`);
    return response.json() as ApiRecord;
  }

  /** Records matching a filter and sort (the POST query route), by name. */
  async query(tableId: string, body: Record<string, unknown> = {}): Promise<ApiRecord[]> {
    const response = await this.request('POST', `/tables/${tableId}/records/query`, { pageSize: 1000, ...body });
    expectOk(response, 200, 'Querying records');
    return (response.json() as { records: ApiRecord[] }).records;
  }

  /** One field's value per record id. */
  async values(tableId: string, fieldName: string): Promise<Record<string, unknown>> {
    const records = await this.query(tableId);
    return Object.fromEntries(records.map((record) => [record.id, record.fields[fieldName] ?? null]));
  }

  /** Waits for background fills and outbox dispatch. */
  async settle(): Promise<void> {
    await this.t.app.backgroundFills.idle();
    await this.t.app.platform.bus.drain();
  }
}

/**
 * A test app on `dialect` with a ComputedBase in it for the suite's tests: started before them,
 * cleaned up after. Read `app.t` and `app.b` inside tests (they are set by the suite's beforeAll).
 */
export function useComputedBase(dialect: DialectName, options?: Parameters<typeof startTestApp>[1]): { readonly t: TestApp; readonly b: ComputedBase } {
  const app = {} as { t: TestApp; b: ComputedBase };
  beforeAll(async () => {
    app.t = await startTestApp(dialect, options);
    app.b = await ComputedBase.open(app.t);
  });
  afterAll(async () => app.t?.cleanup());
  return app;
}
