/**
 * Group-by counts through the API (`GET …/records/groups`, `POST …/records/groups/query`), on
 * SQLite and PostgreSQL: single select, number, date, checkbox, multiple select (by the whole
 * combination), person, link, formula and rollup fields; several levels; the request's and a
 * view's filter; empty groups first; refusals shaped like the filters'; the 1,000-group cap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import { startTestApp, type InjectResponse, type TestApp } from '../support/app';
import { ComputedBase } from '../computed/computed-helpers';
import { expectOk, type ApiRecord, type ApiTable } from './data-helpers';

interface Group {
  key: unknown[];
  count: number;
}

describeEachDialect('record group counts', (dialect) => {
  let t: TestApp;
  let b: ComputedBase;
  let tasks: ApiTable;
  let projects: ApiTable;
  const projectIds: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(dialect);
    b = await ComputedBase.open(t, 'Groups');
    projects = await b.table('Projects', [{ name: 'Title', type: 'singleLineText' }]);
    tasks = await b.table('Tasks', [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Status', type: 'singleSelect', options: { choices: [{ name: 'A' }, { name: 'B' }] } },
      { name: 'Points', type: 'number' },
      { name: 'Due', type: 'date' },
      { name: 'Done', type: 'checkbox' },
      { name: 'Tags', type: 'multipleSelect', options: { choices: [{ name: 'x' }, { name: 'y' }] } },
      { name: 'Owner', type: 'person' },
      { name: 'Files', type: 'attachment' },
    ]);
    await b.field(tasks.id, { name: 'Project', type: 'link', options: { linkedTableId: projects.id, inverseName: 'Tasks' } });
    await b.field(tasks.id, { name: 'Size', type: 'formula', options: { formula: 'IF({Points} > 2, "big", "small")' } });
    await b.field(projects.id, { name: 'Total', type: 'rollup', options: { linkFieldId: 'Tasks', targetFieldId: 'Points', aggregation: 'sum' } });
    for (const record of await b.create(projects.id, [{ Title: 'P1' }, { Title: 'P2' }, { Title: 'P3' }])) {
      projectIds[String(record.fields.Title)] = record.id;
    }
    const me = [b.owner.user.id];
    await b.create(tasks.id, [
      { Name: 't1', Status: 'A', Points: 1, Due: '2024-01-02', Done: true, Tags: ['x', 'y'], Owner: me, Project: [projectIds.P1] },
      { Name: 't2', Status: 'A', Points: 3, Due: '2024-01-01', Done: false, Tags: ['x', 'y'], Project: [projectIds.P1] },
      { Name: 't3', Status: 'B', Points: 3, Tags: ['x'], Project: [projectIds.P2] },
      { Name: 't4' },
      { Name: 't5', Status: 'B', Points: 2, Due: '2024-01-02', Done: true, Tags: ['x', 'y'], Owner: me, Project: [projectIds.P2] },
    ]);
  }, 60_000);
  afterAll(async () => t.cleanup());

  function groupsUrl(tableId: string, query: Record<string, unknown>): string {
    const params = Object.entries(query).map(([name, value]) => `${name}=${encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value))}`);
    return `/tables/${tableId}/records/groups?${params.join('&')}`;
  }

  async function groups(tableId: string, query: Record<string, unknown>): Promise<Group[]> {
    const response = await b.request('GET', groupsUrl(tableId, query));
    expectOk(response, 200, `Grouping by ${JSON.stringify(query)}`);
    const body = response.json() as { groups: Group[]; truncated?: boolean };
    expect(body.truncated).toBeUndefined();
    return body.groups;
  }

  const by = (field: string, direction: 'asc' | 'desc' = 'asc') => [{ field, direction }];

  it('groups by a single select, empty cells first ascending and last descending', async () => {
    expect(await groups(tasks.id, { groupBy: by('Status') })).toEqual([
      { key: [null], count: 1 },
      { key: ['A'], count: 2 },
      { key: ['B'], count: 2 },
    ]);
    expect(await groups(tasks.id, { groupBy: by('Status', 'desc') })).toEqual([
      { key: ['B'], count: 2 },
      { key: ['A'], count: 2 },
      { key: [null], count: 1 },
    ]);
  });

  it('groups by number, date and checkbox, an empty checkbox counting as unticked', async () => {
    expect(await groups(tasks.id, { groupBy: by('Points') })).toEqual([
      { key: [null], count: 1 },
      { key: [1], count: 1 },
      { key: [2], count: 1 },
      { key: [3], count: 2 },
    ]);
    expect(await groups(tasks.id, { groupBy: by('Due') })).toEqual([
      { key: [null], count: 2 },
      { key: ['2024-01-01'], count: 1 },
      { key: ['2024-01-02'], count: 2 },
    ]);
    expect(await groups(tasks.id, { groupBy: by('Done') })).toEqual([
      { key: [false], count: 3 },
      { key: [true], count: 2 },
    ]);
  });

  it('groups multiple selects by the whole combination, ordered by its JSON text', async () => {
    expect(await groups(tasks.id, { groupBy: by('Tags') })).toEqual([
      { key: [null], count: 1 },
      { key: [['x', 'y']], count: 3 },
      { key: [['x']], count: 1 },
    ]);
  });

  it('shows person keys with names and link keys as { id, title }', async () => {
    const owner = await groups(tasks.id, { groupBy: by('Owner') });
    expect(owner).toEqual([
      { key: [null], count: 3 },
      { key: [[expect.objectContaining({ id: b.owner.user.id, name: b.owner.user.name })]], count: 2 },
    ]);
    expect(await groups(tasks.id, { groupBy: by('Project') })).toEqual([
      { key: [null], count: 1 },
      { key: [[{ id: projectIds.P1, title: 'P1' }]], count: 2 },
      { key: [[{ id: projectIds.P2, title: 'P2' }]], count: 2 },
    ]);
  });

  it('groups by a formula and by a rollup', async () => {
    expect(await groups(tasks.id, { groupBy: by('Size', 'desc') })).toEqual([
      { key: ['small'], count: 3 },
      { key: ['big'], count: 2 },
    ]);
    const totals = await groups(projects.id, { groupBy: by('Total') });
    expect(totals.slice(-2)).toEqual([
      { key: [4], count: 1 },
      { key: [5], count: 1 },
    ]);
    expect(totals.reduce((sum, group) => sum + group.count, 0)).toBe(3);
  });

  it('groups by several levels, by field id as well as name', async () => {
    const status = tasks.fields.find((field) => field.name === 'Status')!;
    expect(await groups(tasks.id, { groupBy: [{ field: status.id }, { field: 'Done', direction: 'desc' }] })).toEqual([
      { key: [null, false], count: 1 },
      { key: ['A', true], count: 1 },
      { key: ['A', false], count: 1 },
      { key: ['B', true], count: 1 },
      { key: ['B', false], count: 1 },
    ]);
  });

  it("counts only the records the request's filter and the view's filter keep, adding up to the filtered total", async () => {
    const filter = { conjunction: 'and', conditions: [{ field: 'Points', operator: 'isGreaterEqual', value: 2 }] };
    const filtered = (await b.query(tasks.id, { filter })) as ApiRecord[];
    const counted = await groups(tasks.id, { groupBy: by('Status'), filter });
    expect(counted).toEqual([
      { key: ['A'], count: 1 },
      { key: ['B'], count: 2 },
    ]);
    expect(counted.reduce((sum, group) => sum + group.count, 0)).toBe(filtered.length);

    const view = await b.request('POST', `/tables/${tasks.id}/views`, {
      name: 'Done only',
      config: { filter: { conjunction: 'and', conditions: [{ field: 'Done', operator: 'is', value: true }] } },
    });
    expectOk(view, 201, 'Creating a view');
    expect(await groups(tasks.id, { groupBy: by('Status'), view: 'Done only' })).toEqual([
      { key: ['A'], count: 1 },
      { key: ['B'], count: 1 },
    ]);
    expect(await groups(tasks.id, { groupBy: by('Status'), view: 'Done only', filter })).toEqual([{ key: ['B'], count: 1 }]);
  });

  it('answers the POST query route as the GET route', async () => {
    const body = { groupBy: [{ field: 'Tags' }, { field: 'Status', direction: 'desc' }], filter: { conjunction: 'and', conditions: [{ field: 'Name', operator: 'isNot', value: 't3' }] } };
    const response = await b.request('POST', `/tables/${tasks.id}/records/groups/query`, body);
    expectOk(response, 200, 'Grouping by POST');
    expect(response.json()).toEqual({ groups: await groups(tasks.id, body) });
    expect((response.json() as { groups: Group[] }).groups.reduce((sum, group) => sum + group.count, 0)).toBe(4);
  });

  describe('refusals', () => {
    const errorOf = (response: InjectResponse) => (response.json() as { error: { code: string; message: string; details: Record<string, unknown> } }).error;

    it('refuses an unknown field as the filters do, naming the JSON path', async () => {
      const response = await b.request('GET', groupsUrl(tasks.id, { groupBy: by('status') }));
      expect(response.statusCode).toBe(400);
      expect(errorOf(response)).toMatchObject({ code: 'UNKNOWN_FIELD', message: 'Unknown field "status"', details: { path: 'groupBy[0].field' } });
    });

    it('refuses attachments, more than three levels, a field twice and no levels', async () => {
      const cases: Array<[unknown, string]> = [
        [by('Files'), 'groupBy[0].field'],
        [[{ field: 'Name' }, { field: 'Status' }, { field: 'Points' }, { field: 'Due' }], 'groupBy'],
        [[{ field: 'Name' }, { field: 'Name' }], 'groupBy[1].field'],
        [[], 'groupBy'],
        [[{ field: 'Name', direction: 'up' }], 'groupBy[0].direction'],
      ];
      for (const [groupBy, path] of cases) {
        const response = await b.request('POST', `/tables/${tasks.id}/records/groups/query`, { groupBy });
        expect(response.statusCode, JSON.stringify(groupBy)).toBe(400);
        expect(errorOf(response)).toMatchObject({ code: 'INVALID_FILTER', details: { path } });
      }
    });

    it('refuses a group-by that is not JSON', async () => {
      const response = await b.request('GET', `/tables/${tasks.id}/records/groups?groupBy=${encodeURIComponent('[{')}`);
      expect(response.statusCode).toBe(400);
      expect(errorOf(response)).toMatchObject({ code: 'VALIDATION_FAILED', details: { path: 'groupBy' } });
    });
  });

  it('returns at most 1,000 groups and says when there are more', async () => {
    const many = await b.table('Many', [{ name: 'Code', type: 'singleLineText' }]);
    const codes = Array.from({ length: 1002 }, (_, index) => ({ Code: `c${String(index).padStart(4, '0')}` }));
    await b.create(many.id, codes.slice(0, 1000));
    await b.create(many.id, codes.slice(1000));
    const response = await b.request('GET', groupsUrl(many.id, { groupBy: by('Code') }));
    expectOk(response, 200, 'Grouping 1,002 codes');
    const body = response.json() as { groups: Group[]; truncated?: boolean };
    expect(body.truncated).toBe(true);
    expect(body.groups).toHaveLength(1000);
    expect(body.groups[0]).toEqual({ key: ['c0000'], count: 1 });
    expect(body.groups[999]).toEqual({ key: ['c0999'], count: 1 });
  }, 60_000);
});
