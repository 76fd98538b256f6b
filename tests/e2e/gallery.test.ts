/**
 * Gallery: a view of type gallery shows a card per record with the first image of the cover
 * field the view names, in the view's sort order; choosing the cover is saved in the view, and a
 * card opens its record. The "New record" card adds a record and opens it; a role that cannot
 * add records sees no such card. A card's record edited offline keeps the edit through a reload
 * and sends it when the view opens again.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SignedIn } from '../support/app';
import { multipartFile } from '../api/data-helpers';
import { signInThroughUi } from './support/grid';
import { solidPng } from './support/png';
import { screenshot, startWebApp, type WebApp } from './support/web-app';

describe('gallery', () => {
  let web: WebApp;
  let page: Page;
  let owner: SignedIn;
  let baseId: string;
  let table: { id: string; fields: Array<{ id: string; name: string }> };

  const fieldId = (name: string) => table.fields.find((field) => field.name === name)!.id;
  const viewsPath = () => `/api/v1/bases/${baseId}/tables/${table.id}/views`;
  const cardTitles = () => page.locator('[data-testid="record-card"] .mt-record-card-title').allTextContents();
  const upload = async (filename: string, bytes: Buffer) => {
    const response = await owner.request('POST', `/api/v1/bases/${baseId}/attachments`, multipartFile({ filename, contentType: 'image/png', bytes }), {
      'content-type': 'multipart/form-data; boundary=mtBoundary7731',
    });
    expect(response.statusCode).toBe(201);
    return (response.json() as { id: string }).id;
  };

  beforeAll(async () => {
    web = await startWebApp();
    owner = await web.server.signUpOwner({ name: 'Dr. Wang' });
    baseId = (await web.server.createBase(owner, 'Clinic')).id;
    table = (
      await owner.request('POST', `/api/v1/bases/${baseId}/tables`, {
        name: 'Scans',
        fields: [
          { name: 'Patient', type: 'singleLineText' },
          { name: 'Image', type: 'attachment' },
          { name: 'Ward', type: 'singleLineText' },
        ],
      })
    ).json();
    const xray = await upload('x-ray.png', solidPng(64, 40, [40, 90, 160]));
    const scan = await upload('scan.png', solidPng(64, 40, [200, 120, 40]));
    const records = [
      { Patient: 'Li Na', Image: [xray], Ward: 'East' },
      { Patient: 'Wang Fang', Image: [scan], Ward: 'West' },
      { Patient: 'Zhang Wei', Ward: 'East' },
    ];
    await owner.request('POST', `/api/v1/bases/${baseId}/tables/${table.id}/records`, { records: records.map((fields) => ({ fields })) });
    const created = (await owner.request('POST', viewsPath(), { name: 'Scans gallery', type: 'gallery', config: { sorts: [{ field: 'Patient', direction: 'desc' }] } })).json() as { id: string };
    page = await web.newPage();
    await signInThroughUi(page, web, owner);
    await page.goto(`${web.url}#/bases/${baseId}/tables/${table.id}/views/${created.id}`);
  });
  afterAll(async () => {
    await web?.close();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await screenshot(page, `failed-gallery-${context.task.name.slice(0, 30)}`);
  });

  it('shows a card per record in the view’s order, without covers until one is chosen', async () => {
    await expect.poll(cardTitles).toEqual(['Zhang Wei', 'Wang Fang', 'Li Na']);
    await expect.poll(() => page.getByTestId('record-count').textContent()).toBe('3 records');
    expect(await page.getByTestId('gallery-cover').count()).toBe(0);
  });

  it('shows the first image of the chosen cover field and saves the choice', async () => {
    await page.getByTestId('cover-field').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: 'Image' }).click();
    await expect.poll(() => page.getByTestId('gallery-cover').count()).toBe(2);
    // The images really load (the server sends them inline), not just their tags.
    await expect
      .poll(() => page.getByTestId('gallery-cover').evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth)))
      .toEqual([64, 64]);
    const views = (await owner.request('GET', viewsPath())).json() as { views: Array<{ type: string; config: { coverFieldId: string | null } }> };
    expect(views.views[1]).toMatchObject({ type: 'gallery', config: { coverFieldId: fieldId('Image') } });
    await screenshot(page, 'gallery');
  });

  it('opens a card’s record', async () => {
    await page.locator('[data-testid="record-card"]').filter({ hasText: 'Wang Fang' }).click();
    const panel = page.getByTestId('record-panel');
    await panel.waitFor();
    expect(await page.locator('.ant-drawer-title').textContent()).toBe('Wang Fang');
    await page.keyboard.press('Escape');
  });

  it('adds a record from the “New record” card and opens it', async () => {
    await page.getByTestId('gallery-add').click();
    await page.getByTestId('record-panel').waitFor();
    const records = (await owner.request('GET', `/api/v1/bases/${baseId}/tables/${table.id}/records`)).json() as { records: unknown[] };
    expect(records.records).toHaveLength(4);
    await expect.poll(() => page.getByTestId('record-count').textContent()).toBe('4 records');
    await expect.poll(cardTitles).toEqual(['Zhang Wei', 'Wang Fang', 'Li Na', '—']);
    await page.keyboard.press('Escape');
  });

  it('reads in Chinese, and shows no “New record” card to a role that cannot add', async () => {
    const viewer = await web.server.signUpUser(owner, { name: 'Viewer' });
    await web.server.addMember(owner, baseId, viewer.user.id, 'viewer');
    const other = await web.newPage({ locale: 'zh-CN' });
    await signInThroughUi(other, web, viewer);
    await other.goto(page.url());
    await other.getByTestId('gallery-cover').first().waitFor();
    expect(await other.getByTestId('record-card').count()).toBe(4);
    expect(await other.getByTestId('gallery-add').count()).toBe(0);
    await screenshot(page, 'gallery-new-record');
    const owners = await web.newPage({ locale: 'zh-CN' });
    await signInThroughUi(owners, web, owner);
    await owners.goto(page.url());
    await owners.getByTestId('gallery-add').waitFor();
    await screenshot(owners, 'gallery-zh');
  });

  it('keeps a record edited offline through a reload and sends it when the view opens again', async () => {
    const wardOf = async (patient: string) => {
      const records = (await owner.request('GET', `/api/v1/bases/${baseId}/tables/${table.id}/records`)).json() as { records: Array<{ fields: Record<string, unknown> }> };
      return records.records.find((record) => record.fields.Patient === patient)?.fields.Ward;
    };
    const waitingKeys = (on: Page) => on.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('multitable:waiting:')));
    const offline = await web.newPage();
    await signInThroughUi(offline, web, owner);
    await offline.goto(page.url());
    await offline.locator('[data-testid="record-card"]').filter({ hasText: 'Li Na' }).click();
    const ward = offline.locator(`[data-testid="record-field"][data-field-id="${fieldId('Ward')}"]`).getByTestId('field-editor');
    await ward.waitFor();
    const context = offline.context();
    await context.setOffline(true);
    await offline.getByTestId('connection-banner').waitFor();
    await ward.fill('North');
    await ward.press('Tab');
    await expect.poll(() => waitingKeys(offline)).toHaveLength(1);

    // The page goes away while offline; the next one of the same person sends the edit.
    await offline.close();
    expect(await wardOf('Li Na')).toBe('East');
    await context.setOffline(false);
    const reopened = await context.newPage();
    await reopened.goto(page.url());
    await expect.poll(() => wardOf('Li Na')).toBe('North');
    await expect.poll(() => waitingKeys(reopened)).toEqual([]);
    await reopened.close();
  });
});
