/**
 * BENCHMARKS.md: a fixed introduction (how the suite runs and what "bare" means), then one
 * section per full run — SQLite and PostgreSQL — with the figure table (target, result,
 * met/missed, ratio to the bare ceiling) and each figure's measurements, notes and profile.
 * Sections are delimited by markers, so a run replaces its own section and keeps the other
 * dialect's as it was.
 */
import fs from 'node:fs';
import type { FigureResult, Measurement, RunResult } from './results';
import { runKey } from './results';

const sectionOrder = ['full/sqlite', 'full/postgres'];

const intro = `# Benchmarks

Written by \`pnpm bench\` (the suite in \`bench/\`, issue 4); \`pnpm bench --quick\` checks a change
at 100,000 records in under two minutes (its figures go to \`bench/results.json\` only), and
\`pnpm bench --mixed-load\` runs the mixed load alone in under a minute (printed only).
Run it with \`DATABASE_URL=postgres://…\` for the PostgreSQL figures; each run replaces its own
section below and leaves the other's.

How the figures are made:

- **Data**: a hospital's Visits table (about 20 fields: text, long text, number, currency,
  single and multi select, date, person, checkbox, rating, phone; a link to a 10,000-record
  Patients table with a lookup and a rollup through it; two formulas), generated from a seed,
  the same on every run. One patient ("walk-in") has 10,000 visits: the parent of the rollup
  figure.
- **Loading**: the lookup, rollup and formulas are added while Visits is empty; then the first
  20,000 visits are created **through the API** in batches of 1000 (with their patient link;
  the server computes their lookups, rollups and formulas) — that is the "create records"
  figure. The rest are **loaded straight through \`@multitable/storage\`** in transactions of
  10,000: its \`insertRecords\` (the function the API's write path ends in) with canonical
  values, the link's junction rows and \`{ id, title }\` cells, the inverse cells on Patients, and
  the computed cells from **core's own field computers** — without the API's casting, cell
  history and outbox — because a million records through the API would take most of the
  suite's time. A loaded record and its patient are then checked against the server's own
  recomputation (the suite stops if they differ). The Patients rollup over each patient's
  visits, the new formula and the type change are the server's own work, timed.
- **Server**: the real server as \`pnpm start\` runs it (the esbuild bundle under plain node, with
  the Node flags of \`apps/server/scripts/node-flags.ts\`; \`LOG_LEVEL=warn\`) as its own process on 127.0.0.1, driven over HTTP with keep-alive (undici). Its RSS is read from
  \`/proc\` every 250 ms for the whole run.
- **Bare-stack ceiling, in the same run**: the same query hand-written on the plain driver
  (better-sqlite3 on the same SQLite file, pg on the same database), and the same response
  bytes served by a bare fastify route in its own process through the same client. Ratios are
  server ÷ ceiling, so 1.0 would mean no overhead at all.
- **Mixed load**: a table of its own with the visits' stored fields and formulas, 100,000 records
  loaded like the visits (with \`--quick\` the 100,000-record Visits table itself), read and
  written by 50 closed-loop clients at once.
- **Web app**: Chromium (Debian's, headless, driven by playwright-core) signs in on the login
  page and opens the Visits grid the bench's server serves (\`apps/web/dist\`, built first when
  stale): navigation to the first rows with text (fresh profiles, empty cache), then the grid
  dragged down through 100,000 records in 1000-row steps, each waited for until its rows show —
  the browser's Resource Timing of every block read, next to a bare fastify's copy of a block
  POSTed by the same page at each step — then its JS heap (Chrome's \`Performance.getMetrics\`
  after a forced GC), and a jump to the last record.
- **Record-scope role**: one of the twelve doctors is a member under a custom role that reads
  Visits only where the Doctor person field holds them (about one visit in twelve) and Patients
  whole; their pages are timed interleaved with the owner's same requests, each through their
  own API token.
- **Duration**: the suite takes 4–6 minutes on SQLite and 8–15 on PostgreSQL (the shared machine
  varies), of which the PostgreSQL formula fill and type change of 1,000,000 records with their
  bare ceilings take about 4. The web app's figures add about half a minute to either.
- **Statistics**: latency figures are medians (p50) of interleaved runs after warm-up runs — every
  round runs the server and each bare variant once, in rotating order, so the shared machine's
  noise falls on all alike. Figures that are a ratio of two few-millisecond medians (computed
  field vs stored twin, restricted member vs owner) take ten times the rounds. Schema changes
  (new formula, type change) run once, as they change the data.
- **Misses** are re-run on a server under \`node --cpu-prof\`; the profile's busy time by area and
  by function is listed under the figure.
`;

