/** First-run setup: `GET /api/v1/setup` (is it needed?) and `POST /api/v1/setup` (create the owner). */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { setUpOwner, setupNeeded } from '../services/accounts/setup';
import { selfView } from '../services/accounts/identity';
import { DisplayName, Email, Password, responses, SignedInBody } from './schemas';
import { setSessionCookie } from './session-reply';

export async function setupRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;

  api.get(
    '/setup',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['accounts'],
        summary: 'Whether the instance still needs its owner account',
        response: responses({ 200: Type.Object({ needed: Type.Boolean() }) }),
      },
    },
    async () => ({ needed: await setupNeeded(platform) }),
  );

  api.post(
    '/setup',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['accounts'],
        summary: 'Create the instance owner (once) and sign them in',
        body: Type.Object({ email: Email, name: DisplayName, password: Password }, { additionalProperties: false }),
        response: responses({ 201: SignedInBody }),
      },
    },
    async (request, reply) => {
      const { user, session } = await setUpOwner(platform, request.body);
      setSessionCookie(reply, platform.config, session);
      return reply.status(201).send({ user: selfView(user), csrfToken: session.csrfToken });
    },
  );
}
