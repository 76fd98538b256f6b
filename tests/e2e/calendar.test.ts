/**
 * Calendar: a view of type calendar places each record on the day of its date field in a month
 * grid; dragging a record to another day moves its date there; the month changes with the
 * arrows and shows only that month's records. A day's "+" adds a record on that day and opens
 * it. The week layout lists a day's records by their time in the base's zone, and a record
 * dragged to another day keeps its time of day.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SignedIn } from '../support/app';
import { signInThroughUi } from './support/grid';
import { screenshot, startWebApp, type WebApp } from './support/web-app';

const zone = 'Asia/Shanghai';
const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const month = today.slice(0, 7);
/** Another day of today's week (Monday to Sunday). */
const otherDayThisWeek = (() => {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + (date.getUTCDay() === 1 ? 1 : -1));
  return date.toISOString().slice(0, 10);
})();

describe('calendar', () => {
  let web: WebApp;
  let page: Page;
  let owner: SignedIn;
  let baseId: string;
  let table: { id: string; fields: Array<{ id: string; name: string }> };
  const ids = new Map<string, string>();

  const recordsPath = () => `/api/v1/bases/${baseId}/tables/${table.id}/records`;
  const day = (date: string) => page.locator(`[data-testid="calendar-day"][data-day="${date}"]`);
  const chipsOn = (date: string) => day(date).getByTestId('calendar-record').allTextContents();
  const visitOf = async (name: string) => ((await owner.request('GET', `${recordsPath()}/${ids.get(name)}`)).json() as { fields: Record<string, unknown> }).fields.Visit;
  const appointmentOf = async (name: string) => ((await owner.request('GET', `${recordsPath()}/${ids.get(name)}`)).json() as { fields: Record<string, unknown> }).fields.Appointment;

  beforeAll(async () => {
    web = await startWebApp();
    owner = await web.server.signUpOwner({ name: 'Dr. Wang' });
    baseId = (await web.server.createBase(owner, 'Clinic', zone)).id;
    table = (
      await owner.request('POST', `/api/v1/bases/${baseId}/tables`, {
        name: 'Appointments',
        fields: [
          { name: 'Patient', type: 'singleLineText' },
          { name: 'Appointment', type: 'date' },
          { name: 'Visit', type: 'date', options: { includeTime: true } },
        ],
      })
    ).json();
    const rows = [
      { Patient: 'Li Na', Appointment: `${month}-10` },
      { Patient: 'Wang Fang', Appointment: `${month}-10` },
      { Patient: 'Zhang Wei', Appointment: `${month}-20` },
      { Patient: 'Chen Jie' },
      { Patient: 'Zhao Lei', Visit: `${today}T09:30` },
      { Patient: 'Sun Li', Visit: `${today}T08:05` },
    ];
    const created = (await owner.request('POST', recordsPath(), { records: rows.map((fields) => ({ fields })) })).json() as { records: Array<{ id: string }> };
    rows.forEach((row, index) => ids.set(row.Patient, created.records[index]!.id));
    const view = (await owner.request('POST', `/api/v1/bases/${baseId}/tables/${table.id}/views`, { name: 'Calendar', type: 'calendar', config: { dateFieldId: 'Appointment' } })).json() as { id: string };
    page = await web.newPage();
    await signInThroughUi(page, web, owner);
    await page.goto(`${web.url}#/bases/${baseId}/tables/${table.id}/views/${view.id}`);
  });
  afterAll(async () => {
    await web?.close();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await screenshot(page, `failed-calendar-${context.task.name.slice(0, 30)}`);
  });

  it('places records on the days of their date field', async () => {
    await expect.poll(() => chipsOn(`${month}-10`)).toEqual(['Li Na', 'Wang Fang']);
    expect(await chipsOn(`${month}-20`)).toEqual(['Zhang Wei']);
    expect(await page.getByTestId('calendar-record').count()).toBe(3);
    await screenshot(page, 'calendar');
  });

  it('moves a dragged record to another day', async () => {
    await day(`${month}-10`).getByTestId('calendar-record').filter({ hasText: 'Li Na' }).dragTo(day(`${month}-12`));
    await expect.poll(() => appointmentOf('Li Na')).toBe(`${month}-12`);
    await expect.poll(() => chipsOn(`${month}-12`)).toEqual(['Li Na']);
    expect(await chipsOn(`${month}-10`)).toEqual(['Wang Fang']);
  });

  it('turns to the next month and back', async () => {
    const title = await page.getByTestId('calendar-month').textContent();
    await page.getByTestId('calendar-next').click();
    await expect.poll(() => page.getByTestId('calendar-month').textContent()).not.toBe(title);
    await expect.poll(() => page.getByTestId('calendar-record').count()).toBe(0);
    await page.getByTestId('calendar-previous').click();
    await expect.poll(() => page.getByTestId('calendar-record').count()).toBe(3);
  });

  it('adds a record on a day with the day’s “+” and opens it', async () => {
    await day(`${month}-15`).hover();
    await day(`${month}-15`).getByTestId('calendar-add').click();
    await page.getByTestId('record-panel').waitFor();
    const records = (await owner.request('GET', recordsPath())).json() as { records: Array<{ fields: Record<string, unknown> }> };
    expect(records.records.map((record) => record.fields.Appointment ?? null)).toContain(`${month}-15`);
    expect(records.records).toHaveLength(7);
    await expect.poll(() => chipsOn(`${month}-15`)).toEqual(['—']);
    await page.keyboard.press('Escape');
  });

  it('shows a week with times in the base’s zone, and a dragged record keeps its time', async () => {
    await page.getByTestId('date-field').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: 'Visit' }).click();
    await page.getByTestId('calendar-mode').getByText('Week').click();
    await page.getByTestId('calendar-week').waitFor();
    expect(await page.getByTestId('calendar-day').count()).toBe(7);
    await expect.poll(() => chipsOn(today)).toEqual(['08:05Sun Li', '09:30Zhao Lei']);
    await screenshot(page, 'calendar-week');
    await day(today).getByTestId('calendar-record').filter({ hasText: 'Zhao Lei' }).dragTo(day(otherDayThisWeek));
    // 09:30 in Shanghai is 01:30 UTC, on the new day.
    await expect.poll(() => visitOf('Zhao Lei')).toBe(`${otherDayThisWeek}T01:30:00.000Z`);
    await expect.poll(() => chipsOn(otherDayThisWeek)).toEqual(['09:30Zhao Lei']);
    expect(await chipsOn(today)).toEqual(['08:05Sun Li']);
  });

  it('turns to the next week and back, and today', async () => {
    const title = await page.getByTestId('calendar-month').textContent();
    await page.getByTestId('calendar-next').click();
    await expect.poll(() => page.getByTestId('calendar-month').textContent()).not.toBe(title);
    await expect.poll(() => page.getByTestId('calendar-record').count()).toBe(0);
    await page.getByTestId('calendar-today').click();
    await expect.poll(() => page.getByTestId('calendar-month').textContent()).toBe(title);
    await expect.poll(() => page.getByTestId('calendar-record').count()).toBe(2);
  });

  it('reads in Chinese, and shows no “+” to a role that cannot add', async () => {
    const viewer = await web.server.signUpUser(owner, { name: 'Viewer' });
    await web.server.addMember(owner, baseId, viewer.user.id, 'viewer');
    const other = await web.newPage({ locale: 'zh-CN' });
    await signInThroughUi(other, web, viewer);
    await other.goto(page.url());
    await other.getByTestId('calendar-mode').getByText('周').click();
    await other.getByTestId('calendar-record').first().waitFor();
    expect(await other.getByTestId('calendar-add').count()).toBe(0);
    expect(await other.getByTestId('calendar-record').first().getAttribute('draggable')).toBe('false');
    await screenshot(other, 'calendar-week-zh');
  });
});
