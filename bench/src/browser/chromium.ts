/**
 * Debian's Chromium, headless, driven by playwright-core — the browser the e2e tests use. When
 * there is none, the browser figures say so instead of failing the suite.
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why no browser can run here, or undefined when Chromium is installed. */
export function chromiumMissing(): string | undefined {
  return fs.existsSync(chromiumPath) ? undefined : `no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}
