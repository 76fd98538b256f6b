/**
 * `GET /api/v1/bases/:baseId/tables/:tableId/permissions`: the caller's effective permissions on
 * a table (services/access/effective-permissions.ts), so a client shows only what will work.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { callerOf } from '../../services/access/caller';
import { effectivePermissions } from '../../services/access/effective-permissions';
import { responses } from '../schemas';
import { TableParams } from './schemas';

const Scope = Type.Unknown({ description: '{ type: "all" } | { type: "personField", fieldId } | { type: "createdByMe" } | { type: "filter", filter }' });

const EffectivePermissionsSchema = Type.Object({
  tableId: Type.String(),
  role: Type.String({ description: "owner, admin, editor, viewer or a custom role's id" }),
  access: Type.Union([Type.Literal('read'), Type.Literal('edit')]),
  canAdd: Type.Boolean(),
  canDelete: Type.Boolean(),
  canDesign: Type.Boolean({ description: 'May change fields, views and the table' }),
  readScope: Scope,
  editScope: Scope,
  fields: Type.Record(Type.String(), Type.Union([Type.Literal('read'), Type.Literal('edit')]), { description: 'Every field the caller can read, by id' }),
  views: Type.Union([Type.Literal('all'), Type.Array(Type.String())]),
});

export async function permissionRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  api.get(
    '/bases/:baseId/tables/:tableId/permissions',
    {
      config: { permission: 'base:read' },
      schema: { tags: ['permissions'], summary: 'My effective permissions on a table', params: TableParams, response: responses({ 200: EffectivePermissionsSchema }) },
    },
    async (request) => effectivePermissions(platform, callerOf(request), request.params.tableId),
  );
}
