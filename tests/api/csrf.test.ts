/**
 * CSRF (RELIABILITY A7.5): state-changing cookie requests need the session's x-csrf-token and,
 * when the browser names one, a same-origin Origin; bearer-token requests are exempt.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import { bearer, startTestApp, type SignedIn, type TestApp } from '../support/app';

describeEachDialect('CSRF protection', (dialect) => {
  let t: TestApp;
  let owner: SignedIn;
  let baseId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    // A probe a token may write to, to show bearer requests skip the CSRF check.
    t.app.post('/api/v1/bases/:baseId/csrf-probe', { config: { permission: 'base:write' } }, async () => ({ ok: true }));
    owner = await t.signUpOwner();
    baseId = (await t.createBase(owner, 'Clinic')).id;
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const baseCount = async () => (await t.database.db.selectFrom('bases').select('id').execute()).length;
  const createBase = (headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/bases', payload: { name: 'Forged' }, headers });

  it('refuses a cookie POST without x-csrf-token and changes nothing', async () => {
    const before = await baseCount();
    const response = await createBase({ cookie: owner.cookie });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_FAILED');
    expect(await baseCount()).toBe(before);
  });

  it('refuses a cookie POST with a wrong x-csrf-token', async () => {
    const other = await t.login(owner.user.email, owner.password);
    const response = await createBase({ cookie: owner.cookie, 'x-csrf-token': other.csrfToken });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_FAILED');
  });

  it('refuses a cookie POST with the right token from another origin', async () => {
    const response = await createBase({ ...owner.headers, origin: 'https://evil.example' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_FAILED');
    const nullOrigin = await createBase({ ...owner.headers, origin: 'null' });
    expect(nullOrigin.json().error.code).toBe('CSRF_FAILED');
  });

  it('refuses a request the browser marks as cross-site', async () => {
    const response = await createBase({ ...owner.headers, 'sec-fetch-site': 'cross-site' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_FAILED');
  });

  it('accepts the right token with a same-origin Origin', async () => {
    const response = await createBase({ ...owner.headers, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' });
    expect(response.statusCode).toBe(201);
  });

  it('lets reads through without a token', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/bases', headers: { cookie: owner.cookie, origin: 'https://evil.example' } });
    expect(response.statusCode).toBe(200);
  });

  it('refuses sign-out without the token, leaving the session alive', async () => {
    const session = await t.login(owner.user.email, owner.password);
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session.cookie } });
    expect(response.statusCode).toBe(403);
    expect((await session.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('refuses a sign-in posted from another origin', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: owner.user.email, password: owner.password },
      headers: { origin: 'https://evil.example' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_FAILED');
    expect(response.cookies).toHaveLength(0);
  });

  it('refuses text/plain bodies (the cross-site form encoding) with 415', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/bases',
      payload: '{"name":"Forged"}',
      headers: { ...owner.headers, 'content-type': 'text/plain' },
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('exempts bearer-token requests, which browsers never send on their own', async () => {
    const secret = await t.createToken(owner, { access: 'readWrite', baseIds: [baseId] });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/bases/${baseId}/csrf-probe`,
      headers: { ...bearer(secret), origin: 'https://evil.example', cookie: owner.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
  });
});
