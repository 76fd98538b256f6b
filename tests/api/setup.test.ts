/** First-run setup: creates the instance owner exactly once (RELIABILITY A7.7). */
import { afterEach, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import { startTestApp, type TestApp } from '../support/app';

describeEachDialect('first-run setup', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  it('reports that setup is needed, creates the owner signed in, then reports it done', async () => {
    t = await startTestApp(dialect);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: true });

    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { email: '  Owner@Example.TEST ', name: ' Ada ', password: 'long enough' },
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.user).toMatchObject({ email: 'owner@example.test', name: 'Ada', isInstanceOwner: true });
    expect(body.user.id).toMatch(/^usr_[0-9a-z]{16}$/);
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = response.cookies.find((c) => c.name === 'mt_session');
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `mt_session=${cookie!.value}` } });
    expect(me.json()).toMatchObject({ user: { id: body.user.id }, via: 'session', csrfToken: body.csrfToken });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: false });
  });

  it('refuses a second setup with SETUP_ALREADY_DONE and leaves one owner', async () => {
    t = await startTestApp(dialect);
    await t.signUpOwner();
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { email: 'intruder@example.test', name: 'Mallory', password: 'password123' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SETUP_ALREADY_DONE');
    expect(again.cookies).toHaveLength(0);
    const owners = await t.database.db.selectFrom('users').select('email').where('is_instance_owner', '=', 1).execute();
    expect(owners).toHaveLength(1);
    expect(await t.database.db.selectFrom('users').select('id').where('email', '=', 'intruder@example.test').execute()).toEqual([]);
  });

  it('lets exactly one of several racing setups win', async () => {
    t = await startTestApp(dialect);
    const app = t.app;
    const attempts = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/setup',
          payload: { email: `racer${i}@example.test`, name: `Racer ${i}`, password: 'password123' },
        }),
      ),
    );
    const statuses = attempts.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409]);
    for (const loser of attempts.filter((r) => r.statusCode === 409)) {
      expect(loser.json().error.code).toBe('SETUP_ALREADY_DONE');
    }
    const users = await t.database.db.selectFrom('users').select(['email', 'is_instance_owner']).execute();
    expect(users).toHaveLength(1);
    expect(Number(users[0]!.is_instance_owner)).toBe(1);
  });

  it('lets exactly one of two racing setups with the same email win', async () => {
    t = await startTestApp(dialect);
    const app = t.app;
    const payload = { email: 'same@example.test', name: 'Twin', password: 'password123' };
    const attempts = await Promise.all([1, 2].map(() => app.inject({ method: 'POST', url: '/api/v1/setup', payload })));
    expect(attempts.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(attempts.find((r) => r.statusCode === 409)!.json().error.code).toBe('SETUP_ALREADY_DONE');
  });

  it('refuses a password shorter than 8 characters, naming the field', async () => {
    t = await startTestApp(dialect);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { email: 'owner@example.test', name: 'Ada', password: 'short' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { path: 'body.password' } });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: true });
  });
});
