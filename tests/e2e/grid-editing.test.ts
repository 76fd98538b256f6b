/**
 * The grid in a real browser: a table and its fields made through the UI, cells edited by
 * keyboard as in a spreadsheet, values checked with core before sending and refusals shown at
 * the cell, Delete and undo/redo, TSV copy and paste of ranges (past the last row too), and
 * columns frozen from the header menu.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SignedIn } from '../support/app';
import { cell, copiedText, openEditor, pasteText, signInThroughUi, typeInCell } from './support/grid';
import { screenshotOnFailure } from './support/two-people';
import { screenshot, startWebApp, type WebApp } from './support/web-app';

interface ApiTable {
  id: string;
  name: string;
  primaryFieldId: string;
  fields: Array<{ id: string; name: string; type: string }>;
}

describe('grid editing', () => {
  let web: WebApp;
  let page: Page;
  let owner: SignedIn;
  let baseId: string;
  let table: ApiTable;

  const fieldId = (name: string) => table.fields.find((field) => field.name === name)!.id;
  const records = async () => {
    const response = await owner.request('GET', `/api/v1/bases/${baseId}/tables/${table.id}/records?returnFieldsByFieldId=true`);
    return (response.json() as { records: Array<{ id: string; fields: Record<string, unknown> }> }).records;
  };
  const column = async (name: string) => (await records()).map((record) => record.fields[fieldId(name)] ?? null);

  beforeAll(async () => {
    web = await startWebApp();
    owner = await web.server.signUpOwner({ name: 'Dr. Wang' });
    baseId = (await web.server.createBase(owner, 'Clinic', 'Asia/Shanghai')).id;
    page = await web.newPage();
    await signInThroughUi(page, web, owner);
  });
  afterAll(async () => {
    await web?.close();
  });
  afterEach(async (context) => {
    await screenshotOnFailure(context, 'grid', { page });
  });

  it('creates a table and its fields through the UI', async () => {
    await page.goto(`${web.url}#/bases/${baseId}`);
    await page.getByTestId('add-table').click();
    await page.getByTestId('name-input').fill('Patients');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByTestId('table-tab').filter({ hasText: 'Patients' }).waitFor();

    const addField = async (name: string, type: string, choices?: string) => {
      await page.getByTestId('add-field').click();
      await page.getByTestId('field-name').fill(name);
      await page.getByTestId('field-dialog').locator('.ant-select').first().click();
      await page.keyboard.type(type);
      await page.keyboard.press('Enter');
      for (const choice of choices?.split('\n') ?? []) {
        await page.getByTestId('choice-new').fill(choice);
        await page.getByTestId('choice-new').press('Enter');
      }
      await page.getByRole('button', { name: 'Create' }).click();
      await page.locator('.ag-header-cell').filter({ hasText: name }).waitFor();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
    };
    await addField('Visits', 'Number');
    await addField('Status', 'Single select', 'Open\nClosed');
    await addField('Done', 'Checkbox');

    const tables = (await owner.request('GET', `/api/v1/bases/${baseId}/tables`)).json() as { tables: ApiTable[] };
    table = tables.tables.find((candidate) => candidate.name === 'Patients')!;
    expect(table.fields.map((field) => [field.name, field.type])).toEqual([
      ['Name', 'singleLineText'],
      ['Visits', 'number'],
      ['Status', 'singleSelect'],
      ['Done', 'checkbox'],
    ]);
    expect(await page.locator('.mt-field-header-name').allTextContents()).toEqual(['Name', 'Visits', 'Status', 'Done']);
  });

  it('adds records and edits cells by keyboard', async () => {
    for (let n = 0; n < 3; n += 1) {
      await page.getByTestId('add-record').click();
      await cell(page, n, table.primaryFieldId).waitFor();
    }
    await expect.poll(() => page.getByTestId('record-count').textContent()).toBe('3 records');

    // Typing starts an edit with the typed text; Enter saves and moves down, Tab saves and moves right.
    await cell(page, 0, table.primaryFieldId).click();
    // Typed at full speed: keys that arrive before the editor is drawn are kept for it.
    await page.keyboard.type('Alice');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Bob');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1,234');
    await page.keyboard.press('Enter');
    await expect.poll(() => column('Name')).toEqual(['Alice', 'Bob', null]);
    await expect.poll(() => column('Visits')).toEqual([null, 1234, null]);
    expect(await cell(page, 1, fieldId('Visits')).textContent()).toBe('1,234.00');

    // Enter opens the editor with the cell's text; Esc leaves without saving.
    await cell(page, 0, table.primaryFieldId).click();
    await openEditor(page);
    await page.keyboard.type(' Smith');
    await page.keyboard.press('Escape');
    await page.getByTestId('cell-editor').waitFor({ state: 'detached' });
    await openEditor(page);
    await page.keyboard.type(' Li');
    await page.keyboard.press('Enter');
    await expect.poll(() => column('Name')).toEqual(['Alice Li', 'Bob', null]);

    // A select is picked from its list; a checkbox toggles with Space.
    await cell(page, 0, fieldId('Status')).click();
    await openEditor(page);
    await page.keyboard.type('Clos');
    await page.keyboard.press('Enter');
    await expect.poll(() => column('Status')).toEqual(['Closed', null, null]);
    // Clicking the box toggles it; on the cell's edge it only selects the cell, and Space toggles.
    await cell(page, 0, fieldId('Done')).locator('.ant-checkbox').click();
    await expect.poll(() => column('Done')).toEqual([true, null, null]);
    await cell(page, 1, fieldId('Done')).click({ position: { x: 6, y: 6 } });
    await page.keyboard.press(' ');
    await expect.poll(() => column('Done')).toEqual([true, true, null]);
    await screenshot(page, 'grid');
  });

  it('checks input with core before sending and shows the refusal at the cell', async () => {
    await cell(page, 2, fieldId('Visits')).click();
    await typeInCell(page, 'many');
    await page.keyboard.press('Enter');
    const error = page.getByTestId('cell-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Visits');
    expect(await error.textContent()).toContain('is not a number');
    await screenshot(page, 'grid-invalid-input');
    expect(await column('Visits')).toEqual([null, 1234, null]);
  });

  it('reverts a cell the server refuses and shows its message there', async () => {
    // The server knows something this page does not: the field was deleted meanwhile. (The
    // page hears no live updates here, which would tell it at once.)
    const extra = (await owner.request('POST', `/api/v1/bases/${baseId}/tables/${table.id}/fields`, { name: 'Notes', type: 'singleLineText' })).json() as { id: string };
    await page.routeWebSocket(/\/realtime$/, () => {});
    await page.reload();
    await cell(page, 0, extra.id).waitFor();
    await owner.request('DELETE', `/api/v1/bases/${baseId}/tables/${table.id}/fields/${extra.id}`);
    await cell(page, 0, extra.id).click();
    await typeInCell(page, 'lost');
    await page.keyboard.press('Enter');
    const error = page.getByTestId('cell-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/Notes|field/i);
    await expect.poll(() => cell(page, 0, extra.id).textContent()).toBe('');
    await page.reload();
    await cell(page, 0, table.primaryFieldId).waitFor();
  });

  it('clears with Delete and undoes and redoes own edits', async () => {
    await cell(page, 1, fieldId('Visits')).click();
    await page.keyboard.press('Delete');
    await expect.poll(() => column('Visits')).toEqual([null, null, null]);
    await page.keyboard.press('Control+z');
    await expect.poll(() => column('Visits')).toEqual([null, 1234, null]);
    await expect.poll(() => cell(page, 1, fieldId('Visits')).textContent()).toBe('1,234.00');
    await page.keyboard.press('Control+y');
    await expect.poll(() => column('Visits')).toEqual([null, null, null]);
    await page.keyboard.press('Control+z');
    await expect.poll(() => column('Visits')).toEqual([null, 1234, null]);
  });

  it('pastes a 3×3 block of TSV from the focused cell and undoes it as one action', async () => {
    await cell(page, 0, table.primaryFieldId).click();
    await pasteText(page, 'Carol\t7\tOpen\nDan\t8\tClosed\nEve\t9\tOpen\n');
    await expect.poll(() => column('Name')).toEqual(['Carol', 'Dan', 'Eve']);
    expect(await column('Visits')).toEqual([7, 8, 9]);
    expect(await column('Status')).toEqual(['Open', 'Closed', 'Open']);
    expect(await cell(page, 2, fieldId('Status')).textContent()).toBe('Open');
    await screenshot(page, 'grid-pasted');

    await page.keyboard.press('Control+z');
    await expect.poll(() => column('Name')).toEqual(['Alice Li', 'Bob', null]);
    expect(await column('Status')).toEqual(['Closed', null, null]);
    await page.keyboard.press('Control+y');
    await expect.poll(() => column('Name')).toEqual(['Carol', 'Dan', 'Eve']);
  });

  it('refuses a paste with a bad value whole, naming the cell', async () => {
    await cell(page, 0, fieldId('Visits')).click();
    await pasteText(page, '10\n11\nlots');
    await page.getByTestId('cell-error').waitFor();
    expect(await page.getByTestId('cell-error').textContent()).toContain('Visits');
    expect(await column('Visits')).toEqual([7, 8, 9]);
  });

  it('copies a range selected with Shift+arrows as TSV', async () => {
    await cell(page, 0, table.primaryFieldId).click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => page.locator('.mt-cell-in-range').count()).toBe(6);
    expect(await copiedText(page)).toBe('Carol\t7.00\tOpen\nDan\t8.00\tClosed');

    // Shift+click stretches the selection too.
    await cell(page, 1, fieldId('Visits')).click();
    await cell(page, 2, table.primaryFieldId).click({ modifiers: ['Shift'] });
    await expect.poll(() => page.locator('.mt-cell-in-range').count()).toBe(4);
    expect(await copiedText(page)).toBe('Dan\t8.00\nEve\t9.00');
  });

  it('expands a record into a side panel with every field and its history', async () => {
    await cell(page, 0, table.primaryFieldId).hover();
    await page.locator('.ag-row[row-index="0"]').getByTestId('expand-record').click();
    const panel = page.locator('.ant-drawer-section');
    await panel.getByTestId('record-field').first().waitFor();
    expect(await panel.locator('.ant-drawer-title').textContent()).toBe('Carol');
    // Each field with its editor: a text box's value, else what the field shows (a tag, a box).
    const shown = await panel.getByTestId('record-field').evaluateAll((rows) =>
      rows.map((row) => `${row.querySelector('dt')?.textContent?.trim()}: ${row.querySelector<HTMLInputElement>('input.ant-input')?.value ?? row.querySelector('dd')?.textContent}`),
    );
    expect(shown).toEqual(['Name: Carol', 'Visits: 7.00', 'Status: Open', 'Done: ']);
    await expect.poll(() => panel.getByTestId('history-entry').count()).toBeGreaterThanOrEqual(3);
    const history = await panel.getByTestId('history-entry').allTextContents();
    expect(history.some((entry) => entry.startsWith('Dr. Wang changed NameAlice Li→Carol'))).toBe(true);
    expect(history.at(-1)).toMatch(/^Dr\. Wang created the record/);
    await screenshot(page, 'record-panel');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
  });

  it('pastes past the last row as new records, refuses such a paste whole, and undoes it by deleting them', async () => {
    await page.reload();
    // Rows: Carol, Dan, Eve. From Eve's row, four pasted rows: one fills hers, three become records.
    await cell(page, 2, table.primaryFieldId).click();
    await pasteText(page, 'Eve Li\t10\nFrank\t11\nGrace\t12\nHeidi\t13');
    await expect.poll(() => column('Name')).toEqual(['Carol', 'Dan', 'Eve Li', 'Frank', 'Grace', 'Heidi']);
    expect(await column('Visits')).toEqual([7, 8, 10, 11, 12, 13]);
    await expect.poll(() => page.getByTestId('record-count').textContent()).toBe('6 records');
    await expect.poll(() => cell(page, 5, table.primaryFieldId).textContent()).toBe('Heidi');
    await screenshot(page, 'grid-pasted-new-rows');

    // A value core refuses in a would-be new row: nothing is written, not even the rows there.
    await cell(page, 4, fieldId('Visits')).click();
    await pasteText(page, '20\n21\nmany');
    await page.locator('.ant-message').filter({ hasText: 'Nothing was pasted' }).waitFor();
    expect(await page.locator('.ant-message').textContent()).toContain('Visits');
    expect((await records()).length).toBe(6);
    expect(await column('Visits')).toEqual([7, 8, 10, 11, 12, 13]);

    // Undo deletes the records the paste added and puts Eve's row back.
    await page.keyboard.press('Control+z');
    await expect.poll(() => column('Name')).toEqual(['Carol', 'Dan', 'Eve']);
    expect(await column('Visits')).toEqual([7, 8, 9]);
    await expect.poll(() => page.getByTestId('record-count').textContent()).toBe('3 records');
    await expect.poll(() => cell(page, 2, table.primaryFieldId).textContent()).toBe('Eve');
  });

  const frozen = (on: Page) => on.locator('.ag-header-row .ag-grid-pinned-left-cells .mt-field-header-name').allTextContents();
  const frozenCount = async () =>
    ((await owner.request('GET', `/api/v1/bases/${baseId}/tables`)).json() as { tables: Array<{ id: string; views: Array<{ config: { frozenColumnCount: number } }> }> }).tables
      .find((candidate) => candidate.id === table.id)!.views[0]!.config.frozenColumnCount;
  /** A field's id read afresh (for fields added after the table was first read). */
  const currentFieldId = async (name: string) => {
    const tables = (await owner.request('GET', `/api/v1/bases/${baseId}/tables`)).json() as { tables: ApiTable[] };
    return tables.tables.find((candidate) => candidate.id === table.id)!.fields.find((field) => field.name === name)!.id;
  };
  const openFieldMenu = async (on: Page, name: string) => {
    const header = on.locator('.ag-header-cell').filter({ hasText: name });
    await header.hover();
    await header.getByTestId('field-menu').click();
  };

  it('freezes columns up to a field from its header menu, kept in the view after a reload', async () => {
    // Enough fields that the grid scrolls sideways.
    for (const name of ['Address', 'Allergies', 'Insurance', 'Doctor', 'Ward', 'Diet']) {
      await owner.request('POST', `/api/v1/bases/${baseId}/tables/${table.id}/fields`, { name, type: 'singleLineText' });
    }
    await page.reload();
    await cell(page, 0, table.primaryFieldId).waitFor();
    // The primary field is frozen by default, as in Bitable.
    expect(await frozen(page)).toEqual(['Name']);

    await openFieldMenu(page, 'Status');
    await page.getByRole('menuitem', { name: 'Freeze up to this field' }).click();
    await expect.poll(() => frozen(page)).toEqual(['Name', 'Visits', 'Status']);
    await expect.poll(frozenCount).toBe(3);
    await page.reload();
    await cell(page, 0, table.primaryFieldId).waitFor();
    expect(await frozen(page)).toEqual(['Name', 'Visits', 'Status']);
    // Scrolled sideways to the last field, the frozen fields stay in place.
    const statusLeft = async () => (await cell(page, 0, fieldId('Status')).boundingBox())!.x;
    const before = await statusLeft();
    const diet = cell(page, 0, await currentFieldId('Diet'));
    await page.locator('.ag-body-horizontal-scroll-viewport').evaluate((element) => (element.scrollLeft = element.scrollWidth));
    await expect.poll(async () => ((await diet.boundingBox())?.x ?? Infinity) + 180).toBeLessThanOrEqual(1280);
    expect(await statusLeft()).toBe(before);
    await screenshot(page, 'grid-frozen');
  });

  it('offers freezing in Chinese too, and unfreezes', async () => {
    const zhPage = await web.newPage({ locale: 'zh-CN' });
    await signInThroughUi(zhPage, web, owner);
    await zhPage.goto(`${web.url}#/bases/${baseId}/tables/${table.id}`);
    await cell(zhPage, 0, table.primaryFieldId).waitFor();
    expect(await frozen(zhPage)).toEqual(['Name', 'Visits', 'Status']);
    await openFieldMenu(zhPage, 'Visits');
    await zhPage.getByRole('menuitem', { name: '取消冻结' }).waitFor();
    expect(await zhPage.getByRole('menuitem').allTextContents()).toEqual(['编辑字段', '升序排列', '降序排列', '按此字段筛选', '隐藏字段', '冻结至此字段', '取消冻结', '删除字段']);
    await screenshot(zhPage, 'grid-frozen-zh');
    await zhPage.getByRole('menuitem', { name: '取消冻结' }).click();
    await expect.poll(() => frozen(zhPage)).toEqual([]);
    await expect.poll(frozenCount).toBe(0);
    await zhPage.close();
  });
});
