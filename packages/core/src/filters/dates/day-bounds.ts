/**
 * Turns calendar days into predicates on stored date cells.
 *
 * A date-only cell is `YYYY-MM-DD`, so a day is compared as that string. A date-time cell is a
 * fixed-width UTC instant (`YYYY-MM-DDTHH:mm:ss.sssZ`), so a day becomes the half-open range of
 * instants from its local midnight to the next local midnight in the condition's zone — 23 or
 * 25 hours long across a DST change. Both forms order correctly as text (code-point order).
 *
 * A bound past year 9999 has no fixed-width form and no cell can lie beyond it: an upper
 * bound there is left open, a lower bound there matches nothing.
 */
import { DateTime } from 'luxon';
import type { LoweringInput } from '../operand-context';
import { alwaysFalse, not, type Predicate } from '../predicate';
import { zoneOf, type Day, type DaySpan } from './date-operands';

const lastDay = DateTime.utc(9999, 12, 31);

/** How a day relates to a cell: on it, before it, after it … */
export type DayRelation = 'on' | 'notOn' | 'before' | 'after' | 'onOrBefore' | 'onOrAfter';

function dayText(day: Day): string {
  return day.toISODate()!;
}

/** The first instant of `day` in `zone`, as a fixed-width UTC string; undefined past year 9999. */
function startInstant(day: Day, zone: string): string | undefined {
  if (day > lastDay) return undefined;
  const local = DateTime.fromObject({ year: day.year, month: day.month, day: day.day }, { zone });
  return new Date(local.toMillis()).toISOString();
}

/** A predicate: the cell's day lies in `span` (first day included, `until` excluded). */
export function withinSpan(input: LoweringInput, span: DaySpan): Predicate {
  const { target } = input;
  if (span.from > lastDay) return alwaysFalse;
  if (input.profile.date?.storedAs === 'instant') {
    const zone = zoneOf(input);
    const from = startInstant(span.from, zone);
    const to = startInstant(span.until, zone);
    return { type: 'range', target, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
  }
  const from = dayText(span.from);
  return span.until > lastDay ? { type: 'range', target, from } : { type: 'range', target, from, to: dayText(span.until) };
}

/** A predicate relating the cell's day to `day`. */
export function relateToDay(input: LoweringInput, day: Day, relation: DayRelation): Predicate {
  const { target } = input;
  if (input.profile.date?.storedAs !== 'instant') {
    const value = dayText(day);
    const comparisons = { on: '=', before: '<', after: '>', onOrBefore: '<=', onOrAfter: '>=' } as const;
    if (relation === 'notOn') return not({ type: 'compare', target, comparison: '=', value });
    return { type: 'compare', target, comparison: comparisons[relation], value };
  }
  const next = day.plus({ days: 1 });
  const spans: Record<DayRelation, () => Predicate> = {
    on: () => withinSpan(input, { from: day, until: next }),
    notOn: () => not(withinSpan(input, { from: day, until: next })),
    before: () => beforeInstant(input, day),
    onOrBefore: () => beforeInstant(input, next),
    after: () => withinSpan(input, { from: next, until: lastDay.plus({ days: 1 }) }),
    onOrAfter: () => withinSpan(input, { from: day, until: lastDay.plus({ days: 1 }) }),
  };
  return spans[relation]();
}

function beforeInstant(input: LoweringInput, day: Day): Predicate {
  const bound = startInstant(day, zoneOf(input));
  return bound === undefined
    ? { type: 'range', target: input.target }
    : { type: 'compare', target: input.target, comparison: '<', value: bound };
}
