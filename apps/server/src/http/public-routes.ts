/**
 * The reviewed public allowlist for routes that plugins register (RELIABILITY A1.1): inside a
 * context wrapped with `declarePublicRoutes`, every route without a permission is declared
 * `public`. Only the API docs and the web app's static files are registered this way; every
 * route we write ourselves declares its permission explicitly.
 */
import type { FastifyInstance } from 'fastify';

export function declarePublicRoutes(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.permission === undefined) route.config = { ...route.config, permission: 'public' };
  });
}
