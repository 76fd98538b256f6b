/**
 * A big table scrolls to its end: the grid asks the server how many records the view has before
 * the first rows arrive, so its scroll area is the whole table at once (AG Grid scales the area
 * down when a million rows would pass the browser's element height limit), and the last record
 * is one key press away. 20,000 records made through the API keep the test short.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SignedIn } from '../support/app';
import { cell, signInThroughUi } from './support/grid';
import { screenshot, startWebApp, type WebApp } from './support/web-app';

const recordCount = 20_000;
const batch = 1000;

describe('a table of 20,000 records', () => {
  let web: WebApp;
  let page: Page;
  let owner: SignedIn;
  let baseId: string;
  let table: { id: string; primaryFieldId: string };

  beforeAll(async () => {
    web = await startWebApp();
    owner = await web.server.signUpOwner();
    baseId = (await web.server.createBase(owner, 'Archive')).id;
    table = (await owner.request('POST', `/api/v1/bases/${baseId}/tables`, { name: 'Visits', fields: [{ name: 'Visit', type: 'singleLineText' }] })).json();
    for (let start = 0; start < recordCount; start += batch) {
      const records = Array.from({ length: batch }, (_, index) => ({ fields: { Visit: `Visit ${start + index + 1}` } }));
      const response = await owner.request('POST', `/api/v1/bases/${baseId}/tables/${table.id}/records`, { records });
      expect(response.statusCode).toBe(200);
    }
    page = await web.newPage();
    await signInThroughUi(page, web, owner);
  }, 120_000);
  afterAll(async () => {
    await web?.close();
  });

  it('knows the whole count at once and reaches the last record', async () => {
    await page.goto(`${web.url}#/bases/${baseId}/tables/${table.id}`);
    await cell(page, 0, table.primaryFieldId).waitFor();
    await expect.poll(() => page.getByTestId('record-count').textContent()).toBe('20,000 records');
    // The scroll area is as tall as every row, though only the first rows were read.
    const scrollHeight = await page.evaluate(() => Math.max(...[...document.querySelectorAll('.ag-root *')].map((element) => element.scrollHeight)));
    expect(scrollHeight).toBeGreaterThanOrEqual(recordCount * 36);

    await cell(page, 0, table.primaryFieldId).click();
    await page.keyboard.press('Control+ArrowDown');
    await expect.poll(() => cell(page, recordCount - 1, table.primaryFieldId).textContent()).toBe(`Visit ${recordCount}`);
    expect(await page.locator(`.ag-row[row-index="${recordCount - 1}"] .mt-row-number-value`).textContent()).toBe(String(recordCount));
    await screenshot(page, 'large-table-end');
  });
});
