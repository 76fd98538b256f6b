/**
 * Group-by counts over the whole table: records per Department through
 * `GET …/records/groups?groupBy=[{"field":"Department"}]`, checked to add up to every record,
 * next to the same GROUP BY … COUNT(*) on the bare driver and the same bytes from bare fastify.
 */
import { bytesOf, columnSql, recordsPath, repeatFor, tableSql, timeGet, type BenchContext } from '../context';
import { interleaved } from '../measure';
import { round } from '../stats';
import { within, type FigureResult } from '../report/results';

export async function groupCounts(context: BenchContext): Promise<FigureResult> {
  const { api, bare, bareHttp, scale, tables } = context;
  const visits = tables.visits;
  const path = `${recordsPath(context, visits.id)}/groups?groupBy=${encodeURIComponent(JSON.stringify([{ field: 'Department' }]))}`;
  const base = { id: 'group-counts', title: `Group-by counts over ${scale.visits.toLocaleString('en')} records`, target: '≤ 300 ms' };
  const probe = await api.send('GET', path);
  if (probe.status === 404) {
    return { ...base, status: 'not available', headline: 'not available yet (no group-by route)', measurements: [], notes: [probe.text.slice(0, 200)] };
  }
  const body = await bytesOf(api, path);
  const groups = (JSON.parse(body) as { groups: Array<{ count: number }> }).groups;
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  const counted = ((await bare.all(`SELECT COUNT(*) AS n FROM ${tableSql(visits)}`)) as Array<{ n: unknown }>)[0]!.n;
  if (total !== Number(counted)) throw new Error(`The groups count ${total} records, the table has ${String(counted)}`);
  await bareHttp.store('group-counts', body);
  context.replays.set('group-counts', (again) => repeatFor(5000, () => timeGet(again.api, path)));
  const sql = `SELECT ${columnSql(visits, 'Department')} AS grp, COUNT(*) AS n FROM ${tableSql(visits)} GROUP BY 1 ORDER BY 1`;
  const result = await interleaved(
    {
      server: () => timeGet(api, path),
      bareSql: async () => {
        const started = performance.now();
        await bare.all(sql);
        return performance.now() - started;
      },
      bareHttp: () => bareHttp.time('GET', 'group-counts'),
    },
    { runs: Math.min(scale.runs, 9), warmups: 1 },
  );
  return {
    ...base,
    status: within(result.server.p50, 300),
    headline: `${result.server.p50} ms p50`,
    measurements: [
      { label: `server over HTTP (${groups.length} groups, ${total.toLocaleString('en')} records)`, latency: result.server },
      { label: 'bare SQL GROUP BY Department', latency: result.bareSql },
      { label: 'bare fastify (same bytes)', latency: result.bareHttp },
    ],
    ratio: { value: round(result.server.p50 / (result.bareSql.p50 + result.bareHttp.p50)), against: 'bare SQL + bare fastify' },
    notes: [],
  };
}
