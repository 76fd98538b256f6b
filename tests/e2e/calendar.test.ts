/**
 * Calendar: a view of type calendar places each record on the day of its date field in a month
 * grid; dragging a record to another day moves its date there; the month changes with the
 * arrows and shows only that month's records.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SignedIn } from '../support/app';
import { signInThroughUi } from './support/grid';
import { screenshot, startWebApp, type WebApp } from './support/web-app';

const zone = 'Asia/Shanghai';
const month = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date()).slice(0, 7);

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
        ],
      })
    ).json();
    const rows = [
      { Patient: 'Li Na', Appointment: `${month}-10` },
      { Patient: 'Wang Fang', Appointment: `${month}-10` },
      { Patient: 'Zhang Wei', Appointment: `${month}-20` },
      { Patient: 'Chen Jie' },
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
});
