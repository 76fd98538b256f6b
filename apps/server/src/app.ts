/**
 * Builds the Multitable HTTP server without listening: tests call `app.inject()`, main.ts
 * calls `listen`. Order matters and is fixed here:
 *   error handler → JSON parser → cookies → security headers → OpenAPI collector →
 *   access control (route inventory + permission hook; before any route) →
 *   API routes under /api/v1 → Swagger UI → web app static files.
 * Every route must declare `config.permission` (auth/permissions.ts) — deny by default.
 */
import cookie from '@fastify/cookie';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from '@multitable/storage';
import type { ServerConfig } from './config';
import type { Clock, Platform } from './platform';
import { installAccessControl } from './auth/access-control';
import { registerApiDocsUi, registerOpenApi } from './http/api-docs';
import { installErrorHandler } from './http/error-handler';
import { installJsonBodyParser } from './http/json-body';
import { registerSecurityHeaders } from './http/security-headers';
import { registerWebStatic } from './http/web-static';
import { platformRoutes } from './routes/index';
import { dataRoutes } from './routes/data/index';
import { createAttachmentStore } from './services/data/attachment-store';
import { createEventBus } from './services/data/event-bus';
import { backgroundFills } from './services/data/recalculation/background-fills';
import { createTimeRefresh } from './services/data/recalculation/time-refresh';
import { createRealtimeHub } from './realtime/realtime-hub';
import { realtimeRoutes } from './routes/realtime';

export interface BuildAppOptions {
  database: Database;
  config: ServerConfig;
  /** Defaults to `Date.now`; tests pass a controllable clock to expire sessions without sleeping. */
  clock?: Clock;
}

/** RELIABILITY A12.3: fastify's default, stated so nobody raises it globally. */
export const jsonBodyLimit = 1_048_576;

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { database, config } = options;
  const bus = createEventBus(database, (error) => app.log.error({ err: error }, 'outbox dispatch failed'));
  const platform: Platform = {
    database,
    config,
    clock: options.clock ?? Date.now,
    bus,
    attachments: createAttachmentStore(database, config.dataDir),
  };

  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: jsonBodyLimit,
    trustProxy: config.trustProxy,
    // strictTypes off: the multipart upload documents its body without a `type` (there is no parsed body to validate).
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false, strictTypes: false } },
  });
  app.decorate('platform', platform);
  // Computed values: large fills run in batches after their change; TODAY()/NOW() formulas are refreshed daily.
  const fills = backgroundFills(platform, (error) => app.log.error({ err: error }, 'filling a computed field failed'));
  const timeRefresh = createTimeRefresh(platform, { onError: (error) => app.log.error({ err: error }, 'refreshing time-dependent formulas failed') });
  app.decorate('backgroundFills', fills);
  const realtime = createRealtimeHub(platform, (error) => app.log.error({ err: error }, 'realtime delivery failed'));
  app.decorate('realtime', realtime);
  app.addHook('preClose', async () => realtime.close());
  app.decorate('timeRefresh', timeRefresh);
  app.addHook('onReady', async () => {
    timeRefresh.start();
    void fills.resume().catch((error) => app.log.error({ err: error }, 'resuming computed-field fills failed'));
  });
  app.addHook('onClose', async () => {
    await timeRefresh.stop();
    await fills.stop();
  });
  // Events committed before shutdown still reach their subscribers.
  app.addHook('onClose', async () => bus.drain());

  installErrorHandler(app);
  installJsonBodyParser(app);
  await app.register(cookie);
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await registerSecurityHeaders(app, config);
  await registerOpenApi(app);
  installAccessControl(app, platform);

  await app.register(platformRoutes, { prefix: '/api/v1' });
  await app.register(dataRoutes, { prefix: '/api/v1' });
  await app.register(realtimeRoutes, { prefix: '/api/v1' });

  await registerApiDocsUi(app);
  await registerWebStatic(app);
  return app;
}
