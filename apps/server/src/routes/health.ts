/** `GET /api/v1/health`: liveness for load balancers and the start script (public). */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/health',
    {
      config: { permission: 'public' },
      schema: { tags: ['platform'], summary: 'Liveness check', response: { 200: Type.Object({ ok: Type.Boolean() }) } },
    },
    async () => ({ ok: true }),
  );
}
