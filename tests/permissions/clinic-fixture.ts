/**
 * A clinic with custom roles and canary values in every cell a role must not see (RELIABILITY
 * A1): Patients (a doctor sees and edits only their own; SecretNote is hidden from doctors),
 * Visits linked to Patients (doctors read all visits; lookups through the link reach a table
 * they see only in part, so those are hidden), and Notes (no access at all). Every restricted
 * cell holds a value starting with `CANARY`; a response carrying one has leaked.
 */
import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type SignedIn, type TestApp } from '../support/app';
import type { DialectName } from '@multitable/storage';
import { createRecords, createTable, expectOk, fieldNamed, multipartFile, pngBytes, tableUrl, upload, type ApiRecord, type ApiTable } from '../api/data-helpers';

export const canary = 'CANARY';

export interface Clinic {
  baseId: string;
  owner: SignedIn;
  /** Has the Doctor role; the doctor of patients Ada and Bo. */
  doctor: SignedIn;
  /** Another doctor, with the same role: patient Cy is theirs. */
  otherDoctor: SignedIn;
  doctorRoleId: string;
  patients: ApiTable;
  visits: ApiTable;
  notes: ApiTable;
  /** Ada, Bo (the doctor's), Cy (the other doctor's; every cell of it a canary). */
  patientRecords: ApiRecord[];
  visitRecords: ApiRecord[];
  noteRecords: ApiRecord[];
  /** Files in the Scan cells of Ada (the doctor's) and Cy (not theirs). */
  scans: { ada: string; cy: string };
  url(table: ApiTable, path?: string): string;
}

/** The Doctor role's rules, for tests that change them. */
export function doctorRules(clinic: Pick<Clinic, 'patients' | 'visits'>, overrides: { patients?: Record<string, unknown> } = {}) {
  const { patients, visits } = clinic;
  const mine = { type: 'personField', fieldId: fieldNamed(patients, 'Doctor').id };
  return {
    tables: {
      [patients.id]: {
        access: 'edit',
        canAdd: true,
        canDelete: false,
        readScope: mine,
        editScope: mine,
        fields: {
          [fieldNamed(patients, 'SecretNote').id]: 'hidden',
          [fieldNamed(patients, 'Phone').id]: 'read',
          [fieldNamed(patients, 'Diagnosis').id]: 'edit',
          [fieldNamed(patients, 'Doctor').id]: 'edit',
          [fieldNamed(patients, 'Name').id]: 'edit',
        },
        otherFields: 'read',
        ...overrides.patients,
      },
      [visits.id]: {
        access: 'read',
        fields: { [fieldNamed(visits, 'Secret via patient').id]: 'read' },
        otherFields: 'read',
      },
    },
  };
}

export async function buildClinic(t: TestApp): Promise<Clinic> {
  const owner = await t.signUpOwner();
  const base = await t.createBase(owner, 'Clinic');
  const baseId = base.id;
  const doctor = await t.signUpUser(owner, { name: 'Dr Doctor' });
  const otherDoctor = await t.signUpUser(owner, { name: 'Dr Other' });

  let patients = await createTable(owner, baseId, 'Patients', [
    { name: 'Name', type: 'singleLineText' },
    { name: 'Phone', type: 'singleLineText' },
    { name: 'Doctor', type: 'person' },
    { name: 'Diagnosis', type: 'longText' },
    { name: 'SecretNote', type: 'singleLineText' },
    { name: 'Fee', type: 'number' },
    { name: 'Scan', type: 'attachment' },
  ]);
  let visits = await createTable(owner, baseId, 'Visits', [{ name: 'Title', type: 'singleLineText' }]);
  const notes = await createTable(owner, baseId, 'Notes', [{ name: 'Summary', type: 'singleLineText' }]);
  const addField = async (table: ApiTable, spec: Record<string, unknown>) => {
    expectOk(await owner.request('POST', tableUrl(baseId, table.id, '/fields'), spec), 201, `Adding ${String(spec.name)}`);
  };
  await addField(visits, { name: 'Patient', type: 'link', options: { linkedTableId: patients.id } });
  await addField(visits, { name: 'Patient name', type: 'lookup', options: { linkFieldId: 'Patient', targetFieldId: 'Name' } });
  await addField(visits, { name: 'Secret via patient', type: 'lookup', options: { linkFieldId: 'Patient', targetFieldId: 'SecretNote' } });
  await addField(visits, { name: 'Title twice', type: 'formula', options: { formula: '{Title} & {Title}' } });
  const reload = async (table: ApiTable) => (await owner.request('GET', tableUrl(baseId, table.id))).json() as ApiTable;
  patients = await reload(patients);
  visits = await reload(visits);

  const uploadScan = async (filename: string) => {
    const response = await upload(t, owner, baseId, multipartFile({ filename, contentType: 'image/png', bytes: pngBytes }));
    expectOk(response, 201, `Uploading ${filename}`);
    return (response.json() as { id: string }).id;
  };
  const scans = { ada: await uploadScan('ada.png'), cy: await uploadScan(`${canary}-scan-cy.png`) };
  const patientRecords = await createRecords(owner, baseId, patients.id, [
    { Name: 'Ada', Phone: '+86 1', Doctor: [doctor.user.id], Diagnosis: 'caries', SecretNote: `${canary}-secret-ada`, Fee: 10, Scan: [scans.ada] },
    { Name: 'Bo', Phone: '+86 2', Doctor: [doctor.user.id], Diagnosis: 'gingivitis', SecretNote: `${canary}-secret-bo`, Fee: 20 },
    { Name: `${canary}-name-cy`, Phone: `${canary}-phone-cy`, Doctor: [otherDoctor.user.id], Diagnosis: `${canary}-diagnosis-cy`, SecretNote: `${canary}-secret-cy`, Fee: 777, Scan: [scans.cy] },
  ]);
  const [ada, , cy] = patientRecords;
  const visitRecords = await createRecords(owner, baseId, visits.id, [
    { Title: 'Checkup', Patient: [ada!.id] },
    { Title: 'Cleaning', Patient: [cy!.id] },
  ]);
  const noteRecords = await createRecords(owner, baseId, notes.id, [{ Summary: `${canary}-note` }]);

  const clinic = { patients, visits };
  const created = await owner.request('POST', `/api/v1/bases/${baseId}/roles`, { name: 'Doctor', rules: doctorRules(clinic) });
  expectOk(created, 201, 'Creating the Doctor role');
  const doctorRoleId = (created.json() as { id: string }).id;
  for (const member of [doctor, otherDoctor]) {
    expectOk(await owner.request('POST', `/api/v1/bases/${baseId}/members`, { userId: member.user.id, role: doctorRoleId }), 201, 'Adding a doctor');
  }
  return {
    baseId,
    owner,
    doctor,
    otherDoctor,
    doctorRoleId,
    patients,
    visits,
    notes,
    patientRecords,
    visitRecords,
    noteRecords,
    scans,
    url: (table, path = '') => tableUrl(baseId, table.id, path),
  };
}

/** Every canary a response body carries. */
export function canariesIn(body: string): string[] {
  return body.match(new RegExp(`${canary}[-\\w]*`, 'g')) ?? [];
}

/** A test app with the clinic built once for a suite: `const s = useClinic(dialect)`, then `s.t`, `s.c`. */
export function useClinic(dialect: DialectName): { readonly t: TestApp; readonly c: Clinic } {
  const state = {} as { t: TestApp; c: Clinic };
  beforeAll(async () => {
    state.t = await startTestApp(dialect);
    state.c = await buildClinic(state.t);
  });
  afterAll(async () => state.t?.cleanup());
  return state;
}
