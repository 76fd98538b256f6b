/**
 * Custom roles: `GET/POST /api/v1/bases/:baseId/roles`, `GET/PATCH/DELETE …/roles/:roleId`.
 * Admins and owners design them (`base:design`); members are given one with
 * `PATCH …/members/:userId { role: "rol_…" }`. The rules' shape is in the docs below and in
 * packages/core/src/permissions/role-rules.ts; they are checked by core, which names the JSON path.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireBaseActor } from '../auth/actor';
import { createRole, deleteRole, getRole, listRoles, updateRole } from '../services/bases/roles';
import { BaseId, IsoTime, NoContent, responses, RoleId } from './schemas';

const RoleName = Type.String({ minLength: 1, maxLength: 100 });
const Description = Type.String({ maxLength: 2000 });
// Checked by core (normalizeRoleRules), which names the JSON path of what is wrong; the schema is for the docs.
const Rules = Type.Unknown({
  description:
    '{ tables: { <tableId>: { access: none|read|edit, canAdd, canDelete, readScope, editScope, fields: { <fieldId>: hidden|read|edit }, otherFields, views: "all"|[viewId] } }, dashboards: "all"|[id] }. ' +
    'A scope is { type: "all" } | { type: "personField", fieldId } | { type: "createdByMe" } | { type: "filter", filter } (the filter may use "me"). Tables not named are not accessible.',
});

const RoleView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  rules: Type.Unknown(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});

const BaseParams = Type.Object({ baseId: BaseId });
const RoleParams = Type.Object({ baseId: BaseId, roleId: RoleId });

export async function roleRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const tags = ['roles'];

  api.get(
    '/bases/:baseId/roles',
    { config: { permission: 'base:design' }, schema: { tags, summary: 'Custom roles of a base', params: BaseParams, response: responses({ 200: Type.Object({ roles: Type.Array(RoleView) }) }) } },
    async (request) => ({ roles: await listRoles(platform, requireBaseActor(request).baseId) }),
  );

  api.post(
    '/bases/:baseId/roles',
    {
      config: { permission: 'base:design' },
      schema: {
        tags,
        summary: 'Create a custom role',
        params: BaseParams,
        body: Type.Object({ name: RoleName, description: Type.Optional(Description), rules: Rules }, { additionalProperties: false }),
        response: responses({ 201: RoleView }),
      },
    },
    async (request, reply) => reply.status(201).send(await createRole(platform, requireBaseActor(request).baseId, request.body)),
  );

  api.get(
    '/bases/:baseId/roles/:roleId',
    { config: { permission: 'base:design' }, schema: { tags, summary: 'One custom role', params: RoleParams, response: responses({ 200: RoleView }) } },
    async (request) => getRole(platform, requireBaseActor(request).baseId, request.params.roleId),
  );

  api.patch(
    '/bases/:baseId/roles/:roleId',
    {
      config: { permission: 'base:design' },
      schema: {
        tags,
        summary: "Rename a custom role or replace its rules (its members' next request follows them)",
        params: RoleParams,
        body: Type.Object({ name: Type.Optional(RoleName), description: Type.Optional(Description), rules: Type.Optional(Rules) }, { additionalProperties: false }),
        response: responses({ 200: RoleView }),
      },
    },
    async (request) => updateRole(platform, requireBaseActor(request).baseId, request.params.roleId, request.body),
  );

  api.delete(
    '/bases/:baseId/roles/:roleId',
    { config: { permission: 'base:design' }, schema: { tags, summary: 'Delete a custom role no member holds', params: RoleParams, response: responses({ 204: NoContent }) } },
    async (request, reply) => {
      await deleteRole(platform, requireBaseActor(request).baseId, request.params.roleId);
      return reply.status(204).send(null);
    },
  );
}
