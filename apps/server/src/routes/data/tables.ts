/** Tables: `…/bases/:baseId/tables[/:tableId]` — list with schema, create, rename, reorder, delete. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { callerOf } from '../../services/access/caller';
import * as tables from '../../services/data/tables';
import { responses } from '../schemas';
import { ApiTableSchema, DeletedSchema } from './api-shapes';
import { changeMetaOf } from './change-meta';
import { BaseParams, CreateTableBody, TableParams, TablePatchBody } from './schemas';

export async function tableRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const tags = ['tables'];

  api.get(
    '/bases/:baseId/tables',
    {
      config: { permission: 'base:read' },
      schema: { tags, summary: 'Tables of a base, with their fields and views', params: BaseParams, response: responses({ 200: Type.Object({ tables: Type.Array(ApiTableSchema) }) }) },
    },
    async (request) => ({ tables: await tables.listTables(platform, callerOf(request)) }),
  );

  api.post(
    '/bases/:baseId/tables',
    {
      config: { permission: 'base:design' },
      schema: { tags, summary: 'Create a table (the first field given becomes its primary field)', params: BaseParams, body: CreateTableBody, response: responses({ 201: ApiTableSchema }) },
    },
    async (request, reply) => reply.status(201).send(await tables.createTable(platform, changeMetaOf(request), request.body)),
  );

  api.get(
    '/bases/:baseId/tables/:tableId',
    { config: { permission: 'base:read' }, schema: { tags, summary: 'One table with its fields and views', params: TableParams, response: responses({ 200: ApiTableSchema }) } },
    async (request) => tables.getTable(platform, callerOf(request), request.params.tableId),
  );

  api.patch(
    '/bases/:baseId/tables/:tableId',
    {
      config: { permission: 'base:design' },
      schema: { tags, summary: 'Rename, describe or move a table', params: TableParams, body: TablePatchBody, response: responses({ 200: ApiTableSchema }) },
    },
    async (request) => tables.updateTable(platform, changeMetaOf(request), request.params.tableId, request.body),
  );

  api.delete(
    '/bases/:baseId/tables/:tableId',
    { config: { permission: 'base:design' }, schema: { tags, summary: 'Delete a table and its records', params: TableParams, response: responses({ 200: DeletedSchema }) } },
    async (request) => tables.deleteTable(platform, changeMetaOf(request), request.params.tableId),
  );
}
