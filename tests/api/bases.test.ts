/**
 * Bases and members: CRUD, time zones, and the role ladder (viewer < editor < admin < owner).
 * Non-members get 404 as if the base did not exist; members with too low a role get 403.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import { startTestApp, type SignedIn, type TestApp } from '../support/app';

describeEachDialect('bases and members', (dialect) => {
  let t: TestApp;
  let owner: SignedIn;
  let admin: SignedIn;
  let editor: SignedIn;
  let viewer: SignedIn;
  let outsider: SignedIn;
  let baseId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await t.signUpOwner();
    admin = await t.signUpUser(owner);
    editor = await t.signUpUser(owner);
    viewer = await t.signUpUser(owner);
    outsider = await t.signUpUser(owner);
    baseId = (await t.createBase(owner, 'Clinic')).id;
    await t.addMember(owner, baseId, admin.user.id, 'admin');
    await t.addMember(owner, baseId, editor.user.id, 'editor');
    await t.addMember(owner, baseId, viewer.user.id, 'viewer');
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const baseName = async (id: string) =>
    (await t.database.db.selectFrom('bases').select('name').where('id', '=', id).executeTakeFirst())?.name;
  const roleOf = async (id: string, userId: string) =>
    (await t.database.db.selectFrom('base_members').select('role').where('base_id', '=', id).where('user_id', '=', userId).executeTakeFirst())?.role;

  it('creates a base in UTC by default, with its creator as owner', async () => {
    const response = await editor.request('POST', '/api/v1/bases', { name: '  Complaints ' });
    expect(response.statusCode).toBe(201);
    const base = response.json();
    expect(base).toMatchObject({ name: 'Complaints', timeZone: 'UTC', role: 'owner' });
    expect(base.id).toMatch(/^bse_[0-9a-z]{16}$/);
    expect(await roleOf(base.id, editor.user.id)).toBe('owner');
  });

  it('accepts IANA time zones in any letter case and refuses anything else, naming the field', async () => {
    const shanghai = await owner.request('POST', '/api/v1/bases', { name: 'Shanghai', timeZone: 'asia/shanghai' });
    expect(shanghai.json().timeZone).toBe('Asia/Shanghai');
    const kyiv = await owner.request('POST', '/api/v1/bases', { name: 'Kyiv', timeZone: 'Europe/Kyiv' });
    expect(kyiv.json().timeZone).toBe('Europe/Kyiv');
    for (const timeZone of ['Mars/Olympus_Mons', '+08:00', 'UTC+8', '../etc/passwd', '']) {
      const response = await owner.request('POST', '/api/v1/bases', { name: 'Bad', timeZone });
      expect({ timeZone, status: response.statusCode }).toEqual({ timeZone, status: 400 });
      expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { path: 'body.timeZone' } });
    }
  });

  it('lists only the bases the caller is a member of, with their role', async () => {
    const listed = (await viewer.request('GET', '/api/v1/bases')).json().bases;
    expect(listed.map((b: { id: string; role: string }) => [b.id, b.role])).toEqual([[baseId, 'viewer']]);
    expect((await outsider.request('GET', '/api/v1/bases')).json().bases).toEqual([]);
  });

  it('answers a non-member exactly as for a base that does not exist', async () => {
    const missing = 'bse_0000000000000000';
    for (const [method, suffix] of [['GET', ''], ['PATCH', ''], ['DELETE', ''], ['GET', '/members']] as const) {
      const real = await outsider.request(method, `/api/v1/bases/${baseId}${suffix}`, method === 'PATCH' ? { name: 'x' } : undefined);
      const fake = await outsider.request(method, `/api/v1/bases/${missing}${suffix}`, method === 'PATCH' ? { name: 'x' } : undefined);
      expect(real.statusCode).toBe(404);
      expect(fake.statusCode).toBe(404);
      expect(real.json().error.code).toBe('NOT_FOUND');
      expect(real.body.replaceAll(baseId, 'ID')).toBe(fake.body.replaceAll(missing, 'ID'));
    }
    expect((await outsider.request('GET', '/api/v1/bases/not-an-id')).statusCode).toBe(404);
    expect(await baseName(baseId)).toBe('Clinic');
  });

  it('asks for credentials before looking at the base, real, missing or malformed', async () => {
    for (const id of [baseId, 'bse_0000000000000000', 'not-an-id']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/bases/${id}/tables` });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('lets every member read the base and its members', async () => {
    for (const member of [viewer, editor, admin, owner]) {
      const base = await member.request('GET', `/api/v1/bases/${baseId}`);
      expect(base.statusCode).toBe(200);
      const members = (await member.request('GET', `/api/v1/bases/${baseId}/members`)).json().members;
      expect(members.map((m: { userId: string; role: string }) => `${m.userId}:${m.role}`).sort()).toEqual(
        [`${owner.user.id}:owner`, `${admin.user.id}:admin`, `${editor.user.id}:editor`, `${viewer.user.id}:viewer`].sort(),
      );
    }
  });

  it('refuses a viewer and an editor renaming the base (403, name unchanged)', async () => {
    for (const member of [viewer, editor]) {
      const response = await member.request('PATCH', `/api/v1/bases/${baseId}`, { name: 'Hijacked' });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    expect(await baseName(baseId)).toBe('Clinic');
  });

  it('lets an admin rename the base and change its time zone', async () => {
    const response = await admin.request('PATCH', `/api/v1/bases/${baseId}`, { name: 'Clinic North', timeZone: 'Asia/Shanghai' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'Clinic North', timeZone: 'Asia/Shanghai', role: 'admin' });
    expect((await admin.request('PATCH', `/api/v1/bases/${baseId}`, {})).statusCode).toBe(400);
    expect((await admin.request('PATCH', `/api/v1/bases/${baseId}`, { colour: 'red' })).json().error.details.path).toBe('body.colour');
  });

  it('refuses an editor and a viewer managing members', async () => {
    for (const member of [editor, viewer]) {
      const add = await member.request('POST', `/api/v1/bases/${baseId}/members`, { userId: outsider.user.id, role: 'viewer' });
      expect(add.statusCode).toBe(403);
      const change = await member.request('PATCH', `/api/v1/bases/${baseId}/members/${viewer.user.id}`, { role: 'admin' });
      expect(change.statusCode).toBe(403);
    }
    expect(await roleOf(baseId, outsider.user.id)).toBeUndefined();
    expect(await roleOf(baseId, viewer.user.id)).toBe('viewer');
  });

  it('lets an admin manage members but never grant, change or remove an owner', async () => {
    const extra = await t.signUpUser(owner);
    expect((await admin.request('POST', `/api/v1/bases/${baseId}/members`, { userId: extra.user.id, role: 'editor' })).statusCode).toBe(201);
    expect((await admin.request('PATCH', `/api/v1/bases/${baseId}/members/${extra.user.id}`, { role: 'viewer' })).json().role).toBe('viewer');

    const grant = await admin.request('PATCH', `/api/v1/bases/${baseId}/members/${extra.user.id}`, { role: 'owner' });
    expect(grant.statusCode).toBe(403);
    const addOwner = await admin.request('POST', `/api/v1/bases/${baseId}/members`, { userId: outsider.user.id, role: 'owner' });
    expect(addOwner.statusCode).toBe(403);
    const demote = await admin.request('PATCH', `/api/v1/bases/${baseId}/members/${owner.user.id}`, { role: 'viewer' });
    expect(demote.statusCode).toBe(403);
    const remove = await admin.request('DELETE', `/api/v1/bases/${baseId}/members/${owner.user.id}`);
    expect(remove.statusCode).toBe(403);
    expect(await roleOf(baseId, owner.user.id)).toBe('owner');
    expect(await roleOf(baseId, extra.user.id)).toBe('viewer');
    expect(await roleOf(baseId, outsider.user.id)).toBeUndefined();

    expect((await admin.request('DELETE', `/api/v1/bases/${baseId}/members/${extra.user.id}`)).statusCode).toBe(204);
    expect(await roleOf(baseId, extra.user.id)).toBeUndefined();
  });

  it('refuses adding an unknown user (404) or an existing member (409)', async () => {
    const unknown = await owner.request('POST', `/api/v1/bases/${baseId}/members`, { userId: 'usr_0000000000000000', role: 'viewer' });
    expect(unknown.statusCode).toBe(404);
    const twice = await owner.request('POST', `/api/v1/bases/${baseId}/members`, { userId: viewer.user.id, role: 'editor' });
    expect(twice.statusCode).toBe(409);
    expect(await roleOf(baseId, viewer.user.id)).toBe('viewer');
  });

  it('keeps the last owner: no demoting or removing them', async () => {
    const base = await t.createBase(owner, 'Solo');
    const demote = await owner.request('PATCH', `/api/v1/bases/${base.id}/members/${owner.user.id}`, { role: 'admin' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('CONFLICT');
    const remove = await owner.request('DELETE', `/api/v1/bases/${base.id}/members/${owner.user.id}`);
    expect(remove.statusCode).toBe(409);
    expect(await roleOf(base.id, owner.user.id)).toBe('owner');
  });

  it('lets an owner hand over ownership and step down', async () => {
    const base = await t.createBase(owner, 'Handover');
    await t.addMember(owner, base.id, admin.user.id, 'owner');
    const stepDown = await owner.request('PATCH', `/api/v1/bases/${base.id}/members/${owner.user.id}`, { role: 'editor' });
    expect(stepDown.statusCode).toBe(200);
    expect(await roleOf(base.id, owner.user.id)).toBe('editor');
    expect(await roleOf(base.id, admin.user.id)).toBe('owner');
  });

  it('never leaves a base ownerless when two owners demote each other at once', async () => {
    for (let round = 0; round < 5; round++) {
      const base = await t.createBase(owner, `Race ${round}`);
      await t.addMember(owner, base.id, admin.user.id, 'owner');
      const results = await Promise.all([
        owner.request('PATCH', `/api/v1/bases/${base.id}/members/${admin.user.id}`, { role: 'editor' }),
        admin.request('PATCH', `/api/v1/bases/${base.id}/members/${owner.user.id}`, { role: 'editor' }),
      ]);
      const owners = await t.database.db.selectFrom('base_members').select('user_id').where('base_id', '=', base.id).where('role', '=', 'owner').execute();
      expect(owners.length).toBeGreaterThanOrEqual(1);
      expect(results.every((r) => r.statusCode < 500)).toBe(true);
    }
  });

  it('lets only an owner delete a base, which removes it and its memberships', async () => {
    const base = await t.createBase(owner, 'Doomed');
    await t.addMember(owner, base.id, admin.user.id, 'admin');
    expect((await admin.request('DELETE', `/api/v1/bases/${base.id}`)).statusCode).toBe(403);
    expect(await baseName(base.id)).toBe('Doomed');
    expect((await owner.request('DELETE', `/api/v1/bases/${base.id}`)).statusCode).toBe(204);
    expect(await baseName(base.id)).toBeUndefined();
    expect(await roleOf(base.id, admin.user.id)).toBeUndefined();
    expect((await owner.request('GET', `/api/v1/bases/${base.id}`)).statusCode).toBe(404);
  });
});

describeEachDialect('users', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it('lets only the instance owner create users, and any signed-in user list them', async () => {
    const owner = await t.signUpOwner();
    const member = await t.signUpUser(owner, { email: 'Member@Example.TEST', name: 'Member' });
    expect(member.user.email).toBe('member@example.test');
    const refused = await member.request('POST', '/api/v1/users', { email: 'new@example.test', name: 'New', password: 'password123' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    const users = (await member.request('GET', '/api/v1/users')).json().users;
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(users.sort(byId)).toEqual(
      [
        { id: owner.user.id, email: owner.user.email, name: owner.user.name },
        { id: member.user.id, email: 'member@example.test', name: 'Member' },
      ].sort(byId),
    );
    expect(JSON.stringify(users)).not.toContain('argon2');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401);
  });

  it('refuses a second account with the same email in any letter case', async () => {
    const owner = await t.signUpOwner();
    const response = await owner.request('POST', '/api/v1/users', { email: 'MEMBER@example.test', name: 'Twin', password: 'password123' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'CONFLICT', details: { path: 'body.email' } });
  });
});
