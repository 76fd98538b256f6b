/**
 * Group-by counts over the whole table (records per Department). The API has no group-by
 * endpoint yet — server-side groups come with the grid's group-by (issue 6) — so the figure is
 * "not available yet", with the bare SQL GROUP BY measured so the ceiling is known when it lands.
 */
import { columnSql, tableSql, type BenchContext } from '../context';
import { interleaved } from '../measure';
import type { FigureResult } from '../report/results';

export async function groupCounts(context: BenchContext): Promise<FigureResult> {
  const visits = context.tables.visits;
  const sql = `SELECT ${columnSql(visits, 'Department')} AS grp, COUNT(*) AS n FROM ${tableSql(visits)} GROUP BY 1`;
  const result = await interleaved(
    {
      bareSql: async () => {
        const started = performance.now();
        await context.bare.all(sql);
        return performance.now() - started;
      },
    },
    { runs: Math.min(context.scale.runs, 7), warmups: 1 },
  );
  return {
    id: 'group-counts',
    title: `Group-by counts over ${context.scale.visits.toLocaleString('en')} records`,
    target: '≤ 300 ms',
    status: 'not available',
    headline: 'not available yet (no group-by endpoint in the API)',
    measurements: [{ label: 'bare SQL GROUP BY Department', latency: result.bareSql }],
    notes: ['The REST API has no group / aggregate route yet; the grid\'s server-side group-by (issue 6) will add one. The bare SQL ceiling is measured already.'],
  };
}
