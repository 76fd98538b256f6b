/**
 * Writes under a custom role (RELIABILITY A1.7): edits outside the edit scope, to read-only
 * fields, or moving a record out of the scope are refused and change nothing; a batch with one
 * such record writes none; adding and deleting follow their own grants.
 */
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import type { TestApp } from '../support/app';
import { recordSnapshot, type ApiRecord } from '../api/data-helpers';
import { useClinic, doctorRules, type Clinic } from './clinic-fixture';

describeEachDialect('permissions: writes', (dialect) => {
  const clinic = useClinic(dialect);
  let t: TestApp;
  let c: Clinic;
  let before: string[];
  beforeAll(() => ({ t, c } = clinic));

  const snapshotAll = () => Promise.all(c.patientRecords.map((record) => recordSnapshot(c.owner, c.baseId, c.patients.id, record.id)));
  beforeEach(async () => {
    before = await snapshotAll();
  });
  const unchanged = async () => expect(await snapshotAll()).toEqual(before);
  const ada = () => c.patientRecords[0]!;
  const bo = () => c.patientRecords[1]!;
  const cy = () => c.patientRecords[2]!;

  it('edits a record in scope, one editable field at a time', async () => {
    const response = await c.doctor.request('PATCH', c.url(c.patients, `/records/${ada().id}`), { fields: { Diagnosis: 'caries, treated' } });
    expect(response.statusCode).toBe(200);
    expect((response.json() as ApiRecord).fields.Diagnosis).toBe('caries, treated');
    expect((response.json() as ApiRecord).fields.SecretNote).toBeUndefined();
  });

  it('refuses a read-only field with 403 naming it, and a hidden one as an unknown field', async () => {
    const readOnly = await c.doctor.request('PATCH', c.url(c.patients, `/records/${ada().id}`), { fields: { Phone: '+1 555' } });
    expect(readOnly.statusCode).toBe(403);
    expect(readOnly.json().error.details.path).toBe('fields.Phone');
    const hidden = await c.doctor.request('PATCH', c.url(c.patients, `/records/${ada().id}`), { fields: { SecretNote: 'x' } });
    const nonexistent = await c.doctor.request('PATCH', c.url(c.patients, `/records/${ada().id}`), { fields: { NoSuch: 'x' } });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.body.replaceAll('SecretNote', '<f>')).toBe(nonexistent.body.replaceAll('NoSuch', '<f>'));
    await unchanged();
  });

  it("answers another doctor's record exactly as a record that does not exist, and changes nothing", async () => {
    const other = await c.doctor.request('PATCH', c.url(c.patients, `/records/${cy().id}`), { fields: { Diagnosis: 'x' } });
    const missing = await c.doctor.request('PATCH', c.url(c.patients, '/records/rec0000000000000000'), { fields: { Diagnosis: 'x' } });
    expect(other.statusCode).toBe(404);
    expect(other.body.replaceAll(cy().id, '<id>')).toBe(missing.body.replaceAll('rec0000000000000000', '<id>'));
    await unchanged();
  });

  it('refuses a batch naming one record out of scope, writing none of it', async () => {
    const response = await c.doctor.request('PATCH', c.url(c.patients, '/records'), {
      records: [
        { id: ada().id, fields: { Diagnosis: 'batch' } },
        { id: cy().id, fields: { Diagnosis: 'batch' } },
      ],
    });
    expect(response.statusCode).toBe(404);
    await unchanged();
  });

  it('refuses an edit that would move a record out of the edit scope', async () => {
    const response = await c.doctor.request('PATCH', c.url(c.patients, `/records/${bo().id}`), { fields: { Doctor: [c.otherDoctor.user.id] } });
    expect(response.statusCode).toBe(403);
    await unchanged();
  });

  it('edits only inside the edit scope when it is narrower than the read scope', async () => {
    const narrowed = await c.owner.request('PATCH', `/api/v1/bases/${c.baseId}/roles/${c.doctorRoleId}`, {
      rules: doctorRules(c, {
        patients: { editScope: { type: 'filter', filter: { conjunction: 'and', conditions: [{ field: 'Name', operator: 'is', value: 'Bo' }] } } },
      }),
    });
    expect(narrowed.statusCode).toBe(200);
    const refused = await c.doctor.request('PATCH', c.url(c.patients, `/records/${ada().id}`), { fields: { Diagnosis: 'x' } });
    expect(refused.statusCode).toBe(403);
    await unchanged();
    const allowed = await c.doctor.request('PATCH', c.url(c.patients, `/records/${bo().id}`), { fields: { Diagnosis: 'ok' } });
    expect(allowed.statusCode).toBe(200);
    const restored = await c.owner.request('PATCH', `/api/v1/bases/${c.baseId}/roles/${c.doctorRoleId}`, { rules: doctorRules(c) });
    expect(restored.statusCode).toBe(200);
  });

  it('adds records (its grant) but cannot delete them', async () => {
    const created = await c.doctor.request('POST', c.url(c.patients, '/records'), { records: [{ fields: { Name: 'Dee', Doctor: [c.doctor.user.id] } }] });
    expect(created.statusCode).toBe(200);
    const dee = (created.json() as { records: ApiRecord[] }).records[0]!;
    const deleted = await c.doctor.request('DELETE', c.url(c.patients, `/records/${dee.id}`));
    expect(deleted.statusCode).toBe(403);
    expect((await c.owner.request('GET', c.url(c.patients, `/records/${dee.id}`))).statusCode).toBe(200);
    const readOnlyOnCreate = await c.doctor.request('POST', c.url(c.patients, '/records'), { records: [{ fields: { Name: 'Eve', Fee: 5 } }] });
    expect(readOnlyOnCreate.statusCode).toBe(403);
    expect(readOnlyOnCreate.json().error.details.path).toBe('records[0].fields.Fee');
  });

  it('refuses every write to a table the role only reads, and answers a table without access as missing', async () => {
    const visit = c.visitRecords[0]!;
    expect((await c.doctor.request('PATCH', c.url(c.visits, `/records/${visit.id}`), { fields: { Title: 'x' } })).statusCode).toBe(403);
    expect((await c.doctor.request('POST', c.url(c.visits, '/records'), { records: [{ fields: { Title: 'x' } }] })).statusCode).toBe(403);
    expect((await c.doctor.request('DELETE', c.url(c.visits, `/records/${visit.id}`))).statusCode).toBe(403);
    expect((await c.doctor.request('POST', c.url(c.notes, '/records'), { records: [{ fields: { Summary: 'x' } }] })).statusCode).toBe(404);
    expect((await c.doctor.request('DELETE', c.url(c.notes, `/records/${c.noteRecords[0]!.id}`))).statusCode).toBe(404);
  });

  it('refuses design routes to a custom role', async () => {
    expect((await c.doctor.request('POST', c.url(c.patients, '/fields'), { name: 'New', type: 'singleLineText' })).statusCode).toBe(403);
    expect((await c.doctor.request('GET', `/api/v1/bases/${c.baseId}/roles`)).statusCode).toBe(403);
  });
});
