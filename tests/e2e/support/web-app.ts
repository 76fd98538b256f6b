/**
 * A real Multitable server (SQLite, isolated data directory) listening on 127.0.0.1 at a port
 * the system picks, with the built web app, and Debian's Chromium driven by playwright-core.
 *
 * ```ts
 * let web: WebApp;
 * beforeAll(async () => { web = await startWebApp(); });
 * afterAll(async () => { await web.close(); });
 * it('…', async () => { const page = await web.newPage(); await page.goto(web.url); … });
 * ```
 * `screenshot(page, name)` saves a PNG to `.tmp/screens/` (gitignored) for a person to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../support/app';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const screensDir = path.join(repoRoot, '.tmp', 'screens');

export interface WebApp {
  url: string;
  server: TestApp;
  browser: Browser;
  /** A fresh browser profile (own cookies and storage) with one page. */
  newPage(options?: { locale?: string; timezoneId?: string }): Promise<Page>;
  close(): Promise<void>;
}

export async function startWebApp(): Promise<WebApp> {
  if (!fs.existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}: apt-get install chromium (see .ci/run)`);
  const server = await startTestApp('sqlite');
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const address = server.app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not listen on a TCP port');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const contexts: BrowserContext[] = [];
  return {
    url: `http://127.0.0.1:${address.port}/`,
    server,
    browser,
    async newPage({ locale = 'en-US', timezoneId }: { locale?: string; timezoneId?: string } = {}) {
      // Reduced motion: the app then draws menus and popovers without animations, so nothing waits on one.
      const context = await browser.newContext({ locale, ...(timezoneId ? { timezoneId } : {}), viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await server.cleanup();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screensDir, { recursive: true });
  await page.screenshot({ path: path.join(screensDir, `${name}.png`) });
}
