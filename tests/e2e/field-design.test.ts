/**
 * Field design from the column header: the header menu (edit, hide, delete, sort, filter by), the
 * one field dialog for adding and changing fields with each type's options editor (choices, a
 * formula checked as it is typed with the function reference beside it — described in the user's
 * language and searchable —, links, lookups, rollups, duration formats), the report a type change
 * answers with, and a column's width surviving a reload. Results are read back
 * through the API and the grid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SignedIn } from '../support/app';
import { cell, signInThroughUi } from './support/grid';
import { screenshot, startWebApp, type WebApp } from './support/web-app';

interface TableShape {
  id: string;
  primaryFieldId: string;
  fields: Array<{ id: string; name: string; type: string; options: Record<string, unknown> }>;
  views: Array<{ id: string; config: Record<string, unknown> }>;
}

describe('field design', () => {
  let web: WebApp;
  let page: Page;
  let owner: SignedIn;
  let baseId: string;
  let orders: TableShape;
  let customers: TableShape;

  const tablesPath = () => `/api/v1/bases/${baseId}/tables`;
  const reload = async (): Promise<TableShape> => {
    const tables = (await owner.request('GET', tablesPath())).json() as { tables: TableShape[] };
    return tables.tables.find((table) => table.id === orders.id)!;
  };
  const fieldNamed = async (name: string) => (await reload()).fields.find((field) => field.name === name);
  const header = (name: string) => page.locator('.ag-header-cell').filter({ has: page.locator('.mt-field-header-name', { hasText: new RegExp(`^${name}$`) }) });
  const openMenu = async (name: string) => {
    await header(name).hover();
    await header(name).getByTestId('field-menu').click();
  };
  // Menus opened before stay in the page, hidden: only the open one counts.
  const menuEntry = (key: string) => page.locator(`[data-testid="field-menu-${key}"]:visible`);
  const dialog = () => page.getByTestId('field-dialog');
  const chooseType = async (label: string) => {
    await page.getByTestId('field-type').click();
    await page.keyboard.type(label);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^\\s*${label}$`) }).click();
  };
  const pick = async (testId: string, label: string) => {
    await page.getByTestId(testId).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first().click();
  };
  const save = async (button: 'Save' | 'Create') => {
    await page.getByRole('dialog').getByRole('button', { name: button, exact: true }).click();
    await dialog().waitFor({ state: 'detached' });
  };
  const columnText = async (name: string) => {
    const id = (await fieldNamed(name))!.id;
    return [await cell(page, 0, id).textContent(), await cell(page, 1, id).textContent()];
  };

  beforeAll(async () => {
    web = await startWebApp();
    owner = await web.server.signUpOwner({ name: 'Li Lei' });
    baseId = (await web.server.createBase(owner, 'Shop', 'Asia/Shanghai')).id;
    customers = (
      await owner.request('POST', tablesPath(), {
        name: 'Customers',
        fields: [
          { name: 'Customer', type: 'singleLineText' },
          { name: 'City', type: 'singleLineText' },
          { name: 'Score', type: 'number' },
        ],
      })
    ).json();
    const people = (
      await owner.request('POST', `${tablesPath()}/${customers.id}/records`, {
        records: [{ fields: { Customer: 'Acme', City: 'Hangzhou', Score: 3 } }, { fields: { Customer: 'Globex', City: 'Suzhou', Score: 4 } }],
      })
    ).json() as { records: Array<{ id: string }> };
    orders = (
      await owner.request('POST', tablesPath(), {
        name: 'Orders',
        fields: [
          { name: 'Order', type: 'singleLineText' },
          { name: 'Code', type: 'singleLineText' },
          { name: 'Status', type: 'singleSelect', options: { choices: [{ name: 'Open' }, { name: 'Closed' }] } },
          { name: 'Amount', type: 'number', options: { precision: 0 } },
          { name: 'Customers', type: 'link', options: { linkedTableId: customers.id } },
          { name: 'Note', type: 'singleLineText' },
          { name: 'Scratch', type: 'singleLineText' },
          { name: 'Spent', type: 'duration' },
        ],
      })
    ).json();
    await owner.request('POST', `${tablesPath()}/${orders.id}/records`, {
      records: [
        { fields: { Order: 'A-1', Code: '12', Status: 'Open', Amount: 5, Customers: [people.records[0]!.id, people.records[1]!.id], Spent: 5415 } },
        { fields: { Order: 'A-2', Code: 'abc', Status: 'Closed', Amount: 7, Customers: [people.records[1]!.id], Spent: 45 } },
      ],
    });
    page = await web.newPage();
    // Wide enough that every column, including the ones added here, is drawn (the grid draws only visible columns).
    await page.setViewportSize({ width: 2600, height: 800 });
    await signInThroughUi(page, web, owner);
    await page.goto(`${web.url}#/bases/${baseId}/tables/${orders.id}`);
    await cell(page, 0, orders.primaryFieldId).waitFor();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('renames a field from its header menu', async () => {
    await openMenu('Note');
    await menuEntry('edit').click();
    await page.getByTestId('field-name').fill('Remarks');
    await save('Save');
    await header('Remarks').waitFor();
    expect((await fieldNamed('Remarks'))?.type).toBe('singleLineText');
    expect(await fieldNamed('Note')).toBeUndefined();
  });

  it('changes a text field to a number and reports what could not convert', async () => {
    await header('Code').dblclick();
    await chooseType('Number');
    await page.getByTestId('type-change-warning').waitFor();
    await save('Save');
    const report = page.getByTestId('conversion-report');
    await report.waitFor();
    expect(await page.getByTestId('conversion-summary').textContent()).toBe('1 value converted. 1 could not be converted and was emptied:');
    expect(await page.getByTestId('conversion-failure').allTextContents()).toEqual([expect.stringContaining('"abc" is not a number')]);
    await screenshot(page, 'field-design-conversion-report');
    await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
    expect((await fieldNamed('Code'))?.type).toBe('number');
    await expect.poll(() => columnText('Code')).toEqual(['12.00', '']);
  });

  it('renames, adds and keeps select choices by id, and the cells follow', async () => {
    await header('Status').dblclick();
    const names = page.getByTestId('choice-name');
    expect(await names.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(['Open', 'Closed']);
    await names.first().fill('Active');
    await page.getByTestId('choice-new').fill('Archived');
    await page.getByTestId('choice-new').press('Enter');
    await screenshot(page, 'field-design-choices');
    await save('Save');
    const choices = (await fieldNamed('Status'))!.options.choices as Array<{ id: string; name: string }>;
    expect(choices.map((choice) => choice.name)).toEqual(['Active', 'Closed', 'Archived']);
    // The renamed choice is the same choice (same id), not a new one.
    expect(choices[0]!.id).toBe((orders.fields.find((field) => field.name === 'Status')!.options.choices as Array<{ id: string }>)[0]!.id);
    // The cells follow their renamed choice, in the grid and on the server.
    await expect.poll(() => columnText('Status')).toEqual(['Active', 'Closed']);
    const rows = (await owner.request('GET', `${tablesPath()}/${orders.id}/records`)).json() as { records: Array<{ fields: { Status?: string } }> };
    expect(rows.records.map((record) => record.fields.Status)).toEqual(['Active', 'Closed']);
  });

  it('checks a formula as it is typed and shows the function reference', async () => {
    await page.getByTestId('add-field').click();
    await page.getByTestId('field-name').fill('Double');
    await chooseType('Formula');
    await page.getByTestId('function-reference').waitFor();
    await page.getByTestId('formula-input').fill('{Amount} * 2 + SUMM(1)');
    expect(await page.getByTestId('formula-error').textContent()).toMatch(/SUMM.*\(at character 16\)/);
    await page.getByTestId('function-item').filter({ hasText: /^SUM$/ }).hover();
    expect(await page.getByTestId('function-detail').textContent()).toContain('SUM(values, …)');
    await screenshot(page, 'field-design-formula');
    await page.getByTestId('formula-input').fill('{Amount} * 2');
    await page.getByTestId('formula-ok').waitFor();
    await save('Create');
    await expect.poll(() => columnText('Double')).toEqual(['10', '14']);

    // Opened again, the formula reads with field names, and a change recomputes the cells.
    await header('Double').dblclick();
    expect(await page.getByTestId('formula-input').inputValue()).toBe('{Amount} * 2');
    await page.getByTestId('formula-input').fill('{Amount} * 3');
    await page.getByTestId('formula-ok').waitFor();
    await save('Save');
    await expect.poll(() => columnText('Double')).toEqual(['15', '21']);
  });

  it('describes each function with an example, finds functions by description and inserts a clicked one', async () => {
    await page.getByTestId('add-field').click();
    await chooseType('Formula');
    await page.getByTestId('formula-input').fill('');
    await page.getByTestId('function-reference').locator('input').fill('working days');
    await expect.poll(() => page.getByTestId('function-item').allTextContents()).toEqual(['NETWORKDAYS', 'WORKDAY', 'WORKDAY_DIFF']);
    await page.getByTestId('function-reference').locator('input').fill('');
    await page.getByTestId('function-item').filter({ hasText: /^DATETIME_DIFF$/ }).hover();
    expect(await page.getByTestId('function-description').textContent()).toBe('date1 minus date2 in whole units (seconds by default), truncated toward zero.');
    expect(await page.getByTestId('function-example').textContent()).toContain('DATETIME_DIFF("2026-03-10", "2026-03-05", "days") → 5');
    await screenshot(page, 'field-design-function-reference-en');
    await page.getByTestId('function-item').filter({ hasText: /^DATETIME_DIFF$/ }).click();
    expect(await page.getByTestId('formula-input').inputValue()).toBe('DATETIME_DIFF(');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog().waitFor({ state: 'detached' });
  });

  it('changes a duration’s format and the grid shows it', async () => {
    await expect.poll(() => columnText('Spent')).toEqual(['1:30', '0:01']);
    await header('Spent').dblclick();
    await pick('duration-format', 'h:mm:ss (');
    await screenshot(page, 'field-design-duration');
    await save('Save');
    expect((await fieldNamed('Spent'))?.options.format).toBe('h:mm:ss');
    await expect.poll(() => columnText('Spent')).toEqual(['1:30:15', '0:00:45']);
  });

  it('adds a condition on a field to the view’s filter from its header menu', async () => {
    await openMenu('Amount');
    await menuEntry('filterBy').click();
    const amount = (await fieldNamed('Amount'))!.id;
    await expect.poll(async () => (await reload()).views[0]!.config.filter).toEqual({ conjunction: 'and', conditions: [{ field: amount, operator: 'is' }] });
    await expect.poll(() => page.getByTestId('tool-filter').textContent()).toBe('1 filter');
    // Without a value yet the condition is inactive: every record still shows.
    await expect.poll(() => columnText('Amount')).toEqual(['5', '7']);
  });

  it('adds a lookup and a rollup through a link', async () => {
    await page.getByTestId('add-field').click();
    await page.getByTestId('field-name').fill('Cities');
    await chooseType('Lookup');
    await pick('link-field', 'Customers');
    await pick('target-field', 'City');
    await save('Create');
    await expect.poll(() => columnText('Cities')).toEqual(['Hangzhou, Suzhou', 'Suzhou']);

    await page.getByTestId('add-field').click();
    await page.getByTestId('field-name').fill('Total score');
    await chooseType('Rollup');
    await pick('link-field', 'Customers');
    await pick('target-field', 'Score');
    await pick('rollup-aggregation', 'Sum');
    await screenshot(page, 'field-design-rollup');
    await save('Create');
    await expect.poll(() => columnText('Total score')).toEqual([expect.stringMatching(/^7(\.00)?$/), expect.stringMatching(/^4(\.00)?$/)]);
  });

  it('adds a two-way link with the inverse field’s name', async () => {
    await page.getByTestId('add-field').click();
    await page.getByTestId('field-name').fill('Buyer');
    await chooseType('Link to another table');
    await pick('linked-table', 'Customers');
    await page.getByTestId('inverse-name').fill('Purchases');
    await screenshot(page, 'field-design-link');
    await save('Create');
    await header('Buyer').waitFor();
    const tables = (await owner.request('GET', tablesPath())).json() as { tables: TableShape[] };
    const inverse = tables.tables.find((table) => table.id === customers.id)!.fields.find((field) => field.name === 'Purchases');
    expect(inverse?.type).toBe('link');
    expect((await fieldNamed('Buyer'))?.options.inverseFieldId).toBe(inverse?.id);
  });

  it('hides a field and deletes another from the header menu', async () => {
    await openMenu('Remarks');
    await menuEntry('hide').click();
    await header('Remarks').waitFor({ state: 'detached' });
    const remarks = (await fieldNamed('Remarks'))!;
    await expect.poll(async () => (await reload()).views[0]!.config.hiddenFieldIds).toEqual([remarks.id]);

    await openMenu('Scratch');
    await menuEntry('delete').click();
    const confirm = page.getByRole('dialog').filter({ hasText: 'Delete field “Scratch”?' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await header('Scratch').waitFor({ state: 'detached' });
    expect(await fieldNamed('Scratch')).toBeUndefined();
  });

  it('refuses to delete the primary field with the server’s reason', async () => {
    await openMenu('Order');
    expect(await menuEntry('hide').count()).toBe(0);
    await menuEntry('delete').click();
    await page.getByRole('dialog').filter({ hasText: 'Delete field “Order”?' }).getByRole('button', { name: 'Delete' }).click();
    await page.locator('.ant-message').filter({ hasText: 'The primary field "Order" cannot be deleted' }).waitFor();
    expect(await fieldNamed('Order')).toBeDefined();
  });

  it('keeps a resized column’s width in the view after a reload', async () => {
    const amount = (await fieldNamed('Amount'))!.id;
    const box = (await header('Amount').boundingBox())!;
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width + 60, box.y + box.height / 2, { steps: 6 });
    await page.mouse.up();
    await expect.poll(async () => ((await reload()).views[0]!.config.columnWidths as Record<string, number>)[amount]).toBeGreaterThan(box.width + 40);
    await page.reload();
    await cell(page, 0, amount).waitFor();
    expect((await header('Amount').boundingBox())!.width).toBeGreaterThan(box.width + 40);
    await expect.poll(() => columnText('Amount')).toEqual(['5', '7']);
  });

  it('shows the field dialog in Chinese', async () => {
    const zhPage = await web.newPage({ locale: 'zh-CN' });
    await signInThroughUi(zhPage, web, owner);
    await zhPage.goto(`${web.url}#/bases/${baseId}/tables/${orders.id}`);
    await cell(zhPage, 0, orders.primaryFieldId).waitFor();
    const amount = zhPage.locator('.ag-header-cell').filter({ hasText: 'Amount' });
    await amount.hover();
    await amount.getByTestId('field-menu').click();
    expect(await zhPage.getByTestId('field-menu-edit').textContent()).toBe('编辑字段');
    await screenshot(zhPage, 'field-design-menu-zh');
    await zhPage.getByTestId('field-menu-edit').click();
    await zhPage.getByTestId('field-dialog').waitFor();
    expect(await zhPage.getByRole('dialog').getByText('小数位数').count()).toBe(1);
    await screenshot(zhPage, 'field-design-number-zh');
    await zhPage.getByTestId('field-type').click();
    await zhPage.keyboard.type('公式');
    await zhPage.keyboard.press('Enter');
    await zhPage.getByTestId('formula-input').fill('{Amount} +');
    await zhPage.getByTestId('formula-error').waitFor();
    await screenshot(zhPage, 'field-design-formula-zh');
    await zhPage.getByTestId('function-item').filter({ hasText: /^DATETIME_DIFF$/ }).hover();
    expect(await zhPage.getByTestId('function-description').textContent()).toBe('date1 减 date2 的整单位数（默认秒），向零截断。');
    expect(await zhPage.getByTestId('function-example').textContent()).toMatch(/^示例/);
    await screenshot(zhPage, 'field-design-function-reference-zh');
    await zhPage.getByTestId('function-reference').locator('input').fill('工作日');
    await expect.poll(() => zhPage.getByTestId('function-item').allTextContents()).toEqual(['NETWORKDAYS', 'WORKDAY', 'WORKDAY_DIFF']);
  });
});
