/**
 * The record panel edits every field with its type's editor: text boxes, stars, a toggle,
 * coloured tags, people, a date-time picker in the base's time zone (the browser here is in New
 * York, the base in Shanghai), files and linked records; computed fields are shown, not edited.
 * Values are read back through the API. A refused value is named at its field and goes back; a
 * change made elsewhere appears in the open panel; a viewer sees the editors disabled.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { SignedIn } from '../support/app';
import { cell, signInThroughUi } from './support/grid';
import { solidPng } from './support/png';
import { screenshot, startWebApp, type WebApp } from './support/web-app';

describe('record panel', () => {
  let web: WebApp;
  let owner: SignedIn;
  let viewer: SignedIn;
  let page: Page;
  let baseId: string;
  let table: { id: string; primaryFieldId: string; fields: Array<{ id: string; name: string }> };
  let recordId: string;
  let doctorsId: string;
  let drLiId: string;

  const recordsPath = () => `/api/v1/bases/${baseId}/tables/${table.id}/records`;
  const fieldId = (name: string) => table.fields.find((field) => field.name === name)!.id;
  const stored = async (name: string) => {
    const response = await owner.request('GET', `${recordsPath()}/${recordId}?returnFieldsByFieldId=true`);
    return (response.json() as { fields: Record<string, unknown> }).fields[fieldId(name)] ?? null;
  };
  const field = (on: Page, name: string): Locator => on.locator(`[data-testid="record-field"][data-field-id="${fieldId(name)}"]`);
  const editor = (on: Page, name: string): Locator => field(on, name).getByTestId('field-editor');
  const openPanel = async (on: Page) => {
    await on.goto(`${web.url}#/bases/${baseId}/tables/${table.id}`);
    await cell(on, 0, table.primaryFieldId).waitFor();
    await on.locator(`.ag-row[row-index="0"] [data-testid="expand-record"]`).click({ force: true });
    await on.getByTestId('record-field').first().waitFor();
  };
  const typeInto = async (name: string, text: string) => {
    const box = editor(page, name);
    await box.fill(text);
    await box.press('Tab');
  };
  /** Opens a field's picker and chooses the options (several for a multiple pick). */
  const choose = async (name: string, ...options: string[]) => {
    await editor(page, name).click();
    for (const option of options) {
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').locator('.ant-select-item-option').filter({ hasText: option }).first().click();
    }
  };
  /** The input of an editor (antd puts the test id on the input itself for some, on a wrapper for others). */
  const inputOf = (box: Locator): Locator => box.locator('xpath=descendant-or-self::*[self::input or self::textarea]').first();

  beforeAll(async () => {
    web = await startWebApp();
    owner = await web.server.signUpOwner({ name: 'Dr. Wang' });
    viewer = await web.server.signUpUser(owner, { name: 'Auditor Qian', email: 'qian@clinic.test' });
    baseId = (await web.server.createBase(owner, 'Clinic', 'Asia/Shanghai')).id;
    await web.server.addMember(owner, baseId, viewer.user.id, 'viewer');
    const doctors = (await owner.request('POST', `/api/v1/bases/${baseId}/tables`, { name: 'Doctors', fields: [{ name: 'Name', type: 'singleLineText' }] })).json() as { id: string };
    doctorsId = doctors.id;
    const created = (await owner.request('POST', `/api/v1/bases/${baseId}/tables/${doctors.id}/records`, { records: [{ fields: { Name: 'Dr. Li' } }, { fields: { Name: 'Dr. Zhou' } }] })).json() as { records: Array<{ id: string }> };
    drLiId = created.records[0]!.id;
    table = (
      await owner.request('POST', `/api/v1/bases/${baseId}/tables`, {
        name: 'Visits',
        fields: [
          { name: 'Patient', type: 'singleLineText' },
          { name: 'Notes', type: 'longText' },
          { name: 'Fee', type: 'number', options: { format: 'currency', currencySymbol: '¥', precision: 2 } },
          { name: 'Score', type: 'rating' },
          { name: 'Insured', type: 'checkbox' },
          { name: 'Status', type: 'singleSelect', options: { choices: [{ name: 'Waiting', color: 'yellow' }, { name: 'Seen', color: 'green' }] } },
          { name: 'Conditions', type: 'multipleSelect', options: { choices: [{ name: 'Allergy' }, { name: 'Diabetes', color: 'orangeDark' }] } },
          { name: 'Seen at', type: 'date', options: { includeTime: true } },
          { name: 'Nurse', type: 'person' },
          { name: 'Email', type: 'email' },
          { name: 'Files', type: 'attachment' },
          { name: 'Visit no.', type: 'autoNumber' },
        ],
      })
    ).json();
    await owner.request('POST', `/api/v1/bases/${baseId}/tables/${table.id}/fields`, { name: 'Doctor', type: 'link', options: { linkedTableId: doctors.id } });
    await owner.request('POST', `/api/v1/bases/${baseId}/tables/${table.id}/fields`, { name: 'Label', type: 'formula', options: { formula: '{Patient} & " (" & {Status} & ")"' } });
    table = (await owner.request('GET', `/api/v1/bases/${baseId}/tables/${table.id}`)).json();
    recordId = ((await owner.request('POST', recordsPath(), { fields: { Patient: 'Li Na', Status: 'Waiting' } })).json() as { id: string }).id;
    // The browser is in New York; the base's times are Shanghai's.
    page = await web.newPage({ timezoneId: 'America/New_York' });
    await signInThroughUi(page, web, owner);
    await openPanel(page);
  });
  afterAll(async () => {
    await web?.close();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await screenshot(page, `failed-record-panel-${context.task.name.slice(0, 30)}`);
  });

  it('edits text, numbers, stars, the toggle and tags', async () => {
    await typeInto('Patient', 'Li Na (Mrs)');
    await expect.poll(() => stored('Patient')).toBe('Li Na (Mrs)');
    await editor(page, 'Notes').fill('Penicillin allergy.\nFollow up in May.');
    await editor(page, 'Notes').blur();
    await expect.poll(() => stored('Notes')).toBe('Penicillin allergy.\nFollow up in May.');
    await typeInto('Fee', '1234.5');
    await expect.poll(() => stored('Fee')).toBe(1234.5);
    await expect.poll(() => editor(page, 'Fee').inputValue()).toBe('¥1,234.50');
    await editor(page, 'Score').locator('.ant-rate-star').nth(3).click();
    await expect.poll(() => stored('Score')).toBe(4);
    await editor(page, 'Insured').click();
    await expect.poll(() => stored('Insured')).toBe(true);
    await choose('Status', 'Seen');
    await expect.poll(() => stored('Status')).toBe('Seen');
    await choose('Conditions', 'Allergy', 'Diabetes');
    await page.keyboard.press('Escape');
    await expect.poll(() => stored('Conditions')).toEqual(['Allergy', 'Diabetes']);
    // Computed fields are shown, not edited: the formula follows the edits.
    await expect.poll(() => field(page, 'Label').locator('dd').textContent()).toBe('Li Na (Mrs) (Seen)');
    expect(await field(page, 'Label').getByTestId('field-editor').count()).toBe(0);
    // The grid shows the panel's edits too.
    await expect.poll(() => cell(page, 0, fieldId('Status')).textContent()).toBe('Seen');
  });

  it('keeps keys typed in the panel away from the grid behind it', async () => {
    // The last test left the focus in a select, which takes an Escape for its own list while that
    // is still closing: the panel's title holds no editor, so Escape there closes the panel.
    await page.locator('.ant-drawer-title').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('record-field').first().waitFor({ state: 'hidden' });
    // A grid cell has the focus (the grid's Backspace would clear it) when the panel opens.
    await cell(page, 0, table.primaryFieldId).click();
    await page.locator(`.ag-row[row-index="0"] [data-testid="expand-record"]`).click({ force: true });
    const notes = editor(page, 'Notes');
    await notes.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('!');
    await notes.blur();
    await expect.poll(() => stored('Notes')).toBe('Penicillin allergy.\nFollow up in May!');
    expect(await stored('Patient')).toBe('Li Na (Mrs)');
  });

  it('picks a person, a linked record and uploads a file', async () => {
    await choose('Nurse', 'Dr. Wang');
    await expect.poll(async () => ((await stored('Nurse')) as Array<{ id: string }> | null)?.map((user) => user.id)).toEqual([owner.user.id]);
    const doctor = field(page, 'Doctor');
    await doctor.getByTestId('link-search').fill('Zhou');
    await doctor.getByTestId('link-option').filter({ hasText: 'Dr. Zhou' }).click();
    await expect.poll(async () => ((await stored('Doctor')) as Array<{ title: string }> | null)?.map((record) => record.title)).toEqual(['Dr. Zhou']);
    await field(page, 'Files').getByTestId('attachment-input').setInputFiles({ name: 'x-ray.png', mimeType: 'image/png', buffer: solidPng(40, 40, [30, 120, 220]) });
    await expect.poll(async () => ((await stored('Files')) as Array<{ name: string }> | null)?.map((file) => file.name)).toEqual(['x-ray.png']);
    await field(page, 'Files').getByTestId('attachment-thumb').waitFor();
  });

  it('edits a date-time in the base time zone, not the browser one', async () => {
    const picker = inputOf(editor(page, 'Seen at'));
    await picker.click();
    await picker.fill('2026-03-05 09:00');
    await picker.press('Enter');
    // 09:00 in Shanghai (UTC+8) is 01:00Z — in New York it would have been 14:00Z.
    await expect.poll(() => stored('Seen at')).toBe('2026-03-05T01:00:00.000Z');
    await expect.poll(() => picker.inputValue()).toBe('2026-03-05 09:00');
    await expect.poll(() => cell(page, 0, fieldId('Seen at')).textContent()).toBe('2026-03-05 09:00');
    // A value stored elsewhere shows in Shanghai time too.
    await owner.request('PATCH', `${recordsPath()}/${recordId}`, { fields: { 'Seen at': '2026-07-01T12:30:00.000Z' } });
    await expect.poll(() => picker.inputValue()).toBe('2026-07-01 20:30');
    await screenshot(page, 'record-panel-en');
  });

  it('names a refused value at its field and puts the stored one back', async () => {
    await typeInto('Email', 'li.na@clinic.test');
    await expect.poll(() => stored('Email')).toBe('li.na@clinic.test');
    await typeInto('Email', 'not an address');
    await field(page, 'Email').getByTestId('field-error').waitFor();
    expect(await field(page, 'Email').getByTestId('field-error').textContent()).toContain('Email');
    await expect.poll(() => editor(page, 'Email').inputValue()).toBe('li.na@clinic.test');
    expect(await stored('Email')).toBe('li.na@clinic.test');
    await screenshot(page, 'record-panel-refusal');
  });

  it('names a server refusal at its field and puts the stored links back', async () => {
    const doctor = field(page, 'Doctor');
    await doctor.getByTestId('link-search').click();
    const option = doctor.getByTestId('link-option').filter({ hasText: 'Dr. Li' });
    await option.waitFor();
    // Dr. Li goes away after the picker listed him: core cannot know, the server refuses the link.
    await owner.request('DELETE', `/api/v1/bases/${baseId}/tables/${doctorsId}/records/${drLiId}`);
    await option.click();
    await doctor.getByTestId('field-error').waitFor();
    await expect.poll(() => doctor.getByTestId('link-chosen').allTextContents()).toEqual(['Dr. Zhou']);
    expect(((await stored('Doctor')) as Array<{ title: string }>).map((record) => record.title)).toEqual(['Dr. Zhou']);
    await doctor.scrollIntoViewIfNeeded();
    await screenshot(page, 'record-panel-server-refusal');
  });

  it('shows a change made by someone else while it is open', async () => {
    await owner.request('PATCH', `${recordsPath()}/${recordId}`, { fields: { Patient: 'Li Na (Mrs.)', Score: 2 } });
    await expect.poll(() => editor(page, 'Patient').inputValue()).toBe('Li Na (Mrs.)');
    await expect.poll(() => editor(page, 'Score').locator('.ant-rate-star-full').count()).toBe(2);
    // The history lists it too.
    await expect.poll(async () => (await page.getByTestId('history-entry').allTextContents()).some((entry) => entry.includes('Li Na (Mrs)→Li Na (Mrs.)'))).toBe(true);
    await page.getByTestId('history-entry').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'record-panel-history');
  });

  it('stays open on a record that an edit takes out of the view', async () => {
    const views = (await owner.request('GET', `/api/v1/bases/${baseId}/tables/${table.id}/views`)).json() as { views: Array<{ id: string }> };
    const viewPath = `/api/v1/bases/${baseId}/tables/${table.id}/views/${views.views[0]!.id}`;
    const zhao = ((await owner.request('POST', recordsPath(), { fields: { Patient: 'Zhao Lei' } })).json() as { id: string }).id;
    const storedOf = async (name: string) => ((await owner.request('GET', `${recordsPath()}/${zhao}?returnFieldsByFieldId=true`)).json() as { fields: Record<string, unknown> }).fields[fieldId(name)] ?? null;
    let added: string | undefined;
    await owner.request('PATCH', viewPath, { config: { filter: { conjunction: 'and', conditions: [{ field: fieldId('Patient'), operator: 'contains', value: 'Zhao' }] } } });
    try {
      // Afresh, with the filtered view (the panel of the tests before is closed by the reload).
      await page.reload();
      await openPanel(page);
      expect(await editor(page, 'Patient').inputValue()).toBe('Zhao Lei');
      // The new name no longer matches the view's filter: when the grid reads its rows again
      // (here because someone adds a record), the row is gone…
      await typeInto('Patient', 'Qian Lei');
      await expect.poll(() => storedOf('Patient')).toBe('Qian Lei');
      added = ((await owner.request('POST', recordsPath(), { fields: { Patient: 'Zhao Min' } })).json() as { id: string }).id;
      await expect.poll(() => cell(page, 0, table.primaryFieldId).textContent()).toBe('Zhao Min');
      expect(await page.getByTestId('record-count').textContent()).toMatch(/^1\b/);
      // …and the panel stays open on the record, still editable.
      expect(await page.getByTestId('record-panel').isVisible()).toBe(true);
      expect(await editor(page, 'Patient').inputValue()).toBe('Qian Lei');
      await typeInto('Email', 'qian@clinic.test');
      await expect.poll(() => storedOf('Email')).toBe('qian@clinic.test');
      // A change made elsewhere reaches it too, read by the panel itself.
      await owner.request('PATCH', `${recordsPath()}/${zhao}`, { fields: { Patient: 'Qian Lei (Mr.)' } });
      await expect.poll(() => editor(page, 'Patient').inputValue()).toBe('Qian Lei (Mr.)');
      await screenshot(page, 'record-panel-left-view');
      await page.keyboard.press('Escape');
    } finally {
      await owner.request('PATCH', viewPath, { config: { filter: null } });
      for (const id of [zhao, added]) if (id) await owner.request('DELETE', `${recordsPath()}/${id}`);
    }
  });

  it('shows a viewer every field with its editor disabled (in Chinese)', async () => {
    const viewerPage = await web.newPage({ locale: 'zh-CN', timezoneId: 'Europe/London' });
    await signInThroughUi(viewerPage, web, viewer);
    await openPanel(viewerPage);
    for (const name of ['Patient', 'Notes', 'Fee', 'Insured', 'Status', 'Nurse', 'Seen at']) {
      expect(await inputOf(editor(viewerPage, name)).isDisabled(), name).toBe(true);
    }
    // A lock says why; computed fields need none (they are never edited).
    expect(await field(viewerPage, 'Patient').getByTestId('field-locked').count()).toBe(1);
    expect(await field(viewerPage, 'Label').getByTestId('field-locked').count()).toBe(0);
    // The date is shown in the base's zone in a London browser too.
    expect(await inputOf(editor(viewerPage, 'Seen at')).inputValue()).toBe('2026-07-01 20:30');
    // Links and files are shown without their controls.
    expect(await field(viewerPage, 'Doctor').getByTestId('link-search').count()).toBe(0);
    expect(await field(viewerPage, 'Files').getByTestId('attachment-thumb').count()).toBe(1);
    await screenshot(viewerPage, 'record-panel-zh-viewer');
  });

  it('opens the date-time picker at the base zone’s wall clock (in Chinese)', async () => {
    const zhPage = await web.newPage({ locale: 'zh-CN', timezoneId: 'America/Los_Angeles' });
    await signInThroughUi(zhPage, web, owner);
    await openPanel(zhPage);
    await inputOf(editor(zhPage, 'Seen at')).click();
    const dropdown = zhPage.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
    await dropdown.waitFor();
    // July 1st, 20:30 in Shanghai is selected — in Los Angeles it is 05:30 that day.
    expect(await dropdown.locator('.ant-picker-cell-selected').first().textContent()).toBe('1');
    expect(await dropdown.locator('.ant-picker-time-panel-column').first().locator('.ant-picker-time-panel-cell-selected').textContent()).toBe('20');
    await screenshot(zhPage, 'record-panel-zh-date-picker');
    await zhPage.keyboard.press('Escape');
  });
});
