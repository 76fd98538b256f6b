/**
 * Route inventory (RELIABILITY A1.1): every registered route declares a permission; routes
 * registered by plugins (docs, static files) are on the reviewed public allowlist.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { permissions } from '@multitable/server';
import { describeEachDialect } from '../support/databases';
import { startTestApp, type TestApp } from '../support/app';

/** Routes that may be `public`: reviewed by hand. A new public route must be added here. */
const reviewedPublic = [
  /^\/api\/v1\/health$/,
  /^\/api\/v1\/setup$/,
  /^\/api\/v1\/auth\/login$/,
  /^\/api\/docs(\/.*)?$/,
  /^\/$/,
  /^\/[^/]+\.(html|js|css|svg|png|ico|woff2?|json|txt|map)$/,
  /^\/assets\/.*$/,
];

describeEachDialect('route inventory', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    await t.app.ready();
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it('finds every route with a declared permission', () => {
    const routes = t.app.routeInventory.routes();
    const undeclared = routes.filter((route) => route.permission === undefined);
    console.log(`[A1.1] routes total: ${routes.length}; undeclared: ${undeclared.length}`);
    expect(routes.length).toBeGreaterThan(20);
    expect(undeclared.map((route) => `${route.method} ${route.url}`)).toEqual([]);
    for (const route of routes) expect(permissions).toContain(route.permission);
  });

  it('keeps public routes to the reviewed allowlist', () => {
    const unreviewed = t.app.routeInventory
      .routes()
      .filter((route) => route.permission === 'public' && !reviewedPublic.some((pattern) => pattern.test(route.url)));
    expect(unreviewed.map((route) => `${route.method} ${route.url}`)).toEqual([]);
  });

  it('declares the expected permission on the platform routes', () => {
    const permissionOf = (method: string, url: string) =>
      t.app.routeInventory.routes().find((route) => route.method === method && route.url === url)?.permission;
    expect(permissionOf('POST', '/api/v1/users')).toBe('instanceOwner');
    expect(permissionOf('POST', '/api/v1/tokens')).toBe('account');
    expect(permissionOf('GET', '/api/v1/bases/:baseId')).toBe('base:read');
    expect(permissionOf('PATCH', '/api/v1/bases/:baseId')).toBe('base:manage');
    expect(permissionOf('DELETE', '/api/v1/bases/:baseId')).toBe('base:own');
    expect(permissionOf('POST', '/api/v1/bases/:baseId/members')).toBe('base:manage');
  });
});
