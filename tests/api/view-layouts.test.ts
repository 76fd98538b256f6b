/**
 * Kanban, calendar and gallery views: created with the field their layout is built on, which
 * must be of a type the layout takes; a field deleted or changed to another type leaves the
 * layout without it instead of breaking the view.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import { startTestApp, type SignedIn, type TestApp } from '../support/app';
import { createTable, fieldNamed, tableUrl, type ApiTable } from './data-helpers';

describeEachDialect('view layouts', (dialect) => {
  let t: TestApp;
  let owner: SignedIn;
  let baseId: string;
  let tasks: ApiTable;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await t.signUpOwner();
    baseId = (await t.createBase(owner)).id;
    tasks = await createTable(owner, baseId, 'Tasks', [
      { name: 'Title', type: 'singleLineText' },
      { name: 'Stage', type: 'singleSelect', options: { choices: [{ name: 'todo' }, { name: 'done' }] } },
      { name: 'Due', type: 'date' },
      { name: 'Photos', type: 'attachment' },
    ]);
  });
  afterAll(async () => t?.cleanup());

  const createView = (body: Record<string, unknown>) => owner.request('POST', tableUrl(baseId, tasks.id, '/views'), body);

  it('creates each kind of view on the field its layout needs', async () => {
    const kanban = await createView({ name: 'Board', type: 'kanban', config: { groupFieldId: 'Stage' } });
    expect(kanban.statusCode).toBe(201);
    expect(kanban.json()).toMatchObject({ type: 'kanban', config: { groupFieldId: fieldNamed(tasks, 'Stage').id } });
    expect((await createView({ name: 'Calendar', type: 'calendar', config: { dateFieldId: 'Due' } })).json().config.dateFieldId).toBe(fieldNamed(tasks, 'Due').id);
    expect((await createView({ name: 'Gallery', type: 'gallery', config: { coverFieldId: 'Photos' } })).json().config.coverFieldId).toBe(fieldNamed(tasks, 'Photos').id);
    const wrong = await createView({ name: 'Bad board', type: 'kanban', config: { groupFieldId: 'Title' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.path).toBe('body.config.groupFieldId');
    expect((await createView({ name: 'Bad type', type: 'timeline' })).statusCode).toBe(400);
  });

  it('drops a layout field that is deleted or no longer of a type the layout takes', async () => {
    const board = (await createView({ name: 'Board 2', type: 'kanban', config: { groupFieldId: 'Stage' } })).json();
    const calendar = (await createView({ name: 'Calendar 2', type: 'calendar', config: { dateFieldId: 'Due' } })).json();
    expect((await owner.request('PATCH', tableUrl(baseId, tasks.id, `/fields/${fieldNamed(tasks, 'Stage').id}`), { type: 'singleLineText' })).statusCode).toBe(200);
    expect((await owner.request('GET', tableUrl(baseId, tasks.id, `/views/${board.id}`))).json().config.groupFieldId).toBeNull();
    expect((await owner.request('DELETE', tableUrl(baseId, tasks.id, `/fields/${fieldNamed(tasks, 'Due').id}`))).statusCode).toBe(200);
    const after = (await owner.request('GET', tableUrl(baseId, tasks.id, `/views/${calendar.id}`))).json();
    expect(after).toMatchObject({ type: 'calendar', config: { dateFieldId: null } });
  });
});
