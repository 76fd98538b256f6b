/**
 * The web page (the built app or the placeholder), the API docs and security headers on HTML (RELIABILITY A4.5).
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import { startTestApp, type InjectResponse, type TestApp } from '../support/app';

function expectSecurityHeaders(response: InjectResponse): void {
  const csp = String(response.headers['content-security-policy']);
  const scriptSrc = csp.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
  expect(scriptSrc).toBe("script-src 'self'");
  expect(csp).not.toMatch(/default-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(response.headers['referrer-policy']).toBe('same-origin');
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['x-frame-options']).toBe('DENY');
}

describeEachDialect('web page and API docs', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  // The web app's build when apps/web/dist exists (`pnpm start` and the browser tests make it), else the placeholder.
  const built = fs.existsSync(new URL('../../apps/web/dist/index.html', import.meta.url));

  it('serves the web app at / with security headers and no inline script', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain(built ? '<div id="root"></div>' : 'Multitable is running');
    expect(response.body).toContain('href="/api/docs"');
    expect(response.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(response.body).not.toMatch(/\son[a-z]+=/i);
    expectSecurityHeaders(response);
  });

  it('serves Swagger UI at /api/docs with the same headers and external scripts only', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expectSecurityHeaders(response);
  });

  it('describes the API as OpenAPI at /api/docs/json', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    for (const path of ['/api/v1/setup', '/api/v1/auth/login', '/api/v1/tokens', '/api/v1/bases/{baseId}', '/api/v1/bases/{baseId}/members/{userId}']) {
      expect(Object.keys(document.paths)).toContain(path);
    }
    const login = document.paths['/api/v1/auth/login'].post;
    expect(Object.keys(login.requestBody.content['application/json'].schema.properties).sort()).toEqual(['email', 'password']);
    expect(Object.keys(document.paths).some((path) => !path.startsWith('/api/v1/'))).toBe(false);
  });

  it('puts security headers on JSON answers too', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
