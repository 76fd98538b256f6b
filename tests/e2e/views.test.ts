/**
 * Views: the toolbar's filter builder (nested AND/OR groups, operators per field type, "me"),
 * sorts, group-by with the server's counts and collapsible groups, hidden fields and row height,
 * the list of views (create, rename, duplicate, delete), and columns moved or resized in the
 * grid — each checked in the grid and, for what the server keeps, in the view the API returns.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SignedIn } from '../support/app';
import { columnTexts, groupHeaderTexts, signInThroughUi } from './support/grid';
import { screenshot, startWebApp, type WebApp } from './support/web-app';

interface ApiView {
  id: string;
  name: string;
  config: Record<string, unknown>;
}

describe('views', () => {
  let web: WebApp;
  let page: Page;
  let owner: SignedIn;
  let baseId: string;
  let table: { id: string; primaryFieldId: string; fields: Array<{ id: string; name: string }>; views: ApiView[] };

  const fieldId = (name: string) => table.fields.find((field) => field.name === name)!.id;
  const tablePath = () => `/api/v1/bases/${baseId}/tables/${table.id}`;
  const views = async () => ((await owner.request('GET', `${tablePath()}/views`)).json() as { views: ApiView[] }).views;
  const names = () => columnTexts(page, table.primaryFieldId);
  const openView = async (viewId: string) => {
    await page.goto(`${web.url}#/bases/${baseId}/tables/${table.id}/views/${viewId}`);
    // A hash change keeps the page: the rows on screen may still be the previous view's until its tab is the active one.
    await page.locator(`.mt-view-tab-active[data-view-id="${viewId}"]`).waitFor();
    await page.locator(`.ag-row[row-index="0"] .ag-cell[col-id="${table.primaryFieldId}"]`).waitFor();
  };
  const pick = async (select: ReturnType<Page['locator']>, option: string) => {
    await select.click();
    // The open list only: one that is closing (animating out) is still visible for a moment.
    const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-leave"])');
    await open.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  };
  const closePopover = () => page.keyboard.press('Escape');

  beforeAll(async () => {
    web = await startWebApp();
    owner = await web.server.signUpOwner({ name: 'Dr. Wang' });
    baseId = (await web.server.createBase(owner, 'Clinic', 'Asia/Shanghai')).id;
    const status = { choices: [{ name: 'Waiting' }, { name: 'Seen', color: 'green' }] };
    table = (
      await owner.request('POST', `/api/v1/bases/${baseId}/tables`, {
        name: 'Patients',
        fields: [
          { name: 'Name', type: 'singleLineText' },
          { name: 'Status', type: 'singleSelect', options: status },
          { name: 'Age', type: 'number' },
          { name: 'Doctor', type: 'person' },
          { name: 'Notes', type: 'longText' },
        ],
      })
    ).json();
    const me = owner.user.id;
    const rows = [
      { Name: 'Li Na', Status: 'Waiting', Age: 71, Doctor: [me] },
      { Name: 'Wang Fang', Status: 'Seen', Age: 34 },
      { Name: 'Zhang Wei', Status: 'Waiting', Age: 45, Doctor: [me] },
      { Name: 'Liu Yang', Status: 'Seen', Age: 62 },
      { Name: 'Chen Jie', Age: 8 },
      { Name: 'Li Qiang', Status: 'Waiting', Age: 29 },
    ];
    await owner.request('POST', `${tablePath()}/records`, { records: rows.map((fields) => ({ fields })) });
    table.views = await views();
    page = await web.newPage();
    await signInThroughUi(page, web, owner);
    await openView(table.views[0]!.id);
  });
  afterAll(async () => {
    await web?.close();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await screenshot(page, `failed-views-${context.task.name.slice(0, 30)}`);
  });

  it('filters with nested AND/OR conditions and saves the filter to the view', async () => {
    expect(await names()).toEqual(['Li Na', 'Wang Fang', 'Zhang Wei', 'Liu Yang', 'Chen Jie', 'Li Qiang']);
    await page.getByTestId('tool-filter').click();
    await page.getByTestId('filter-add').click();
    const first = page.getByTestId('filter-condition').nth(0);
    await pick(first.getByTestId('filter-field'), 'Status');
    await pick(first.getByTestId('filter-value'), 'Waiting');
    await expect.poll(names).toEqual(['Li Na', 'Zhang Wei', 'Li Qiang']);

    // … and (Age > 60 or Name contains "Qiang")
    await page.getByTestId('filter-add-group').click();
    const group = page.getByTestId('filter-group');
    await pick(group.getByTestId('filter-field').first(), 'Age');
    await pick(group.getByTestId('filter-operator').first(), '>');
    await group.getByTestId('filter-value').first().locator('input').fill('60');
    await group.getByTestId('filter-group-add').click();
    await pick(group.getByTestId('filter-conjunction'), 'or');
    await group.getByTestId('filter-value').nth(1).locator('input').fill('Qiang');
    await expect.poll(names).toEqual(['Li Na', 'Li Qiang']);
    await expect.poll(() => page.getByTestId('record-count').textContent()).toBe('2 records');
    await screenshot(page, 'view-filter');

    await expect.poll(async () => (await views())[0]!.config.filter).toEqual({
      conjunction: 'and',
      conditions: [
        { field: fieldId('Status'), operator: 'is', value: 'Waiting' },
        {
          conjunction: 'or',
          conditions: [
            { field: fieldId('Age'), operator: 'isGreater', value: 60 },
            { field: table.primaryFieldId, operator: 'contains', value: 'Qiang' },
          ],
        },
      ],
    });
    await expect.poll(() => page.getByTestId('tool-filter').textContent()).toBe('3 filters');

    // A fresh page reads the saved view.
    await page.reload();
    await expect.poll(names).toEqual(['Li Na', 'Li Qiang']);
  });

  it('filters a person field by "me" and clears the filter', async () => {
    await page.getByTestId('tool-filter').click();
    while ((await page.getByTestId('filter-remove').count()) > 0) await page.getByTestId('filter-remove').first().click();
    await expect.poll(names).toHaveLength(6);
    await page.getByTestId('filter-add').click();
    const condition = page.getByTestId('filter-condition').first();
    await pick(condition.getByTestId('filter-field'), 'Doctor');
    await pick(condition.getByTestId('filter-value'), 'Me');
    await page.locator('.ant-popover-title').click(); // closes the list of people
    await expect.poll(names).toEqual(['Li Na', 'Zhang Wei']);
    await expect.poll(async () => (await views())[0]!.config.filter).toEqual({
      conjunction: 'and',
      conditions: [{ field: fieldId('Doctor'), operator: 'hasAnyOf', value: ['me'] }],
    });
    await page.getByTestId('filter-remove').first().click();
    await expect.poll(names).toHaveLength(6);
    await closePopover();
    await expect.poll(async () => (await views())[0]!.config.filter).toBeNull();
  });

  it('sorts by a field and saves the sort', async () => {
    await page.getByTestId('tool-sort').click();
    await page.getByTestId('sort-add').click();
    await page.getByRole('menuitem', { name: 'Age' }).click();
    await expect.poll(names).toEqual(['Chen Jie', 'Li Qiang', 'Wang Fang', 'Zhang Wei', 'Liu Yang', 'Li Na']);
    await pick(page.getByTestId('sort-direction'), '9 → 1');
    await expect.poll(names).toEqual(['Li Na', 'Liu Yang', 'Zhang Wei', 'Wang Fang', 'Li Qiang', 'Chen Jie']);
    await screenshot(page, 'view-sort');
    await expect.poll(async () => (await views())[0]!.config.sorts).toEqual([{ field: fieldId('Age'), direction: 'desc' }]);
    await closePopover();
  });

  it('groups records under headers with the server’s counts, and collapses a group', async () => {
    await page.getByTestId('tool-group').click();
    await page.getByTestId('group-add').click();
    await page.getByRole('menuitem', { name: 'Status' }).click();
    await closePopover();
    const headers = page.getByTestId('group-header');
    // Groups in the order of the field's sort (select names A → Z), empty first.
    await expect.poll(() => groupHeaderTexts(page)).toEqual(['Status(Empty)1 record', 'StatusSeen2 records', 'StatusWaiting3 records']);
    // Within a group, the view's sort (age, descending) still holds.
    await expect.poll(names).toEqual(['Chen Jie', 'Liu Yang', 'Wang Fang', 'Li Na', 'Zhang Wei', 'Li Qiang']);
    await screenshot(page, 'view-group');
    await headers.filter({ hasText: 'Waiting' }).click();
    await expect.poll(names).toEqual(['Chen Jie', 'Liu Yang', 'Wang Fang']);
    await expect.poll(() => groupHeaderTexts(page)).toHaveLength(3);
    await headers.filter({ hasText: 'Waiting' }).click();
    await expect.poll(names).toHaveLength(6);

    // Grouping is saved to the view, for everyone who opens it.
    const status = table.fields.find((field) => field.name === 'Status')!.id;
    await expect.poll(async () => (await views())[0]!.config.groupBy).toEqual([{ field: status, direction: 'asc' }]);
    await page.reload();
    await expect.poll(() => headers.count()).toBe(3);
    await page.getByTestId('tool-group').click();
    await page.getByTestId('group-remove').click();
    await closePopover();
    await expect.poll(() => headers.count()).toBe(0);
  });

  it('hides fields and changes the row height', async () => {
    await page.getByTestId('tool-hide-fields').click();
    await page.getByTestId('hidden-field').filter({ hasText: 'Notes' }).getByRole('switch').click();
    await closePopover();
    await expect.poll(() => page.locator(`.ag-header-cell[col-id="${fieldId('Notes')}"]`).count()).toBe(0);
    await expect.poll(() => page.getByTestId('tool-hide-fields').textContent()).toBe('1 hidden field');

    await page.getByTestId('tool-row-height').click();
    await page.getByRole('menuitem', { name: 'Tall', exact: true }).click();
    await expect.poll(() => page.locator('.ag-row[row-index="0"]').first().evaluate((row) => row.getBoundingClientRect().height)).toBe(88);
    await expect.poll(async () => {
      const config = (await views())[0]!.config;
      return [config.hiddenFieldIds, config.rowHeight];
    }).toEqual([[fieldId('Notes')], 'tall']);
  });

  it('creates, renames, duplicates and deletes views', async () => {
    await page.getByTestId('add-view').click();
    await page.getByTestId('add-view-grid').click();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.locator('.mt-view-tab-active').filter({ hasText: 'Grid view 2' }).waitFor();
    const created = (await views()).find((view) => view.name === 'Grid view 2')!;
    expect(page.url()).toContain(`/views/${created.id}`);
    // A new view starts with no settings: every field, every record, the order they were added.
    await expect.poll(names).toEqual(['Li Na', 'Wang Fang', 'Zhang Wei', 'Liu Yang', 'Chen Jie', 'Li Qiang']);

    await page.getByTestId('view-tab-menu').click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    await page.getByTestId('name-input').fill('Triage');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.mt-view-tab-active').filter({ hasText: 'Triage' }).waitFor();

    // Duplicate the first view: its sort comes along.
    await page.getByTestId('view-tab').first().click();
    await page.getByTestId('view-tab-menu').click();
    await page.getByRole('menuitem', { name: 'Duplicate' }).click();
    await page.getByRole('button', { name: 'Create' }).click();
    await expect.poll(async () => (await views()).map((view) => view.name)).toEqual([table.views[0]!.name, 'Triage', `${table.views[0]!.name} copy`]);
    const copy = (await views())[2]!;
    expect(copy.config.sorts).toEqual([{ field: fieldId('Age'), direction: 'desc' }]);
    await expect.poll(names).toEqual(['Li Na', 'Liu Yang', 'Zhang Wei', 'Wang Fang', 'Li Qiang', 'Chen Jie']);
    await screenshot(page, 'view-tabs');

    await page.getByTestId('view-tab-menu').click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(async () => (await views()).map((view) => view.name)).toEqual([table.views[0]!.name, 'Triage']);
    // The page opens another view once it has the server's answer, which can come after the
    // server has the change: wait for it, or it may undo the next step's opening of a view.
    await page.locator(`.mt-view-tab-active[data-view-id="${table.views[0]!.id}"]`).waitFor();
  });

  it('saves a column moved or resized in the grid to the view', async () => {
    const triage = (await views()).find((view) => view.name === 'Triage')!;
    await openView(triage.id);
    // The view's settings are saved once the caller's rights are known (its tools turn on then).
    await expect.poll(() => page.getByTestId('tool-sort').isDisabled()).toBe(false);
    const header = (name: string) => page.locator(`.ag-header-cell[col-id="${fieldId(name)}"]`);
    const savedOrder = async () => ((await views()).find((view) => view.id === triage.id)!.config.fieldOrder as string[]).slice(0, 4);
    const shownOrder = async () => {
      const cells = await page.locator('.ag-header-cell[col-id^="fld_"]').evaluateAll((elements) =>
        elements.map((element) => ({ id: element.getAttribute('col-id')!, x: element.getBoundingClientRect().x })),
      );
      return cells.sort((a, b) => a.x - b.x).map((cell) => cell.id).slice(0, 4);
    };
    /** Drags the header of `moved` to the left edge of `onto`'s and holds it there, the button still down. */
    const dragOnto = async (moved: string, onto: string) => {
      const from = (await header(moved).boundingBox())!;
      const to = (await header(onto).boundingBox())!;
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(from.x + from.width / 2 - 20, from.y + from.height / 2, { steps: 4 });
      await page.mouse.move(to.x + 10, to.y + to.height / 2, { steps: 8 });
      // The grid moves the column while it is hovered, on its own frames: let go once it has (a
      // busy machine may take longer than the moves above).
      await expect.poll(async () => (await header(moved).boundingBox())!.x < (await header(onto).boundingBox())!.x).toBe(true);
    };

    await dragOnto('Age', 'Status');
    await page.mouse.up();
    const moved = [table.primaryFieldId, fieldId('Age'), fieldId('Status'), fieldId('Doctor')];
    await expect.poll(savedOrder).toEqual(moved);

    // Widen "Status" by dragging its header's right edge.
    const status = (await header('Status').boundingBox())!;
    await page.mouse.move(status.x + status.width - 2, status.y + status.height / 2);
    await page.mouse.down();
    await page.mouse.move(status.x + status.width + 60, status.y + status.height / 2, { steps: 6 });
    await page.mouse.up();
    await expect.poll(async () => ((await views()).find((view) => view.id === triage.id)!.config.columnWidths as Record<string, number>)[fieldId('Status')]).toBeGreaterThan(status.width + 40);

    // A drag given up with Escape leaves the columns where the grid shows them, in the view too.
    await dragOnto('Doctor', 'Age');
    await page.keyboard.press('Escape');
    await page.mouse.up();
    const givenUp = [table.primaryFieldId, fieldId('Doctor'), fieldId('Age'), fieldId('Status')];
    await expect.poll(savedOrder).toEqual(givenUp);
    expect(await shownOrder()).toEqual(givenUp);
  });

  it("keeps a member's personal view to them, and locks a shared view", async () => {
    const viewer = await web.server.signUpUser(owner, { email: 'nurse@example.com', name: 'Nurse Zhou' });
    await web.server.addMember(owner, baseId, viewer.user.id, 'viewer');
    const zhPage = await web.newPage({ locale: 'zh-CN' });
    await signInThroughUi(zhPage, web, viewer);
    await zhPage.goto(`${web.url}#/bases/${baseId}/tables/${table.id}/views/${table.views[0]!.id}`);
    await zhPage.locator(`.ag-row[row-index="0"] .ag-cell[col-id="${table.primaryFieldId}"]`).waitFor();
    // A viewer cannot change the shared view: its tools say why.
    expect(await zhPage.getByTestId('tool-sort').isDisabled()).toBe(true);

    // …but adds a personal view, whose settings are saved for them alone.
    await zhPage.getByTestId('add-view').click();
    await zhPage.getByTestId('add-view-personal:grid').click();
    await zhPage.getByTestId('name-input').fill('我的视图');
    await zhPage.getByTestId('name-input').press('Enter');
    await zhPage.locator('.mt-view-tab-active').filter({ hasText: '我的视图' }).getByTestId('view-personal').waitFor();
    await zhPage.getByTestId('tool-row-height').click();
    await zhPage.getByRole('menuitem', { name: '高', exact: true }).click();
    const viewerViews = async () => ((await viewer.request('GET', `${tablePath()}/views`)).json() as { views: Array<ApiView & { personal: boolean }> }).views;
    await expect.poll(async () => (await viewerViews()).find((view) => view.name === '我的视图')?.config.rowHeight).toBe('tall');
    expect((await viewerViews()).find((view) => view.name === '我的视图')!.personal).toBe(true);
    expect((await views()).map((view) => view.name)).not.toContain('我的视图');
    await screenshot(zhPage, 'view-personal-zh');

    // The owner locks the shared view: its tab shows the lock, its tools are off until unlocked.
    await openView(table.views[0]!.id);
    await page.getByTestId('view-tab-menu').click();
    await page.getByRole('menuitem', { name: 'Lock view' }).click();
    await page.locator('.mt-view-tab-active').getByTestId('view-locked').waitFor();
    await expect.poll(() => page.getByTestId('tool-filter').isDisabled()).toBe(true);
    expect((await views())[0]).toMatchObject({ locked: true });
    await screenshot(page, 'view-locked');
    await page.getByTestId('view-tab-menu').click();
    await page.getByRole('menuitem', { name: 'Unlock view' }).click();
    await expect.poll(async () => (await views())[0]!).toMatchObject({ locked: false });
    await expect.poll(() => page.getByTestId('tool-filter').isDisabled()).toBe(false);
  });

  it('shows the toolbar and filter builder in Chinese', async () => {
    const zhPage = await web.newPage({ locale: 'zh-CN' });
    await signInThroughUi(zhPage, web, owner);
    await zhPage.goto(`${web.url}#/bases/${baseId}/tables/${table.id}/views/${table.views[0]!.id}`);
    await zhPage.getByTestId('tool-filter').click();
    await zhPage.getByTestId('filter-add').click();
    await zhPage.getByTestId('filter-builder').getByText('当').first().waitFor();
    expect(await zhPage.getByTestId('tool-sort').textContent()).toBe('按 1 个字段排序');
    await screenshot(zhPage, 'view-filter-zh');
  });
});
