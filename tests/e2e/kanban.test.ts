/**
 * Kanban: a view of type kanban shown as a board stacked by a single select — a column per
 * choice with the server's counts, cards that drag to another column (the record is updated),
 * cards that move when someone else changes the record, stacking by a person field instead
 * (saved in the view), adding a record straight into a column, and — in a view without a sort —
 * dragging a card above another to change the table's manual order for everyone.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SignedIn } from '../support/app';
import { cell, signInThroughUi } from './support/grid';
import { screenshot, startWebApp, type WebApp } from './support/web-app';

describe('kanban', () => {
  let web: WebApp;
  let page: Page;
  let owner: SignedIn;
  let baseId: string;
  let table: { id: string; fields: Array<{ id: string; name: string }> };
  const ids = new Map<string, string>();

  const fieldId = (name: string) => table.fields.find((field) => field.name === name)!.id;
  const recordsPath = () => `/api/v1/bases/${baseId}/tables/${table.id}/records`;
  const columnOf = (target: Page, key: string) => target.locator(`[data-testid="kanban-column"][data-column='${key}']`);
  /** Card titles per column, in column order. */
  const board = (target: Page) =>
    target.evaluate(() =>
      [...document.querySelectorAll('[data-testid="kanban-column"]')].map((column) => [
        column.getAttribute('data-column'),
        column.querySelector('[data-testid="kanban-count"]')?.textContent,
        [...column.querySelectorAll('[data-testid="record-card"] .mt-record-card-title')].map((title) => title.textContent),
      ]),
    );
  const statusOf = async (title: string) => {
    const record = (await owner.request('GET', `${recordsPath()}/${ids.get(title)}?returnFieldsByFieldId=true`)).json() as { fields: Record<string, unknown> };
    return record.fields[fieldId('Status')] ?? null;
  };

  beforeAll(async () => {
    web = await startWebApp();
    owner = await web.server.signUpOwner({ name: 'Dr. Wang' });
    baseId = (await web.server.createBase(owner, 'Clinic')).id;
    table = (
      await owner.request('POST', `/api/v1/bases/${baseId}/tables`, {
        name: 'Tasks',
        fields: [
          { name: 'Task', type: 'singleLineText' },
          { name: 'Status', type: 'singleSelect', options: { choices: [{ name: 'To do' }, { name: 'Doing', color: 'yellow' }, { name: 'Done', color: 'green' }] } },
          { name: 'Assignee', type: 'person', options: { multiple: false } },
        ],
      })
    ).json();
    const rows = [
      { Task: 'Order gloves', Status: 'To do', Assignee: [owner.user.id] },
      { Task: 'Write report', Status: 'To do' },
      { Task: 'Call lab', Status: 'Doing', Assignee: [owner.user.id] },
      { Task: 'Clean room' },
    ];
    const created = (await owner.request('POST', recordsPath(), { records: rows.map((fields) => ({ fields })) })).json() as { records: Array<{ id: string }> };
    rows.forEach((row, index) => ids.set(row.Task, created.records[index]!.id));
    page = await web.newPage();
    await signInThroughUi(page, web, owner);
    await page.goto(`${web.url}#/bases/${baseId}/tables/${table.id}`);
  });
  afterAll(async () => {
    await web?.close();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await screenshot(page, `failed-kanban-${context.task.name.slice(0, 30)}`);
  });

  it('shows a new kanban view as columns of cards with the server’s counts', async () => {
    await page.getByTestId('add-view').click();
    await page.getByTestId('add-view-kanban').click();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.locator('.mt-view-tab-active').filter({ hasText: 'Kanban 2' }).waitFor();
    const views = (await owner.request('GET', `/api/v1/bases/${baseId}/tables/${table.id}/views`)).json() as { views: Array<{ name: string; type: string }> };
    expect(views.views.map((view) => [view.name, view.type])).toEqual([
      ['Grid view', 'grid'],
      ['Kanban 2', 'kanban'],
    ]);
    await expect.poll(() => board(page)).toEqual([
      ['null', '1', ['Clean room']],
      ['"To do"', '2', ['Order gloves', 'Write report']],
      ['"Doing"', '1', ['Call lab']],
      ['"Done"', '0', []],
    ]);
    await screenshot(page, 'kanban');
  });

  it('moves a dragged card into another column and updates its record', async () => {
    await page.locator('[data-testid="record-card"]').filter({ hasText: 'Write report' }).dragTo(columnOf(page, '"Done"'));
    await expect.poll(() => statusOf('Write report')).toBe('Done');
    await expect.poll(() => board(page)).toEqual([
      ['null', '1', ['Clean room']],
      ['"To do"', '1', ['Order gloves']],
      ['"Doing"', '1', ['Call lab']],
      ['"Done"', '1', ['Write report']],
    ]);
  });

  it('moves a card when someone else changes its record', async () => {
    // Another browser, in Chinese: the board is the view's own layout, kept by the server.
    const other = await web.newPage({ locale: 'zh-CN' });
    await signInThroughUi(other, web, owner);
    await other.goto(page.url());
    await columnOf(other, '"Doing"').getByText('Call lab').waitFor();
    await owner.request('PATCH', recordsPath(), { records: [{ id: ids.get('Call lab'), fields: { Status: 'Done' } }] });
    await expect.poll(async () => (await board(other))[3]).toEqual(['"Done"', '2', ['Write report', 'Call lab']]);
    await screenshot(other, 'kanban-zh');
  });

  it('moves a card above another in its column, in the table’s order for everyone', async () => {
    const order = async () => ((await owner.request('GET', recordsPath())).json() as { records: Array<{ fields: { Task: string } }> }).records.map((record) => record.fields.Task);
    expect(await order()).toEqual(['Order gloves', 'Write report', 'Call lab', 'Clean room']);
    const target = page.locator('[data-testid="record-card"]').filter({ hasText: 'Write report' });
    // Dragged by hand (not dragTo), so the line showing where the card will land can be seen.
    const box = (await target.boundingBox())!;
    await page.locator('[data-testid="record-card"]').filter({ hasText: 'Call lab' }).hover();
    await page.mouse.down();
    await page.mouse.move(box.x + 40, box.y + 12, { steps: 4 });
    await page.mouse.move(box.x + 40, box.y + 4, { steps: 2 });
    await page.locator('.mt-record-card-drop-before').waitFor();
    await screenshot(page, 'kanban-reorder');
    await page.mouse.up();
    await expect.poll(order).toEqual(['Order gloves', 'Call lab', 'Write report', 'Clean room']);
    await expect.poll(async () => (await board(page))[3]).toEqual(['"Done"', '2', ['Call lab', 'Write report']]);
    // The value did not change, and the move is in the record's history.
    expect(await statusOf('Call lab')).toBe('Done');
    const history = (await owner.request('GET', `${recordsPath()}/${ids.get('Call lab')}/history`)).json() as { history: Array<{ action: string }> };
    expect(history.history[0]!.action).toBe('move');
    // The grid without a sort shows the table's order too.
    await page.getByTestId('view-tab').filter({ hasText: 'Grid view' }).click();
    await expect.poll(() => Promise.all([0, 1, 2, 3].map((row) => cell(page, row, fieldId('Task')).textContent()))).toEqual(['Order gloves', 'Call lab', 'Write report', 'Clean room']);
    await page.getByTestId('view-tab').filter({ hasText: 'Kanban 2' }).click();
    await page.getByTestId('kanban').waitFor();
  });

  it('only changes the column of a card dropped in a sorted view', async () => {
    const views = (await owner.request('GET', `/api/v1/bases/${baseId}/tables/${table.id}/views`)).json() as { views: Array<{ id: string }> };
    const kanbanView = views.views[1]!.id;
    const sorted = await owner.request('PATCH', `/api/v1/bases/${baseId}/tables/${table.id}/views/${kanbanView}`, { config: { sorts: [{ field: fieldId('Task'), direction: 'asc' }] } });
    expect(sorted.statusCode, sorted.body).toBe(200);
    // The view's new sort reaches the open board live.
    await page.getByText('Sorted by 1 field').waitFor();
    await expect.poll(async () => (await board(page))[3]).toEqual(['"Done"', '2', ['Call lab', 'Write report']]);
    // Dropped on top of "Call lab" in "Done": joins the column, sorted by name, and keeps its place in the table.
    await page.locator('[data-testid="record-card"]').filter({ hasText: 'Clean room' }).dragTo(page.locator('[data-testid="record-card"]').filter({ hasText: 'Call lab' }), { targetPosition: { x: 40, y: 4 } });
    await expect.poll(() => statusOf('Clean room')).toBe('Done');
    await expect.poll(async () => (await board(page))[3]).toEqual(['"Done"', '3', ['Call lab', 'Clean room', 'Write report']]);
    const history = (await owner.request('GET', `${recordsPath()}/${ids.get('Clean room')}/history`)).json() as { history: Array<{ action: string }> };
    expect(history.history.map((entry) => entry.action)).not.toContain('move');
    await owner.request('PATCH', `/api/v1/bases/${baseId}/tables/${table.id}/views/${kanbanView}`, { config: { sorts: [] } });
    await owner.request('PATCH', recordsPath(), { records: [{ id: ids.get('Clean room'), fields: { Status: null } }] });
    await page.locator('button').filter({ hasText: /^Sort$/ }).waitFor();
    await expect.poll(async () => (await board(page))[0]).toEqual(['null', '1', ['Clean room']]);
  });

  it('stacks by a person field instead', async () => {
    await page.getByTestId('stack-by').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: 'Assignee' }).click();
    await expect.poll(async () => {
      const views = (await owner.request('GET', `/api/v1/bases/${baseId}/tables/${table.id}/views`)).json() as { views: Array<{ config: { groupFieldId: string | null } }> };
      return views.views[1]!.config.groupFieldId;
    }).toBe(fieldId('Assignee'));
    await expect.poll(async () => (await board(page)).map(([, count, titles]) => [count, titles])).toEqual([
      ['2', ['Write report', 'Clean room']],
      ['2', ['Order gloves', 'Call lab']],
    ]);
  });

  it('adds a record already in a column', async () => {
    await page.getByTestId('kanban-column').nth(1).getByTestId('kanban-add').click();
    await page.getByTestId('record-panel').waitFor();
    const records = (await owner.request('GET', `${recordsPath()}?returnFieldsByFieldId=true`)).json() as { records: Array<{ fields: Record<string, unknown> }> };
    expect(records.records).toHaveLength(5);
    expect(records.records[4]!.fields[fieldId('Assignee')]).toEqual([{ id: owner.user.id, name: 'Dr. Wang', email: owner.user.email }]);
    await expect.poll(async () => (await board(page))[1]![1]).toBe('3');
  });
});
