/**
 * Bases: `GET/POST /api/v1/bases`, `GET/PATCH/DELETE /api/v1/bases/:baseId`.
 * Listing shows the caller's bases (an API token: only those it lists); creating makes the
 * caller owner; renaming or changing the time zone needs admin; deleting needs owner.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireActor, requireBaseActor } from '../auth/actor';
import { createBase, deleteBase, getBase, listBases, updateBase } from '../services/bases/bases';
import { BaseId, DisplayName, IsoTime, NoContent, responses, Role, TimeZone } from './schemas';

const BaseView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  timeZone: Type.String(),
  createdAt: IsoTime,
  role: Role,
});

const BaseParams = Type.Object({ baseId: BaseId });

export async function baseRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;

  api.get(
    '/bases',
    {
      config: { permission: 'signedIn' },
      schema: {
        tags: ['bases'],
        summary: 'The bases you are a member of, with your role',
        response: responses({ 200: Type.Object({ bases: Type.Array(BaseView) }) }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { bases: await listBases(platform, actor.userId, actor.token?.baseIds) };
    },
  );

  api.post(
    '/bases',
    {
      config: { permission: 'account' },
      schema: {
        tags: ['bases'],
        summary: 'Create a base; you become its owner',
        description: 'timeZone defaults to the server setting DEFAULT_TIME_ZONE (UTC unless configured).',
        body: Type.Object({ name: DisplayName, timeZone: Type.Optional(TimeZone) }, { additionalProperties: false }),
        response: responses({ 201: BaseView }),
      },
    },
    async (request, reply) => reply.status(201).send(await createBase(platform, requireActor(request).userId, request.body)),
  );

  api.get(
    '/bases/:baseId',
    {
      config: { permission: 'base:read' },
      schema: { tags: ['bases'], summary: 'One base', params: BaseParams, response: responses({ 200: BaseView }) },
    },
    async (request) => {
      const actor = requireBaseActor(request);
      return getBase(platform, actor.baseId, actor.userId);
    },
  );

  api.patch(
    '/bases/:baseId',
    {
      config: { permission: 'base:manage' },
      schema: {
        tags: ['bases'],
        summary: 'Rename a base or change its time zone (admin)',
        params: BaseParams,
        body: Type.Object(
          { name: Type.Optional(DisplayName), timeZone: Type.Optional(TimeZone) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: responses({ 200: BaseView }),
      },
    },
    async (request) => {
      const actor = requireBaseActor(request);
      return updateBase(platform, actor.baseId, actor.userId, request.body);
    },
  );

  api.delete(
    '/bases/:baseId',
    {
      config: { permission: 'base:own' },
      schema: {
        tags: ['bases'],
        summary: 'Delete a base with everything in it (owner)',
        params: BaseParams,
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await deleteBase(platform, requireBaseActor(request).baseId);
      return reply.status(204).send(null);
    },
  );
}
