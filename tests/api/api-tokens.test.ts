/**
 * Personal API tokens (RELIABILITY A1.8, A1.10): shown once, stored hashed, narrowed to their
 * bases and access; revoked, malformed or unknown tokens are 401, never anonymous.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import { bearer, startTestApp, type SignedIn, type TestApp } from '../support/app';

describeEachDialect('API tokens', (dialect) => {
  let t: TestApp;
  let owner: SignedIn;
  let baseX: string;
  let baseY: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    // Probes for the permissions no platform route uses yet (the data routes will).
    for (const permission of ['base:write', 'base:design'] as const) {
      t.app.post(`/api/v1/bases/:baseId/probe-${permission.replace(':', '-')}`, { config: { permission } }, async () => ({ ok: true }));
    }
    owner = await t.signUpOwner();
    baseX = (await t.createBase(owner, 'X')).id;
    baseY = (await t.createBase(owner, 'Y')).id;
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const as = (secret: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(secret), ...(payload ? { payload } : {}) });

  it('shows the secret once and stores only its SHA-256', async () => {
    const created = await owner.request('POST', '/api/v1/tokens', { name: 'report script', access: 'read', baseIds: [baseX] });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.secret).toMatch(/^mt_[A-Za-z0-9_-]{43}$/);
    expect(body).toMatchObject({ name: 'report script', access: 'read', baseIds: [baseX], lastUsedAt: null });
    expect(body.id).toMatch(/^tok_/);

    const listed = await owner.request('GET', '/api/v1/tokens');
    expect(listed.body).not.toContain(body.secret);
    expect(listed.json().tokens.map((token: { id: string }) => token.id)).toContain(body.id);

    const rows = await t.database.db.selectFrom('api_tokens').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(body.secret);
    expect(rows.find((row) => row.id === body.id)?.token_hash).toBe(createHash('sha256').update(body.secret).digest('hex'));
  });

  it('acts as its owner: GET /auth/me says via token, with no CSRF token', async () => {
    const secret = await t.createToken(owner, { access: 'read', baseIds: [baseX] });
    const me = await as(secret, 'GET', '/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { id: owner.user.id }, via: 'token', csrfToken: null });
  });

  it('confines a read-only token to reads of its own base', async () => {
    const secret = await t.createToken(owner, { access: 'read', baseIds: [baseX] });
    expect((await as(secret, 'GET', `/api/v1/bases/${baseX}`)).statusCode).toBe(200);
    expect((await as(secret, 'GET', `/api/v1/bases/${baseX}/members`)).statusCode).toBe(200);
    const listed = await as(secret, 'GET', '/api/v1/bases');
    expect(listed.json().bases.map((b: { id: string }) => b.id)).toEqual([baseX]);

    const refused: Array<[string, 'GET' | 'POST' | 'PATCH' | 'DELETE', string, object?]> = [
      ['write to its base', 'POST', `/api/v1/bases/${baseX}/probe-base-write`],
      ['design its base', 'POST', `/api/v1/bases/${baseX}/probe-base-design`],
      ['rename its base', 'PATCH', `/api/v1/bases/${baseX}`, { name: 'Renamed' }],
      ['delete its base', 'DELETE', `/api/v1/bases/${baseX}`],
      ['add a member', 'POST', `/api/v1/bases/${baseX}/members`, { userId: owner.user.id, role: 'viewer' }],
      ['read another base', 'GET', `/api/v1/bases/${baseY}`],
      ['read members of another base', 'GET', `/api/v1/bases/${baseY}/members`],
      ['create a base', 'POST', '/api/v1/bases', { name: 'New' }],
      ['list tokens', 'GET', '/api/v1/tokens'],
      ['create a token', 'POST', '/api/v1/tokens', { name: 'more', access: 'readWrite', baseIds: [baseX] }],
      ['list users', 'GET', '/api/v1/users'],
      ['create a user', 'POST', '/api/v1/users', { email: 'x@example.test', name: 'X', password: 'password123' }],
      ['sign out', 'POST', '/api/v1/auth/logout'],
    ];
    for (const [what, method, url, payload] of refused) {
      const response = await as(secret, method, url, payload);
      expect({ what, status: response.statusCode, code: response.json().error?.code }).toEqual({ what, status: 403, code: 'FORBIDDEN' });
    }
    const names = await t.database.db.selectFrom('bases').select('name').where('id', '=', baseX).executeTakeFirstOrThrow();
    expect(names.name).toBe('X');
    expect((await as(secret, 'POST', '/api/v1/setup', { email: 'y@example.test', name: 'Y', password: 'password123' })).statusCode).toBe(409);
  });

  it('lets a read-write token write and design its base, but not manage or delete it', async () => {
    const secret = await t.createToken(owner, { access: 'readWrite', baseIds: [baseX] });
    expect((await as(secret, 'POST', `/api/v1/bases/${baseX}/probe-base-write`)).statusCode).toBe(200);
    expect((await as(secret, 'POST', `/api/v1/bases/${baseX}/probe-base-design`)).statusCode).toBe(200);
    expect((await as(secret, 'POST', `/api/v1/bases/${baseY}/probe-base-write`)).statusCode).toBe(403);
    expect((await as(secret, 'DELETE', `/api/v1/bases/${baseX}`)).statusCode).toBe(403);
    expect((await as(secret, 'POST', `/api/v1/bases/${baseX}/members`, { userId: owner.user.id, role: 'viewer' })).statusCode).toBe(403);
  });

  it('never grants more than the owner has: a token of a removed member reaches nothing', async () => {
    const editor = await t.signUpUser(owner);
    await t.addMember(owner, baseX, editor.user.id, 'editor');
    const secret = await t.createToken(editor, { access: 'readWrite', baseIds: [baseX] });
    expect((await as(secret, 'POST', `/api/v1/bases/${baseX}/probe-base-write`)).statusCode).toBe(200);
    expect((await as(secret, 'POST', `/api/v1/bases/${baseX}/probe-base-design`)).statusCode).toBe(403);
    expect((await owner.request('DELETE', `/api/v1/bases/${baseX}/members/${editor.user.id}`)).statusCode).toBe(204);
    expect((await as(secret, 'GET', `/api/v1/bases/${baseX}`)).statusCode).toBe(404);
  });

  it('refuses a token for a base its creator is not a member of, naming the entry', async () => {
    const outsider = await t.signUpUser(owner);
    const response = await outsider.request('POST', '/api/v1/tokens', { name: 'sneaky', access: 'read', baseIds: [baseX] });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { path: 'body.baseIds[0]' } });
  });

  it('answers revoked, unknown and malformed credentials with 401, even alongside a valid cookie', async () => {
    const created = await owner.request('POST', '/api/v1/tokens', { name: 'to revoke', access: 'readWrite', baseIds: [baseX] });
    const { id, secret } = created.json();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/bases/${baseX}`, headers: bearer(secret) })).statusCode).toBe(200);
    expect((await owner.request('DELETE', `/api/v1/tokens/${id}`)).statusCode).toBe(204);
    expect((await owner.request('DELETE', `/api/v1/tokens/${id}`)).statusCode).toBe(404);

    const attempts = [
      `Bearer ${secret}`, // revoked
      `Bearer mt_${'A'.repeat(43)}`, // unknown
      'Bearer mt_short',
      'Bearer ',
      'Basic dXNlcjpwYXNz',
      `Bearer ${secret} extra`,
    ];
    for (const authorization of attempts) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/bases/${baseX}`,
        headers: { authorization, cookie: owner.cookie },
      });
      expect({ authorization, status: response.statusCode, code: response.json().error.code }).toEqual({
        authorization,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('does not let a user revoke someone else’s token', async () => {
    const other = await t.signUpUser(owner);
    const created = (await owner.request('POST', '/api/v1/tokens', { name: 'mine', access: 'read', baseIds: [baseX] })).json();
    const response = await other.request('DELETE', `/api/v1/tokens/${created.id}`);
    expect(response.statusCode).toBe(404);
    expect((await as(created.secret, 'GET', `/api/v1/bases/${baseX}`)).statusCode).toBe(200);
  });
});
