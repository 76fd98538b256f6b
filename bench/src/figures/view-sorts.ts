/**
 * "Sort by any field a view sorts on, first page": one saved view per sorted field (date,
 * number, text, single select, rating; both directions), each read for its first page. The
 * figure is the slowest of them; each stands next to the same ORDER BY … LIMIT in bare SQL on
 * the same database (with whatever indexes the server made) and the same bytes from bare fastify.
 */
import { bytesOf, columnSql, defaultOrderSql, recordsPath, repeatFor, sortKeySql, tableSql, timeGet, type BenchContext } from '../context';
import { interleaved, type Interleaved } from '../measure';
import { round } from '../stats';
import { within, type FigureResult, type Measurement } from '../report/results';
import { createView } from './views';

export interface SortSpec {
  field: string;
  direction: 'asc' | 'desc';
  text: boolean;
}

export const sortedFields: SortSpec[] = [
  { field: 'Visit date', direction: 'desc', text: true },
  { field: 'Fee', direction: 'asc', text: false },
  { field: 'Diagnosis', direction: 'asc', text: true },
  { field: 'Department', direction: 'asc', text: true },
  { field: 'Priority', direction: 'desc', text: false },
];

export interface SortedPage {
  server: Interleaved<'server' | 'bareSql' | 'bareHttp'>;
  viewMs: number;
  path: string;
}

/** Creates a view sorted by `spec` on `tableId` and measures its first page. */
export async function measureSortedView(context: BenchContext, tableName: 'visits', spec: SortSpec, key: string): Promise<SortedPage | { error: string }> {
  const { api, bare, bareHttp, scale, dialect } = context;
  const table = context.tables[tableName];
  const view = await createView(api, context.baseId, table.id, `Sorted by ${spec.field} ${spec.direction}`, { sorts: [{ field: spec.field, direction: spec.direction }] });
  if (!view.ok) return { error: view.reason ?? 'view refused' };
  const path = recordsPath(context, table.id, { view: view.id, pageSize: 100 });
  await bareHttp.store(key, await bytesOf(api, path));
  const sql = `SELECT * FROM ${tableSql(table)} ORDER BY ${sortKeySql(dialect, columnSql(table, spec.field), spec.text, spec.direction)}, ${defaultOrderSql(dialect)} LIMIT 101`;
  const server = await interleaved(
    {
      server: () => timeGet(api, path),
      bareSql: async () => {
        const started = performance.now();
        await bare.all(sql);
        return performance.now() - started;
      },
      bareHttp: () => bareHttp.time('GET', key),
    },
    scale,
  );
  return { server, viewMs: view.ms, path };
}

export async function viewSorts(context: BenchContext): Promise<FigureResult> {
  const measurements: Measurement[] = [];
  const notes: string[] = [];
  let worst = 0;
  let worstRatio = 0;
  let worstPath = '';
  for (const spec of sortedFields) {
    const page = await measureSortedView(context, 'visits', spec, `sort-${spec.field}`);
    if ('error' in page) {
      notes.push(`${spec.field}: ${page.error}`);
      continue;
    }
    const { server, bareSql, bareHttp } = page.server;
    measurements.push({ label: `${spec.field} ${spec.direction}: server`, latency: server });
    measurements.push({ label: `${spec.field} ${spec.direction}: bare SQL`, latency: bareSql });
    notes.push(`${spec.field} ${spec.direction}: view created in ${round(page.viewMs)} ms; bare fastify ${bareHttp.p50} ms p50`);
    if (server.p50 > worst) worstPath = page.path;
    worst = Math.max(worst, server.p50);
    worstRatio = Math.max(worstRatio, server.p50 / (bareSql.p50 + bareHttp.p50));
  }
  if (worstPath) context.replays.set('view-sort', (again) => repeatFor(5000, () => timeGet(again.api, worstPath)));
  return {
    id: 'view-sort',
    title: 'Sort by any field a view sorts on, first page',
    target: 'p50 ≤ 20 ms',
    status: measurements.length === 0 ? 'not available' : within(worst, 20),
    headline: `${worst} ms p50 (slowest of ${measurements.length / 2} sorted views)`,
    measurements,
    ratio: { value: round(worstRatio), against: 'bare SQL + bare fastify (worst view)' },
    notes,
  };
}
