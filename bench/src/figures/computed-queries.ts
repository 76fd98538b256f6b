/**
 * "Filter / sort on a formula and on a lookup field ≤ 1.2× the same on a stored field": each
 * computed query is timed interleaved with its stored twin — the formula `{Fee} * 2` against
 * Fee itself (same order, same matches), the lookup "Patient name" against the stored text
 * Diagnosis — all through saved views, as users query them. The lookup filter is also put to the
 * bare driver, hand-written as the question it is (visits linked to a patient of that name) beside
 * its twin's: what the database itself pays for reading through the link, apart from the server.
 */
import { junctionOf } from '@multitable/storage';
import type { Field } from '@multitable/core';
import { isAvailable, unavailableReason } from '../data/hospital-tables';
import { computedNames } from '../data/hospital-schema';
import { patientName } from '../data/hospital-rows';
import { columnSql, defaultOrderSql, recordsPath, repeatFor, tableSql, timeGet, type BenchContext } from '../context';
import { interleaved, ratioRounds, type Variant } from '../measure';
import { round } from '../stats';
import { within, type FigureResult, type Measurement } from '../report/results';
import { condition, createView } from './views';

interface ViewConfig {
  sorts?: Array<{ field: string; direction: 'asc' | 'desc' }>;
  filter?: unknown;
}

interface BareQuery {
  sql: string;
  params: unknown[];
}

interface Pair {
  label: string;
  needs: string;
  computed: ViewConfig | ViewConfig[];
  stored: ViewConfig;
  /** The same two pages hand-written on the bare driver, where that says what the database pays. */
  bare?: (context: BenchContext) => { computed: BareQuery; stored: BareQuery } | undefined;
}

const sortBy = (field: string): ViewConfig => ({ sorts: [{ field, direction: 'asc' }] });

function pairs(): Pair[] {
  const someone = patientName(42);
  return [
    { label: 'sort on formula Fee x2 vs Fee', needs: computedNames.feeTimesTwo, computed: sortBy(computedNames.feeTimesTwo), stored: sortBy('Fee') },
    {
      label: 'filter formula Fee x2 > 4000 vs Fee > 2000',
      needs: computedNames.feeTimesTwo,
      computed: { filter: condition(computedNames.feeTimesTwo, 'isGreater', 4000) },
      stored: { filter: condition('Fee', 'isGreater', 2000) },
    },
    { label: 'sort on lookup Patient name vs Diagnosis', needs: computedNames.patientName, computed: sortBy(computedNames.patientName), stored: sortBy('Diagnosis') },
    {
      label: `filter lookup Patient name = "${someone}" vs Room = "B-312"`,
      needs: computedNames.patientName,
      // A lookup holds a list; the server may offer `is`, `hasAnyOf` or `contains` for it: the first it accepts is used.
      computed: [
        { filter: condition(computedNames.patientName, 'is', someone) },
        { filter: condition(computedNames.patientName, 'hasAnyOf', [someone]) },
        { filter: condition(computedNames.patientName, 'contains', someone) },
      ],
      stored: { filter: condition('Room', 'is', 'B-312') },
      bare: (context) => bareLookupFilter(context, someone, 'B-312'),
    },
  ];
}

/** The first page of visits linked to a patient named `name`, and of visits in `room`: both in the default order. */
function bareLookupFilter(context: BenchContext, name: string, room: string): { computed: BareQuery; stored: BareQuery } | undefined {
  const link = context.computed.outcomes[computedNames.patientLink];
  if (!link?.ok) return undefined;
  const junction = junctionOf(link.field as unknown as Field);
  const { visits, patients } = context.tables;
  const page = `ORDER BY ${defaultOrderSql(context.dialect)} LIMIT 101`;
  // Text compared as the server compares it, so its indexes apply: by code point (PostgreSQL's "C" collation).
  const textEquals = (column: string) => (context.dialect === 'postgres' ? `(${column}) COLLATE "C" = ?` : `${column} = ?`);
  const linked = `SELECT j.${junction.selfColumn} FROM ${junction.table} j JOIN ${tableSql(patients)} p ON p.id = j.${junction.otherColumn} WHERE ${textEquals(`p.${columnSql(patients, 'Name')}`)}`;
  return {
    computed: { sql: `SELECT * FROM ${tableSql(visits)} WHERE id IN (${linked}) ${page}`, params: [name] },
    stored: { sql: `SELECT * FROM ${tableSql(visits)} WHERE ${textEquals(columnSql(visits, 'Room'))} ${page}`, params: [room] },
  };
}

