/**
 * Live collaboration, two people in two browsers: each sees the other among the table's viewers,
 * edits made by one show in the other's grid and record panel without a reload, records added or
 * deleted elsewhere change the other's rows and count, and a browser that goes offline says so,
 * keeps the edits made meanwhile, and sends them when it is back online.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SignedIn } from '../support/app';
import { cell, columnTexts, signInThroughUi, typeInCell } from './support/grid';
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
  const openTable = async (page: Page) => {
    await page.goto(`${web.url}#/bases/${baseId}/tables/${table.id}`);
    await cell(page, 0, table.primaryFieldId).waitFor();
  };

  beforeAll(async () => {
    web = await startWebApp();
    owner = await web.server.signUpOwner({ name: 'Dr. Wang' });
    editor = await web.server.signUpUser(owner, { name: 'Nurse Zhao', email: 'zhao@clinic.test' });
    baseId = (await web.server.createBase(owner, 'Clinic')).id;
    await web.server.addMember(owner, baseId, editor.user.id, 'editor');
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
    ownerPage = await web.newPage();
    editorPage = await web.newPage();
    await signInThroughUi(ownerPage, web, owner);
    await signInThroughUi(editorPage, web, editor);
    await openTable(ownerPage);
    await openTable(editorPage);
  });
  afterAll(async () => {
    await web?.close();
  });
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    await screenshot(ownerPage, `failed-realtime-owner-${context.task.name.slice(0, 24)}`);
    await screenshot(editorPage, `failed-realtime-editor-${context.task.name.slice(0, 24)}`);
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
    await expect.poll(() => ownerPage.getByTestId('record-panel').getByTestId('record-field').filter({ hasText: 'Notes' }).textContent()).toContain('Allergic to penicillin');
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
});
