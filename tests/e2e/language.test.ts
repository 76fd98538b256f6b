/**
 * Chinese and English: the app starts in the browser's language, switches from the header, keeps
 * the choice, and the switch reaches antd's components, AG Grid's own texts, and dates and
 * numbers formatted for the locale.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedIn } from '../support/app';
import { cell, openEditor, signInThroughUi } from './support/grid';
import { screenshot, startWebApp, type WebApp } from './support/web-app';

describe('language', () => {
  let web: WebApp;
  let owner: SignedIn;
  let baseId: string;
  let tableId: string;
  let emptyTableId: string;

  beforeAll(async () => {
    web = await startWebApp();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('greets a Chinese browser in Chinese before anyone signs in', async () => {
    const page = await web.newPage({ locale: 'zh-CN' });
    await page.goto(web.url);
    await page.getByTestId('setup-form').waitFor();
    expect(await page.getByRole('heading').textContent()).toBe('欢迎使用多维表格');
    expect(await page.getByRole('button', { name: '创建所有者账号' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await screenshot(page, 'setup-zh');
  });

  it('switches an English page to Chinese, grid and all, and keeps the choice', async () => {
    owner = await web.server.signUpOwner({ name: '王医生' });
    baseId = (await web.server.createBase(owner, '门诊', 'Asia/Shanghai')).id;
    const created = await owner.request('POST', `/api/v1/bases/${baseId}/tables`, {
      name: '患者',
      fields: [
        { name: '姓名', type: 'singleLineText' },
        { name: '就诊次数', type: 'number', options: { precision: 0 } },
        { name: '状态', type: 'singleSelect', options: { choices: [{ name: '待处理' }, { name: '已完成' }] } },
        { name: '就诊日期', type: 'date' },
        { name: '满意度', type: 'rating' },
      ],
    });
    const table = created.json() as { id: string; primaryFieldId: string; fields: Array<{ id: string; name: string }> };
    tableId = table.id;
    await owner.request('POST', `/api/v1/bases/${baseId}/tables/${tableId}/records`, {
      records: [
        { fields: { 姓名: '张三', 就诊次数: 12345, 状态: '待处理', 就诊日期: '2030-01-05', 满意度: 4 } },
        { fields: { 姓名: '李四', 就诊次数: 2, 状态: '已完成', 就诊日期: '2030-02-11', 满意度: 5 } },
      ],
    });
    emptyTableId = (await owner.request('POST', `/api/v1/bases/${baseId}/tables`, { name: '空表' })).json().id;

    const page = await web.newPage({ locale: 'en-US' });
    await signInThroughUi(page, web, owner);
    await page.goto(`${web.url}#/bases/${baseId}/tables/${tableId}`);
    await cell(page, 0, table.primaryFieldId).waitFor();
    expect(await page.getByTestId('add-record').textContent()).toBe('Add record');

    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.getByTestId('add-record').filter({ hasText: '添加记录' }).waitFor();
    expect(await page.getByTestId('add-field').textContent()).toBe('添加字段');
    expect(await page.getByTestId('record-count').textContent()).toBe('2 条记录');
    expect(await page.getByTestId('table-tab').allTextContents()).toEqual(['患者', '空表']);
    await cell(page, 0, table.primaryFieldId).waitFor();
    const visits = table.fields.find((field) => field.name === '就诊次数')!.id;
    expect(await cell(page, 0, visits).textContent()).toBe('12,345');

    // antd's date picker speaks Chinese too.
    const seen = table.fields.find((field) => field.name === '就诊日期')!.id;
    await cell(page, 0, seen).click();
    await openEditor(page);
    await page.locator('.ant-picker-dropdown').waitFor();
    expect(await page.locator('.ant-picker-dropdown .ant-picker-header-view').textContent()).toMatch(/2030年\s*1月/);
    await screenshot(page, 'grid-zh-date-picker');
    await page.keyboard.press('Escape');
    await page.getByTestId('cell-editor').waitFor({ state: 'detached' });
    await screenshot(page, 'grid-zh');

    // AG Grid's own texts: the empty table's overlay.
    await page.getByTestId('table-tab').filter({ hasText: '空表' }).click();
    await page.getByText('无显示行').waitFor();

    // A table made in Chinese gets its first field and view named in Chinese.
    await page.getByTestId('add-table').click();
    await page.getByTestId('name-input').fill('随访');
    await page.getByTestId('name-input').press('Enter');
    await page.locator('.mt-table-tab-active').filter({ hasText: '随访' }).waitFor();
    expect(await page.getByTestId('view-tab').allTextContents()).toEqual(['表格视图']);
    await page.getByText('名称', { exact: true }).first().waitFor();

    // The choice outlives a reload, and dates on the home page follow it.
    await page.goto(web.url);
    await page.getByRole('heading', { name: '多维表格' }).waitFor();
    expect(await page.getByTestId('base-card').textContent()).toContain('创建于 2030年1月1日');
    await screenshot(page, 'home-zh');

    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Bases' }).waitFor();
  });
});
