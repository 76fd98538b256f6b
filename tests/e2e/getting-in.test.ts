/**
 * Getting in, in a real browser: first-run owner setup, the bases on the home page (create,
 * rename, delete), signing out and in again, and a wrong password.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, startWebApp, type WebApp } from './support/web-app';

const owner = { name: 'Dr. Wang', email: 'owner@clinic.test', password: 'correct horse battery' };

describe('getting in', () => {
  let web: WebApp;
  let page: Page;

  beforeAll(async () => {
    web = await startWebApp();
    page = await web.newPage();
  });
  afterAll(async () => {
    await web?.close();
  });

  it('offers first-run setup and signs the new owner in', async () => {
    await page.goto(web.url);
    await page.getByTestId('setup-form').waitFor();
    await screenshot(page, 'setup');
    await page.getByLabel('Your name').fill(owner.name);
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Create owner account' }).click();
    await page.getByRole('heading', { name: 'Bases' }).waitFor();
    expect(await page.getByTestId('user-menu').textContent()).toContain(owner.name);
    expect(await page.getByText('No bases yet').isVisible()).toBe(true);
  });

  it('creates, renames and deletes bases on the home page', async () => {
    for (const name of ['Complaints', 'Appointments']) {
      await page.goto(web.url);
      await page.getByTestId('create-base').click();
      await page.getByTestId('name-input').fill(name);
      await page.getByRole('button', { name: 'Create' }).click();
      await page.getByTestId('base-name').filter({ hasText: name }).waitFor();
    }
    await page.goto(web.url);
    await expect.poll(() => page.getByTestId('base-card').count()).toBe(2);

    const complaints = page.getByTestId('base-card').filter({ hasText: 'Complaints' });
    await complaints.getByTestId('base-menu').click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    await page.getByTestId('name-input').fill('Patient complaints');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('base-card').filter({ hasText: 'Patient complaints' }).waitFor();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await screenshot(page, 'home');

    const appointments = page.getByTestId('base-card').filter({ hasText: 'Appointments' });
    await appointments.getByTestId('base-menu').click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByTestId('base-card').allTextContents()).toEqual([expect.stringContaining('Patient complaints')]);

    const listed = await web.server.login(owner.email, owner.password);
    const bases = (await listed.request('GET', '/api/v1/bases')).json() as { bases: Array<{ name: string }> };
    expect(bases.bases.map((base) => base.name)).toEqual(['Patient complaints']);
  });

  it('signs out, refuses a wrong password, and signs in again', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByTestId('login-form').waitFor();
    await page.goto(web.url);
    await page.getByTestId('login-form').waitFor(); // no session: the app sends us to sign-in

    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').textContent()).toContain('Email or password is wrong');
    await screenshot(page, 'login-failed');

    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Bases' }).waitFor();
    // The heading shows before the list of bases has loaded: wait for the card.
    await expect.poll(() => page.getByTestId('base-card').count()).toBe(1);
  });
});
