/**
 * One run of the suite on one dialect: prepare the database, build the web app when stale,
 * start the server and the bare fastify, set the instance up, make the data, measure every
 * figure in a fixed order (the web app's in Chromium among them), then re-run each missed
 * figure on a server under `--cpu-prof` and attach what its profile shows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startBareHttp, type BareHttp } from './bare/bare-http';
import { openPostgresBare } from './bare/postgres-bare';
import { openSqliteBare } from './bare/sqlite-bare';
import type { BareSql } from './bare/bare-sql';
import { columnSql, recordsPath, tableSql, type BenchContext } from './context';
import { bulkLoad, openStorage } from './data/bulk-load';
import { createPatients } from './data/create-patients';
import { patientIndexOfVisit, patientName, patientValues, visitNumber, visitValues } from './data/hospital-rows';
import { recordComputer } from './data/bulk-compute';
import { checkLoadedRecord } from './data/check-loaded';
import { computedNames } from './data/hospital-schema';
import { addComputedFields, addPatientLink, createHospitalTables, readTable, unavailableReason, type ComputedSetup } from './data/hospital-tables';
import { visitIdsByNumber } from './data/visit-ids';
import { setUpRollupParent } from './data/rollup-parent';
import { prepareTarget, type DatabaseTarget } from './database-target';
import { computedQueries } from './figures/computed-queries';
import { createRecords } from './figures/create-records';
import { groupCounts } from './figures/group-counts';
import { prepareLoadTable } from './figures/load-table';
import { mixedLoad, type LoadTable } from './figures/mixed-load';
import { deepOffset, firstPage } from './figures/page-reads';
import { rollupUnavailable, rollupUpdate } from './figures/rollup-update';
import { scopedList } from './figures/scoped-list';
import { formulaFill, typeChange } from './figures/schema-changes';
import { textContains } from './figures/text-contains';
import { viewSorts } from './figures/view-sorts';
import { webGrid } from './figures/web-grid';
import { buildWebApp } from './browser/web-build';
import { HttpClient } from './http/client';
import { setUpInstance } from './instance-setup';
import { MemoryMonitor } from './memory-monitor';
import { newestProfile, summarizeProfile } from './profile/summarize-profile';
import { currentCommit, describeMachine } from './report/machine';
import type { FigureResult, RunResult } from './report/results';
import type { Scale } from './scale';
import { startServer, type RunningServer } from './server-process';

export interface SuiteOptions {
  repoRoot: string;
  scale: Scale;
  databaseUrl?: string;
  /** Re-run missed figures under --cpu-prof (default on). */
  profileMisses: boolean;
}

function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

