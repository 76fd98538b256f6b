/**
 * Each common field type edits with its own editor from the cell-type registry: a calendar for
 * dates (times in the base's zone, not the browser's), a tag list for multiple selects, a people picker with avatars, digits for ratings,
 * a text area for long text. Values are read back through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SignedIn } from '../support/app';
import { cell, openEditor, signInThroughUi } from './support/grid';
import { screenshot, startWebApp, type WebApp } from './support/web-app';

describe('field editors', () => {
  let web: WebApp;
  let page: Page;
  let owner: SignedIn;
  let baseId: string;
  let table: { id: string; primaryFieldId: string; fields: Array<{ id: string; name: string }> };
  let nurse: { id: string; name: string };

  const fieldId = (name: string) => table.fields.find((field) => field.name === name)!.id;
  const firstRecord = async () => {
    const response = await owner.request('GET', `/api/v1/bases/${baseId}/tables/${table.id}/records?returnFieldsByFieldId=true`);
    return (response.json() as { records: Array<{ fields: Record<string, unknown> }> }).records[0]!.fields;
  };
  const valueOf = async (name: string) => (await firstRecord())[fieldId(name)] ?? null;

  beforeAll(async () => {
    web = await startWebApp();
    owner = await web.server.signUpOwner({ name: 'Dr. Wang' });
    const created = await web.server.createUser(owner, { name: 'Nurse Zhao', email: 'zhao@clinic.test' });
    nurse = { id: created.id, name: created.name };
    baseId = (await web.server.createBase(owner, 'Clinic', 'Asia/Shanghai')).id;
    table = (
      await owner.request('POST', `/api/v1/bases/${baseId}/tables`, {
        name: 'Patients',
        fields: [
          { name: 'Name', type: 'singleLineText' },
          { name: 'Seen on', type: 'date' },
          { name: 'Appointment', type: 'date', options: { includeTime: true } },
          { name: 'Conditions', type: 'multipleSelect', options: { choices: [{ name: 'Allergy' }, { name: 'Diabetes', color: 'orangeDark' }, { name: 'Asthma' }] } },
          { name: 'Nurse', type: 'person' },
          { name: 'Score', type: 'rating' },
          { name: 'Notes', type: 'longText' },
        ],
      })
    ).json();
    await owner.request('POST', `/api/v1/bases/${baseId}/tables/${table.id}/records`, { records: [{ fields: { Name: 'Alice' } }] });
    // The browser is in New York; the base's times are Shanghai's.
    page = await web.newPage({ timezoneId: 'America/New_York' });
    await signInThroughUi(page, web, owner);
    await page.goto(`${web.url}#/bases/${baseId}/tables/${table.id}`);
    await cell(page, 0, table.primaryFieldId).waitFor();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('picks a date from the calendar', async () => {
    await cell(page, 0, fieldId('Seen on')).click();
    await openEditor(page);
    await page.locator('.ant-picker-dropdown .ant-picker-cell-today').waitFor();
    await screenshot(page, 'editor-date');
    await page.locator('.ant-picker-dropdown .ant-picker-cell-in-view').filter({ hasText: /^15$/ }).click();
    await expect.poll(() => valueOf('Seen on')).toMatch(/^\d{4}-\d{2}-15$/);
  });

  it("offers the base zone's today, not the browser's (in Chinese)", async () => {
    const zhPage = await web.newPage({ locale: 'zh-CN', timezoneId: 'America/New_York' });
    await signInThroughUi(zhPage, web, owner);
    // 15:00 on March 5th in New York is already March 6th in Shanghai.
    await zhPage.clock.setFixedTime(new Date('2026-03-05T20:00:00.000Z'));
    await zhPage.goto(`${web.url}#/bases/${baseId}/tables/${table.id}`);
    await cell(zhPage, 0, fieldId('Seen on')).click();
    await openEditor(zhPage);
    const today = zhPage.getByTestId('date-today');
    expect(await today.textContent()).toBe('今天');
    await screenshot(zhPage, 'editor-date-today-zh');
    await today.click();
    await expect.poll(() => valueOf('Seen on')).toBe('2026-03-06');
    await zhPage.close();
  });

  it('edits a date with time in the base time zone, not the browser one', async () => {
    await cell(page, 0, fieldId('Appointment')).click();
    await openEditor(page);
    await page.keyboard.type('2026-03-05 09:00');
    await page.keyboard.press('Enter');
    // 09:00 in Shanghai (UTC+8) is 01:00Z; read in New York it would have been 14:00Z.
    await expect.poll(() => valueOf('Appointment')).toBe('2026-03-05T01:00:00.000Z');
    await expect.poll(() => cell(page, 0, fieldId('Appointment')).textContent()).toBe('2026-03-05 09:00');
    // Opened again, the picker starts from the same wall clock.
    await openEditor(page);
    expect(await page.locator('[data-testid="cell-editor"] input').inputValue()).toBe('2026-03-05 09:00');
    await page.keyboard.press('Escape');
  });

  it('picks several choices as coloured tags', async () => {
    await cell(page, 0, fieldId('Conditions')).click();
    await openEditor(page);
    await page.locator('.ant-select-dropdown').waitFor();
    await page.keyboard.type('Aller');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Diab');
    await page.keyboard.press('Enter');
    await screenshot(page, 'editor-multiple-select');
    await page.keyboard.press('Tab');
    await expect.poll(() => valueOf('Conditions')).toEqual(['Allergy', 'Diabetes']);
    expect(await cell(page, 0, fieldId('Conditions')).locator('.mt-choice-tag').allTextContents()).toEqual(['Allergy', 'Diabetes']);
  });

  it('picks a person by name and shows their avatar', async () => {
    await cell(page, 0, fieldId('Nurse')).click();
    await openEditor(page);
    await page.locator('.ant-select-dropdown').waitFor();
    await page.keyboard.type('Zhao');
    await page.keyboard.press('Enter');
    await screenshot(page, 'editor-person');
    await page.keyboard.press('Tab');
    await expect.poll(() => valueOf('Nurse')).toEqual([{ id: nurse.id, name: nurse.name, email: 'zhao@clinic.test' }]);
    expect(await cell(page, 0, fieldId('Nurse')).textContent()).toBe('NNurse Zhao');
  });

  it('sets a rating by typing its digit', async () => {
    await cell(page, 0, fieldId('Score')).click({ position: { x: 140, y: 10 } });
    await page.keyboard.type('3');
    await expect.poll(() => valueOf('Score')).toBe(3);
    expect(await cell(page, 0, fieldId('Score')).locator('.ant-rate-star-full').count()).toBe(3);
  });

  it('writes long text over several lines', async () => {
    await cell(page, 0, fieldId('Notes')).click();
    await openEditor(page);
    await page.keyboard.type('First visit');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Follow up in a week');
    await screenshot(page, 'editor-long-text');
    await page.keyboard.press('Enter');
    await expect.poll(() => valueOf('Notes')).toBe('First visit\nFollow up in a week');
    await screenshot(page, 'grid-field-types');
  });
});
