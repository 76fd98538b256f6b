/**
 * The web app's figures, measured in Chromium on the real web app the bench's server serves:
 * navigation to the first records of the Visits grid, the grid's block reads (AG Grid's infinite
 * row model asking the records API for 100 rows at a time) while scrolling through 100,000
 * records, and the page's JS heap after that scroll. The block reads are set beside a bare
 * fastify's copy of a block, POSTed by the same page at every scroll step, and beside the
 * harness's own first-page figure; the scroll then jumps to the table's last record and checks
 * that it is shown. Without Chromium (or a web build) the three figures are "not available".
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { recordsPath, type BenchContext } from '../context';
import { chromiumMissing, launchChromium } from '../browser/chromium';
import { heapAfterGc, loadGrid, newPage, scrollThrough, scrollToEnd, signInOnLoginPage, type GridLoad, type GridTarget, type HeapMetrics, type ScrollTimings } from '../browser/grid-page';
import { visitNumber } from '../data/hospital-rows';
import { fieldNamed } from '../data/hospital-tables';
import { benchPassword, ownerEmail } from '../instance-setup';
import { within, type FigureResult, type Measurement } from '../report/results';
import type { Scale } from '../scale';
import { round, summarize } from '../stats';

/** Loads of the grid, each in a fresh browser profile (empty cache, signed in): warm-up, then timed. */
const loads = { warmups: 1, runs: 5 };
/**
 * Records scrolled through, 1000 rows a step (a scrollbar dragged down): each step needs two new
 * 100-row blocks (the view straddles a block boundary), and 100 steps keep the browser figures
 * within a minute even on a busy machine.
 */
const scrolledRecords = 100_000;
const scrollStep = 1000;
const blockRows = 100;

export const webFigureIds = { firstRows: 'web-first-rows', blockReads: 'web-block-reads', heap: 'web-page-heap' } as const;

const targets = { firstRows: '≤ 2 s', blockReads: 'p95 ≤ 100 ms', heap: 'report only' } as const;

function titles(scale: Scale): Record<keyof typeof webFigureIds, string> {
  const visits = scale.visits.toLocaleString('en');
  return {
    firstRows: `Web app: navigation to the first records of the ${visits}-record Visits grid`,
    blockReads: `Web app: the grid's block reads while scrolling (${visits}-record table)`,
    heap: `Web app: page memory after scrolling through ${Math.min(scrolledRecords, scale.visits).toLocaleString('en')} records`,
  };
}

interface WebGridInput {
  /** The bench server, which serves apps/web/dist at `/`. */
  origin: string;
  /** Why the web app could not be built, if it could not. */
  buildProblem?: string;
  /** The harness's first-page figure of this run, set beside the browser's block reads. */
  serverFirstPage?: FigureResult;
  /** Where a failed run leaves a screenshot of the page it failed on. */
  failureScreenshot: string;
}

/** What the browser run is doing, and on which page: a failure names it, shows the page and what went wrong in it. */
interface Stage {
  name: string;
  page?: Page;
  /** The page's uncaught errors and failed responses. */
  problems: string[];
}

