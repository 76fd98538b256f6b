/**
 * Live collaboration, two people in two browsers: each sees the other among the table's viewers,
 * edits made by one show in the other's grid and record panel without a reload, records added or
 * deleted elsewhere change the other's rows and count, and a browser that goes offline says so,
 * keeps the edits made meanwhile — through a reload too — and sends them when it is back online.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SignedIn } from '../support/app';
import { cell, columnTexts, openEditor, signInThroughUi, typeInCell } from './support/grid';
import { screenshotOnFailure, twoPeople } from './support/two-people';
import { screenshot, startWebApp, type WebApp } from './support/web-app';

describe('realtime', () => {
  let web: WebApp;
  let owner: SignedIn;
  let editor: SignedIn;
  let ownerPage: Page;
  let editorPage: Page;
  let baseId: string;
  let table: { id: string; primaryFieldId: string; fields: Array<{ id: string; name: string }> };

  const fieldId = (name: string) => table.fields.find((field) => field.name === name)!.id;
  const recordsPath = () => `/api/v1/bases/${baseId}/tables/${table.id}/records`;
  const storedNotes = async () =>
    ((await owner.request('GET', `${recordsPath()}?returnFieldsByFieldId=true`)).json() as { records: Array<{ fields: Record<string, unknown> }> }).records.map(
      (record) => record.fields[fieldId('Notes')] ?? null,
    );
  const setEditorRole = async (role: 'editor' | 'viewer') =>
    expect((await owner.request('PATCH', `/api/v1/bases/${baseId}/members/${editor.user.id}`, { role })).statusCode).toBe(200);
  const openTable = async (page: Page) => {
    await page.goto(`${web.url}#/bases/${baseId}/tables/${table.id}`);
    await cell(page, 0, table.primaryFieldId).waitFor();
  };

  beforeAll(async () => {
    web = await startWebApp();
    ({ owner, editor, baseId, ownerPage, editorPage } = await twoPeople(web));
    table = (
      await owner.request('POST', `/api/v1/bases/${baseId}/tables`, {
        name: 'Visits',
        fields: [
          { name: 'Patient', type: 'singleLineText' },
          { name: 'Notes', type: 'singleLineText' },
        ],
      })
    ).json();
    await owner.request('POST', recordsPath(), { records: ['Li Na', 'Wang Fang', 'Zhang Wei'].map((Patient) => ({ fields: { Patient } })) });
    await openTable(ownerPage);
    await openTable(editorPage);
  });
  afterAll(async () => {
    await web?.close();
  });
  afterEach(async (context) => {
    await screenshotOnFailure(context, 'realtime', { owner: ownerPage, editor: editorPage });
  });

  it('shows who else is viewing the table', async () => {
    await ownerPage.getByTestId('presence-avatar').filter({ hasText: 'N' }).waitFor();
    await editorPage.getByTestId('presence-avatar').filter({ hasText: 'D' }).waitFor();
    expect(await ownerPage.getByTestId('presence-avatar').count()).toBe(1);
  });

  it("shows one person's cell edits in the other's grid and record panel", async () => {
    await ownerPage.locator(`.ag-row[row-index="0"] [data-testid="expand-record"]`).click({ force: true });
    await ownerPage.getByTestId('record-panel').waitFor();

    await cell(editorPage, 0, fieldId('Notes')).click();
    await typeInCell(editorPage, 'Allergic to penicillin');
    await editorPage.keyboard.press('Enter');
    await expect.poll(() => cell(ownerPage, 0, fieldId('Notes')).textContent()).toBe('Allergic to penicillin');
    await expect.poll(() => ownerPage.getByTestId('record-panel').getByTestId('record-field').filter({ hasText: 'Notes' }).locator('input').inputValue()).toBe('Allergic to penicillin');
    await screenshot(ownerPage, 'realtime-panel');
    await ownerPage.keyboard.press('Escape');
  });

  it('adds and removes rows that others created or deleted', async () => {
    const created = (await owner.request('POST', recordsPath(), { fields: { Patient: 'Chen Jie' } })).json() as { id: string };
    await expect.poll(() => columnTexts(editorPage, table.primaryFieldId)).toEqual(['Li Na', 'Wang Fang', 'Zhang Wei', 'Chen Jie']);
    await expect.poll(() => editorPage.getByTestId('record-count').textContent()).toBe('4 records');
    await owner.request('DELETE', `${recordsPath()}?records[]=${created.id}`);
    await expect.poll(() => columnTexts(editorPage, table.primaryFieldId)).toEqual(['Li Na', 'Wang Fang', 'Zhang Wei']);
    await expect.poll(() => editorPage.getByTestId('record-count').textContent()).toBe('3 records');
  });

  it('keeps edits made offline and sends them when the connection is back', async () => {
    const context = editorPage.context();
    await context.setOffline(true);
    await editorPage.getByTestId('connection-banner').waitFor();
    await cell(editorPage, 1, fieldId('Notes')).click();
    await typeInCell(editorPage, 'Fasting');
    await editorPage.keyboard.press('Enter');
    await expect.poll(() => editorPage.getByTestId('edits-waiting').textContent()).toBe('1 change waiting to be sent');
    expect(await cell(editorPage, 1, fieldId('Notes')).textContent()).toBe('Fasting');
    await screenshot(editorPage, 'realtime-offline');
    expect((await storedNotes())[1]).toBeNull();

    await context.setOffline(false);
    await editorPage.getByTestId('connection-banner').waitFor({ state: 'detached' });
    await expect.poll(async () => (await storedNotes())[1]).toBe('Fasting');
    await editorPage.getByTestId('edits-waiting').waitFor({ state: 'detached' });
    await expect.poll(() => cell(ownerPage, 1, fieldId('Notes')).textContent()).toBe('Fasting');
  });

  it('keeps edits made offline through a reload of the page and sends them when it opens again', async () => {
    // A Chinese-speaking editor this time, in a profile of their own: the banner speaks Chinese.
    const page = await web.newPage({ locale: 'zh-CN' });
    await signInThroughUi(page, web, editor);
    await openTable(page);
    const context = page.context();
    await context.setOffline(true);
    await page.getByTestId('connection-banner').waitFor();
    // Chinese comes from an input method, not key presses: open the editor first.
    for (const [row, text] of [[0, '空腹'], [2, '复诊']] as const) {
      await cell(page, row, fieldId('Notes')).click();
      await openEditor(page);
      await page.keyboard.press('Control+a');
      await page.keyboard.insertText(text);
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.getByTestId('edits-waiting').textContent()).toBe('2 处修改等待提交');
    await screenshot(page, 'realtime-offline-zh');

    // The page goes away while offline (a closed tab, a restarted browser); the next one sends.
    await page.close();
    expect((await storedNotes())[0]).toBe('Allergic to penicillin');
    await context.setOffline(false);
    const reopened = await context.newPage();
    await openTable(reopened);
    await expect.poll(async () => (await storedNotes()).filter((note, index) => index !== 1)).toEqual(['空腹', '复诊']);
    await expect.poll(() => cell(reopened, 0, fieldId('Notes')).textContent()).toBe('空腹');
    expect(await reopened.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('multitable:waiting:')))).toEqual([]);
    await expect.poll(() => cell(ownerPage, 2, fieldId('Notes')).textContent()).toBe('复诊');
    await reopened.close();
  });

  it('reverts a waiting edit the server refuses when it is sent, and says why at the cell', async () => {
    const page = await web.newPage();
    await signInThroughUi(page, web, editor);
    await openTable(page);
    const context = page.context();
    await context.setOffline(true);
    await page.getByTestId('connection-banner').waitFor();
    await cell(page, 1, fieldId('Notes')).click();
    await typeInCell(page, 'Nil by mouth');
    await page.keyboard.press('Enter');
    await page.getByTestId('edits-waiting').waitFor();
    await page.close();

    // Meanwhile the editor became a viewer: the edit is refused when it arrives.
    await setEditorRole('viewer');
    await context.setOffline(false);
    const reopened = await context.newPage();
    await openTable(reopened);
    await reopened.locator('.ant-message').filter({ hasText: 'A change made while offline was not saved' }).waitFor();
    await screenshot(reopened, 'realtime-replay-refused');
    await expect.poll(() => cell(reopened, 1, fieldId('Notes')).textContent()).toBe('Fasting');
    expect((await storedNotes())[1]).toBe('Fasting');
    expect(await reopened.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('multitable:waiting:')))).toEqual([]);
    await reopened.close();
    await setEditorRole('editor');
  });
});
