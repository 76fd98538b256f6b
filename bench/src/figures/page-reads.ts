/**
 * The page figures: the first page (100 records) of the whole table's view, and the page at
 * offset 900,000 (90% of the table) — each next to the same page read with bare SQL and the same
 * bytes served by bare fastify.
 */
import { bytesOf, defaultOrderSql, recordsPath, repeatFor, tableSql, timeGet, type BenchContext } from '../context';
import { interleaved } from '../measure';
import { round } from '../stats';
import { within, type FigureResult } from '../report/results';

async function pageFigure(
  context: BenchContext,
  spec: { id: string; title: string; target: string; limitMs: number; offset: number },
): Promise<FigureResult> {
  const { api, tables, bare, bareHttp, scale } = context;
  const visits = tables.visits;
  const viewId = visits.views[0]!.id;
  const path = recordsPath(context, visits.id, { view: viewId, pageSize: 100, ...(spec.offset > 0 ? { offset: spec.offset } : {}) });
  await bareHttp.store(spec.id, await bytesOf(api, path));
  context.replays.set(spec.id, (again) => repeatFor(5000, () => timeGet(again.api, path)));
  const sql = `SELECT * FROM ${tableSql(visits)} ORDER BY ${defaultOrderSql(context.dialect)} LIMIT 101${spec.offset > 0 ? ' OFFSET ?' : ''}`;
  const params = spec.offset > 0 ? [spec.offset] : [];
  const result = await interleaved(
    {
      server: () => timeGet(api, path),
      bareSql: async () => {
        const started = performance.now();
        await bare.all(sql, params);
        return performance.now() - started;
      },
      bareHttp: () => bareHttp.time('GET', spec.id),
    },
    scale,
  );
  const ceiling = result.bareSql.p50 + result.bareHttp.p50;
  return {
    id: spec.id,
    title: spec.title,
    target: spec.target,
    status: within(result.server.p50, spec.limitMs),
    headline: `${result.server.p50} ms p50`,
    measurements: [
      { label: 'server over HTTP', latency: result.server },
      { label: 'bare SQL (same page)', latency: result.bareSql },
      { label: 'bare fastify (same bytes)', latency: result.bareHttp },
    ],
    ratio: { value: round(result.server.p50 / ceiling), against: 'bare SQL + bare fastify' },
    notes: [],
  };
}

export function firstPage(context: BenchContext): Promise<FigureResult> {
  return pageFigure(context, {
    id: 'first-page',
    title: `First page (100 records) of a ${context.scale.visits.toLocaleString('en')}-record view, over HTTP`,
    target: 'p50 ≤ 10 ms',
    limitMs: 10,
    offset: 0,
  });
}

export function deepOffset(context: BenchContext): Promise<FigureResult> {
  const offset = Math.floor(context.scale.visits * 0.9);
  return pageFigure(context, {
    id: 'deep-offset',
    title: `Page at offset ${offset.toLocaleString('en')}`,
    target: 'p50 ≤ 30 ms',
    limitMs: 30,
    offset,
  });
}
