/**
 * The web app's grid as a person meets it, driven in Chromium: sign in on the login page, open a
 * table's grid, scroll it, jump to its end, read the page's memory. Everything is read from the
 * page itself — rendered row DOM with content, the browser's Resource Timing entries of the
 * records API, Chrome's own heap metrics — not from the app's internals.
 *
 * The functions handed to the page are compiled by tsx, whose esbuild `keepNames` wraps named
 * inner functions in a `__name(…)` helper the page does not have: every page gets a no-op one.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

export interface GridTarget {
  /** The grid's address, e.g. `http://127.0.0.1:1234/#/bases/…/tables/…/views/…`. */
  url: string;
  /** Column (field id) whose cells must show text for a row to count as displayed. */
  fieldId: string;
}

/** How a load of the grid went, in ms since navigation start (the page's own clock). */
export interface GridLoad {
  firstRowsMs: number;
  domContentLoadedMs: number;
  /** When the browser had the first block of records. */
  firstBlockEndMs: number;
}

export interface BlockFetch {
  /** Request start to response end, as the browser's Resource Timing has it. */
  ms: number;
  /** Request sent to first response byte: the server's share, plus loopback. */
  waitingMs: number;
}

export interface HeapMetrics {
  usedMb: number;
  totalMb: number;
  domNodes: number;
}

const viewport = { width: 1280, height: 800 };
/**
 * AG Grid 36 scrolls the rows in `.ag-grid-viewport` (which also holds the header); its vertical
 * scrollbar's viewport is as tall as the rows' visible part and scrolls an area as tall as the
 * rows' container (AG Grid's, scaled down past the browser's element-height cap).
 */
const scroller = '.ag-grid-viewport';
const rowsArea = '.ag-body-vertical-scroll-viewport';
const row = (index: number, fieldId: string) => `.ag-row[row-index="${index}"] .ag-cell[col-id="${fieldId}"]`;
/** The grid's block reads: `POST …/records/query` (a RegExp source, handed to the page). */
const recordsRead = '/records/query(\\?|$)';

/**
 * A fresh browser profile with one page. `bypassCSP`: the app's policy allows requests to its own
 * origin only, and the scroll also times a bare server's copy of a block from the same page.
 */
export async function newPage(browser: Browser, storageState?: StorageState): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'en-US', bypassCSP: true, ...(storageState ? { storageState } : {}) });
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return { context, page };
}

/** Signs in on the login page; returns the signed-in browser state (the session cookie). */
export async function signInOnLoginPage(page: Page, origin: string, email: string, password: string): Promise<StorageState> {
  await page.goto(`${origin}/#/login`);
  await page.getByTestId('login-form').waitFor();
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('[data-testid="login-form"] button[type="submit"]').click();
  await page.getByTestId('user-menu').waitFor();
  return page.context().storageState();
}

/** Navigates to the grid and waits, frame by frame, for its first row to show a cell with text. */
export async function loadGrid(page: Page, target: GridTarget): Promise<GridLoad> {
  await page.goto(target.url, { waitUntil: 'commit' });
  const shown = await page.waitForFunction(
    (selector) => ((document.querySelector(selector)?.textContent ?? '').trim() ? performance.now() : false),
    row(0, target.fieldId),
    { polling: 'raf' },
  );
  const firstRowsMs = (await shown.jsonValue()) as number;
  return page.evaluate(
    ({ firstRowsMs, pattern }) => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const reads = performance.getEntriesByType('resource').filter((entry) => new RegExp(pattern).test(entry.name)) as PerformanceResourceTiming[];
      return { firstRowsMs, domContentLoadedMs: navigation?.domContentLoadedEventEnd ?? Number.NaN, firstBlockEndMs: reads[0]?.responseEnd ?? Number.NaN };
    },
    { firstRowsMs, pattern: recordsRead },
  );
}

export interface ScrollOptions {
  records: number;
  step: number;
  totalRows: number;
  /**
   * A POST fired at every step together with the scroll (a bare server's copy of a block), so
   * the browser times it under the same rendering work as the grid's own reads.
   */
  alongside: { url: string; body: string };
}