/** Makes `page` the stage's page, keeping what goes wrong in it (and forgetting earlier pages'). */
function watch(stage: Stage, name: string, page: Page): void {
  Object.assign(stage, { name, page, problems: [] });
  page.on('pageerror', (error) => stage.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => void (message.type() === 'error' && stage.problems.push(`console: ${message.text()}`)));
  page.on('requestfailed', (request) => stage.problems.push(`${request.method()} ${request.url()} failed: ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => void (response.status() >= 400 && stage.problems.push(`${response.status()} ${response.request().method()} ${response.url()}`)));
}

export async function webGrid(context: BenchContext, input: WebGridInput): Promise<FigureResult[]> {
  const missing = chromiumMissing() ?? input.buildProblem;
  if (missing) return unmeasured(context.scale, 'not available', missing);
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    return unmeasured(context.scale, 'not available', `Chromium did not start: ${(error as Error).message.split('\n')[0]}`);
  }
  const stage: Stage = { name: 'starting', problems: [] };
  try {
    return await measure(context, input, browser, stage);
  } catch (error) {
    // The web app not showing the grid is a result of the run, reported as such.
    let shot = '';
    if (stage.page && !stage.page.isClosed()) {
      const shown = await stage.page.locator('.ant-message, .ant-notification, .ant-alert').allTextContents().catch(() => []);
      if (shown.length) stage.problems.push(`the page showed: ${shown.join(' | ')}`);
      fs.mkdirSync(path.dirname(input.failureScreenshot), { recursive: true });
      shot = await stage.page.screenshot({ path: input.failureScreenshot }).then(() => ` (screenshot: ${input.failureScreenshot})`, () => '');
    }
    const problems = stage.problems.length ? ` The page reported: ${stage.problems.slice(-6).join('; ')}.` : '';
    return unmeasured(context.scale, 'missed', `The browser run failed while ${stage.name}${stage.page ? ` at ${stage.page.url()}` : ''}${shot}: ${(error as Error).message.split('\n')[0]}${problems}`);
  } finally {
    await browser.close();
  }
}

async function measure(context: BenchContext, input: WebGridInput, browser: Browser, stage: Stage): Promise<FigureResult[]> {
  const { scale, tables, baseId } = context;
  const visits = tables.visits;
  const target: GridTarget = {
    url: `${input.origin}/#/bases/${baseId}/tables/${visits.id}/views/${visits.views[0]!.id}`,
    fieldId: fieldNamed(visits, 'Visit No.').id,
  };
  let open = await newPage(browser);
  watch(stage, 'signing in on the login page', open.page);
  const signedIn = await signInOnLoginPage(open.page, input.origin, ownerEmail, benchPassword);

  const timedLoads: GridLoad[] = [];
  for (let run = 0; run < loads.warmups + loads.runs; run++) {
    await open.context.close();
    open = await newPage(browser, signedIn);
    watch(stage, `loading the grid (load ${run + 1})`, open.page);
    const load = await loadGrid(open.page, target);
    if (run >= loads.warmups) timedLoads.push(load);
  }
  const page = open.page;
  const firstCell = (await page.locator(`.ag-row[row-index="0"] .ag-cell[col-id="${target.fieldId}"]`).textContent())?.trim();
  const countShown = (await page.getByTestId('record-count').textContent())?.trim();

  const heapBefore = await heapAfterGc(page);
  const records = Math.min(scrolledRecords, scale.visits);
  const bare = await bareBlock(context, Math.floor(records / 2));
  const scrollStarted = performance.now();
  stage.name = 'scrolling';
  const scroll = await scrollThrough(page, target, { records, step: scrollStep, totalRows: scale.visits, alongside: bare });
  const scrollSeconds = (performance.now() - scrollStarted) / 1000;
  const heapAfter = await heapAfterGc(page);

  const lastIndex = scale.visits - 1;
  const lastVisit = visitNumber(lastIndex);
  stage.name = 'scrolling to the end';
  const end = await scrollToEnd(page, target, lastIndex, lastVisit).then(
    (shown) => `Scrolled to the end: record #${scale.visits.toLocaleString('en')} (${lastVisit}) shown in row ${shown.rowNumber} after ${round(shown.ms)} ms${shown.rowNumber === String(scale.visits) ? '' : ` — its row number should read ${scale.visits}`}.`,
    (error: unknown) => `Scrolling to the end did NOT show record #${scale.visits.toLocaleString('en')} (${lastVisit}): ${(error as Error).message.split('\n')[0]}`,
  );
  await open.context.close();
  return [
    firstRowsFigure(scale, timedLoads, [`First row showed ${firstCell ?? '(nothing)'}; the toolbar read "${countShown ?? ''}".`]),
    blockReadsFigure(context, scroll, bare.offset, input.serverFirstPage, [
      `${scroll.reads.length.toLocaleString('en')} reads while scrolling through ${records.toLocaleString('en')} records, ${scrollStep} rows a step, in ${round(scrollSeconds)} s.`,
      end,
    ]),
    heapFigure(scale, heapBefore, heapAfter),
  ];
}

/**
 * Hands the bare fastify the bytes of one block as the grid asks for it (the middle of the
 * scrolled range); returns the address and body of the same POST there.
 */
async function bareBlock(context: BenchContext, offset: number): Promise<{ url: string; body: string; offset: number }> {
  const body = { offset, pageSize: blockRows, returnFieldsByFieldId: true };
  const reply = await context.api.send('POST', `${recordsPath(context, context.tables.visits.id)}/query`, body);
  if (reply.status !== 200) throw new Error(`Reading the block at offset ${offset} answered ${reply.status}: ${reply.text}`);
  await context.bareHttp.store('web-block', reply.text);
  return { url: `${context.bareHttp.client.origin}/bytes/web-block`, body: JSON.stringify(body), offset };
}

function firstRowsFigure(scale: Scale, timed: GridLoad[], notes: string[]): FigureResult {
  const firstRows = summarize(timed.map((load) => load.firstRowsMs));
  return {
    id: webFigureIds.firstRows,
    title: titles(scale).firstRows,
    target: targets.firstRows,
    status: within(firstRows.p50, 2000),
    headline: `${firstRows.p50} ms p50 (max ${firstRows.max} ms)`,
    measurements: [
      { label: 'navigation start → first row cells with text', latency: firstRows },
      { label: 'navigation start → DOMContentLoaded', latency: summarize(timed.map((load) => load.domContentLoadedMs)) },
      { label: 'navigation start → first block of records received', latency: summarize(timed.map((load) => load.firstBlockEndMs)) },
    ],
    notes: [
      `Chromium (headless, 1280×800) loads \`/#/bases/…/tables/…/views/…\` from the bench's server (apps/web/dist), signed in as the owner through the login page; each of ${loads.runs} timed loads (after ${loads.warmups} untimed) in a fresh profile, so with an empty HTTP cache. Time is the page's own clock from navigation start to the first animation frame where row 1's Visit No. cell has text.`,
      ...notes,
    ],
  };
}

function blockReadsFigure(
  context: BenchContext,
  { reads, steps, alongside }: ScrollTimings,
  bareOffset: number,
  serverFirstPage: FigureResult | undefined,
  notes: string[],
): FigureResult {
  const browser = summarize(reads.map((read) => read.ms));
  const waiting = summarize(reads.map((read) => read.waitingMs));
  const bareBrowser = summarize(alongside);
  const measurements: Measurement[] = [
    { label: 'grid block reads (POST …/records/query, 100 rows), request start → response end in the browser', latency: browser },
    { label: 'of which waiting for the first byte (request sent → response start)', latency: waiting },
    { label: `scroll step → the rows at the top of the view show their text`, latency: summarize(steps) },
    { label: `bare fastify serving the bytes of the block at offset ${bareOffset.toLocaleString('en')}, POSTed by the same page at each step, with the scroll`, latency: bareBrowser },
  ];
  const harness = serverFirstPage?.measurements.find((m) => m.label === 'server over HTTP')?.latency;
  if (harness) {
    const { runs, p50, p95, p99, max } = harness;
    measurements.push({ label: 'first page (100 records) over HTTP from the harness — the server-side figure above', latency: { runs, p50, p95, p99, max } });
  }
  return {
    id: webFigureIds.blockReads,
    title: titles(context.scale).blockReads,
    target: targets.blockReads,
    status: within(browser.p95, 100),
    headline: `${browser.p95} ms p95 (p50 ${browser.p50}, p99 ${browser.p99}; ${browser.runs} reads)`,
    measurements,
    ratio: { value: round(browser.p50 / bareBrowser.p50), against: 'bare fastify, a block\'s bytes, same page and moment (p50)' },
    notes: [
      'Times are the browser\'s Resource Timing entries of the records API reads the grid made (AG Grid\'s infinite row model, 100-row blocks, offset paging in the view\'s order); the grid waits at each step until the row at the top of the view shows its text.',
      ...notes,
    ],
  };
}

function heapFigure(scale: Scale, before: HeapMetrics, after: HeapMetrics): FigureResult {
  return {
    id: webFigureIds.heap,
    title: titles(scale).heap,
    target: targets.heap,
    status: 'info',
    headline: `${after.usedMb} MB JS heap used (${before.usedMb} MB before the scroll)`,
    measurements: [
      { label: 'JS heap used after the scroll', value: after.usedMb, unit: 'MB' },
      { label: 'JS heap allocated after the scroll', value: after.totalMb, unit: 'MB' },
      { label: 'JS heap used with the first rows shown', value: before.usedMb, unit: 'MB' },
      { label: 'DOM nodes after the scroll', value: after.domNodes },
      { label: 'DOM nodes with the first rows shown', value: before.domNodes },
    ],
    notes: [
      "Chrome DevTools Protocol `Performance.getMetrics` (JSHeapUsedSize / JSHeapTotalSize / Nodes) of the grid's page, each read right after a forced garbage collection (`HeapProfiler.collectGarbage`): what the page keeps, not what it churned. The grid keeps at most 200 blocks (20,000 rows) in its cache.",
    ],
  };
}

/** The three figures, not measured: Chromium or the web build missing (not available), or the page failed (missed). */
function unmeasured(scale: Scale, status: 'not available' | 'missed', reason: string): FigureResult[] {
  const named = titles(scale);
  return (Object.keys(webFigureIds) as Array<keyof typeof webFigureIds>).map((key) => ({
    id: webFigureIds[key],
    title: named[key],
    target: targets[key],
    status: key === 'heap' && status === 'missed' ? 'info' : status,
    headline: `${status === 'missed' ? 'failed' : 'not measured'}: ${reason.split('\n')[0]!.slice(0, 160)}`,
    measurements: [],
    notes: [reason],
  }));
}
