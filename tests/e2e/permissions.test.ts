/**
 * Permissions in the UI: an owner writes a custom role in the role editor (a table's access,
 * "records where Doctor is them", a read-only field) and gives it to a member; that member then
 * sees only their own records, cannot edit the read-only field, and is offered no design
 * controls (add field, new view, view settings).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SignedIn } from '../support/app';
import { cell, columnTexts, signInThroughUi } from './support/grid';
import { screenshot, startWebApp, type WebApp } from './support/web-app';

describe('permissions', () => {
  let web: WebApp;
  let owner: SignedIn;
  let doctor: SignedIn;
  let page: Page;
  let baseId: string;
  let table: { id: string; primaryFieldId: string; fields: Array<{ id: string; name: string }> };

  const fieldId = (name: string) => table.fields.find((field) => field.name === name)!.id;
  const pick = async (select: ReturnType<Page['locator']>, option: string) => {
    await select.click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  };

  beforeAll(async () => {
    web = await startWebApp();
    owner = await web.server.signUpOwner({ name: 'Director Sun' });
    doctor = await web.server.signUpUser(owner, { name: 'Dr. Li', email: 'li@clinic.test' });
    baseId = (await web.server.createBase(owner, 'Clinic')).id;
    table = (
      await owner.request('POST', `/api/v1/bases/${baseId}/tables`, {
        name: 'Patients',
        fields: [
          { name: 'Name', type: 'singleLineText' },
          { name: 'Doctor', type: 'person' },
          { name: 'Diagnosis', type: 'singleLineText' },
        ],
      })
    ).json();
    const rows = [
      { Name: 'Li Na', Doctor: [doctor.user.id], Diagnosis: 'Flu' },
      { Name: 'Wang Fang', Doctor: [owner.user.id], Diagnosis: 'Asthma' },
      { Name: 'Zhang Wei', Doctor: [doctor.user.id], Diagnosis: 'Migraine' },
      { Name: 'Chen Jie', Diagnosis: 'Checkup' },
    ];
    await owner.request('POST', `/api/v1/bases/${baseId}/tables/${table.id}/records`, { records: rows.map((fields) => ({ fields })) });
    page = await web.newPage();
    await signInThroughUi(page, web, owner);
  });
  afterAll(async () => {
    await web?.close();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await screenshot(page, `failed-permissions-${context.task.name.slice(0, 30)}`);
  });

  it('lets an owner write a custom role in the role editor', async () => {
    await page.goto(`${web.url}#/bases/${baseId}`);
    await page.getByTestId('open-access').click();
    await page.getByRole('tab', { name: 'Custom roles' }).click();
    await page.getByTestId('add-role').click();
    await page.getByTestId('name-input').fill('Doctors');
    await page.getByRole('button', { name: 'Create' }).click();
    const rule = page.getByTestId('table-rule');
    await rule.getByTestId('table-access').getByText('Edit').click();
    await pick(rule.getByTestId('read-scope'), 'Records where “Doctor” is them');
    await pick(rule.getByTestId('edit-scope'), 'Records where “Doctor” is them');
    await rule.getByTestId('field-rule').filter({ hasText: 'Diagnosis' }).getByText('Read').click();
    await screenshot(page, 'role-editor');
    await page.getByTestId('save-role').click();
    await page.getByText('Role saved').waitFor();

    const roles = (await owner.request('GET', `/api/v1/bases/${baseId}/roles`)).json() as { roles: Array<{ name: string; rules: { tables: Record<string, Record<string, unknown>> } }> };
    expect(roles.roles.map((role) => role.name)).toEqual(['Doctors']);
    expect(roles.roles[0]!.rules.tables[table.id]).toMatchObject({
      access: 'edit',
      readScope: { type: 'personField', fieldId: fieldId('Doctor') },
      editScope: { type: 'personField', fieldId: fieldId('Doctor') },
      fields: { [fieldId('Diagnosis')]: 'read' },
    });
  });

  it('gives the role to a member', async () => {
    await page.getByRole('tab', { name: 'Members' }).click();
    await pick(page.getByTestId('member-add-user'), 'Dr. Li');
    await pick(page.getByTestId('member-add-role'), 'Doctors');
    await page.getByTestId('member-add').click();
    await page.locator(`[data-testid="member-row"][data-user="${doctor.user.id}"]`).waitFor();
    await screenshot(page, 'members');
    const members = (await owner.request('GET', `/api/v1/bases/${baseId}/members`)).json() as { members: Array<{ userId: string; role: string }> };
    expect(members.members.find((member) => member.userId === doctor.user.id)!.role).toMatch(/^rol_/);
  });

  it('shows the member only their records and no design controls', async () => {
    // In Chinese: the restricted screen is checked in the second language too.
    const doctorPage = await web.newPage({ locale: 'zh-CN' });
    await signInThroughUi(doctorPage, web, doctor);
    await doctorPage.goto(`${web.url}#/bases/${baseId}/tables/${table.id}`);
    await cell(doctorPage, 0, table.primaryFieldId).waitFor();
    await expect.poll(() => columnTexts(doctorPage, table.primaryFieldId)).toEqual(['Li Na', 'Zhang Wei']);
    await expect.poll(() => doctorPage.getByTestId('record-count').textContent()).toBe('2 条记录');
    expect(await doctorPage.getByTestId('add-field').count()).toBe(0);
    // New views from a member are their personal ones: the shared kinds are not offered.
    await doctorPage.getByTestId('add-view').click();
    await doctorPage.getByTestId('add-view-personal:grid').waitFor();
    expect(await doctorPage.getByTestId('add-view-grid').count()).toBe(0);
    await doctorPage.keyboard.press('Escape');
    expect(await doctorPage.getByTestId('open-access').count()).toBe(0);
    expect(await doctorPage.getByTestId('add-table').count()).toBe(0);
    expect(await doctorPage.getByTestId('tool-filter').isDisabled()).toBe(true);

    // Diagnosis is read-only for the role: typing into it edits nothing.
    await cell(doctorPage, 0, fieldId('Diagnosis')).click();
    await doctorPage.keyboard.type('X');
    await doctorPage.keyboard.press('Enter');
    expect(await doctorPage.locator('[data-testid="cell-editor"]').count()).toBe(0);
    expect(await cell(doctorPage, 0, fieldId('Diagnosis')).textContent()).toBe('Flu');
    await screenshot(doctorPage, 'restricted-member');
  });
});