export interface ScrollTimings {
  reads: BlockFetch[];
  /** Per step: scroll → the row at the top of the view shows its text. */
  steps: number[];
  /** Per step: the `alongside` POST, request start → response end. */
  alongside: number[];
}

/**
 * Scrolls the grid's body down `records` rows, `step` rows at a time — as a scrollbar dragged
 * down in steps — waiting at every step until the row at the top of the view shows its text.
 * Returns every records read the browser made meanwhile, and how long each step took to show.
 */
export async function scrollThrough(page: Page, target: GridTarget, options: ScrollOptions): Promise<ScrollTimings> {
  return page.evaluate(
    async ({ fieldId, records, step, totalRows, alongside, pattern, scroller, rowsArea }) => {
      performance.setResourceTimingBufferSize(1_000_000);
      performance.clearResourceTimings();
      const body = document.querySelector<HTMLElement>(scroller)!;
      const area = document.querySelector<HTMLElement>(rowsArea)!;
      const steps: number[] = [];
      const rowHeight = document.querySelector<HTMLElement>('.ag-row[row-index="0"]')!.getBoundingClientRect().height;
      for (let target = step; target < records; target += step) {
        // Past the browser's element-height cap AG Grid shrinks the scroll area and maps scroll
        // pixels to row pixels linearly: row pixel = scrollTop × (model − body) / (area − body).
        const modelHeight = totalRows * rowHeight;
        const scale = (modelHeight - area.clientHeight) / (area.scrollHeight - area.clientHeight);
        const scrolled = performance.now();
        // Another origin, so `no-cors` with a text body: the reply is opaque, its timing is not.
        const beside = fetch(alongside.url, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: alongside.body }).then((reply) => reply.arrayBuffer());
        body.scrollTop = Math.max(0, (target - 1) * rowHeight) / scale;
        const selector = `.ag-row[row-index="${target}"] .ag-cell[col-id="${fieldId}"]`;
        const until = performance.now() + 15_000;
        while (!(document.querySelector(selector)?.textContent ?? '').trim()) {
          if (performance.now() > until) throw new Error(`row ${target} did not show its records within 15 s (scrollTop ${body.scrollTop} of ${body.scrollHeight})`);
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
        steps.push(performance.now() - scrolled);
        await beside;
      }
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      return {
        reads: entries.filter((entry) => new RegExp(pattern).test(entry.name)).map((entry) => ({ ms: entry.responseEnd - entry.startTime, waitingMs: entry.responseStart - entry.requestStart })),
        steps,
        alongside: entries.filter((entry) => entry.name === alongside.url).map((entry) => entry.responseEnd - entry.startTime),
      };
    },
    { fieldId: target.fieldId, pattern: recordsRead, scroller, rowsArea, ...options },
  );
}

/** Scrolls to the bottom and waits for row `lastIndex` to show `expected`; returns how long that took. */
export async function scrollToEnd(page: Page, target: GridTarget, lastIndex: number, expected: string): Promise<{ ms: number; rowNumber: string }> {
  const started = performance.now();
  await page.evaluate((selector) => {
    const body = document.querySelector<HTMLElement>(selector)!;
    body.scrollTop = body.scrollHeight;
  }, scroller);
  await page.waitForFunction(
    ({ selector, expected }) => (document.querySelector(selector)?.textContent ?? '').trim() === expected,
    { selector: row(lastIndex, target.fieldId), expected },
    { polling: 'raf', timeout: 15_000 },
  );
  const ms = performance.now() - started;
  const rowNumber = (await page.locator(`.ag-row[row-index="${lastIndex}"] .mt-row-number-value`).first().textContent()) ?? '';
  return { ms, rowNumber: rowNumber.trim() };
}

/** Chrome's JS heap of the page after a forced garbage collection (CDP), and its DOM nodes. */
export async function heapAfterGc(page: Page): Promise<HeapMetrics> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
    return { usedMb: mb(metric('JSHeapUsedSize')), totalMb: mb(metric('JSHeapTotalSize')), domNodes: metric('Nodes') };
  } finally {
    await cdp.detach();
  }
}
