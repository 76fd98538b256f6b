/**
 * Serves the web app: the Vite build in `apps/web/dist` when it exists, else the placeholder
 * in `apps/web/static`. Files are public (the app itself asks the API who is signed in).
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { declarePublicRoutes } from './public-routes';

export function webRoot(): string {
  const built = fileURLToPath(new URL('../../../web/dist/', import.meta.url));
  if (fs.existsSync(`${built}index.html`)) return built;
  return fileURLToPath(new URL('../../../web/static/', import.meta.url));
}

export async function registerWebStatic(app: FastifyInstance): Promise<void> {
  await app.register(async (web) => {
    declarePublicRoutes(web);
    await web.register(fastifyStatic, { root: webRoot(), wildcard: false, index: ['index.html'] });
  });
}