export async function runSuite(options: SuiteOptions): Promise<RunResult> {
  const started = performance.now();
  const { repoRoot, scale } = options;
  const target = await prepareTarget(repoRoot, scale.name, options.databaseUrl);
  log(`${scale.name} run on ${target.dialect}: ${scale.visits.toLocaleString('en')} visits`);
  const memory = new MemoryMonitor();
  let server: RunningServer | undefined;
  let bareHttp: BareHttp | undefined;
  let bare: BareSql | undefined;
  try {
    // The server serves apps/web/dist as it is when it starts: the web figures need it current.
    const webBuildProblem = await buildWebApp(repoRoot);
    if (webBuildProblem) log(webBuildProblem);
    server = await startServer({ repoRoot, dataDir: target.dataDir, ...(target.databaseUrl ? { databaseUrl: target.databaseUrl } : {}) });
    memory.watch(server.pid);
    bareHttp = await startBareHttp(repoRoot);
    bare = target.dialect === 'sqlite' ? openSqliteBare(target.sqliteFile) : await openPostgresBare(target.databaseUrl!);
    const machine = await describeMachine(bare);

    memory.enter('setup');
    const instance = await setUpInstance(server.origin);
    const { api, baseId } = instance;
    const created = await createHospitalTables(api, baseId);
    const link = await addPatientLink(api, baseId, created);
    log(link.ok ? 'link field: created' : `link field: ${link.reason}`);
    let tables = { patients: await readTable(api, baseId, created.patients.id), visits: await readTable(api, baseId, created.visits.id) };
    memory.enter('create patients (API)');
    const patientIds = await createPatients(api, recordsPath({ baseId }, tables.patients.id), scale);

    const context: BenchContext = {
      scale,
      dialect: target.dialect,
      api,
      baseId,
      timeZone: instance.timeZone,
      ownerId: instance.ownerId,
      doctorIds: instance.doctorIds,
      tables,
      computed: { outcomes: { [computedNames.patientLink]: link }, tables },
      patientIds,
      bare,
      bareHttp,
      memory,
      replays: new Map(),
      log,
    };
    const figures: FigureResult[] = [];
    const measure = async (phase: string, figure: () => Promise<FigureResult>) => {
      memory.enter(phase);
      log(`figure: ${phase}`);
      const result = await figure();
      log(`  → ${result.headline} [${result.status}]`);
      figures.push(result);
    };

    // The computed fields go on while Visits is empty: the API-created visits get their values
    // from the server as they are created, the bulk-loaded ones from core's computers.
    memory.enter('computed fields (API)');
    log('adding lookup, rollup and formulas');
    const computed: ComputedSetup = await addComputedFields(api, baseId, tables, link);
    context.computed = computed;
    context.tables = tables = computed.tables;
    for (const [name, outcome] of Object.entries(computed.outcomes)) log(`  ${name}: ${outcome.ok ? 'created' : outcome.reason}`);

    await measure('create records (API)', () => createRecords(context));

    let visitIds: Map<number, string> | undefined;
    const idsOfVisits = async () => (visitIds ??= await visitIdsByNumber(bare!, tableSql(tables.visits), columnSql(tables.visits, 'Visit No.')));
    const bulkRange = { from: scale.apiCreatedVisits, to: scale.visits };
    memory.enter('bulk load (storage, in the harness)');
    log(`bulk load of ${(bulkRange.to - bulkRange.from).toLocaleString('en')} visits through storage${link.ok ? ', with their patient link' : ''}`);
    const patientFieldIds = new Map(tables.patients.fields.map((field) => [field.name, field.id]));
    const patientCells = (patient: number) => {
      const cells: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(patientValues(scale, patient))) cells[patientFieldIds.get(name)!] = value;
      return cells;
    };
    const database = await openStorage(target);
    const bulk = await bulkLoad(
      database,
      tables.visits.id,
      instance.ownerId,
      bulkRange,
      (i) => visitValues(scale, i, instance.doctorIds),
      link.ok
        ? {
            fieldName: computedNames.patientLink,
            of: (i) => {
              const patient = patientIndexOfVisit(scale, i);
              return { id: patientIds[patient]!, title: patientName(patient), values: patientCells(patient) };
            },
          }
        : undefined,
      await recordComputer(database, baseId, tables.visits.id, instance.timeZone),
    ).finally(() => database.close());
    log(`  → ${bulk.recordsPerSecond.toLocaleString('en')} records/s`);
    await checkLoadedRecord(context, await idsOfVisits(), scale.visits - 1, link.ok);
    const linkFill = link.ok
      ? `${scale.apiCreatedVisits.toLocaleString('en')} set through the API on creation, the rest loaded with the records through storage (junction rows, the { id, title } cells and the inverse cells on Patients)`
      : `not available yet (${link.reason})`;

    memory.enter('rollup parent (API)');
    const walkInVisitIds = async () => {
      const ids = await idsOfVisits();
      const result: string[] = [];
      for (let i = 0; i < scale.visits; i++) if (patientIndexOfVisit(scale, i) === 0) result.push(ids.get(i + 1)!);
      return result;
    };
    const parent = link.ok ? await setUpRollupParent(api, baseId, tables, { patientId: patientIds[0]!, visitIds: walkInVisitIds }) : { error: unavailableReason(context.computed, computedNames.patientLink) };
    if (!('error' in parent) && parent.rollup) computed.outcomes[computedNames.totalFees] = parent.rollup;

    await measure('first page', () => firstPage(context));
    memory.enter('web app in Chromium');
    log('figures: web app in Chromium');
    const firstPageFigure = figures.find((figure) => figure.id === 'first-page');
    const failureScreenshot = path.join(repoRoot, '.tmp', 'bench-web', `${scale.name}-${target.dialect}-failure.png`);
    for (const result of await webGrid(context, { origin: server.origin, failureScreenshot, ...(firstPageFigure ? { serverFirstPage: firstPageFigure } : {}), ...(webBuildProblem ? { buildProblem: webBuildProblem } : {}) })) {
      log(`  → ${result.title}: ${result.headline} [${result.status}]`);
      figures.push(result);
    }
    await measure('text contains', () => textContains(context));
    await measure('view sorts', () => viewSorts(context));
    await measure('list under a record-scope role', () => scopedList(context));
    await measure('computed filter / sort', () => computedQueries(context));
    await measure('deep offset', () => deepOffset(context));
    await measure('group counts', () => groupCounts(context));
    await measure('rollup update', async () => {
      if ('error' in parent) return rollupUnavailable(parent.error);
      const child = (await idsOfVisits()).get(1)!; // visit V0000001 is one of the walk-in patient's
      if (patientIndexOfVisit(scale, 0) !== 0 || visitNumber(0) !== 'V0000001') throw new Error('visit 0 should be a walk-in visit');
      return rollupUpdate(context, parent, child);
    });
    await measure('formula fill', () => formulaFill(context));
    await measure('type change', () => typeChange(context));
    memory.enter('load table');
    const loadTable = scale.loadTableRecords === scale.visits ? await mainTableForLoad(context) : await prepareLoadTable(context, target);
    context.loadTable = loadTable;
    await measure('mixed load', async () => {
      const result = await mixedLoad(context, loadTable);
      result.notes.push(...loadTable.notes);
      return result;
    });
    memory.stop();
    figures.push(memoryFigure(memory));
    await api.close();
    await server.stop();
    server = undefined;

    if (options.profileMisses) await profileMisses(options, target, context, figures);

    return {
      scale: scale.name,
      dialect: target.dialect,
      date: new Date().toISOString(),
      commit: currentCommit(repoRoot),
      machine,
      durationSeconds: (performance.now() - started) / 1000,
      data: {
        visits: scale.visits,
        patients: scale.patients,
        apiCreated: scale.apiCreatedVisits,
        bulkLoaded: bulk.records,
        bulkLoadPerSecond: bulk.recordsPerSecond,
        linkFill,
        computed: Object.fromEntries(
          Object.entries(computed.outcomes).map(([name, outcome]) => [
            name,
            !outcome.ok
              ? unavailableReason(computed, name)
              : name === computedNames.totalFees
                ? `created on the loaded data, filled by the server in ${(outcome.ms / 1000).toFixed(1)} s`
                : 'created while Visits was empty',
          ]),
        ),
      },
      figures,
      memory: memory.report(),
    };
  } finally {
    memory.stop();
    await server?.stop();
    await bareHttp?.stop();
    await bare?.close();
    await target.drop();
  }
}

