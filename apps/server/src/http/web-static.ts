/**
 * Serves the web app: the Vite build in `apps/web/dist` when it exists, else the placeholder
 * in `apps/web/static`. Files are public (the app itself asks the API who is signed in).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { declarePublicRoutes } from './public-routes';

/**
 * `apps/web`, found upwards from this code: the sources sit at `apps/server/src/http/`, the
 * bundle `pnpm start` runs at `apps/server/dist/`.
 */
function webAppDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'web', 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('apps/web was not found above the server');
    dir = parent;
  }
  return path.join(dir, 'web');
}

export function webRoot(): string {
  const web = webAppDir();
  const built = path.join(web, 'dist');
  if (fs.existsSync(path.join(built, 'index.html'))) return `${built}${path.sep}`;
  return `${path.join(web, 'static')}${path.sep}`;
}

export async function registerWebStatic(app: FastifyInstance): Promise<void> {
  await app.register(async (web) => {
    declarePublicRoutes(web);
    await web.register(fastifyStatic, { root: webRoot(), wildcard: false, index: ['index.html'] });
  });
}
