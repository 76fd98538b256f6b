/**
 * Views: `…/tables/:tableId/views[/:viewId]` — stored filter, sorts, hidden fields and order;
 * shared or personal, lockable. Who may change which is the service's rule (services/data/views.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { callerOf } from '../../services/access/caller';
import * as views from '../../services/data/views';
import { responses } from '../schemas';
import { ApiViewSchema, DeletedSchema } from './api-shapes';
import { changeMetaOf } from './change-meta';
import { TableParams, ViewInput, ViewParams, ViewPatchBody } from './schemas';

export async function viewRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const tags = ['views'];

  api.get(
    '/bases/:baseId/tables/:tableId/views',
    { config: { permission: 'base:read' }, schema: { tags, summary: 'Views of a table', params: TableParams, response: responses({ 200: Type.Object({ views: Type.Array(ApiViewSchema) }) }) } },
    async (request) => ({ views: await views.listViews(platform, callerOf(request), request.params.tableId) }),
  );

  api.post(
    '/bases/:baseId/tables/:tableId/views',
    { config: { permission: 'base:contribute' }, schema: { tags, summary: 'Create a view: shared (owners and admins) or personal (any member)', params: TableParams, body: ViewInput, response: responses({ 201: ApiViewSchema }) } },
    async (request, reply) => reply.status(201).send(await views.createView(platform, changeMetaOf(request), request.params.tableId, request.body)),
  );

  api.get(
    '/bases/:baseId/tables/:tableId/views/:viewId',
    { config: { permission: 'base:read' }, schema: { tags, summary: 'One view', params: ViewParams, response: responses({ 200: ApiViewSchema }) } },
    async (request) => views.getView(platform, callerOf(request), request.params.tableId, request.params.viewId),
  );

  api.patch(
    '/bases/:baseId/tables/:tableId/views/:viewId',
    {
      config: { permission: 'base:contribute' },
      schema: { tags, summary: 'Rename, reconfigure (settings not named are kept), move, lock or unlock a view: shared ones by owners and admins, personal ones by their owner', params: ViewParams, body: ViewPatchBody, response: responses({ 200: ApiViewSchema }) },
    },
    async (request) => views.updateView(platform, changeMetaOf(request), request.params.tableId, request.params.viewId, request.body),
  );

  api.delete(
    '/bases/:baseId/tables/:tableId/views/:viewId',
    { config: { permission: 'base:contribute' }, schema: { tags, summary: 'Delete a view (not the last shared one; not while locked)', params: ViewParams, response: responses({ 200: DeletedSchema }) } },
    async (request) => views.deleteView(platform, changeMetaOf(request), request.params.tableId, request.params.viewId),
  );
}
