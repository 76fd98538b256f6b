/**
 * Text "contains" over the whole table: a rare word in Diagnosis (about one visit in 20,000),
 * so the filter scans every record to fill its page — the same work as the bare ~35 ms
 * query. Target: within 1.5× the bare SQL query (LIKE / ILIKE, as one would write it by hand).
 */
import { bytesOf, columnSql, defaultOrderSql, recordsPath, repeatFor, tableSql, timeGet, type BenchContext } from '../context';
import { rareSearchTerm } from '../data/vocabulary';
import { interleaved } from '../measure';
import { round } from '../stats';
import { within, type FigureResult } from '../report/results';
import { condition } from './views';

export async function textContains(context: BenchContext): Promise<FigureResult> {
  const { api, tables, bare, bareHttp, scale, dialect } = context;
  const visits = tables.visits;
  const path = recordsPath(context, visits.id, { filter: condition('Diagnosis', 'contains', rareSearchTerm), pageSize: 100 });
  const body = await bytesOf(api, path);
  const matches = (JSON.parse(body) as { records: unknown[] }).records.length;
  await bareHttp.store('text-contains', body);
  context.replays.set('text-contains', (again) => repeatFor(5000, () => timeGet(again.api, path)));
  const like = dialect === 'postgres' ? 'ILIKE' : 'LIKE';
  const column = columnSql(visits, 'Diagnosis');
  const sql = `SELECT * FROM ${tableSql(visits)} WHERE ${column} ${like} ? ORDER BY ${defaultOrderSql(dialect)} LIMIT 101`;
  // The predicate as the server's compiler spells it (compile-filter.ts: present, then the dialect's
  // case-blind LIKE for A–Z only: SQLite's LIKE, PostgreSQL's ILIKE under "C").
  const find = dialect === 'postgres' ? `(${column}) COLLATE "C" ILIKE ?` : `${column} LIKE ? ESCAPE '\\'`;
  const serverSpelling = `SELECT * FROM ${tableSql(visits)} WHERE (${column} IS NOT NULL AND ${column} <> '' AND ${find}) ORDER BY ${defaultOrderSql(dialect)} LIMIT 101`;
  const result = await interleaved(
    {
      server: () => timeGet(api, path),
      bareSql: async () => {
        const started = performance.now();
        const rows = await bare.all(sql, [`%${rareSearchTerm}%`]);
        if (Math.min(rows.length, 100) !== matches) throw new Error(`bare contains found ${rows.length} records, the server ${matches}`);
        return performance.now() - started;
      },
      bareHttp: () => bareHttp.time('GET', 'text-contains'),
      serverSql: async () => {
        const started = performance.now();
        await bare.all(serverSpelling, [`%${rareSearchTerm}%`]);
        return performance.now() - started;
      },
    },
    scale,
  );
  const ratio = round(result.server.p50 / result.bareSql.p50);
  return {
    id: 'text-contains',
    title: `Text "contains" filter over ${scale.visits.toLocaleString('en')} records`,
    target: '≤ 1.5× the bare SQL query',
    status: within(ratio, 1.5),
    headline: `${ratio}× bare SQL (${result.server.p50} ms vs ${result.bareSql.p50} ms)`,
    measurements: [
      { label: `server over HTTP ("${rareSearchTerm}", ${matches} matches)`, latency: result.server },
      { label: `bare SQL (${like} '%${rareSearchTerm}%')`, latency: result.bareSql },
      { label: 'bare fastify (same bytes)', latency: result.bareHttp },
      { label: "the server's own SQL predicate (present, then LIKE / ILIKE under \"C\") on the bare driver", latency: result.serverSql },
    ],
    ratio: { value: ratio, against: 'bare SQL query' },
    notes: [
      `Of the gap to bare LIKE, the SQL spelling accounts for ${round(result.serverSql.p50 / result.bareSql.p50)}× (the server's predicate on the bare driver); the rest is the server around it.`,
    ],
  };
}
