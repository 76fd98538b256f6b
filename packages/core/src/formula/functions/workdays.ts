/**
 * Working days: Monday to Friday, less holidays. WORKDAY(start, days, [holidays]) is the date
 * `days` working days after (or, when negative, before) `start`, start not counted — Excel's and
 * Airtable's WORKDAY. WORKDAY_DIFF(start, end, [holidays]) counts the working days from start to
 * end, both included, negative when end is before start; NETWORKDAYS is Excel's name for it.
 * Holidays are dates, lists of dates, or text listing dates separated by commas
 * ("2026-10-01, 2026-10-02"), at most 1,000. Days are calendar days in the base's zone; the
 * arithmetic jumps whole weeks, so a count of a million days costs no more than a count of ten.
 */
import { DateTime } from 'luxon';
import { toNumber } from '../coerce';
import { fromDateTime, localDateTime, toDate, type DateSettings } from '../date-coercion';
import { flattenValue, formulaError, isFormulaError, type FormulaError, type FormulaScalar, type FormulaValue } from '../values';
import { datesOf } from './date-arguments';
import { param, type FunctionTable } from './function-definition';

const maxHolidays = 1000;
const msPerDay = 86_400_000;

/** Days since 1970-01-01 of a date's calendar day in its zone. */
function dayNumber(moment: DateTime): number {
  return Math.round(Date.UTC(moment.year, moment.month - 1, moment.day) / msPerDay);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

const isWeekend = (day: number): boolean => weekdayOf(day) === 0 || weekdayOf(day) === 6;

/** Working-day holidays as sorted day numbers. */
function holidayDays(value: FormulaValue | undefined, settings: DateSettings): number[] | FormulaError {
  if (value === undefined || value === null) return [];
  const pieces = flattenValue(value).flatMap((item): FormulaScalar[] => (typeof item === 'string' ? item.split(/[,，;；\n]/) : [item]));
  const days = new Set<number>();
  for (const piece of pieces) {
    if (piece === null || (typeof piece === 'string' && piece.trim() === '')) continue;
    if (days.size >= maxHolidays) return formulaError('#LIMIT', `at most ${maxHolidays} holidays`);
    const date = toDate(typeof piece === 'string' ? piece.trim() : piece, settings);
    if (date === null) continue;
    if (isFormulaError(date)) return formulaError('#VALUE', `holidays: ${date.reason}`);
    const day = dayNumber(localDateTime(date, settings));
    if (!isWeekend(day)) days.add(day);
  }
  return [...days].sort((a, b) => a - b);
}

/** Weekdays in [from, to], both included (from ≤ to). */
function weekdaysBetween(from: number, to: number): number {
  const total = to - from + 1;
  const weeks = Math.floor(total / 7);
  let count = weeks * 5;
  for (let day = from + weeks * 7; day <= to; day++) if (!isWeekend(day)) count++;
  return count;
}

/** The day `count` weekdays after `day` (before, when negative), holidays ignored. */
function addWeekdays(day: number, count: number): number {
  if (count === 0) return day;
  const direction = Math.sign(count);
  let current = day;
  // A weekend start behaves as the Friday before (moving forward) or the Monday after (moving back).
  while (isWeekend(current)) current -= direction;
  let remaining = Math.abs(count);
  const weeks = Math.floor((remaining - 1) / 5);
  current += direction * weeks * 7;
  remaining -= weeks * 5;
  while (remaining > 0) {
    current += direction;
    if (!isWeekend(current)) remaining--;
  }
  return current;
}

const holidaysIn = (holidays: readonly number[], from: number, to: number): number => holidays.filter((day) => day >= from && day <= to).length;

/** WORKDAY's day: step over weekends, then over the holidays the steps passed, until none are left. */
function workday(start: number, count: number, holidays: readonly number[], charge: (units: number) => void): number {
  const direction = Math.sign(count);
  let reached = addWeekdays(start, count);
  let skipped = direction > 0 ? holidaysIn(holidays, start + 1, reached) : holidaysIn(holidays, reached, start - 1);
  while (skipped > 0) {
    charge(1);
    const next = addWeekdays(reached, direction * skipped);
    skipped = direction > 0 ? holidaysIn(holidays, reached + 1, next) : holidaysIn(holidays, next, reached - 1);
    reached = next;
  }
  return reached;
}

export const workdayFunctions: FunctionTable = {
  WORKDAY: {
    params: [param.required('start', 'date'), param.required('days', 'number'), param.optional('holidays', 'list')],
    result: 'date',
    call([startValue, daysValue, holidaysValue], ctx) {
      const count = toNumber(daysValue!);
      if (typeof count !== 'number') return count;
      if (Math.abs(count) > 2_700_000) return formulaError('#NUM', 'WORKDAY goes past the years 1 to 9999');
      const holidays = holidayDays(holidaysValue, ctx);
      if (isFormulaError(holidays)) return holidays;
      const dates = datesOf([startValue], ctx);
      if (dates === null || isFormulaError(dates)) return dates;
      ctx.charge(holidays.length);
      const zone = dates[0]!.zone ?? ctx.timeZone;
      const day = workday(dayNumber(localDateTime(dates[0]!, ctx)), Math.trunc(count), holidays, (units) => ctx.charge(units));
      const utc = DateTime.fromMillis(day * msPerDay, { zone: 'UTC' });
      return fromDateTime(DateTime.fromObject({ year: utc.year, month: utc.month, day: utc.day }, { zone }), dates[0]!.zone);
    },
  },
  WORKDAY_DIFF: {
    params: [param.required('start', 'date'), param.required('end', 'date'), param.optional('holidays', 'list')],
    result: 'number',
    call: ([start, end, holidays], ctx) => workdayDifference(start, end, holidays, ctx),
  },
  NETWORKDAYS: {
    params: [param.required('start', 'date'), param.required('end', 'date'), param.optional('holidays', 'list')],
    result: 'number',
    call: ([start, end, holidays], ctx) => workdayDifference(start, end, holidays, ctx),
  },
};

function workdayDifference(start: FormulaValue | undefined, end: FormulaValue | undefined, holidaysValue: FormulaValue | undefined, ctx: DateSettings): FormulaValue {
  const holidays = holidayDays(holidaysValue, ctx);
  if (isFormulaError(holidays)) return holidays;
  const dates = datesOf([start, end], ctx);
  if (dates === null || isFormulaError(dates)) return dates;
  const [from, to] = dates.map((date) => dayNumber(localDateTime(date, ctx))) as [number, number];
  const [low, high] = from <= to ? [from, to] : [to, from];
  const count = weekdaysBetween(low, high) - holidaysIn(holidays, low, high);
  return from <= to ? count : -count;
}
