/**
 * Sign-in, sign-out and browser sessions (RELIABILITY A7.1, A7.4): cookie flags, rotation,
 * idle and absolute expiry (with the injected clock), argon2id hashes and rehashing.
 */
import { createHash } from 'node:crypto';
import argon2 from 'argon2';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import { startTestApp, type TestApp } from '../support/app';

const minutes = 60_000;

/** `$argon2id$v=19$m=19456,p=1,t=2$…` → { variant, m, t, p } */
function argonParameters(hash: string) {
  const match = /^\$(argon2(?:id|i|d))\$v=19\$([^$]+)\$/.exec(hash);
  if (!match) return undefined;
  const parameters = Object.fromEntries(match[2]!.split(',').map((pair) => pair.split('=')));
  return { variant: match[1], m: Number(parameters.m), t: Number(parameters.t), p: Number(parameters.p) };
}

describeEachDialect('sessions', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    await t.signUpOwner();
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });

  it('sets an HttpOnly, SameSite=Lax, path-wide session cookie without Secure over plain http', async () => {
    const owner = await t.signUpOwner();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: owner.user.email, password: owner.password },
    });
    expect(response.statusCode).toBe(200);
    const raw = String(response.headers['set-cookie']);
    expect(raw).toMatch(/^mt_session=[A-Za-z0-9_-]{43};/);
    expect(raw).toContain('HttpOnly');
    expect(raw).toContain('SameSite=Lax');
    expect(raw).toContain('Path=/');
    expect(raw).toContain(`Max-Age=${12 * 3600}`);
    expect(raw).not.toContain('Secure');
  });

  it('stores only the SHA-256 of the session token', async () => {
    const owner = await t.signUpOwner();
    const session = await t.login(owner.user.email, owner.password);
    const token = session.cookie.split('=')[1]!;
    const rows = await t.database.db.selectFrom('sessions').select('id_hash').execute();
    const hashes = rows.map((r) => r.id_hash);
    expect(hashes).toContain(createHash('sha256').update(token).digest('hex'));
    expect(hashes).not.toContain(token);
  });

  it('issues a new session id at every sign-in and ends the one the browser had', async () => {
    const owner = await t.signUpOwner();
    const first = await t.login(owner.user.email, owner.password);
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: owner.user.email, password: owner.password },
      headers: { cookie: first.cookie },
    });
    expect(second.statusCode).toBe(200);
    const newCookie = `mt_session=${second.cookies.find((c) => c.name === 'mt_session')!.value}`;
    expect(newCookie).not.toBe(first.cookie);
    expect(second.json().csrfToken).not.toBe(first.csrfToken);
    expect((await me(first.cookie)).statusCode).toBe(401);
    expect((await me(newCookie)).statusCode).toBe(200);
  });

  it('answers a wrong password with 401 UNAUTHENTICATED and no cookie', async () => {
    const owner = await t.signUpOwner();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: owner.user.email, password: 'not the password' },
      remoteAddress: '10.9.9.1',
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Email or password is incorrect', details: {} } });
    expect(response.cookies).toHaveLength(0);
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const owner = await t.signUpOwner();
    const session = await t.login(owner.user.email, owner.password);
    const response = await session.request('POST', '/api/v1/auth/logout');
    expect(response.statusCode).toBe(204);
    expect(String(response.headers['set-cookie'])).toMatch(/^mt_session=;.*Expires=Thu, 01 Jan 1970/);
    const after = await me(session.cookie);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('ends a session idle for more than 30 minutes, and keeps one used within them', async () => {
    const owner = await t.signUpOwner();
    const session = await t.login(owner.user.email, owner.password);
    t.clock.advance(29 * minutes);
    expect((await me(session.cookie)).statusCode).toBe(200);
    t.clock.advance(29 * minutes);
    expect((await me(session.cookie)).statusCode).toBe(200);
    t.clock.advance(31 * minutes);
    const expired = await me(session.cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('UNAUTHENTICATED');
    expect(String(expired.headers['set-cookie'])).toMatch(/^mt_session=;/);
    t.clock.advance(-31 * minutes); // a session once ended stays ended
    expect((await me(session.cookie)).statusCode).toBe(401);
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const owner = await t.signUpOwner();
    const session = await t.login(owner.user.email, owner.password);
    for (let elapsed = 0; elapsed < 11 * 60 + 40; elapsed += 20) {
      t.clock.advance(20 * minutes);
      expect((await me(session.cookie)).statusCode).toBe(200);
    }
    t.clock.advance(20 * minutes); // 12 h
    expect((await me(session.cookie)).statusCode).toBe(401);
  });

  it('refuses a made-up session cookie with 401, never as anonymous', async () => {
    const response = await me('mt_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(response.statusCode).toBe(401);
    const bodies = await Promise.all([
      t.app.inject({ method: 'GET', url: '/api/v1/bases', headers: { cookie: 'mt_session=' } }),
      t.app.inject({ method: 'GET', url: '/api/v1/bases' }),
    ]);
    expect(bodies.map((r) => r.statusCode)).toEqual([401, 401]);
  });

  it('hashes passwords with argon2id at m=19456 KiB, t=2, p=1', async () => {
    const owner = await t.signUpOwner();
    const user = await t.createUser(owner);
    const row = await t.database.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(argonParameters(row.password_hash)).toEqual({ variant: 'argon2id', m: 19456, t: 2, p: 1 });
    expect(row.password_hash).not.toContain(user.password);
  });

  it('rehashes a weaker stored hash at sign-in', async () => {
    const owner = await t.signUpOwner();
    const user = await t.createUser(owner);
    const weak = await argon2.hash(user.password, { type: argon2.argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await t.database.db.updateTable('users').set({ password_hash: weak }).where('id', '=', user.id).execute();
    expect(argonParameters(weak)).toEqual({ variant: 'argon2id', m: 4096, t: 1, p: 1 });
    await t.login(user.email, user.password);
    const row = await t.database.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(argonParameters(row.password_hash)).toEqual({ variant: 'argon2id', m: 19456, t: 2, p: 1 });
    expect(await argon2.verify(row.password_hash, user.password)).toBe(true);
  });

  it('refuses sign-in to a disabled account like a wrong password', async () => {
    const owner = await t.signUpOwner();
    const user = await t.createUser(owner);
    const session = await t.login(user.email, user.password);
    await t.database.db.updateTable('users').set({ disabled: 1 }).where('id', '=', user.id).execute();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
      remoteAddress: '10.9.9.2',
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toBe('Email or password is incorrect');
    expect((await me(session.cookie)).statusCode).toBe(401);
  });
});

describeEachDialect('sessions behind https', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, { config: { publicUrl: 'https://tables.example.test' } });
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it('names the cookie __Host-mt_session and marks it Secure', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { email: 'owner@example.test', name: 'Ada', password: 'password123' },
    });
    expect(response.statusCode).toBe(201);
    const raw = String(response.headers['set-cookie']);
    expect(raw).toMatch(/^__Host-mt_session=[A-Za-z0-9_-]{43};/);
    expect(raw).toContain('Secure');
    expect(raw).toContain('HttpOnly');
    expect(raw).toContain('SameSite=Lax');
    expect(raw).toContain('Path=/');
    expect(raw).not.toContain('Domain');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});
