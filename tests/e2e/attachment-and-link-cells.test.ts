/**
 * Cells that point at other things: an attachment cell uploads an image through its editor and
 * shows the image's thumbnail, then removes it; a link cell's record picker searches the linked
 * table, links records and unlinks them, and the cell shows the linked records' titles.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SignedIn } from '../support/app';
import { cell, openEditor, signInThroughUi } from './support/grid';
import { solidPng } from './support/png';
import { screenshot, startWebApp, type WebApp } from './support/web-app';

describe('attachment and link cells', () => {
  let web: WebApp;
  let owner: SignedIn;
  let page: Page;
  let baseId: string;
  let table: { id: string; primaryFieldId: string; fields: Array<{ id: string; name: string }> };

  const fieldId = (name: string) => table.fields.find((field) => field.name === name)!.id;
  const recordsPath = (tableId: string) => `/api/v1/bases/${baseId}/tables/${tableId}/records`;
  const firstRecord = async () => ((await owner.request('GET', `${recordsPath(table.id)}?returnFieldsByFieldId=true`)).json() as { records: Array<{ fields: Record<string, unknown> }> }).records[0]!.fields;

  beforeAll(async () => {
    web = await startWebApp();
    owner = await web.server.signUpOwner({ name: 'Dr. Wang' });
    baseId = (await web.server.createBase(owner, 'Clinic')).id;
    table = (
      await owner.request('POST', `/api/v1/bases/${baseId}/tables`, {
        name: 'Visits',
        fields: [
          { name: 'Patient', type: 'singleLineText' },
          { name: 'Scans', type: 'attachment' },
        ],
      })
    ).json();
    await owner.request('POST', recordsPath(table.id), { fields: { Patient: 'Li Na' } });
    const doctors = (await owner.request('POST', `/api/v1/bases/${baseId}/tables`, { name: 'Doctors', fields: [{ name: 'Name', type: 'singleLineText' }] })).json() as { id: string };
    await owner.request('POST', recordsPath(doctors.id), { records: ['Dr. Li', 'Dr. Chen', 'Dr. Zhou'].map((Name) => ({ fields: { Name } })) });
    const link = (await owner.request('POST', `/api/v1/bases/${baseId}/tables/${table.id}/fields`, { name: 'Doctor', type: 'link', options: { linkedTableId: doctors.id } })).json() as { id: string; name: string };
    table.fields.push(link);
    page = await web.newPage();
    await signInThroughUi(page, web, owner);
    await page.goto(`${web.url}#/bases/${baseId}/tables/${table.id}`);
    await cell(page, 0, table.primaryFieldId).waitFor();
  });
  afterAll(async () => {
    await web?.close();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await screenshot(page, `failed-rich-cells-${context.task.name.slice(0, 24)}`);
  });

  it('uploads an image into an attachment cell and shows its thumbnail', async () => {
    await cell(page, 0, fieldId('Scans')).click();
    await openEditor(page);
    await page.getByTestId('attachment-input').setInputFiles({ name: 'x-ray.png', mimeType: 'image/png', buffer: solidPng(40, 40, [30, 120, 220]) });
    await page.getByTestId('attachment-item').waitFor();
    await page.keyboard.press('Tab');

    await expect.poll(async () => ((await firstRecord())[fieldId('Scans')] as Array<{ name: string; mimeType: string }> | undefined)?.map((file) => [file.name, file.mimeType])).toEqual([
      ['x-ray.png', 'image/png'],
    ]);
    const thumbnail = cell(page, 0, fieldId('Scans')).getByTestId('attachment-thumb');
    await expect.poll(() => thumbnail.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(40);
    await screenshot(page, 'cell-attachment');

    await cell(page, 0, fieldId('Scans')).click();
    await openEditor(page);
    await page.getByTestId('attachment-remove').click();
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await firstRecord())[fieldId('Scans')] ?? null).toBeNull();
    expect(await cell(page, 0, fieldId('Scans')).getByTestId('attachment-thumb').count()).toBe(0);
  });

  it('links records picked by searching the linked table and shows their titles', async () => {
    const linkedTitles = async () => ((await firstRecord())[fieldId('Doctor')] as Array<{ title: string }> | undefined)?.map((record) => record.title) ?? [];
    await cell(page, 0, fieldId('Doctor')).click();
    await openEditor(page);
    await page.getByTestId('link-search').fill('Ch');
    await expect.poll(() => page.getByTestId('link-option').allTextContents()).toEqual([' Dr. Chen']);
    await page.getByTestId('link-option').click();
    await page.getByTestId('link-search').fill('Li');
    await page.getByTestId('link-option').filter({ hasText: 'Dr. Li' }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('link-chosen').allTextContents()).toEqual(['Dr. Chen', 'Dr. Li']);
    await screenshot(page, 'cell-link-picker');
    await page.keyboard.press('Tab');

    await expect.poll(linkedTitles).toEqual(['Dr. Chen', 'Dr. Li']);
    expect(await cell(page, 0, fieldId('Doctor')).getByTestId('link-chip').allTextContents()).toEqual(['Dr. Chen', 'Dr. Li']);
    await screenshot(page, 'cell-link');

    await cell(page, 0, fieldId('Doctor')).click();
    await openEditor(page);
    await page.getByTestId('link-chosen').filter({ hasText: 'Dr. Chen' }).locator('.ant-tag-close-icon').click();
    await page.keyboard.press('Tab');
    await expect.poll(linkedTitles).toEqual(['Dr. Li']);
  });
});
