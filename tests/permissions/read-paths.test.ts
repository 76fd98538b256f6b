/**
 * One read policy on every read path (RELIABILITY A1.4–A1.6): a doctor (custom role) reads their
 * own patients only, never SecretNote, nothing of Notes, and no lookup through a table they see
 * only in part. Every path the API has is asked for everything it can give, and no response may
 * carry a canary; hidden fields answer exactly like fields that do not exist.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import { startTestApp, type InjectResponse, type TestApp } from '../support/app';
import { fieldNamed, type ApiRecord } from '../api/data-helpers';
import { useClinic, canariesIn, doctorRules, type Clinic } from './clinic-fixture';

describeEachDialect('permissions: read paths', (dialect) => {
  const clinic = useClinic(dialect);
  let t: TestApp;
  let c: Clinic;
  beforeAll(() => ({ t, c } = clinic));

  const asDoctor = (url: string, method: 'GET' | 'POST' = 'GET', payload?: unknown) => c.doctor.request(method, url, payload);
  const names = (response: InjectResponse) => (response.json() as { records: ApiRecord[] }).records.map((record) => record.fields.Name);

  it('lists, gets and queries only the records in the read scope, without hidden fields', async () => {
    const list = await asDoctor(c.url(c.patients, '/records'));
    expect(list.statusCode).toBe(200);
    expect(names(list)).toEqual(['Ada', 'Bo']);
    const ada = (list.json() as { records: ApiRecord[] }).records[0]!;
    // Visits is the inverse of Visits.Patient: it reads Visits, which the doctor reads in full.
    expect(Object.keys(ada.fields).sort()).toEqual(['Diagnosis', 'Doctor', 'Fee', 'Name', 'Phone', 'Scan', 'Visits']);

    const query = await asDoctor(c.url(c.patients, '/records/query'), 'POST', { filter: { conjunction: 'and', conditions: [{ field: 'Fee', operator: 'isGreater', value: 0 }] } });
    expect(names(query)).toEqual(['Ada', 'Bo']);
    const byName = await asDoctor(c.url(c.patients, `/records?filter=${encodeURIComponent(JSON.stringify({ conjunction: 'and', conditions: [{ field: 'Fee', operator: 'isGreater', value: 100 }] }))}`));
    expect(names(byName)).toEqual([]);

    const cy = c.patientRecords[2]!;
    const get = await asDoctor(c.url(c.patients, `/records/${cy.id}`));
    const missing = await asDoctor(c.url(c.patients, '/records/rec0000000000000000'));
    expect(get.statusCode).toBe(404);
    expect(get.json().error.code).toBe(missing.json().error.code);
    expect((await asDoctor(c.url(c.patients, `/records/${c.patientRecords[0]!.id}`))).json().fields.SecretNote).toBeUndefined();
  });

  it('answers a hidden field exactly like a field that does not exist, in filters, sorts, groups and projections', async () => {
    const refuse = async (field: string) => {
      const filter = await asDoctor(c.url(c.patients, '/records/query'), 'POST', { filter: { conjunction: 'and', conditions: [{ field, operator: 'contains', value: 'secret' }] } });
      const sort = await asDoctor(c.url(c.patients, '/records/query'), 'POST', { sort: [{ field, direction: 'asc' }] });
      const group = await asDoctor(c.url(c.patients, '/records/groups/query'), 'POST', { groupBy: [{ field }] });
      const projection = await asDoctor(c.url(c.patients, `/records?fields[]=${encodeURIComponent(field)}`));
      return [filter, sort, group, projection].map((response) => ({ status: response.statusCode, body: response.body.replaceAll(field, '<field>') }));
    };
    const hidden = await refuse('SecretNote');
    const hiddenById = await refuse(fieldNamed(c.patients, 'SecretNote').id);
    const nonexistent = await refuse('NoSuchField');
    expect(hidden.map((r) => r.status)).toEqual([400, 400, 400, 400]);
    expect(hidden).toEqual(nonexistent);
    expect(hiddenById.map((r) => r.status)).toEqual([400, 400, 400, 400]);
  });

  it('counts only readable records, and refuses a count filtered by a hidden field like an unknown one', async () => {
    const count = async (user: typeof c.doctor, query = '') => (await user.request('GET', c.url(c.patients, `/records/count${query}`))).json();
    expect(await count(c.doctor)).toEqual({ count: 2 });
    expect(await count(c.owner)).toEqual({ count: 3 });
    const fee = encodeURIComponent(JSON.stringify({ conjunction: 'and', conditions: [{ field: 'Fee', operator: 'isGreater', value: 15 }] }));
    expect(await count(c.doctor, `?filter=${fee}`)).toEqual({ count: 1 });
    expect(await count(c.owner, `?filter=${fee}`)).toEqual({ count: 2 });
    const byBody = await c.doctor.request('POST', c.url(c.patients, '/records/count'), { filter: JSON.parse(decodeURIComponent(fee)) });
    expect(byBody.json()).toEqual({ count: 1 });
    const secret = encodeURIComponent(JSON.stringify({ conjunction: 'and', conditions: [{ field: 'SecretNote', operator: 'contains', value: 'C' }] }));
    expect((await count(c.doctor, `?filter=${secret}`)).error.code).toBe('UNKNOWN_FIELD');
  });

  it('counts groups over readable records only', async () => {
    const groups = await asDoctor(c.url(c.patients, '/records/groups/query'), 'POST', { groupBy: [{ field: 'Diagnosis' }] });
    expect(groups.statusCode).toBe(200);
    const counted = (groups.json() as { groups: Array<{ key: unknown[]; count: number }> }).groups;
    expect(counted.reduce((sum, group) => sum + group.count, 0)).toBe(2);
    expect(canariesIn(groups.body)).toEqual([]);
  });

  it('hides tables without access, fields hidden by rule and lookups through a partly readable table', async () => {
    const tables = await asDoctor(`/api/v1/bases/${c.baseId}/tables`);
    expect(tables.statusCode).toBe(200);
    const listed = (tables.json() as { tables: Array<{ name: string; fields: Array<{ name: string }> }> }).tables;
    expect(listed.map((table) => table.name)).toEqual(['Patients', 'Visits']);
    expect(listed[0]!.fields.map((field) => field.name)).toEqual(['Name', 'Phone', 'Doctor', 'Diagnosis', 'Fee', 'Scan', 'Visits']);
    // Visits' link and lookups read Patients, which the doctor sees only in part: hidden.
    expect(listed[1]!.fields.map((field) => field.name)).toEqual(['Title', 'Title twice']);
    for (const path of [`/tables/${c.notes.id}`, `/tables/${c.notes.id}/records`, `/tables/${c.notes.id}/fields`, `/tables/${c.notes.id}/views`, '/tables/Notes/records']) {
      expect((await asDoctor(`/api/v1/bases/${c.baseId}${path}`)).statusCode).toBe(404);
    }
    const visits = await asDoctor(c.url(c.visits, '/records'));
    expect(visits.statusCode).toBe(200);
    expect((visits.json() as { records: ApiRecord[] }).records.map((record) => Object.keys(record.fields).sort())).toEqual([
      ['Title', 'Title twice'],
      ['Title', 'Title twice'],
    ]);
  });

  it('leaks no canary through any read path', async () => {
    const ada = c.patientRecords[0]!;
    const cy = c.patientRecords[2]!;
    const visit = c.visitRecords[1]!;
    const paths: Array<[string, 'GET' | 'POST', unknown?]> = [
      [`/api/v1/bases/${c.baseId}`, 'GET'],
      [`/api/v1/bases/${c.baseId}/tables`, 'GET'],
      [`/api/v1/bases/${c.baseId}/members`, 'GET'],
      [c.url(c.patients), 'GET'],
      [c.url(c.patients, '/fields'), 'GET'],
      [c.url(c.patients, '/views'), 'GET'],
      [c.url(c.patients, '/permissions'), 'GET'],
      [c.url(c.patients, '/records?pageSize=1000'), 'GET'],
      [c.url(c.patients, '/records/query'), 'POST', { sort: [{ field: 'Name', direction: 'desc' }] }],
      [c.url(c.patients, '/records/query'), 'POST', { filter: { conjunction: 'or', conditions: [{ field: 'Name', operator: 'contains', value: 'CANARY' }, { field: 'Diagnosis', operator: 'contains', value: 'CANARY' }] } }],
      [c.url(c.patients, '/records/groups/query'), 'POST', { groupBy: [{ field: 'Name' }, { field: 'Phone' }] }],
      [c.url(c.patients, '/records/groups/query'), 'POST', { groupBy: [{ field: 'Doctor' }] }],
      [c.url(c.patients, `/records/${ada.id}`), 'GET'],
      [c.url(c.patients, `/records/${ada.id}/history`), 'GET'],
      [c.url(c.patients, `/records/${cy.id}`), 'GET'],
      [c.url(c.patients, `/records/${cy.id}/history`), 'GET'],
      [c.url(c.visits, '/records?pageSize=1000'), 'GET'],
      [c.url(c.visits, `/records/${visit.id}`), 'GET'],
      [c.url(c.visits, `/records/${visit.id}/history`), 'GET'],
      [c.url(c.visits, '/records/groups/query'), 'POST', { groupBy: [{ field: 'Title' }] }],
      [c.url(c.visits, '/fields'), 'GET'],
      [c.url(c.notes, '/records'), 'GET'],
      [`/api/v1/bases/${c.baseId}/attachments/${c.scans.cy}`, 'GET'],
      [`/api/v1/bases/${c.baseId}/attachments/${c.scans.ada}`, 'GET'],
    ];
    const leaks: string[] = [];
    for (const [url, method, payload] of paths) {
      const response = await asDoctor(url, method, payload);
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(500);
      for (const found of canariesIn(response.body)) leaks.push(`${method} ${url}: ${found}`);
    }
    expect(leaks).toEqual([]);
    expect(paths.length).toBeGreaterThanOrEqual(20);
  });

  it("downloads files only from cells the doctor can read; another's is missing, word for word", async () => {
    const file = (id: string) => asDoctor(`/api/v1/bases/${c.baseId}/attachments/${id}`);
    expect((await file(c.scans.ada)).statusCode).toBe(200);
    const other = await file(c.scans.cy);
    const missing = await file('att_0000000000000000');
    expect(other.statusCode).toBe(404);
    expect(other.body.replaceAll(c.scans.cy, '<id>')).toBe(missing.body.replaceAll('att_0000000000000000', '<id>'));
    expect((await c.owner.request('GET', `/api/v1/bases/${c.baseId}/attachments/${c.scans.cy}`)).statusCode).toBe(200);
  });

  it('shows only the views the role lists, each without the fields it hides', async () => {
    const created = await c.owner.request('POST', c.url(c.patients, '/views'), {
      name: 'Secret work',
      config: {
        filter: { conjunction: 'and', conditions: [{ field: 'SecretNote', operator: 'contains', value: 'CANARY-view-operand' }, { field: 'Fee', operator: 'isGreater', value: 0 }] },
        sorts: [{ field: 'SecretNote', direction: 'desc' }],
      },
    });
    expect(created.statusCode).toBe(201);
    const view = created.json() as { id: string };
    const views = await asDoctor(c.url(c.patients, '/views'));
    expect(canariesIn(views.body)).toEqual([]);
    const seen = (views.json() as { views: Array<{ id: string; config: { filter: unknown; sorts: unknown[] } }> }).views.find((v) => v.id === view.id)!;
    expect(seen.config.sorts).toEqual([]);
    // Through the view, the doctor filters by what they could filter by themselves.
    expect(names(await asDoctor(c.url(c.patients, `/records?view=${view.id}`)))).toEqual(['Ada', 'Bo']);

    const grid = (views.json() as { views: Array<{ id: string; name: string }> }).views.find((v) => v.id !== view.id)!;
    const rules = doctorRules(c, { patients: { views: [grid.id] } });
    expect((await c.owner.request('PATCH', `/api/v1/bases/${c.baseId}/roles/${c.doctorRoleId}`, { rules })).statusCode).toBe(200);
    const listed = (await asDoctor(c.url(c.patients, '/views'))).json() as { views: Array<{ id: string }> };
    expect(listed.views.map((v) => v.id)).toEqual([grid.id]);
    const hiddenView = await asDoctor(c.url(c.patients, `/records?view=${view.id}`));
    const noView = await asDoctor(c.url(c.patients, '/records?view=viw_0000000000000000'));
    expect(hiddenView.statusCode).toBe(404);
    expect(hiddenView.body.replaceAll(view.id, '<v>')).toBe(noView.body.replaceAll('viw_0000000000000000', '<v>'));
    expect((await asDoctor(c.url(c.patients, `/views/${view.id}`))).statusCode).toBe(404);
    expect((await c.owner.request('PATCH', `/api/v1/bases/${c.baseId}/roles/${c.doctorRoleId}`, { rules: doctorRules(c) })).statusCode).toBe(200);
  });

  it('applies the same policy to an API token of the doctor', async () => {
    const secret = await t.createToken(c.doctor, { access: 'read', baseIds: [c.baseId] });
    const list = await t.app.inject({ method: 'GET', url: c.url(c.patients, '/records'), headers: { authorization: `Bearer ${secret}` } });
    expect(list.statusCode).toBe(200);
    expect(names(list)).toEqual(['Ada', 'Bo']);
    expect(canariesIn(list.body)).toEqual([]);
  });

  it('tells the doctor their effective permissions', async () => {
    const response = await asDoctor(c.url(c.patients, '/permissions'));
    expect(response.statusCode).toBe(200);
    const permissions = response.json();
    expect(permissions).toMatchObject({ role: c.doctorRoleId, access: 'edit', canAdd: true, canDelete: false, canDesign: false });
    expect(permissions.readScope).toEqual({ type: 'personField', fieldId: fieldNamed(c.patients, 'Doctor').id });
    expect(permissions.fields).toEqual({
      [fieldNamed(c.patients, 'Name').id]: 'edit',
      [fieldNamed(c.patients, 'Phone').id]: 'read',
      [fieldNamed(c.patients, 'Doctor').id]: 'edit',
      [fieldNamed(c.patients, 'Diagnosis').id]: 'edit',
      [fieldNamed(c.patients, 'Fee').id]: 'read',
      [fieldNamed(c.patients, 'Scan').id]: 'read',
      [fieldNamed(c.patients, 'Visits').id]: 'read',
    });
    const owner = (await c.owner.request('GET', c.url(c.patients, '/permissions'))).json();
    expect(owner).toMatchObject({ role: 'owner', access: 'edit', canAdd: true, canDelete: true, canDesign: true, readScope: { type: 'all' } });
    expect(Object.keys(owner.fields)).toHaveLength(8);
  });
});
