/**
 * A rollup's new value from its stored value and the linked records that changed alone (see
 * FieldComputer.update), for the aggregations where that is exact:
 * - count, counta, countall: they add up record by record, so the stored count minus what the
 *   old records counted plus what the new ones count — each counted by the rollup's own formula;
 * - sum: exact decimals (../../formula/decimal-sum.ts), when the stored sum is exact;
 * - min and max over numbers, unless the extreme is taken away and nothing reaches it again;
 * - and, or, when the changed records settle the answer (a new false for `and`, a new true for `or`).
 * Anything else gives undefined — and so does an error value among the changed records or a
 * stored error — and the caller then computes over every linked record.
 */
import { DecimalSum, sumIsExact } from '../../formula/decimal-sum';
import { toBoolean } from '../../formula/coerce';
import type { DateSettings } from '../../formula/date-coercion';
import { numericItems } from '../../formula/functions/numeric';
import { toFormulaValue } from '../../formula/inputs';
import { innermostKind, type ValueKind } from '../../formula/value-kinds';
import { flattenValue, type FormulaScalar, type FormulaValue } from '../../formula/values';
import { isCellError } from './cell-errors';

export interface RollupUpdateContext {
  aggregation: string;
  /** The kind of `values` (a list of the target's kind). */
  valuesKind: ValueKind;
  settings: DateSettings;
  /** The rollup's formula over these values alone (without the emptiness and error rules of compute). */
  evaluate(values: unknown[]): FormulaValue;
}

type Update = { value: FormulaValue | null } | undefined;

const counts = new Set(['count', 'counta', 'countall']);

const isBlank = (value: unknown) => value === null || value === '';

/** Values as the rollup's formula reads them, flattened. */
function itemsOf(context: RollupUpdateContext, values: unknown[]): FormulaScalar[] {
  return flattenValue(toFormulaValue(values, context.valuesKind, context.settings, 0, values.length));
}

function updateCount(context: RollupUpdateContext, current: unknown, removed: unknown[][], added: unknown[][]): Update {
  if (typeof current !== 'number' || !Number.isInteger(current)) return undefined;
  let total = current;
  for (const [records, sign] of [[removed, -1], [added, 1]] as const) {
    for (const values of records) {
      const counted = context.evaluate(values);
      if (typeof counted !== 'number') return undefined;
      total += sign * counted;
    }
  }
  return { value: total };
}

function updateSum(context: RollupUpdateContext, current: unknown, removed: unknown[], added: unknown[]): Update {
  if (!sumIsExact(current)) return undefined;
  const total = new DecimalSum();
  total.add(current);
  for (const value of numericItems([itemsOf(context, removed)])) total.add(value, -1);
  for (const value of numericItems([itemsOf(context, added)])) total.add(value);
  const result = total.result();
  return Number.isFinite(result) ? { value: result === 0 ? 0 : result } : undefined;
}

/**
 * Max (pick = 1) or min (pick = -1) over number values. The stored extreme stands unless a taken
 * away value equals it; 0 is left out, as it is also what MAX gives when no value is a number.
 */
function updateExtreme(context: RollupUpdateContext, current: unknown, removed: unknown[], added: unknown[], pick: 1 | -1): Update {
  if (innermostKind(context.valuesKind) !== 'number') return undefined;
  const best = (numbers: number[]) => (numbers.length === 0 ? undefined : pick === 1 ? Math.max(...numbers) : Math.min(...numbers));
  if (current === null) {
    // Every value was blank: the new ones alone decide (the others are blank still).
    if (removed.some((value) => !isBlank(value))) return undefined;
    if (added.every(isBlank)) return { value: null };
    return { value: best(numericItems([itemsOf(context, added)])) ?? 0 };
  }
  if (typeof current !== 'number' || current === 0) return undefined;
  const gone = best(numericItems([itemsOf(context, removed)]));
  const come = best(numericItems([itemsOf(context, added)]));
  const reaches = come !== undefined && (pick === 1 ? come >= current : come <= current);
  if (gone !== undefined && gone === current && !reaches) return undefined;
  if (come === undefined) return { value: current };
  return { value: pick === 1 ? Math.max(current, come) : Math.min(current, come) };
}

/** And (`all` true) or or (`all` false): only the answers a changed record settles on its own. */
function updateLogical(context: RollupUpdateContext, current: unknown, added: unknown[], all: boolean): Update {
  if (typeof current !== 'boolean') return undefined;
  const items = itemsOf(context, added);
  const truths: boolean[] = [];
  for (const item of items) {
    const truth = toBoolean(item);
    if (typeof truth !== 'boolean') return undefined;
    truths.push(truth);
  }
  const settling = !all; // and: a false settles it; or: a true
  // A value equal to `settling` that is not blank decides the answer, whatever the other records hold.
  if (truths.some((truth, index) => truth === settling && !isBlank(items[index]))) return { value: settling };
  // The stored answer was the unsettled one (every other value agrees with it): it stands while every
  // new value agrees too and at least one of them is not blank.
  if (current === all && truths.every((truth) => truth === all) && items.some((item) => !isBlank(item))) return { value: all };
  return undefined;
}

/**
 * The new rollup value from the stored one, the values of the records taken away (`removed`) and
 * of those added (`added`), per record; undefined when that is not exact (see the header). The
 * caller turns the value into a cell as compute does.
 */
export function updateRollupValue(context: RollupUpdateContext, current: unknown, removed: unknown[][], added: unknown[][]): Update {
  if (isCellError(current)) return undefined;
  if ([...removed, ...added].some((values) => values.some(isCellError))) return undefined;
  if (counts.has(context.aggregation)) return updateCount(context, current, removed, added);
  const before = removed.flat();
  const after = added.flat();
  switch (context.aggregation) {
    case 'sum':
      return updateSum(context, current, before, after);
    case 'max':
      return updateExtreme(context, current, before, after, 1);
    case 'min':
      return updateExtreme(context, current, before, after, -1);
    case 'and':
      return updateLogical(context, current, after, true);
    case 'or':
      return updateLogical(context, current, after, false);
    default:
      return undefined;
  }
}
