/**
 * Creates the hospital's tables through the API and adds the computed fields of issue 3 when the
 * server knows their types. A type the server refuses as unknown is recorded as missing, so every
 * figure that needs it reports "not available yet" instead of failing the suite.
 */
import { HttpError, type HttpClient } from '../http/client';
import { waitForFill } from './fill-wait';
import {
  computedNames,
  dataFormulas,
  linkField,
  lookupField,
  patientFields,
  patientsTableName,
  rollupField,
  visitStoredFields,
  visitsTableName,
  type FieldSpec,
} from './hospital-schema';

export interface ApiField {
  id: string;
  name: string;
  type: string;
  options: Record<string, unknown>;
}

export interface ApiView {
  id: string;
  name: string;
}

export interface ApiTable {
  id: string;
  name: string;
  primaryFieldId: string;
  fields: ApiField[];
  views: ApiView[];
}

/** Field lookup by name that fails loudly. */
export function fieldNamed(table: ApiTable, name: string): ApiField {
  const field = table.fields.find((f) => f.name === name);
  if (!field) throw new Error(`Table "${table.name}" has no field "${name}" (fields: ${table.fields.map((f) => f.name).join(', ')})`);
  return field;
}

export async function createTable(api: HttpClient, baseId: string, name: string, fields: FieldSpec[]): Promise<ApiTable> {
  return api.json<ApiTable>('POST', `/api/v1/bases/${baseId}/tables`, { name, fields });
}

export async function readTable(api: HttpClient, baseId: string, tableId: string): Promise<ApiTable> {
  return api.json<ApiTable>('GET', `/api/v1/bases/${baseId}/tables/${tableId}`);
}

export type FieldOutcome =
  | { ok: true; field: ApiField; ms: number; responseMs: number; filled: boolean }
  | { ok: false; missingType: boolean; reason: string; ms: number };

/** How long a field's background fill may take before the suite stops waiting. */
export const fillTimeoutMs = 240_000;

/**
 * Adds a field; a refusal (4xx) is an outcome, not an exception. `ms` runs from the request
 * until the server has filled the field's values (fill-wait.ts); `responseMs` until it answered.
 */
export async function addField(api: HttpClient, baseId: string, tableId: string, spec: FieldSpec): Promise<FieldOutcome> {
  const started = performance.now();
  const reply = await api.send('POST', `/api/v1/bases/${baseId}/tables/${tableId}/fields`, spec);
  if (reply.status === 201) {
    const field = JSON.parse(reply.text) as ApiField;
    const fill = await waitForFill(api, baseId, tableId, field.id, fillTimeoutMs);
    return { ok: true, field, ms: performance.now() - started, responseMs: reply.ms, filled: fill.filled };
  }
  if (reply.status >= 500) throw new HttpError('POST', `fields (${spec.name})`, reply);
  const message = errorMessage(reply.text);
  return { ok: false, missingType: /unknown field type/i.test(message), reason: message, ms: reply.ms };
}

export function errorMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: string; message?: string } };
    return `${parsed.error?.code ?? 'error'}: ${parsed.error?.message ?? body}`;
  } catch {
    return body.slice(0, 300);
  }
}

export interface HospitalTables {
  patients: ApiTable;
  visits: ApiTable;
}

export async function createHospitalTables(api: HttpClient, baseId: string): Promise<HospitalTables> {
  const patients = await createTable(api, baseId, patientsTableName, patientFields);
  const visits = await createTable(api, baseId, visitsTableName, visitStoredFields);
  return { patients, visits };
}

/** What became of each computed field of the data: created (with its fill time) or why not. */
export interface ComputedSetup {
  outcomes: Record<string, FieldOutcome | { ok: false; missingType: boolean; reason: string; ms: number }>;
  tables: HospitalTables;
}

const notAttempted = (reason: string) => ({ ok: false as const, missingType: true, reason, ms: 0 });

/** The link Visits → Patients (first, before any data, so the loader can fill it). */
export async function addPatientLink(api: HttpClient, baseId: string, tables: HospitalTables): Promise<FieldOutcome> {
  return addField(api, baseId, tables.visits.id, linkField(tables.patients.id, false));
}

/**
 * After the data is loaded: lookup and rollup through the link, the two formulas, and on
 * Patients the rollup of each patient's visit fees (through the link's inverse when the server
 * made one, else through a link Patients → Visits of its own).
 */
export async function addComputedFields(api: HttpClient, baseId: string, tables: HospitalTables, link: FieldOutcome): Promise<ComputedSetup> {
  const outcomes: ComputedSetup['outcomes'] = { [computedNames.patientLink]: link };
  const visitsId = tables.visits.id;
  if (link.ok) {
    outcomes[computedNames.patientName] = await addField(api, baseId, visitsId, lookupField(computedNames.patientName, link.field.id, fieldNamed(tables.patients, 'Name').id));
    outcomes[computedNames.patientBalance] = await addField(api, baseId, visitsId, rollupField(computedNames.patientBalance, link.field.id, fieldNamed(tables.patients, 'Balance').id));
  } else {
    const reason = `needs the link field (${link.reason})`;
    outcomes[computedNames.patientName] = notAttempted(reason);
    outcomes[computedNames.patientBalance] = notAttempted(reason);
  }
  for (const formula of dataFormulas) outcomes[formula.name] = await addField(api, baseId, visitsId, formula);
  const refreshed: HospitalTables = { patients: await readTable(api, baseId, tables.patients.id), visits: await readTable(api, baseId, visitsId) };
  return { outcomes, tables: refreshed };
}

export function isAvailable(setup: ComputedSetup, name: string): boolean {
  const outcome = setup.outcomes[name];
  return outcome?.ok === true && outcome.filled;
}

export function unavailableReason(setup: ComputedSetup, name: string): string {
  const outcome = setup.outcomes[name];
  if (!outcome) return 'not created';
  if (outcome.ok) return outcome.filled ? '' : `created, but not filled within ${fillTimeoutMs / 1000} s`;
  return outcome.missingType ? `not available yet (field type missing: ${outcome.reason})` : `refused by the server: ${outcome.reason}`;
}
