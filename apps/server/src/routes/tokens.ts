/** Personal API tokens of the signed-in user: list, create (secret shown once), revoke. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireActor } from '../auth/actor';
import { createApiToken, listApiTokens, revokeApiToken } from '../services/accounts/api-tokens';
import { BaseId, DisplayName, IsoTime, NoContent, responses, TokenAccessSchema, TokenId } from './schemas';

const TokenView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  access: TokenAccessSchema,
  baseIds: Type.Array(Type.String()),
  createdAt: IsoTime,
  lastUsedAt: Type.Union([IsoTime, Type.Null()]),
});

export async function tokenRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;

  api.get(
    '/tokens',
    {
      config: { permission: 'account' },
      schema: {
        tags: ['tokens'],
        summary: 'Your live API tokens (never their secrets)',
        response: responses({ 200: Type.Object({ tokens: Type.Array(TokenView) }) }),
      },
    },
    async (request) => ({ tokens: await listApiTokens(platform, requireActor(request).userId) }),
  );

  api.post(
    '/tokens',
    {
      config: { permission: 'account' },
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token; the secret is in this response only',
        body: Type.Object(
          {
            name: DisplayName,
            access: TokenAccessSchema,
            baseIds: Type.Array(BaseId, { minItems: 1, maxItems: 100 }),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Type.Composite([TokenView, Type.Object({ secret: Type.String() })]) }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createApiToken(platform, requireActor(request).userId, request.body)),
  );

  api.delete(
    '/tokens/:tokenId',
    {
      config: { permission: 'account' },
      schema: {
        tags: ['tokens'],
        summary: 'Revoke one of your API tokens',
        params: Type.Object({ tokenId: TokenId }),
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await revokeApiToken(platform, requireActor(request).userId, request.params.tokenId);
      return reply.status(204).send(null);
    },
  );
}
