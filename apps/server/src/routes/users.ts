/** The user directory: `GET /api/v1/users` (signed-in, browser session) and `POST` (instance owner). */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { createUser, listUsers } from '../services/accounts/users';
import { DisplayName, Email, Password, responses, UserSummary } from './schemas';

export async function userRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;

  api.get(
    '/users',
    {
      config: { permission: 'account' },
      schema: {
        tags: ['accounts'],
        summary: 'List the users of this instance',
        response: responses({ 200: Type.Object({ users: Type.Array(UserSummary) }) }),
      },
    },
    async () => ({ users: await listUsers(platform) }),
  );

  api.post(
    '/users',
    {
      config: { permission: 'instanceOwner' },
      schema: {
        tags: ['accounts'],
        summary: 'Create a user account (instance owner only)',
        body: Type.Object({ email: Email, name: DisplayName, password: Password }, { additionalProperties: false }),
        response: responses({ 201: UserSummary }),
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(platform, request.body)),
  );
}
