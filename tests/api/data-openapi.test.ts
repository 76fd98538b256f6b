/**
 * The OpenAPI document at /api/docs/json describes every data route (tables, fields, views,
 * records, attachments) with its parameters and request body — what a client generator needs.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import { startTestApp, type TestApp } from '../support/app';

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: Array<{ name: string; in: string; schema: Record<string, unknown> }>;
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, Record<string, unknown>>; required?: string[] } }> };
  responses: Record<string, unknown>;
}

type Document = { paths: Record<string, Record<string, Operation>> };

const base = '/api/v1/bases/{baseId}';
const table = `${base}/tables/{tableId}`;

/** Request body properties of one operation, for one media type. */
function bodyProperties(document: Document, path: string, method: string, mediaType = 'application/json'): string[] {
  const operation = document.paths[path]?.[method];
  const schema = operation?.requestBody?.content[mediaType]?.schema;
  if (!schema?.properties) throw new Error(`${method.toUpperCase()} ${path} documents no ${mediaType} body`);
  return Object.keys(schema.properties).sort();
}

function queryParameters(document: Document, path: string, method: string): Record<string, Record<string, unknown>> {
  const operation = document.paths[path]?.[method];
  return Object.fromEntries((operation?.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p.schema]));
}

describeEachDialect('OpenAPI of the data routes', (dialect) => {
  let t: TestApp;
  let document: Document;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    document = response.json() as Document;
  });
  afterAll(async () => t.cleanup());

  it('lists every registered data route with a summary, a tag and error responses', () => {
    const dataRoutes = t.app.routeInventory
      .routes()
      .filter((route) => /^\/api\/v1\/bases\/:baseId\/(tables|attachments)/.test(route.url) && route.method !== 'HEAD');
    expect(dataRoutes.length).toBeGreaterThanOrEqual(24);
    for (const route of dataRoutes) {
      const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
      const operation = document.paths[path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${path}`).toBeDefined();
      expect(operation!.summary, `${route.method} ${path}`).toBeTruthy();
      expect(operation!.tags?.length, `${route.method} ${path}`).toBeGreaterThan(0);
      expect(Object.keys(operation!.responses), `${route.method} ${path}`).toContain('4XX');
    }
  });

  it('documents the request bodies of table, field and view design', () => {
    expect(bodyProperties(document, `${base}/tables`, 'post')).toEqual(['description', 'fields', 'firstView', 'name']);
    const fieldItems = (document.paths[`${base}/tables`]!.post!.requestBody!.content['application/json']!.schema.properties!.fields as { items: { properties: object; required: string[] } }).items;
    expect(Object.keys(fieldItems.properties).sort()).toEqual(['description', 'name', 'options', 'type']);
    expect(fieldItems.required.sort()).toEqual(['name', 'type']);
    expect(bodyProperties(document, table, 'patch')).toEqual(['description', 'move', 'name']);
    expect(bodyProperties(document, `${table}/fields`, 'post')).toEqual(['description', 'name', 'options', 'type']);
    expect(bodyProperties(document, `${table}/fields/{fieldId}`, 'patch')).toEqual(['description', 'move', 'name', 'options', 'type']);
    expect(bodyProperties(document, `${table}/views`, 'post')).toEqual(['config', 'name', 'personal', 'type']);
    expect(bodyProperties(document, `${table}/views/{viewId}`, 'patch')).toEqual(['config', 'locked', 'move', 'name']);
  });

  it('documents the record bodies, with the batch limit of 1000', () => {
    expect(bodyProperties(document, `${table}/records`, 'post')).toEqual(['fields', 'records', 'returnFieldsByFieldId', 'typecast']);
    const records = document.paths[`${table}/records`]!.post!.requestBody!.content['application/json']!.schema.properties!.records!;
    expect(records.maxItems).toBe(1000);
    expect(Object.keys((records.items as { properties: object }).properties).sort()).toEqual(['fields', 'id']);
    expect(bodyProperties(document, `${table}/records`, 'patch')).toEqual(['records', 'returnFieldsByFieldId', 'typecast']);
    expect(bodyProperties(document, `${table}/records/{recordId}`, 'patch')).toEqual(['fields', 'returnFieldsByFieldId', 'typecast']);
    expect(bodyProperties(document, `${table}/records/query`, 'post')).toEqual(
      ['fields', 'fields[]', 'filter', 'offset', 'pageSize', 'returnFieldsByFieldId', 'sort', 'view'].sort(),
    );
  });

  it('documents the listing, deleting and history query parameters', () => {
    const list = queryParameters(document, `${table}/records`, 'get');
    expect(Object.keys(list).sort()).toEqual(['fields', 'fields[]', 'filter', 'offset', 'pageSize', 'returnFieldsByFieldId', 'sort', 'view'].sort());
    expect(list.pageSize).toMatchObject({ type: 'integer', minimum: 1, maximum: 1000 });
    expect(Object.keys(queryParameters(document, `${table}/records`, 'delete')).sort()).toEqual(['records', 'records[]']);
    expect(Object.keys(queryParameters(document, `${table}/records/{recordId}/history`, 'get')).sort()).toEqual(['before', 'pageSize']);
    expect(Object.keys(queryParameters(document, `${base}/attachments/{attachmentId}`, 'get'))).toEqual(['inline']);
  });

  it('documents the upload as multipart/form-data with a file part, and the download as bytes with JSON errors', () => {
    expect(bodyProperties(document, `${base}/attachments`, 'post', 'multipart/form-data')).toEqual(['file']);
    expect(document.paths[`${base}/attachments`]!.post!.requestBody!.content['multipart/form-data']!.schema.required).toEqual(['file']);
    const download = document.paths[`${base}/attachments/{attachmentId}`]!.get!.responses as Record<string, { content: Record<string, unknown> }>;
    expect(Object.keys(download['200']!.content)).toEqual(['application/octet-stream']);
    expect(Object.keys(download['4XX']!.content)).toEqual(['application/json']);
  });
});
