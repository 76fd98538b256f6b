/**
 * Records, in Airtable's shape: `…/tables/:tableId/records` — list (filter, sort, view, fields,
 * pageSize ≤ 1000, offset), query by POST body, get, create / update / delete in atomic batches
 * of up to 1000, `typecast`, field keys by name or id, and a record's history.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { EngineError } from '@multitable/core';
import { callerOf } from '../../services/access/caller';
import { recordHistory } from '../../services/data/record-history';
import { countRecords, getRecord, listRecords, parseJsonParameter } from '../../services/data/record-query';
import { createRecords, deleteRecords, updateRecords } from '../../services/data/record-writes';
import { plainJsonResponse } from '../../http/plain-json';
import { responses } from '../schemas';
import { changeMetaOf } from './change-meta';
import {
  ApiRecordSchema,
  CreateRecordsBody,
  DeleteRecordsQuery,
  HistoryQuery,
  ListRecordsQuery,
  QueryRecordsBody,
  RecordParams,
  TableParams,
  UpdateRecordBody,
  UpdateRecordsBody,
} from './schemas';

const RecordPage = Type.Object({
  records: Type.Array(ApiRecordSchema),
  offset: Type.Optional(Type.Integer({ description: 'Pass as `offset` to get the next page; absent on the last page' })),
});

const HistoryEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  action: Type.String(),
  source: Type.String(),
  actor: Type.Object({ id: Type.String(), name: Type.String() }),
  field: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  oldValue: Type.Unknown(),
  newValue: Type.Unknown(),
});

function listOf(...values: Array<string | string[] | undefined>): string[] | undefined {
  const given = values.filter((value) => value !== undefined);
  return given.length === 0 ? undefined : given.flatMap((value) => (Array.isArray(value) ? value : [value!]));
}

export async function recordRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const tags = ['records'];
  const scopeOf = callerOf;

  api.get(
    '/bases/:baseId/tables/:tableId/records',
    {
      ...plainJsonResponse,
      config: { permission: 'base:read' },
      schema: { tags, summary: 'List records', params: TableParams, querystring: ListRecordsQuery, response: responses({ 200: RecordPage }) },
    },
    async (request) => {
      const q = request.query;
      const fields = listOf(q.fields, q['fields[]']);
      return listRecords(platform, scopeOf(request), request.params.tableId, {
        ...(q.view !== undefined ? { view: q.view } : {}),
        ...(fields ? { fields } : {}),
        ...(q.filter !== undefined ? { filter: parseJsonParameter(q.filter, 'filter') } : {}),
        ...(q.sort !== undefined ? { sort: parseJsonParameter(q.sort, 'sort') } : {}),
        ...(q.pageSize !== undefined ? { pageSize: q.pageSize } : {}),
        ...(q.offset !== undefined ? { offset: q.offset } : {}),
        ...(q.returnFieldsByFieldId !== undefined ? { returnFieldsByFieldId: q.returnFieldsByFieldId } : {}),
      });
    },
  );

  api.post(
    '/bases/:baseId/tables/:tableId/records/query',
    {
      ...plainJsonResponse,
      config: { permission: 'base:read' },
      schema: { tags, summary: 'List records, with the filter and sorts in a JSON body', params: TableParams, body: QueryRecordsBody, response: responses({ 200: RecordPage }) },
    },
    async (request) => {
      const { fields: one, 'fields[]': many, ...rest } = request.body;
      const fields = listOf(one, many);
      return listRecords(platform, scopeOf(request), request.params.tableId, { ...rest, ...(fields ? { fields } : {}) });
    },
  );

  api.get(
    '/bases/:baseId/tables/:tableId/records/count',
    {
      config: { permission: 'base:read' },
      schema: {
        tags,
        summary: 'How many records a list with this view and filter has (for sizing a grid; exact, so ask once per view)',
        params: TableParams,
        querystring: Type.Object({ view: ListRecordsQuery.properties.view, filter: ListRecordsQuery.properties.filter }, { additionalProperties: false }),
        response: responses({ 200: Type.Object({ count: Type.Integer() }) }),
      },
    },
    async (request) =>
      countRecords(platform, scopeOf(request), request.params.tableId, {
        ...(request.query.view !== undefined ? { view: request.query.view } : {}),
        ...(request.query.filter !== undefined ? { filter: parseJsonParameter(request.query.filter, 'filter') } : {}),
      }),
  );

  api.post(
    '/bases/:baseId/tables/:tableId/records/count',
    {
      config: { permission: 'base:read' },
      schema: {
        tags,
        summary: 'How many records a list has, with the filter in a JSON body (for filters too long for a URL)',
        params: TableParams,
        body: Type.Object({ view: QueryRecordsBody.properties.view, filter: QueryRecordsBody.properties.filter }, { additionalProperties: false }),
        response: responses({ 200: Type.Object({ count: Type.Integer() }) }),
      },
    },
    async (request) =>
      countRecords(platform, scopeOf(request), request.params.tableId, {
        ...(request.body.view !== undefined ? { view: request.body.view } : {}),
        ...(request.body.filter !== undefined ? { filter: request.body.filter } : {}),
      }),
  );

  api.get(
    '/bases/:baseId/tables/:tableId/records/:recordId',
    {
      ...plainJsonResponse,
      config: { permission: 'base:read' },
      schema: {
        tags,
        summary: 'One record',
        params: RecordParams,
        querystring: Type.Object({ returnFieldsByFieldId: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: responses({ 200: ApiRecordSchema }),
      },
    },
    async (request) => getRecord(platform, scopeOf(request), request.params.tableId, request.params.recordId, request.query),
  );

  api.post(
    '/bases/:baseId/tables/:tableId/records',
    {
      ...plainJsonResponse,
      config: { permission: 'base:write' },
      schema: {
        tags,
        summary: 'Create records (up to 1000, all or none)',
        params: TableParams,
        body: CreateRecordsBody,
        response: responses({ 200: Type.Union([Type.Object({ records: Type.Array(ApiRecordSchema) }), ApiRecordSchema]) }),
      },
    },
    async (request) => {
      const { records, fields, ...options } = request.body;
      if ((records === undefined) === (fields === undefined)) {
        throw new EngineError('VALIDATION_FAILED', 'Send either `records` (a batch) or `fields` (one record)', { path: 'body' });
      }
      const created = await createRecords(platform, changeMetaOf(request), request.params.tableId, records ?? [{ fields }], { ...options, singleRecord: !records });
      return records ? { records: created } : created[0];
    },
  );

  api.patch(
    '/bases/:baseId/tables/:tableId/records',
    {
      ...plainJsonResponse,
      config: { permission: 'base:write' },
      schema: { tags, summary: 'Update records (up to 1000, all or none); fields not named are kept', params: TableParams, body: UpdateRecordsBody, response: responses({ 200: Type.Object({ records: Type.Array(ApiRecordSchema) }) }) },
    },
    async (request) => {
      const { records, ...options } = request.body;
      return { records: await updateRecords(platform, changeMetaOf(request), request.params.tableId, records, options) };
    },
  );

  api.patch(
    '/bases/:baseId/tables/:tableId/records/:recordId',
    {
      ...plainJsonResponse,
      config: { permission: 'base:write' },
      schema: { tags, summary: 'Update one record; fields not named are kept', params: RecordParams, body: UpdateRecordBody, response: responses({ 200: ApiRecordSchema }) },
    },
    async (request) => {
      const { fields, ...options } = request.body;
      const [record] = await updateRecords(platform, changeMetaOf(request), request.params.tableId, [{ id: request.params.recordId, fields }], {
        ...options,
        singleRecord: true,
      });
      return record!;
    },
  );

  api.delete(
    '/bases/:baseId/tables/:tableId/records',
    {
      config: { permission: 'base:write' },
      schema: {
        tags,
        summary: 'Delete records (up to 1000, all or none): `?records=rec_…&records=rec_…`',
        params: TableParams,
        querystring: DeleteRecordsQuery,
        response: responses({ 200: Type.Object({ records: Type.Array(Type.Object({ id: Type.String(), deleted: Type.Literal(true) })) }) }),
      },
    },
    async (request) => {
      const ids = listOf(request.query.records, request.query['records[]']) ?? [];
      if (ids.length > 1000) throw new EngineError('VALIDATION_FAILED', 'At most 1000 records per request', { path: 'records' });
      return { records: await deleteRecords(platform, changeMetaOf(request), request.params.tableId, ids) };
    },
  );

  api.delete(
    '/bases/:baseId/tables/:tableId/records/:recordId',
    {
      config: { permission: 'base:write' },
      schema: { tags, summary: 'Delete one record', params: RecordParams, response: responses({ 200: Type.Object({ id: Type.String(), deleted: Type.Literal(true) }) }) },
    },
    async (request) => (await deleteRecords(platform, changeMetaOf(request), request.params.tableId, [request.params.recordId]))[0]!,
  );

  api.get(
    '/bases/:baseId/tables/:tableId/records/:recordId/history',
    {
      config: { permission: 'base:read' },
      schema: {
        tags,
        summary: "A record's change history, newest first",
        params: RecordParams,
        querystring: HistoryQuery,
        response: responses({ 200: Type.Object({ history: Type.Array(HistoryEntry), before: Type.Optional(Type.Integer()) }) }),
      },
    },
    async (request) => recordHistory(platform, scopeOf(request), request.params.tableId, request.params.recordId, request.query),
  );
}
