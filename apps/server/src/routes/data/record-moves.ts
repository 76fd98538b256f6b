/**
 * `POST …/tables/:tableId/records/:recordId/move` with `{ before?, after? }`: puts a record in
 * the table's manual order before / after another (both: between them; neither: last). The
 * order the grid shows without a sort, and a kanban column's card order.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { moveRecord } from '../../services/data/record-moves';
import { responses } from '../schemas';
import { changeMetaOf } from './change-meta';
import { Placement, RecordParams } from './schemas';

export async function recordMoveRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;

  api.post(
    '/bases/:baseId/tables/:tableId/records/:recordId/move',
    {
      config: { permission: 'base:write' },
      schema: {
        tags: ['records'],
        summary: "Move a record in the table's manual order (before / after another record; neither: last)",
        params: RecordParams,
        body: Placement,
        response: responses({ 200: Type.Object({ id: Type.String(), moved: Type.Literal(true) }) }),
      },
    },
    async (request) => moveRecord(platform, changeMetaOf(request), request.params.tableId, request.params.recordId, request.body),
  );
}
