/**
 * The platform's REST routes under `/api/v1` (accounts, tokens, bases, members, health).
 * The data routes (tables, fields, views, records) live in routes/data/ and are registered
 * beside these in app.ts.
 */
import type { FastifyInstance } from 'fastify';
import { authRoutes } from './auth';
import { baseRoutes } from './bases';
import { healthRoutes } from './health';
import { memberRoutes } from './members';
import { roleRoutes } from './roles';
import { setupRoutes } from './setup';
import { tokenRoutes } from './tokens';
import { userRoutes } from './users';

export async function platformRoutes(app: FastifyInstance): Promise<void> {
  await app.register(healthRoutes);
  await app.register(setupRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(tokenRoutes);
  await app.register(baseRoutes);
  await app.register(memberRoutes);
  await app.register(roleRoutes);
}
