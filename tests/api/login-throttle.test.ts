/**
 * Sign-in throttling (RELIABILITY A7.2): more than 5 failures in 15 minutes per account or per
 * IP → 429 RATE_LIMITED with Retry-After; unknown and known emails look the same.
 */
import { afterEach, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import { startTestApp, type TestApp } from '../support/app';

describeEachDialect('sign-in throttling', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  const attempt = (app: TestApp, email: string, password: string, ip: string) =>
    app.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });

  it('answers the 6th attempt on an account with 429 and Retry-After, even with the right password', async () => {
    t = await startTestApp(dialect);
    const owner = await t.signUpOwner();
    for (let i = 1; i <= 5; i++) {
      const failed = await attempt(t, owner.user.email, `wrong ${i}`, `10.0.1.${i}`);
      expect(failed.statusCode).toBe(401);
    }
    const sixth = await attempt(t, owner.user.email, owner.password, '10.0.1.6');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.code).toBe('RATE_LIMITED');
    expect(sixth.headers['retry-after']).toBe('900');
    expect(sixth.cookies).toHaveLength(0);

    t.clock.advance(15 * 60_000);
    expect((await attempt(t, owner.user.email, owner.password, '10.0.1.7')).statusCode).toBe(200);
  });

  it('gives unknown and known emails the same statuses and bodies, after similar work', async () => {
    t = await startTestApp(dialect);
    const owner = await t.signUpOwner();
    const known: Array<{ status: number; body: string }> = [];
    const unknown: Array<{ status: number; body: string }> = [];
    const timings = { known: 0, unknown: 0 };
    for (let i = 1; i <= 6; i++) {
      let started = performance.now();
      const k = await attempt(t, owner.user.email, `wrong ${i}`, `10.0.2.${i}`);
      timings.known += performance.now() - started;
      started = performance.now();
      const u = await attempt(t, 'nobody@example.test', `wrong ${i}`, `10.0.3.${i}`);
      timings.unknown += performance.now() - started;
      known.push({ status: k.statusCode, body: k.body });
      unknown.push({ status: u.statusCode, body: u.body });
    }
    expect(unknown).toEqual(known);
    expect(known.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429]);
    // The unknown email is verified against a dummy argon2id hash, so it is not much faster.
    expect(timings.unknown).toBeGreaterThan(timings.known * 0.5);
  });

  it('throttles one IP that tries many accounts, and not other IPs', async () => {
    t = await startTestApp(dialect);
    const owner = await t.signUpOwner();
    for (let i = 1; i <= 5; i++) {
      expect((await attempt(t, `guess${i}@example.test`, 'password', '10.0.4.1')).statusCode).toBe(401);
    }
    const blocked = await attempt(t, owner.user.email, owner.password, '10.0.4.1');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt(t, owner.user.email, owner.password, '10.0.4.2')).statusCode).toBe(200);
  });

  it('forgets an account’s failures after a successful sign-in', async () => {
    t = await startTestApp(dialect);
    const owner = await t.signUpOwner();
    for (let i = 1; i <= 4; i++) await attempt(t, owner.user.email, 'wrong', `10.0.5.${i}`);
    expect((await attempt(t, owner.user.email, owner.password, '10.0.5.9')).statusCode).toBe(200);
    for (let i = 1; i <= 4; i++) {
      expect((await attempt(t, owner.user.email, 'wrong', `10.0.6.${i}`)).statusCode).toBe(401);
    }
    expect((await attempt(t, owner.user.email, owner.password, '10.0.6.9')).statusCode).toBe(200);
  });
});