function fmtLatency(m: Measurement): string {
  if (m.latency) return `p50 ${m.latency.p50} · p95 ${m.latency.p95} · p99 ${m.latency.p99} ms (${m.latency.runs} runs)`;
  return `${m.value?.toLocaleString('en')} ${m.unit ?? ''}`.trim();
}

const statusMark: Record<FigureResult['status'], string> = {
  met: '✅ met',
  missed: '❌ missed',
  'not available': '⏳ not available yet',
  info: 'ℹ️',
};

function figureTable(run: RunResult): string {
  const rows = run.figures.map((f) => `| ${f.title} | ${f.target} | ${f.headline} | ${statusMark[f.status]} | ${f.ratio ? `${f.ratio.value}× ${f.ratio.against}` : '—'} |`);
  return ['| figure | target | result | status | vs bare / twin |', '|---|---|---|---|---|', ...rows].join('\n');
}

function figureDetails(figure: FigureResult): string {
  const lines = [`#### ${figure.title} — ${statusMark[figure.status]}`, ''];
  for (const m of figure.measurements) lines.push(`- ${m.label}: ${fmtLatency(m)}`);
  for (const note of figure.notes) lines.push(`- ${note}`);
  if (figure.profile) {
    const p = figure.profile;
    lines.push('', `Profile (\`node --cpu-prof\` of the server while repeating it; ${p.busyMs} ms busy, ${p.idleMs} ms idle):`, '');
    lines.push(`- by area: ${p.areas.map((a) => `${a.area} ${a.percent}%`).join(' · ')}`);
    lines.push(`- top functions (self time): ${p.functions.slice(0, 8).map((f) => `\`${f.name}\` (${f.where}) ${f.percent}%`).join(' · ')}`);
    if (p.idleMs > p.busyMs) {
      lines.push(`- the server process was idle ${Math.round((100 * p.idleMs) / (p.idleMs + p.busyMs))}% of the time: it was waiting, mostly for the database (a separate process, not in this profile)`);
    }
  }
  return lines.join('\n');
}

export function runSection(run: RunResult): string {
  const title = `${run.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} — ${run.data.visits.toLocaleString('en')} visits`;
  const met = run.figures.filter((f) => f.status === 'met').length;
  const missed = run.figures.filter((f) => f.status === 'missed').length;
  const unavailable = run.figures.filter((f) => f.status === 'not available').length;
  const m = run.machine;
  const computed = Object.entries(run.data.computed).map(([name, state]) => `${name}: ${state}`).join('; ');
  return [
    `<!-- run:${runKey(run)} -->`,
    `## ${title}`,
    '',
    `${run.date} · commit \`${run.commit}\` · ${m.database} · ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}, Node ${m.node} · load average at start ${m.loadAverage.join(' / ')} · suite took ${Math.round(run.durationSeconds)} s`,
    '',
    `**${met} met, ${missed} missed, ${unavailable} not available yet.** Server RSS peak ${run.memory.peakMb} MB (during ${run.memory.peakPhase}; ${run.memory.idleMb} MB at start).`,
    '',
    figureTable(run),
    '',
    `Data: ${run.data.visits.toLocaleString('en')} visits (${run.data.apiCreated.toLocaleString('en')} through the API, ${run.data.bulkLoaded.toLocaleString('en')} through storage at ${run.data.bulkLoadPerSecond.toLocaleString('en')} records/s), ${run.data.patients.toLocaleString('en')} patients. ${run.data.linkFill ? `Patient links: ${run.data.linkFill}. ` : ''}Computed fields: ${computed}.`,
    '',
    `Server RSS peaks by phase: ${run.memory.phases.map((p) => `${p.phase} ${p.peakMb} MB`).join(' · ')}.`,
    '',
    '### Details',
    '',
    ...run.figures.map((figure) => `${figureDetails(figure)}\n`),
    `<!-- /run:${runKey(run)} -->`,
  ].join('\n');
}

/**
 * Rewrites `file` with this run's section, keeping the other sections found in it and the
 * analysis block (`<!-- analysis -->…<!-- /analysis -->`): written by people who read the
 * profiles, kept by the suite, placed before the runs.
 */
export function writeBenchmarksMd(file: string, run: RunResult): void {
  const sections = new Map<string, string>();
  let analysis = '';
  if (fs.existsSync(file)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/<!-- run:([a-z/]+) -->[\s\S]*?<!-- \/run:\1 -->/g)) sections.set(match[1]!, match[0]);
    analysis = /<!-- analysis -->[\s\S]*?<!-- \/analysis -->/.exec(text)?.[0] ?? '';
  }
  sections.set(runKey(run), runSection(run));
  const ordered = sectionOrder.filter((key) => sections.has(key)).map((key) => sections.get(key)!);
  fs.writeFileSync(file, `${intro}\n${analysis ? `${analysis}\n\n` : ''}${ordered.join('\n\n')}\n`);
}
