/**
 * Error shape and hostile input (RELIABILITY A7.6, A12.2, A12.3): every 4xx/5xx body is
 * `{ error: { code, message, details } }`; validation names the JSON path; 1 MiB body limit;
 * JSON deeper than 32 is refused before it is parsed; 5xx bodies leak nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EngineError } from '@multitable/core';
import { describeEachDialect } from '../support/databases';
import { startTestApp, type TestApp } from '../support/app';

const canary = 'CANARY-NID-7731';

describeEachDialect('errors', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.app.post(
      '/api/v1/probe/records',
      {
        config: { permission: 'public' },
        schema: {
          body: {
            type: 'object',
            required: ['records'],
            properties: {
              records: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['fields'],
                  additionalProperties: false,
                  properties: { fields: { type: 'object' } },
                },
              },
            },
          },
        },
      },
      async (request) => ({ received: (request.body as { records: unknown[] }).records.length }),
    );
    t.app.get('/api/v1/probe/crash', { config: { permission: 'public' } }, async () => {
      throw new Error(`SELECT national_id FROM t_tbl_x WHERE v = '${canary}' at /srv/multitable/data/x.sqlite`);
    });
    t.app.get('/api/v1/probe/engine-error', { config: { permission: 'public' } }, async () => {
      throw new EngineError('NAME_TAKEN', 'A table named "Patients" already exists', { path: 'body.name' });
    });
    t.app.get('/api/v1/probe/undeclared', async () => ({ reached: true }));
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const post = (url: string, payload: string) =>
    t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json' } });

  function expectErrorShape(body: unknown): void {
    expect(Object.keys(body as object)).toEqual(['error']);
    const error = (body as { error: Record<string, unknown> }).error;
    expect(Object.keys(error).sort()).toEqual(['code', 'details', 'message']);
    expect(typeof error.code).toBe('string');
    expect(typeof error.message).toBe('string');
    expect(typeof error.details).toBe('object');
  }

  it('answers an unknown route with 404 NOT_FOUND in the error shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expectErrorShape(response.json());
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  it('names the JSON path of a validation failure', async () => {
    const records = [{ fields: {} }, { fields: {} }, { fields: {} }, { fields: 'not an object' }];
    const response = await post('/api/v1/probe/records', JSON.stringify({ records }));
    expect(response.statusCode).toBe(400);
    expectErrorShape(response.json());
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { path: 'body.records[3].fields' } });
    expect(response.json().error.message).toMatch(/^body\.records\[3\]\.fields /);

    const missing = await post('/api/v1/probe/records', JSON.stringify({ records: [{}] }));
    expect(missing.json().error).toMatchObject({ message: 'body.records[0].fields is required', details: { path: 'body.records[0].fields' } });
    const extra = await post('/api/v1/probe/records', JSON.stringify({ records: [{ fields: {}, 'odd key': 1 }] }));
    expect(extra.json().error.details.path).toBe('body.records[0]["odd key"]');
  });

  it('maps an engine error to its status and keeps its message and details', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/probe/engine-error' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({
      error: { code: 'NAME_TAKEN', message: 'A table named "Patients" already exists', details: { path: 'body.name' } },
    });
  });

  it('answers an unexpected failure with a bare 500 that leaks no SQL, path, value or stack', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/probe/crash' });
    expect(response.statusCode).toBe(500);
    expectErrorShape(response.json());
    expect(response.json().error.code).toBe('INTERNAL');
    expect(Object.keys(response.json().error.details)).toEqual(['requestId']);
    for (const leak of [canary, 'SELECT', '/srv/', 'sqlite', 'at ', 'Error:']) expect(response.body).not.toContain(leak);
  });

  it('closes a route that declares no permission with 403', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/probe/undeclared' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    expect(response.body).not.toContain('reached');
    const undeclared = t.app.routeInventory.routes().filter((route) => route.permission === undefined);
    expect(undeclared.map((route) => `${route.method} ${route.url}`)).toContain('GET /api/v1/probe/undeclared');
  });

  it('refuses a body over 1 MiB with 413 and accepts one just under', async () => {
    const padding = (size: number) => JSON.stringify({ records: [{ fields: { note: 'x'.repeat(size) } }] });
    const overhead = padding(0).length;
    const under = await post('/api/v1/probe/records', padding(1_048_576 - overhead));
    expect(under.statusCode).toBe(200);
    const over = await post('/api/v1/probe/records', padding(1_048_576 - overhead + 1));
    expect(over.statusCode).toBe(413);
    expectErrorShape(over.json());
    expect(over.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses JSON nested 33 deep with JSON_TOO_DEEP and accepts 32', async () => {
    const nested = (depth: number) => `{"records":[{"fields":{"v":${'['.repeat(depth - 4)}${']'.repeat(depth - 4)}}}]}`;
    const deep = await post('/api/v1/probe/records', nested(33));
    expect(deep.statusCode).toBe(400);
    expectErrorShape(deep.json());
    expect(deep.json().error.code).toBe('JSON_TOO_DEEP');
    const fine = await post('/api/v1/probe/records', nested(32));
    expect(fine.statusCode).toBe(200);
  });

  it('checks depth before parsing: a deep body that is not even JSON is refused as too deep', async () => {
    const response = await post('/api/v1/probe/records', `${'['.repeat(40)} this is not json`);
    expect(response.json().error.code).toBe('JSON_TOO_DEEP');
  });

  it('survives 100,000 nested arrays (200 KB) and keeps serving', async () => {
    const started = performance.now();
    const response = await post('/api/v1/probe/records', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('JSON_TOO_DEEP');
    expect(performance.now() - started).toBeLessThan(2000);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/health' })).json()).toEqual({ ok: true });
  });

  it('refuses __proto__ and constructor.prototype keys without polluting prototypes', async () => {
    for (const payload of [
      '{"records":[],"__proto__":{"polluted":true}}',
      '{"records":[{"fields":{"constructor":{"prototype":{"polluted":true}}}}]}',
    ]) {
      const response = await post('/api/v1/probe/records', payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const allowed = await post('/api/v1/probe/records', '{"records":[{"fields":{"constructor":"a field name"}}]}');
    expect(allowed.statusCode).toBe(200);
  });

  it('refuses malformed JSON without echoing it', async () => {
    const response = await post('/api/v1/probe/records', `{"records": [${canary}]`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(response.body).not.toContain(canary);
  });
});
