/**
 * `GET /api/v1/bases/:baseId/realtime` — the WebSocket of a base: changes to subscribed tables,
 * who else views them, and access changes, each as the caller may see it (protocol in
 * realtime/realtime-messages.ts). Authenticated like every route before the upgrade (401/404/403
 * as HTTP answers); a cookie session's handshake must come from this server's origin.
 */
import type { FastifyInstance } from 'fastify';
import { requireBaseActor } from '../auth/actor';
import { assertSameOriginHandshake } from '../auth/csrf';
import { lastingCallerOf } from '../services/access/caller';

export async function realtimeRoutes(app: FastifyInstance): Promise<void> {
  const { platform } = app;
  app.get(
    '/bases/:baseId/realtime',
    {
      websocket: true,
      config: { permission: 'base:read' },
      schema: { tags: ['realtime'], summary: 'WebSocket: live changes, presence and access changes of a base (see the protocol in the server source)', hide: false },
      preValidation: async (request) => {
        if (requireBaseActor(request).via === 'session') assertSameOriginHandshake(platform.config, request);
      },
    },
    (socket, request) => {
      const actor = requireBaseActor(request);
      app.realtime.accept(socket, request, lastingCallerOf(request), { id: actor.user.id, name: actor.user.name });
    },
  );
}
