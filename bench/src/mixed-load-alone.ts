/**
 * `pnpm bench --mixed-load`: the mixed load alone, to check a change to the request path in
 * about a minute. A fresh database holds only the load table (100,000 records, loaded as the
 * suite loads it); each request kind is first timed one at a time — latency, and the server
 * process's CPU per request read from /proc (every thread: the collector's too) — then the 50
 * clients run for 30 s. Printed only: results.json and BENCHMARKS.md are the suite's. With
 * `--profile` the server runs the sources under --cpu-prof (slower than the bundle, so its
 * figures are not comparable) and the profile's path is printed at the end.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchContext } from './context';
import { recordsPath } from './context';
import { openPostgresBare } from './bare/postgres-bare';
import { openSqliteBare } from './bare/sqlite-bare';
import { prepareTarget } from './database-target';
import { prepareLoadTable } from './figures/load-table';
import { mixedLoad, type LoadTable } from './figures/mixed-load';
import { setUpInstance, type Instance } from './instance-setup';
import { MemoryMonitor } from './memory-monitor';
import { fullScale } from './scale';
import { startServer, type RunningServer } from './server-process';

const sequentialRuns = 500;
const loadSeconds = 30;

/** User + system CPU of a process so far, in milliseconds. */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 1/100 s (USER_HZ)
}

async function oneAtATime(server: RunningServer, instance: Instance, context: BenchContext, table: LoadTable): Promise<void> {
  const kinds = [
    ['page', 'GET', recordsPath(context, table.tableId, { pageSize: 50, offset: 500 })],
    ['sorted view page', 'GET', recordsPath(context, table.tableId, { pageSize: 50, view: table.sortedViewId })],
    ['update one cell', 'PATCH', `${recordsPath(context, table.tableId)}/${table.recordIds[5]}`],
  ] as const;
  for (const [kind, method, path] of kinds) {
    const latencies: number[] = [];
    const cpuBefore = cpuMs(server.pid);
    for (let run = 0; run < sequentialRuns; run++) {
      const reply = await instance.api.send(method, path, method === 'PATCH' ? { fields: { Fee: run / 100 } } : undefined);
      if (reply.status !== 200) throw new Error(`${kind}: ${reply.status} ${reply.text.slice(0, 200)}`);
      latencies.push(reply.ms);
    }
    const cpuPerRequest = (cpuMs(server.pid) - cpuBefore) / sequentialRuns;
    latencies.sort((a, b) => a - b);
    console.log(`one at a time, ${kind}: p50 ${latencies[sequentialRuns / 2]!.toFixed(2)} ms, server CPU ${cpuPerRequest.toFixed(2)} ms per request`);
  }
}

export async function runMixedLoadAlone(repoRoot: string, databaseUrl: string | undefined, options: { profile: boolean }): Promise<void> {
  const target = await prepareTarget(repoRoot, 'mixed-load', databaseUrl);
  const cpuProfileDir = options.profile ? fs.mkdtempSync(path.join(os.tmpdir(), 'mt-mixed-load-profile-')) : undefined;
  const server = await startServer({
    repoRoot,
    dataDir: target.dataDir,
    ...(target.databaseUrl ? { databaseUrl: target.databaseUrl } : {}),
    ...(cpuProfileDir ? { cpuProfileDir } : {}),
  });
  const bare = target.dialect === 'sqlite' ? openSqliteBare(target.sqliteFile) : await openPostgresBare(target.databaseUrl!);
  try {
    const instance = await setUpInstance(server.origin);
    // Only what the load table and the load read of the context.
    const context = {
      scale: { ...fullScale, loadSeconds },
      dialect: target.dialect,
      api: instance.api,
      baseId: instance.baseId,
      timeZone: instance.timeZone,
      ownerId: instance.ownerId,
      doctorIds: instance.doctorIds,
      bare,
      memory: new MemoryMonitor(),
      replays: new Map(),
      log: (message: string) => console.log(message),
    } as unknown as BenchContext;
    const table = await prepareLoadTable(context, target);
    await oneAtATime(server, instance, context, table);
    const result = await mixedLoad(context, table);
    console.log(`\nmixed load on ${target.dialect}, ${result.title}: ${result.headline}`);
    for (const measurement of result.measurements) {
      console.log(`  ${measurement.label}: ${measurement.latency ? `p50 ${measurement.latency.p50} · p95 ${measurement.latency.p95} · p99 ${measurement.latency.p99} ms` : `${measurement.value} ${measurement.unit ?? ''}`}`);
    }
  } finally {
    await server.stop();
    await bare.close();
    await target.drop();
  }
  if (cpuProfileDir) console.log(`\nServer CPU profile: ${path.join(cpuProfileDir, fs.readdirSync(cpuProfileDir)[0] ?? '(none written)')}`);
}
