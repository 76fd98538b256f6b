/**
 * Base members: `GET/POST /api/v1/bases/:baseId/members`, `PATCH/DELETE …/members/:userId`.
 * Any member may list; admins and owners manage, but only owners grant or touch `owner`,
 * and the last owner stays.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireBaseActor } from '../auth/actor';
import { addMember, changeMemberRole, listMembers, removeMember } from '../services/bases/members';
import type { MemberRole } from '@multitable/storage';
import { BaseId, IsoTime, NoContent, responses, Role, UserId } from './schemas';

const MemberView = Type.Object({
  userId: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Role,
  createdAt: IsoTime,
});

const MemberParams = Type.Object({ baseId: BaseId, userId: UserId });

export async function memberRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;

  api.get(
    '/bases/:baseId/members',
    {
      config: { permission: 'base:read' },
      schema: {
        tags: ['members'],
        summary: 'Members of a base with their roles',
        params: Type.Object({ baseId: BaseId }),
        response: responses({ 200: Type.Object({ members: Type.Array(MemberView) }) }),
      },
    },
    async (request) => ({ members: await listMembers(platform, requireBaseActor(request).baseId) }),
  );

  api.post(
    '/bases/:baseId/members',
    {
      config: { permission: 'base:manage' },
      schema: {
        tags: ['members'],
        summary: 'Add a user to a base (admin; only owners may add owners)',
        params: Type.Object({ baseId: BaseId }),
        body: Type.Object({ userId: UserId, role: Role }, { additionalProperties: false }),
        response: responses({ 201: MemberView }),
      },
    },
    async (request, reply) => {
      const actor = requireBaseActor(request);
      return reply.status(201).send(await addMember(platform, actor.baseId, actor.baseRole, { userId: request.body.userId, role: request.body.role as MemberRole }));
    },
  );

  api.patch(
    '/bases/:baseId/members/:userId',
    {
      config: { permission: 'base:manage' },
      schema: {
        tags: ['members'],
        summary: "Change a member's role (admin; only owners touch owners; the last owner stays)",
        params: MemberParams,
        body: Type.Object({ role: Role }, { additionalProperties: false }),
        response: responses({ 200: MemberView }),
      },
    },
    async (request) => {
      const actor = requireBaseActor(request);
      return changeMemberRole(platform, actor.baseId, actor.baseRole, request.params.userId, request.body.role as MemberRole);
    },
  );

  api.delete(
    '/bases/:baseId/members/:userId',
    {
      config: { permission: 'base:manage' },
      schema: {
        tags: ['members'],
        summary: 'Remove a member (admin; only owners remove owners; the last owner stays)',
        params: MemberParams,
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      const actor = requireBaseActor(request);
      await removeMember(platform, actor.baseId, actor.baseRole, request.params.userId);
      return reply.status(204).send(null);
    },
  );
}
