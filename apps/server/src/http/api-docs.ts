/**
 * OpenAPI description of the REST API, built from the routes' TypeBox schemas by
 * @fastify/swagger; Swagger UI at `/api/docs`, the JSON document at `/api/docs/json`.
 * Routes with `schema.hide` (static files, the docs themselves) stay out of it.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { declarePublicRoutes } from './public-routes';

/** Registers the OpenAPI collector; must come before any documented route. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Multitable API',
        version: '1',
        description:
          'REST API of Multitable. Errors are `{ error: { code, message, details } }`. Authenticate with the ' +
          'session cookie (state-changing requests also need the `x-csrf-token` header from GET /api/v1/auth/me) ' +
          'or with a personal API token: `Authorization: Bearer mt_…`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'mt_session' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiToken: [] }],
    },
  });
}

/** Swagger UI and the JSON document, public. */
export async function registerApiDocsUi(app: FastifyInstance): Promise<void> {
  await app.register(async (docs) => {
    declarePublicRoutes(docs);
    await docs.register(swaggerUi, { routePrefix: '/api/docs' });
  });
}
