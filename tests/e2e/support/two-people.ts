/**
 * Two people of one base, each signed in through the UI in a browser profile of their own — an
 * owner and an editor — for tests of what one sees of the other's work (live updates, comments,
 * presence). The caller makes the tables it needs as the owner, then opens them in both pages.
 *
 * ```ts
 * let people: TwoPeople;
 * beforeAll(async () => { web = await startWebApp(); people = await twoPeople(web); });
 * afterEach(async (context) => { await screenshotOnFailure(context, 'realtime', people.pages()); });
 * ```
 */
import type { Page } from 'playwright-core';
import type { SignedIn } from '../../support/app';
import { signInThroughUi } from './grid';
import { screenshot, type WebApp } from './web-app';

export interface TwoPeople {
  owner: SignedIn;
  editor: SignedIn;
  baseId: string;
  ownerPage: Page;
  editorPage: Page;
  /** Both pages, named for failure screenshots. */
  pages(): Record<string, Page>;
}

export async function twoPeople(web: WebApp, { baseName = 'Clinic' }: { baseName?: string } = {}): Promise<TwoPeople> {
  const owner = await web.server.signUpOwner({ name: 'Dr. Wang' });
  const editor = await web.server.signUpUser(owner, { name: 'Nurse Zhao', email: 'zhao@clinic.test' });
  const baseId = (await web.server.createBase(owner, baseName)).id;
  await web.server.addMember(owner, baseId, editor.user.id, 'editor');
  const ownerPage = await web.newPage();
  const editorPage = await web.newPage();
  await signInThroughUi(ownerPage, web, owner);
  await signInThroughUi(editorPage, web, editor);
  return { owner, editor, baseId, ownerPage, editorPage, pages: () => ({ owner: ownerPage, editor: editorPage }) };
}

/** After a failed test, saves what each page shows as `failed-<suite>-<page>-<test>.png`. */
export async function screenshotOnFailure(context: { task: { name: string; result?: { state?: string } } }, suite: string, pages: Record<string, Page>): Promise<void> {
  if (context.task.result?.state !== 'fail') return;
  for (const [name, page] of Object.entries(pages)) {
    if (!page.isClosed()) await screenshot(page, `failed-${suite}-${name}-${context.task.name.slice(0, 24)}`);
  }
}
