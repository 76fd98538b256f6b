/**
 * Date operands: a calendar day, given exactly (`'2024-03-10'`, `{ mode: 'exactDate', date }`)
 * or relative to now (`'today'`, `{ mode: 'oneWeekAgo' }`, `{ mode: 'daysAgo', days: 3 }`), and
 * for `isWithin` a span of days (`{ mode: 'pastWeek' }`, `{ mode: 'nextNumberOfDays', days: 10 }`).
 *
 * Days are plain calendar dates (luxon DateTimes at midnight UTC, so arithmetic never meets a
 * DST gap). "Today" is the date of `ctx.now` in the field's zone, or the base's zone when the
 * field has none. Spans include both their first and last day: `pastWeek` is the seven days
 * before today and today; `thisWeek` starts on Monday (ISO weeks).
 */
import { DateTime } from 'luxon';
import { isTimeZone } from '../../time-zones';
import { invalidFilter, type LoweringInput } from '../operand-context';

export type Day = DateTime;

/** A span of days: `from` is the first day, `until` the day after the last. */
export interface DaySpan {
  from: Day;
  until: Day;
}

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;
const maxDays = 100_000;

type DayMode = (today: Day, days: number) => Day;
const dayModes: Readonly<Record<string, { needsDays: boolean; day: DayMode }>> = {
  today: { needsDays: false, day: (t) => t },
  tomorrow: { needsDays: false, day: (t) => t.plus({ days: 1 }) },
  yesterday: { needsDays: false, day: (t) => t.minus({ days: 1 }) },
  oneWeekAgo: { needsDays: false, day: (t) => t.minus({ weeks: 1 }) },
  oneWeekFromNow: { needsDays: false, day: (t) => t.plus({ weeks: 1 }) },
  oneMonthAgo: { needsDays: false, day: (t) => t.minus({ months: 1 }) },
  oneMonthFromNow: { needsDays: false, day: (t) => t.plus({ months: 1 }) },
  daysAgo: { needsDays: true, day: (t, n) => t.minus({ days: n }) },
  daysFromNow: { needsDays: true, day: (t, n) => t.plus({ days: n }) },
};

type SpanMode = (today: Day, days: number) => DaySpan;
const through = (from: Day, last: Day): DaySpan => ({ from, until: last.plus({ days: 1 }) });
const spanModes: Readonly<Record<string, { needsDays: boolean; span: SpanMode }>> = {
  pastWeek: { needsDays: false, span: (t) => through(t.minus({ weeks: 1 }), t) },
  pastMonth: { needsDays: false, span: (t) => through(t.minus({ months: 1 }), t) },
  pastYear: { needsDays: false, span: (t) => through(t.minus({ years: 1 }), t) },
  nextWeek: { needsDays: false, span: (t) => through(t, t.plus({ weeks: 1 })) },
  nextMonth: { needsDays: false, span: (t) => through(t, t.plus({ months: 1 })) },
  nextYear: { needsDays: false, span: (t) => through(t, t.plus({ years: 1 })) },
  pastNumberOfDays: { needsDays: true, span: (t, n) => through(t.minus({ days: n }), t) },
  nextNumberOfDays: { needsDays: true, span: (t, n) => through(t, t.plus({ days: n })) },
  thisWeek: { needsDays: false, span: (t) => ({ from: t.startOf('week'), until: t.startOf('week').plus({ weeks: 1 }) }) },
  thisMonth: { needsDays: false, span: (t) => ({ from: t.startOf('month'), until: t.startOf('month').plus({ months: 1 }) }) },
  thisYear: { needsDays: false, span: (t) => ({ from: t.startOf('year'), until: t.startOf('year').plus({ years: 1 }) }) },
};

export const dayModeNames = [...Object.keys(dayModes), 'exactDate'];
export const spanModeNames = Object.keys(spanModes);

/** The zone days are read in for this condition: the field's own, else the base's. */
export function zoneOf(input: LoweringInput): string {
  const zone = input.profile.date?.timeZone || input.ctx.timeZone;
  if (!isTimeZone(zone)) {
    throw invalidFilter(input.path, `Unknown time zone "${zone}"`, { field: input.target.field.id });
  }
  return zone;
}

/** Today's date in the condition's zone. */
export function today(input: LoweringInput): Day {
  const local = DateTime.fromJSDate(input.ctx.now, { zone: zoneOf(input) });
  return DateTime.utc(local.year, local.month, local.day);
}

/** A `YYYY-MM-DD` string naming a real day in years 0001–9999. */
export function parseDay(value: unknown, path: string): Day {
  const match = typeof value === 'string' ? isoDay.exec(value) : null;
  const day = match ? DateTime.utc(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
  if (!day || !day.isValid || day.year < 1) throw invalidFilter(path, 'Expected a date as YYYY-MM-DD');
  return day;
}

/** Reads a relative spec's mode, days and date, refusing keys that do not belong. */
function readSpec(operand: unknown, path: string): { mode: string; days?: unknown; date?: unknown; modePath: string } {
  if (typeof operand === 'string') return { mode: operand, modePath: path };
  if (operand === null || typeof operand !== 'object' || Array.isArray(operand)) {
    throw invalidFilter(path, 'Expected a date (YYYY-MM-DD) or a relative date such as { "mode": "today" }');
  }
  const spec = operand as Record<string, unknown>;
  for (const key of Object.keys(spec)) {
    if (key !== 'mode' && key !== 'days' && key !== 'date') throw invalidFilter(`${path}.${key}`, `Unexpected property "${key}"`);
  }
  if (typeof spec.mode !== 'string') throw invalidFilter(`${path}.mode`, 'Expected a mode name');
  return { mode: spec.mode, days: spec.days, date: spec.date, modePath: `${path}.mode` };
}

function readDays(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > maxDays) {
    throw invalidFilter(path, `Expected a whole number of days from 0 to ${maxDays}`);
  }
  return value;
}

/** The day an `is` / `isBefore` / … operand names. */
export function readDayOperand(input: LoweringInput): Day {
  input.spend(1);
  const { operand, path } = input;
  if (typeof operand === 'string' && isoDay.test(operand)) return parseDay(operand, path);
  const spec = readSpec(operand, path);
  if (spec.mode === 'exactDate') return parseDay(spec.date, `${path}.date`);
  const mode = Object.hasOwn(dayModes, spec.mode) ? dayModes[spec.mode] : undefined;
  if (!mode) throw invalidFilter(spec.modePath, `Unknown date mode "${spec.mode}"; expected one of ${dayModeNames.join(', ')}`);
  const days = mode.needsDays ? readDays(spec.days, `${path}.days`) : 0;
  return mode.day(today(input), days);
}

/** The span an `isWithin` operand names. */
export function readSpanOperand(input: LoweringInput): DaySpan {
  input.spend(1);
  const spec = readSpec(input.operand, input.path);
  const mode = Object.hasOwn(spanModes, spec.mode) ? spanModes[spec.mode] : undefined;
  if (!mode) throw invalidFilter(spec.modePath, `Unknown date span "${spec.mode}"; expected one of ${spanModeNames.join(', ')}`);
  const days = mode.needsDays ? readDays(spec.days, `${input.path}.days`) : 0;
  return mode.span(today(input), days);
}
