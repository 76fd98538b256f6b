/**
 * Roles as data (issue 5): created, changed and deleted through the API by admins, checked
 * against the base with the JSON path of what is wrong; members given one; and every change —
 * rules, membership, fields — applies to the very next request (RELIABILITY A1.9).
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import type { TestApp } from '../support/app';
import { fieldNamed, tableUrl, type ApiRecord, type ApiTable } from '../api/data-helpers';
import { useClinic, doctorRules, type Clinic } from './clinic-fixture';

describeEachDialect('permissions: roles API and lifecycle', (dialect) => {
  const clinic = useClinic(dialect);
  let t: TestApp;
  let c: Clinic;
  beforeAll(() => ({ t, c } = clinic));

  const rolesUrl = () => `/api/v1/bases/${c.baseId}/roles`;
  const createRole = (rules: unknown, name = `Role ${Math.random()}`) => c.owner.request('POST', rolesUrl(), { name, rules });
  const doctorSees = async () => {
    const response = await c.doctor.request('GET', c.url(c.patients, '/records'));
    return response.statusCode === 200 ? (response.json() as { records: ApiRecord[] }).records.map((record) => record.fields.Name) : response.statusCode;
  };
  const doctorFields = async () => ((await c.doctor.request('GET', c.url(c.patients, '/fields'))).json() as { fields: Array<{ name: string }> }).fields.map((f) => f.name);

  it('refuses rules that do not fit the base, naming the JSON path', async () => {
    const p = c.patients.id;
    const text = fieldNamed(c.patients, 'Name').id;
    const cases: Array<[unknown, string]> = [
      [{ tables: { tbl_0000000000000000: { access: 'read' } } }, 'body.rules.tables.tbl_0000000000000000'],
      [{ tables: { [p]: { access: 'write' } } }, `body.rules.tables.${p}.access`],
      [{ tables: { [p]: { access: 'read', fields: { fld_0000000000000000: 'read' } } } }, `body.rules.tables.${p}.fields.fld_0000000000000000`],
      [{ tables: { [p]: { access: 'read', readScope: { type: 'personField', fieldId: text } } } }, `body.rules.tables.${p}.readScope.fieldId`],
      [{ tables: { [p]: { access: 'read', editScope: { type: 'filter', filter: { conjunction: 'and', conditions: [{ field: 'Nope', operator: 'is', value: 'x' }] } } } } }, `body.rules.tables.${p}.editScope.filter.conditions[0].field`],
      [{ tables: { [p]: { access: 'read', views: ['viw_0000000000000000'] } } }, `body.rules.tables.${p}.views[0]`],
      [{ tables: {}, extra: true }, 'body.rules.extra'],
    ];
    for (const [rules, path] of cases) {
      const response = await createRole(rules);
      expect(response.statusCode, JSON.stringify(rules)).toBe(400);
      expect(response.json().error.details.path).toBe(path);
    }
    const roles = (await c.owner.request('GET', rolesUrl())).json().roles as Array<{ name: string }>;
    expect(roles.map((role) => role.name)).toEqual(['Doctor']);
  });

  it('keeps role names unique, and a role somebody holds cannot be deleted', async () => {
    expect((await createRole({ tables: {} }, 'Doctor')).statusCode).toBe(409);
    expect((await c.owner.request('DELETE', `${rolesUrl()}/${c.doctorRoleId}`)).statusCode).toBe(409);
    const spare = await createRole({ tables: {} }, 'Spare');
    expect(spare.statusCode).toBe(201);
    expect((await c.owner.request('DELETE', `${rolesUrl()}/${spare.json().id}`)).statusCode).toBe(204);
    expect((await c.owner.request('GET', `${rolesUrl()}/${spare.json().id}`)).statusCode).toBe(404);
  });

  it("gives members only this base's roles", async () => {
    const other = await t.createBase(c.owner, 'Other');
    const foreign = await c.owner.request('POST', `/api/v1/bases/${other.id}/roles`, { name: 'Foreign', rules: { tables: {} } });
    expect(foreign.statusCode).toBe(201);
    const assign = await c.owner.request('PATCH', `/api/v1/bases/${c.baseId}/members/${c.otherDoctor.user.id}`, { role: foreign.json().id });
    expect(assign.statusCode).toBe(404);
    expect(assign.json().error.details.path).toBe('body.role');
    const members = (await c.owner.request('GET', `/api/v1/bases/${c.baseId}/members`)).json().members as Array<{ userId: string; role: string }>;
    expect(members.find((member) => member.userId === c.otherDoctor.user.id)?.role).toBe(c.doctorRoleId);
  });

  it('applies a changed scope, a revoked role and a new role to the next request', async () => {
    expect(await doctorSees()).toEqual(['Ada', 'Bo']);
    const onlyBo = doctorRules(c, { patients: { readScope: { type: 'filter', filter: { conjunction: 'and', conditions: [{ field: 'Name', operator: 'is', value: 'Bo' }] } } } });
    expect((await c.owner.request('PATCH', `${rolesUrl()}/${c.doctorRoleId}`, { rules: onlyBo })).statusCode).toBe(200);
    expect(await doctorSees()).toEqual(['Bo']);

    const none = await createRole({ tables: {} }, 'Nobody');
    expect((await c.owner.request('PATCH', `/api/v1/bases/${c.baseId}/members/${c.doctor.user.id}`, { role: none.json().id })).statusCode).toBe(200);
    expect(await doctorSees()).toBe(404);
    expect((await c.doctor.request('GET', `/api/v1/bases/${c.baseId}/tables`)).json().tables).toEqual([]);

    expect((await c.owner.request('PATCH', `/api/v1/bases/${c.baseId}/members/${c.doctor.user.id}`, { role: c.doctorRoleId })).statusCode).toBe(200);
    expect((await c.owner.request('PATCH', `${rolesUrl()}/${c.doctorRoleId}`, { rules: doctorRules(c) })).statusCode).toBe(200);
    expect(await doctorSees()).toEqual(['Ada', 'Bo']);
    expect((await c.owner.request('DELETE', `/api/v1/bases/${c.baseId}/members/${c.doctor.user.id}`)).statusCode).toBe(204);
    expect(await doctorSees()).toBe(404);
    expect((await c.owner.request('POST', `/api/v1/bases/${c.baseId}/members`, { userId: c.doctor.user.id, role: c.doctorRoleId })).statusCode).toBe(201);
    expect(await doctorSees()).toEqual(['Ada', 'Bo']);
  });

  it('keeps rules with the field through renames; a field re-created under an old name starts from the default', async () => {
    const secret = fieldNamed(c.patients, 'SecretNote');
    const renamed = await c.owner.request('PATCH', c.url(c.patients, `/fields/${secret.id}`), { name: 'Private' });
    expect(renamed.statusCode).toBe(200);
    expect(await doctorFields()).not.toContain('Private');
    const phone = fieldNamed(c.patients, 'Phone');
    // Swap two names: the rules follow the fields, not the names.
    expect((await c.owner.request('PATCH', c.url(c.patients, `/fields/${phone.id}`), { name: 'SecretNote' })).statusCode).toBe(200);
    expect(await doctorFields()).toContain('SecretNote');
    expect((await c.owner.request('PATCH', c.url(c.patients, `/fields/${phone.id}`), { name: 'Phone' })).statusCode).toBe(200);

    expect((await c.owner.request('DELETE', c.url(c.patients, `/fields/${secret.id}`))).statusCode).toBe(200);
    const again = await c.owner.request('POST', c.url(c.patients, '/fields'), { name: 'SecretNote', type: 'singleLineText' });
    expect(again.statusCode).toBe(201);
    // otherFields is 'read': the new field is readable, and only readable.
    expect(await doctorFields()).toContain('SecretNote');
    const permissions = (await c.doctor.request('GET', c.url(c.patients, '/permissions'))).json();
    expect(permissions.fields[again.json().id]).toBe('read');
  });

  it('keeps a table created after the role invisible to it', async () => {
    const created = await c.owner.request('POST', `/api/v1/bases/${c.baseId}/tables`, { name: 'Later', fields: [{ name: 'Title', type: 'singleLineText' }] });
    expect(created.statusCode).toBe(201);
    const later = created.json() as ApiTable;
    expect((await c.doctor.request('GET', tableUrl(c.baseId, later.id, '/records'))).statusCode).toBe(404);
    const names = ((await c.doctor.request('GET', `/api/v1/bases/${c.baseId}/tables`)).json().tables as ApiTable[]).map((table) => table.name);
    expect(names).not.toContain('Later');
  });
});
