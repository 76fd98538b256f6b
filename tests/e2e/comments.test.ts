/**
 * Comments in the record panel, two people in two browsers: one writes a comment mentioning the
 * other (chosen from the base's members after "@"), the other sees it arrive in their open panel
 * with the mention as a name chip; authors edit and delete their own comments only.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SignedIn } from '../support/app';
import { cell } from './support/grid';
import { screenshotOnFailure, twoPeople } from './support/two-people';
import { screenshot, startWebApp, type WebApp } from './support/web-app';

describe('record comments', () => {
  let web: WebApp;
  let owner: SignedIn;
  let editor: SignedIn;
  let ownerPage: Page;
  let editorPage: Page;
  let baseId: string;
  let table: { id: string; primaryFieldId: string };

  const recordsPath = () => `/api/v1/bases/${baseId}/tables/${table.id}/records`;
  const openPanel = async (page: Page) => {
    await page.goto(`${web.url}#/bases/${baseId}/tables/${table.id}`);
    await cell(page, 0, table.primaryFieldId).waitFor();
    await page.locator(`.ag-row[row-index="0"] [data-testid="expand-record"]`).click({ force: true });
    await page.getByTestId('record-comments').waitFor();
  };
  const comments = (page: Page) => page.getByTestId('record-comments').getByTestId('comment');
  const commentBox = (page: Page) => page.getByTestId('record-comments').locator('textarea').last();

  beforeAll(async () => {
    web = await startWebApp();
    ({ owner, editor, baseId, ownerPage, editorPage } = await twoPeople(web));
    table = (await owner.request('POST', `/api/v1/bases/${baseId}/tables`, { name: 'Visits', fields: [{ name: 'Patient', type: 'singleLineText' }] })).json();
    await owner.request('POST', recordsPath(), { fields: { Patient: 'Li Na' } });
    await openPanel(ownerPage);
    await openPanel(editorPage);
  });
  afterAll(async () => {
    await web?.close();
  });
  afterEach(async (context) => {
    await screenshotOnFailure(context, 'comments', { owner: ownerPage, editor: editorPage });
  });

  it("shows a comment with a mention live in the other person's open panel", async () => {
    await commentBox(ownerPage).click();
    await ownerPage.keyboard.type('Please check with @Zh');
    await ownerPage.locator('.ant-mentions-dropdown-menu-item', { hasText: 'Nurse Zhao' }).click();
    await ownerPage.keyboard.type('today');
    await ownerPage.keyboard.press('Control+Enter');

    await expect.poll(() => comments(editorPage).count()).toBe(1);
    expect(await comments(editorPage).getByTestId('comment-text').textContent()).toBe('Please check with @Nurse Zhao today');
    expect(await comments(editorPage).getByTestId('mention').textContent()).toBe('@Nurse Zhao');
    const stored = (await owner.request('GET', `${recordsPath()}`)).json() as { records: Array<{ id: string }> };
    const listed = (await editor.request('GET', `${recordsPath()}/${stored.records[0]!.id}/comments`)).json() as { comments: Array<{ text: string; mentions: Array<{ name: string }> }> };
    expect(listed.comments.map((comment) => [comment.text, comment.mentions.map((person) => person.name)])).toEqual([[`Please check with @[${editor.user.id}] today`, ['Nurse Zhao']]]);
    // Only the author may change it.
    expect(await comments(editorPage).getByTestId('comment-edit').count()).toBe(0);
    await screenshot(editorPage, 'comments-live-mention');
  });

  it('lets the author edit and delete their comment', async () => {
    await comments(ownerPage).getByTestId('comment-edit').click();
    const editBox = comments(ownerPage).locator('textarea');
    await editBox.fill('Checked with the lab');
    await comments(ownerPage).getByTestId('comment-submit').click();
    await expect.poll(() => comments(ownerPage).getByTestId('comment-text').textContent()).toBe('Checked with the lab');
    await screenshot(ownerPage, 'comments-edited');

    await comments(ownerPage).getByTestId('comment-delete').click();
    await ownerPage.locator('.ant-popconfirm').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => comments(ownerPage).count()).toBe(0);
  });
});
