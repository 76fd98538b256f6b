/**
 * A base's tables as tabs: opening one, renaming, moving it along the tab row, deleting it —
 * each checked against the API's list of tables (which keeps their order).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SignedIn } from '../support/app';
import { signInThroughUi } from './support/grid';
import { screenshot, startWebApp, type WebApp } from './support/web-app';

describe('table tabs', () => {
  let web: WebApp;
  let page: Page;
  let owner: SignedIn;
  let baseId: string;

  const tableNames = async () => {
    const response = await owner.request('GET', `/api/v1/bases/${baseId}/tables`);
    return (response.json() as { tables: Array<{ name: string }> }).tables.map((table) => table.name);
  };
  const tabNames = () => page.getByTestId('table-tab').allTextContents();
  const openTabMenu = async (name: string) => {
    await page.getByTestId('table-tab').filter({ hasText: name }).click();
    await page.getByTestId('table-tab').filter({ hasText: name }).getByTestId('table-tab-menu').click();
  };

  beforeAll(async () => {
    web = await startWebApp();
    owner = await web.server.signUpOwner();
    baseId = (await web.server.createBase(owner, 'Clinic')).id;
    for (const name of ['Patients', 'Visits', 'Doctors']) {
      await owner.request('POST', `/api/v1/bases/${baseId}/tables`, { name, fields: [{ name: 'Name', type: 'singleLineText' }] });
    }
    page = await web.newPage();
    await signInThroughUi(page, web, owner);
  });
  afterAll(async () => {
    await web?.close();
  });

  it('opens the first table of a base and switches between tabs', async () => {
    await page.goto(`${web.url}#/bases/${baseId}`);
    await page.locator('.mt-table-tab-active').filter({ hasText: 'Patients' }).waitFor();
    expect(await tabNames()).toEqual(['Patients', 'Visits', 'Doctors']);
    await page.getByTestId('table-tab').filter({ hasText: 'Visits' }).click();
    await page.locator('.mt-table-tab-active').filter({ hasText: 'Visits' }).waitFor();
    expect(page.url()).toMatch(/#\/bases\/bse_\w+\/tables\/tbl_\w+$/);
  });

  it('renames a table', async () => {
    await openTabMenu('Visits');
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    await page.getByTestId('name-input').fill('Appointments');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('table-tab').filter({ hasText: 'Appointments' }).waitFor();
    expect(await tableNames()).toEqual(['Patients', 'Appointments', 'Doctors']);
  });

  it('moves a table left and right', async () => {
    await openTabMenu('Doctors');
    await page.getByRole('menuitem', { name: 'Move left' }).click();
    await expect.poll(tabNames).toEqual(['Patients', 'Doctors', 'Appointments']);
    await openTabMenu('Patients');
    await page.getByRole('menuitem', { name: 'Move right' }).click();
    await expect.poll(tabNames).toEqual(['Doctors', 'Patients', 'Appointments']);
    expect(await tableNames()).toEqual(['Doctors', 'Patients', 'Appointments']);
    await screenshot(page, 'table-tabs');
  });

  it('deletes a table after confirmation and opens another', async () => {
    await openTabMenu('Patients');
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(tabNames).toEqual(['Doctors', 'Appointments']);
    expect(await tableNames()).toEqual(['Doctors', 'Appointments']);
    await page.locator('.mt-table-tab-active').filter({ hasText: 'Doctors' }).waitFor();
  });
});
