/** Fields: `…/tables/:tableId/fields[/:fieldId]` — add, rename, change options or type, reorder, delete. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { callerOf } from '../../services/access/caller';
import * as fields from '../../services/data/fields';
import { responses } from '../schemas';
import { ApiFieldSchema, ConversionReportSchema, DeletedSchema } from './api-shapes';
import { changeMetaOf } from './change-meta';
import { FieldInput, FieldParams, FieldPatchBody, TableParams } from './schemas';

export async function fieldRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const tags = ['fields'];

  api.get(
    '/bases/:baseId/tables/:tableId/fields',
    { config: { permission: 'base:read' }, schema: { tags, summary: 'Fields of a table', params: TableParams, response: responses({ 200: Type.Object({ fields: Type.Array(ApiFieldSchema) }) }) } },
    async (request) => ({ fields: await fields.listFields(platform, callerOf(request), request.params.tableId) }),
  );

  api.post(
    '/bases/:baseId/tables/:tableId/fields',
    { config: { permission: 'base:design' }, schema: { tags, summary: 'Add a field', params: TableParams, body: FieldInput, response: responses({ 201: ApiFieldSchema }) } },
    async (request, reply) => reply.status(201).send(await fields.createField(platform, changeMetaOf(request), request.params.tableId, request.body)),
  );

  api.patch(
    '/bases/:baseId/tables/:tableId/fields/:fieldId',
    {
      config: { permission: 'base:design' },
      schema: {
        tags,
        summary: 'Rename a field, change its options or its type, or move it',
        description: 'Changing the type converts every value in one transaction; `conversion` reports the values that could not be converted.',
        params: FieldParams,
        body: FieldPatchBody,
        response: responses({ 200: Type.Object({ field: ApiFieldSchema, conversion: Type.Optional(ConversionReportSchema) }) }),
      },
    },
    async (request) => fields.updateField(platform, changeMetaOf(request), request.params.tableId, request.params.fieldId, request.body),
  );

  api.delete(
    '/bases/:baseId/tables/:tableId/fields/:fieldId',
    { config: { permission: 'base:design' }, schema: { tags, summary: 'Delete a field (not the primary field)', params: FieldParams, response: responses({ 200: DeletedSchema }) } },
    async (request) => fields.deleteField(platform, changeMetaOf(request), request.params.tableId, request.params.fieldId),
  );
}
