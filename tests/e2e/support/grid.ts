/**
 * Helpers for driving the grid in a browser test: sign in through the UI, find a cell by record
 * and field, read what a cell shows, and paste or copy the way the browser's events do.
 */
import type { Locator, Page } from 'playwright-core';
import type { SignedIn } from '../../support/app';
import type { WebApp } from './web-app';

export async function signInThroughUi(page: Page, web: WebApp, who: SignedIn & { user: { email: string } }): Promise<void> {
  await page.goto(web.url);
  await page.getByTestId('login-form').waitFor();
  await page.locator('#email').fill(who.user.email);
  await page.locator('#password').fill(who.password);
  await page.locator('[data-testid="login-form"] button[type="submit"]').click();
  await page.getByTestId('user-menu').waitFor();
}

/** The cell of a row (by 0-based row index) and column (field id). */
export function cell(page: Page, rowIndex: number, fieldId: string): Locator {
  return page.locator(`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${fieldId}"]`);
}

/**
 * Presses Enter on the focused cell and waits until its editor has the keyboard, so that what
 * the test types next reaches the editor (a person typing waits for the editor to appear too).
 */
export async function openEditor(page: Page): Promise<void> {
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid="cell-editor"]') != null);
}

/**
 * Types into the focused cell the way a person does: the first key starts the edit (and is its
 * first character), the rest go to the editor once it is there.
 */
export async function typeInCell(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text.slice(0, 1));
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid="cell-editor"]') != null);
  await page.keyboard.type(text.slice(1));
}

/** Sends a paste event carrying `text` to the focused element, as the browser does on Ctrl/Cmd+V. */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Sends a copy event to the focused element and returns the text the app put on the clipboard. */
export async function copiedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const data = new DataTransfer();
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
    return data.getData('text/plain');
  });
}

/** What a column shows, row by row in display order (group headers, drawn full width, have no cell). */
export async function columnTexts(page: Page, fieldId: string): Promise<string[]> {
  return page.evaluate((id) => {
    const cells = [...document.querySelectorAll(`.ag-row[row-index] .ag-cell[col-id="${id}"]`)];
    return cells
      .map((element) => ({ row: Number(element.closest('.ag-row')!.getAttribute('row-index')), text: element.textContent ?? '' }))
      .sort((a, b) => a.row - b.row)
      .map((entry) => entry.text);
  }, fieldId);
}

/** The texts of the group header rows, in display order. */
export async function groupHeaderTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="group-header"]')]
      .map((element) => ({ row: Number(element.closest('[row-index]')?.getAttribute('row-index')), text: element.textContent ?? '' }))
      .sort((a, b) => a.row - b.row)
      .map((entry) => entry.text),
  );
}
