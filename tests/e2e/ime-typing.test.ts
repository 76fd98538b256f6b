/**
 * Typing Chinese with an input method (pinyin) in the grid, driven through Chrome's own IME
 * commands (CDP Input.imeSetComposition / insertText): on a selected cell the composition opens
 * the editor with exactly the composed text, as in Bitable or Excel; inside an open editor the
 * Enter that confirms a composition does not end the edit. Values are read back through the API.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import type { SignedIn } from '../support/app';
import { cell, openEditor, signInThroughUi } from './support/grid';
import { screenshotOnFailure } from './support/two-people';
import { screenshot, startWebApp, type WebApp } from './support/web-app';

describe('typing with an input method', () => {
  let web: WebApp;
  let page: Page;
  let ime: CDPSession;
  let owner: SignedIn;
  let baseId: string;
  let table: { id: string; primaryFieldId: string; fields: Array<{ id: string; name: string }> };
  let recordIds: string[];

  const fieldId = (name: string) => table.fields.find((field) => field.name === name)!.id;
  const stored = async (row: number, name: string) => {
    const response = await owner.request('GET', `/api/v1/bases/${baseId}/tables/${table.id}/records/${recordIds[row]}?returnFieldsByFieldId=true`);
    return (response.json() as { fields: Record<string, unknown> }).fields[fieldId(name)] ?? null;
  };
  /** The key press an input method reports while it composes (Chrome: key 'Process', keyCode 229). */
  const processKey = async (key = 'Process', code = 'KeyN') => {
    await ime.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key, code, windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
    await ime.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
  };
  const compose = async (text: string) => {
    await processKey();
    await ime.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  };
  const editorValue = () => page.evaluate(() => (document.querySelector('[data-testid="cell-editor"]') as HTMLInputElement | null)?.value ?? null);
  const select = async (row: number, name: string) => {
    await cell(page, row, fieldId(name)).click();
    await page.waitForFunction(() => document.activeElement?.classList.contains('ag-cell') === true);
  };

  beforeAll(async () => {
    web = await startWebApp();
    owner = await web.server.signUpOwner({ name: 'Dr. Wang' });
    baseId = (await web.server.createBase(owner, 'Clinic', 'Asia/Shanghai')).id;
    table = (
      await owner.request('POST', `/api/v1/bases/${baseId}/tables`, {
        name: 'Patients',
        fields: [
          { name: 'Name', type: 'singleLineText' },
          { name: 'Notes', type: 'longText' },
          { name: 'Status', type: 'singleSelect', options: { choices: [{ name: '候诊' }, { name: '已诊' }] } },
        ],
      })
    ).json();
    const created = (await owner.request('POST', `/api/v1/bases/${baseId}/tables/${table.id}/records`, { records: [{ fields: { Name: 'Li' } }, { fields: { Name: 'Zhou' } }] })).json() as { records: Array<{ id: string }> };
    recordIds = created.records.map((record) => record.id);
    page = await web.newPage({ locale: 'zh-CN' });
    ime = await page.context().newCDPSession(page);
    await signInThroughUi(page, web, owner);
    await page.goto(`${web.url}#/bases/${baseId}/tables/${table.id}`);
    await cell(page, 1, table.primaryFieldId).waitFor();
  });
  afterAll(async () => {
    await web?.close();
  });
  afterEach(async (context) => {
    await screenshotOnFailure(context, 'ime', { page });
  });

  it('opens the editor of a selected cell with the composed text', async () => {
    await select(0, 'Name');
    await compose('ni');
    await compose('nih');
    // The composition shows over the cell while it is typed.
    const catcher = page.getByTestId('ime-catcher');
    expect(await catcher.evaluate((element) => element.classList.contains('mt-ime-catcher-active'))).toBe(true);
    await screenshot(page, 'ime-composing-zh');
    await ime.send('Input.insertText', { text: '你好' });
    await expect.poll(editorValue).toBe('你好');
    await screenshot(page, 'ime-editor-zh');
    await page.keyboard.press('Enter');
    await expect.poll(() => stored(0, 'Name')).toBe('你好');
    // Enter moved down, as after any edit; nothing else was written.
    expect(await stored(1, 'Name')).toBe('Zhou');
  });

  it('hands the composed text to a long-text editor and an option search', async () => {
    await select(1, 'Notes');
    await compose('bing');
    await ime.send('Input.insertText', { text: '病历' });
    await expect.poll(() => page.evaluate(() => (document.querySelector('textarea[data-testid="cell-editor"]') as HTMLTextAreaElement | null)?.value ?? null)).toBe('病历');
    await page.keyboard.press('Enter');
    await expect.poll(() => stored(1, 'Notes')).toBe('病历');

    await select(1, 'Status');
    await compose('yi');
    await ime.send('Input.insertText', { text: '已' });
    const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await expect.poll(() => options.allTextContents()).toEqual(['已诊', '已']);
    await page.keyboard.press('Enter');
    await expect.poll(() => stored(1, 'Status')).toBe('已诊');
  });

  it('keeps the edit open on the Enter that confirms a composition', async () => {
    await select(1, 'Name');
    await openEditor(page);
    await page.keyboard.press('End');
    await ime.send('Input.imeSetComposition', { text: 'xiansheng', selectionStart: 9, selectionEnd: 9 });
    // The input method's Enter (keyCode 229 while composing) picks the characters, nothing more.
    await processKey('Enter', 'Enter');
    await ime.send('Input.insertText', { text: '先生' });
    await expect.poll(editorValue).toBe('Zhou先生');
    expect(await stored(1, 'Name')).toBe('Zhou');
    // A plain Enter then saves.
    await page.keyboard.press('Enter');
    await expect.poll(() => stored(1, 'Name')).toBe('Zhou先生');
  });

  it('cancels a composition without touching the cell', async () => {
    await select(0, 'Name');
    await compose('w');
    await ime.send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 });
    await page.waitForFunction(() => document.activeElement?.classList.contains('ag-cell') === true);
    expect(await page.getByTestId('cell-editor').count()).toBe(0);
    expect(await stored(0, 'Name')).toBe('你好');
  });
});