/** The bare queries must answer what the views do (the same first records in the same order), or their times say nothing. */
async function assertSamePages(context: BenchContext, bare: { computed: BareQuery; stored: BareQuery }, paths: [string, string]): Promise<void> {
  for (const [query, path] of [[bare.computed, paths[0]], [bare.stored, paths[1]]] as const) {
    const served = (await context.api.json<{ records: Array<{ id: string }> }>('GET', path)).records.map((record) => record.id);
    const read = ((await context.bare.all(query.sql, query.params)) as Array<{ id: string }>).slice(0, served.length).map((row) => row.id);
    if (served.length === 0 || JSON.stringify(read) !== JSON.stringify(served)) {
      throw new Error(`The bare query does not read the page ${path} serves (${served.length} records; first ids ${served.slice(0, 3).join(', ')} against ${read.slice(0, 3).join(', ')}):\n${query.sql}`);
    }
  }
}

async function timedBare(context: BenchContext, query: BareQuery): Promise<number> {
  const started = performance.now();
  await context.bare.all(query.sql, query.params);
  return performance.now() - started;
}

async function firstAcceptedView(context: BenchContext, name: string, configs: ViewConfig[]) {
  const reasons: string[] = [];
  for (const [index, config] of configs.entries()) {
    const view = await createView(context.api, context.baseId, context.tables.visits.id, `${name}${index ? ` (${index + 1})` : ''}`, config);
    if (view.ok) return view;
    reasons.push(view.reason ?? 'refused');
  }
  return { ok: false as const, id: '', ms: 0, reason: reasons.join('; ') };
}

export async function computedQueries(context: BenchContext): Promise<FigureResult> {
  const measurements: Measurement[] = [];
  const notes: string[] = [];
  let worst = 0;
  let measured = 0;
  const computedPaths: string[] = [];
  for (const [index, pair] of pairs().entries()) {
    if (!isAvailable(context.computed, pair.needs)) {
      notes.push(`${pair.label}: ${unavailableReason(context.computed, pair.needs)}`);
      continue;
    }
    const computedView = await firstAcceptedView(context, `Computed ${index + 1}`, Array.isArray(pair.computed) ? pair.computed : [pair.computed]);
    const storedView = await createView(context.api, context.baseId, context.tables.visits.id, `Stored twin ${index + 1}`, pair.stored);
    if (!computedView.ok || !storedView.ok) {
      notes.push(`${pair.label}: view refused — ${computedView.reason ?? storedView.reason}`);
      continue;
    }
    const pathOf = (viewId: string) => recordsPath(context, context.tables.visits.id, { view: viewId, pageSize: 100 });
    const bare = pair.bare?.(context);
    if (bare) await assertSamePages(context, bare, [pathOf(computedView.id), pathOf(storedView.id)]);
    const variants: Record<string, Variant> = {
      computed: () => timeGet(context.api, pathOf(computedView.id)),
      stored: () => timeGet(context.api, pathOf(storedView.id)),
    };
    if (bare) {
      variants.bareComputed = () => timedBare(context, bare.computed);
      variants.bareStored = () => timedBare(context, bare.stored);
    }
    const result = await interleaved(variants, ratioRounds(context.scale));
    computedPaths.push(pathOf(computedView.id));
    const computed = result.computed!;
    const stored = result.stored!;
    const ratio = computed.p50 / stored.p50;
    worst = Math.max(worst, ratio);
    measured++;
    measurements.push({ label: `${pair.label}: computed`, latency: computed });
    measurements.push({ label: `${pair.label}: stored`, latency: stored });
    notes.push(`${pair.label}: ${round(ratio)}× (views created in ${round(computedView.ms)} ms and ${round(storedView.ms)} ms)`);
    const { bareComputed, bareStored } = result;
    if (bareComputed && bareStored) {
      measurements.push({ label: `${pair.label}: bare SQL through the link`, latency: bareComputed }, { label: `${pair.label}: bare SQL on the stored field`, latency: bareStored });
      const gap = (a: number, b: number) => `${a - b >= 0 ? '+' : '−'}${round(Math.abs(a - b))} ms`;
      notes.push(`${pair.label}: in bare SQL the link costs ${round(bareComputed.p50 / bareStored.p50)}× the stored field (${bareComputed.p50} ms vs ${bareStored.p50} ms, ${gap(bareComputed.p50, bareStored.p50)}; over HTTP ${gap(computed.p50, stored.p50)})`);
    }
  }
  context.replays.set('computed-queries', (again) => repeatFor(6000, async () => {
    for (const path of computedPaths) await timeGet(again.api, path);
  }));
  return {
    id: 'computed-queries',
    title: 'Filter / sort on a formula and on a lookup field',
    target: '≤ 1.2× the same on a stored field',
    status: measured === 0 ? 'not available' : within(worst, 1.2),
    headline: measured === 0 ? 'not available yet' : `${round(worst)}× the stored field (worst of ${measured} of ${pairs().length} pairs measured)`,
    measurements,
    ...(measured > 0 ? { ratio: { value: round(worst), against: 'the same query on a stored field' } } : {}),
    notes,
  };
}
