/**
 * Kanban: a view of type kanban shown as a board stacked by a single select — a column per
 * choice with the server's counts, cards that drag to another column (the record is updated),
 * cards that move when someone else changes the record, stacking by a person field instead
 * (saved in the view), and adding a record straight into a column.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SignedIn } from '../support/app';
import { signInThroughUi } from './support/grid';
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
    await page.getByRole('menuitem', { name: 'Kanban' }).click();
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
