/**
 * "Filter / sort on a formula and on a lookup field ≤ 1.2× the same on a stored field": each
 * computed query is timed interleaved with its stored twin — the formula `{Fee} * 2` against
 * Fee itself (same order, same matches), the lookup "Patient name" against the stored text
 * Diagnosis — all through saved views, as users query them.
 */
import { isAvailable, unavailableReason } from '../data/hospital-tables';
import { computedNames } from '../data/hospital-schema';
import { patientName } from '../data/hospital-rows';
import { recordsPath, repeatFor, timeGet, type BenchContext } from '../context';
import { interleaved, ratioRounds } from '../measure';
import { round } from '../stats';
import { within, type FigureResult, type Measurement } from '../report/results';
import { condition, createView } from './views';

interface ViewConfig {
  sorts?: Array<{ field: string; direction: 'asc' | 'desc' }>;
  filter?: unknown;
}

interface Pair {
  label: string;
  needs: string;
  computed: ViewConfig | ViewConfig[];
  stored: ViewConfig;
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
    },
  ];
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
    const result = await interleaved(
      { computed: () => timeGet(context.api, pathOf(computedView.id)), stored: () => timeGet(context.api, pathOf(storedView.id)) },
      ratioRounds(context.scale),
    );
    computedPaths.push(pathOf(computedView.id));
    const ratio = result.computed.p50 / result.stored.p50;
    worst = Math.max(worst, ratio);
    measured++;
    measurements.push({ label: `${pair.label}: computed`, latency: result.computed });
    measurements.push({ label: `${pair.label}: stored`, latency: result.stored });
    notes.push(`${pair.label}: ${round(ratio)}× (views created in ${round(computedView.ms)} ms and ${round(storedView.ms)} ms)`);
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
