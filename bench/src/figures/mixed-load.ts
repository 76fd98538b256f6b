/**
 * "30 readers + 20 writers on 100k records for 60 s": on a table of its own (the visits' stored
 * fields and formulas, 100,000 records), 30 loops read — a 50-record page at a random offset, a
 * filtered page, a sorted view's page — and 20 loops each update one cell of a random record,
 * all at once, closed-loop (each sends its next request when the last one answered), on
 * loopback, for a fixed time. p50/p95/p99 per kind, throughput and every error are reported.
 */
import { HttpClient } from '../http/client';
import { Random } from '../random';
import { recordsPath, type BenchContext } from '../context';
import { round, summarize } from '../stats';
import type { FigureResult, FigureStatus } from '../report/results';
import { condition } from './views';
import { departments } from '../data/vocabulary';
import type { ApiTable } from '../data/hospital-tables';

export interface LoadTable {
  tableId: string;
  table: ApiTable;
  sortedViewId: string;
  recordIds: string[];
}

type Kind = 'page' | 'filter' | 'sorted' | 'update';

export async function mixedLoad(context: BenchContext, table: LoadTable): Promise<FigureResult> {
  const { scale } = context;
  const client = new HttpClient(context.api.origin, scale.loadReaders + scale.loadWriters + 4);
  client.setHeaders(context.api.sentHeaders);
  const samples: Record<Kind, number[]> = { page: [], filter: [], sorted: [], update: [] };
  const errors: string[] = [];
  let errorCount = 0;
  const deadline = performance.now() + scale.loadSeconds * 1000;
  const list = (params: Record<string, unknown>) => recordsPath(context, table.tableId, params);

  const run = async (kind: Kind, method: 'GET' | 'PATCH', path: string, body?: unknown) => {
    try {
      const reply = await client.send(method, path, body);
      if (reply.status !== 200) {
        errorCount++;
        if (errors.length < 5) errors.push(`${method} ${kind}: ${reply.status} ${reply.text.slice(0, 200)}`);
        return;
      }
      samples[kind].push(reply.ms);
    } catch (error) {
      errorCount++;
      if (errors.length < 5) errors.push(`${method} ${kind}: ${(error as Error).message}`);
    }
  };

  const reader = async (n: number) => {
    const random = new Random(scale.seed + 1000 + n);
    while (performance.now() < deadline) {
      const draw = random.int(0, 2);
      if (draw === 0) await run('page', 'GET', list({ pageSize: 50, offset: random.int(0, 40) * 50 }));
      else if (draw === 1) await run('filter', 'GET', list({ pageSize: 50, filter: condition('Department', 'is', random.pick(departments)) }));
      else await run('sorted', 'GET', list({ pageSize: 50, view: table.sortedViewId }));
    }
  };
  const writer = async (n: number) => {
    const random = new Random(scale.seed + 2000 + n);
    while (performance.now() < deadline) {
      const id = random.pick(table.recordIds);
      await run('update', 'PATCH', `${recordsPath(context, table.tableId)}/${id}`, { fields: { Fee: Math.round(random.next() * 300000) / 100 } });
    }
  };

  context.memory.enter('mixed load');
  context.replays.set('mixed-load', async (again) => {
    await mixedLoad({ ...again, scale: { ...again.scale, loadSeconds: Math.min(15, again.scale.loadSeconds) }, replays: new Map() }, table);
  });
  const started = performance.now();
  await Promise.all([
    ...Array.from({ length: scale.loadReaders }, (_, n) => reader(n)),
    ...Array.from({ length: scale.loadWriters }, (_, n) => writer(n)),
  ]);
  const seconds = (performance.now() - started) / 1000;
  await client.close();

  const reads = [...samples.page, ...samples.filter, ...samples.sorted];
  const all = [...reads, ...samples.update];
  const overall = summarize(all);
  const status: FigureStatus = overall.p99 <= 100 && errorCount === 0 ? 'met' : 'missed';
  return {
    id: 'mixed-load',
    title: `${scale.loadReaders} readers + ${scale.loadWriters} writers on ${scale.loadTableRecords.toLocaleString('en')} records for ${scale.loadSeconds} s`,
    target: 'p99 ≤ 100 ms, 0 errors',
    status,
    headline: `p99 ${overall.p99} ms, ${errorCount} errors, ${Math.round(all.length / seconds)} requests/s`,
    measurements: [
      { label: 'all requests', latency: overall },
      { label: 'reads (all kinds)', latency: summarize(reads) },
      { label: 'read: 50-record page at a random offset ≤ 2000', latency: summarize(samples.page) },
      { label: 'read: filtered page (Department is …)', latency: summarize(samples.filter) },
      { label: 'read: sorted view page (Visit date desc)', latency: summarize(samples.sorted) },
      { label: 'write: update one cell (Fee) of a random record', latency: summarize(samples.update) },
      { label: 'throughput', value: Math.round(all.length / seconds), unit: 'requests/s' },
      { label: 'errors', value: errorCount, unit: 'requests' },
    ],
    notes: [
      `Closed loop, ${round(seconds)} s measured; ${reads.length} reads and ${samples.update.length} writes.`,
      ...errors.map((error) => `error sample: ${error}`),
    ],
  };
}
