/**
 * Group-by counts over a table's records, computed on the server (the grid's row grouping):
 * `GET …/records/groups?groupBy=<JSON>&filter=<JSON>&view=<id or name>` and the same with a
 * JSON body at `POST …/records/groups/query`. Answers `{ groups: [{ key, count }], truncated? }`.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { callerOf } from '../../services/access/caller';
import { groupRecordCounts, maxGroups } from '../../services/data/record-groups';
import { parseJsonParameter } from '../../services/data/record-query';
import { responses } from '../schemas';
import { TableParams } from './schemas';

const groupByDescription = 'One to three levels as JSON: [{"field":"Status","direction":"asc"}] (direction defaults to asc)';
const View = Type.String({ description: 'View id or exact name: its filter applies' });

const GroupsQuery = Type.Object(
  {
    groupBy: Type.String({ description: groupByDescription }),
    filter: Type.Optional(Type.String({ description: 'Filter tree as JSON: {"conjunction":"and","conditions":[…]}' })),
    view: Type.Optional(View),
  },
  { additionalProperties: false },
);

const GroupsBody = Type.Object(
  {
    groupBy: Type.Unknown({ description: 'Group levels: [{ field, direction? }], one to three' }),
    filter: Type.Optional(Type.Unknown({ description: 'Filter tree' })),
    view: Type.Optional(View),
  },
  { additionalProperties: false },
);

const GroupsResponse = Type.Object({
  groups: Type.Array(
    Type.Object({
      key: Type.Array(Type.Unknown(), { description: 'One value per level, as the API shows cells; null is the empty group' }),
      count: Type.Integer(),
    }),
    { description: `In group order, at most ${maxGroups}` },
  ),
  truncated: Type.Optional(Type.Boolean({ description: `Present (true) when there are more than ${maxGroups} groups` })),
});

export async function recordGroupRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const tags = ['records'];
  const scopeOf = callerOf;

  api.get(
    '/bases/:baseId/tables/:tableId/records/groups',
    {
      config: { permission: 'base:read' },
      schema: { tags, summary: 'Count records per group', params: TableParams, querystring: GroupsQuery, response: responses({ 200: GroupsResponse }) },
    },
    async (request) => {
      const q = request.query;
      return groupRecordCounts(platform, scopeOf(request), request.params.tableId, {
        groupBy: parseJsonParameter(q.groupBy, 'groupBy'),
        ...(q.filter !== undefined ? { filter: parseJsonParameter(q.filter, 'filter') } : {}),
        ...(q.view !== undefined ? { view: q.view } : {}),
      });
    },
  );

  api.post(
    '/bases/:baseId/tables/:tableId/records/groups/query',
    {
      config: { permission: 'base:read' },
      schema: { tags, summary: 'Count records per group, with the group-by and filter in a JSON body', params: TableParams, body: GroupsBody, response: responses({ 200: GroupsResponse }) },
    },
    async (request) => {
      const { groupBy, filter, view } = request.body;
      return groupRecordCounts(platform, scopeOf(request), request.params.tableId, {
        groupBy,
        ...(filter !== undefined ? { filter } : {}),
        ...(view !== undefined ? { view } : {}),
      });
    },
  );
}