/** At 100,000 visits (--quick) the visits table itself is the mixed load's table. */
async function mainTableForLoad(context: BenchContext): Promise<LoadTable & { notes: string[] }> {
  const visits = context.tables.visits;
  const sorted = visits.views.find((view) => view.name === 'Sorted by Visit date desc') ?? (await readTable(context.api, context.baseId, visits.id)).views.find((view) => view.name === 'Sorted by Visit date desc');
  if (!sorted) throw new Error('The view sorted by Visit date is missing');
  const rows = (await context.bare.all(`SELECT id FROM ${tableSql(visits)}`)) as Array<{ id: string }>;
  return { tableId: visits.id, table: visits, sortedViewId: sorted.id, recordIds: rows.map((row) => row.id), notes: ['The Visits table itself (100,000 records, with its link, lookup, rollup and formulas).'] };
}

function memoryFigure(memory: MemoryMonitor): FigureResult {
  const report = memory.report();
  return {
    id: 'memory',
    title: 'Server memory through the whole run',
    target: 'RSS ≤ 400 MB',
    status: report.peakMb <= 400 ? 'met' : 'missed',
    headline: `${report.peakMb} MB peak RSS (during ${report.peakPhase})`,
    measurements: report.phases.map((phase) => ({ label: `peak during ${phase.phase}`, value: phase.peakMb, unit: 'MB' })),
    notes: [`${report.idleMb} MB right after start (the bundled server under plain node, before any request).`],
  };
}

/** Re-runs each missed figure that can be repeated, on a fresh server under --cpu-prof. */
async function profileMisses(options: SuiteOptions, target: DatabaseTarget, context: BenchContext, figures: FigureResult[]): Promise<void> {
  for (const figure of figures) {
    const replay = context.replays.get(figure.id);
    if (figure.status !== 'missed' || !replay) continue;
    const dir = path.join(options.repoRoot, '.tmp', 'bench-profiles', `${options.scale.name}-${target.dialect}`, figure.id);
    fs.rmSync(dir, { recursive: true, force: true });
    log(`profiling the miss: ${figure.title}`);
    const server = await startServer({ repoRoot: options.repoRoot, dataDir: target.dataDir, cpuProfileDir: dir, ...(target.databaseUrl ? { databaseUrl: target.databaseUrl } : {}) });
    const api = new HttpClient(server.origin);
    api.setHeaders(context.api.sentHeaders);
    try {
      await replay({ ...context, api });
    } catch (error) {
      figure.notes.push(`Profiling run failed: ${(error as Error).message}`);
    } finally {
      await api.close();
      await server.stop();
    }
    const file = newestProfile(dir);
    if (file) figure.profile = { ...summarizeProfile(file), file: path.relative(options.repoRoot, file) };
  }
}
