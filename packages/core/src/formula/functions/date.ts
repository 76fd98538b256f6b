/**
 * Date functions. Dates are seen in the base's time zone, or in the zone SET_TIMEZONE gave them;
 * calendar arithmetic (days, weeks, months, quarters, years) keeps the wall-clock time across DST
 * changes, clock arithmetic (hours and smaller) adds exact durations — as moment and luxon do.
 * A blank date argument makes the result blank. Text is read as a date by the date field's loose
 * parser (ISO, `2026/3/5`, `2026年3月5日`…). DATEADD rounds day and month counts to whole
 * numbers, as moment (Airtable's library) does. DATETIME_DIFF(a, b, unit) is a − b in whole
 * units, truncated toward zero. DATEDIF(start, end, unit) is Excel's (start after end is #NUM).
 * DATETIME_FORMAT without a format gives ISO 8601 with the offset (`2026-03-05T12:00:00+08:00`).
 * Part functions, week numbers and working days are in ./date-parts.ts and ./workdays.ts.
 */
import { DateTime, type DurationLikeObject } from 'luxon';
import { toNumber, valueToText } from '../coerce';
import { fromDateTime, localDateTime, toDate, zoneOfDate } from '../date-coercion';
import { formulaDate, formulaError, isFormulaDate, isFormulaError } from '../values';
import { choiceOf, datesOf, isChoiceError } from './date-arguments';
import { formatDateTime, formatProblem, parsingFormat } from './date-format';
import { datePartFunctions } from './date-parts';
import { canonicalZone, dateUnitProblem, datedifUnitProblem, parseDateUnit, parseDatedifUnit, zoneProblem, type DateUnit } from './date-units';
import { param, type FunctionTable } from './function-definition';
import { workdayFunctions } from './workdays';

/** Length of a unit in milliseconds: exact for clock units (added as durations), rough for calendar units (only used to refuse amounts past the years 1–9999 before computing). */
const approximateMillis: Readonly<Record<DateUnit, number>> = {
  milliseconds: 1,
  seconds: 1e3,
  minutes: 6e4,
  hours: 3.6e6,
  days: 8.64e7,
  weeks: 6.048e8,
  months: 2.6e9,
  quarters: 7.9e9,
  years: 3.15e10,
};

/** The amount as luxon duration parts; whole days and months, as moment rounds them. */
function durationOf(count: number, unit: DateUnit): DurationLikeObject {
  if (unit === 'weeks') return { days: Math.round(count * 7) };
  if (unit === 'days') return { days: Math.round(count) };
  if (unit === 'months') return { months: Math.round(count) };
  if (unit === 'quarters') return { months: Math.round(count * 3) };
  if (unit === 'years') return { months: Math.round(count * 12) };
  return { milliseconds: count * approximateMillis[unit] };
}

const defaultFormat = 'YYYY-MM-DDTHH:mm:ssZ';

function parsingFormatProblem(format: string): string | undefined {
  const luxonFormat = parsingFormat(format);
  return typeof luxonFormat === 'string' ? undefined : luxonFormat.problem;
}

export const dateFunctions: FunctionTable = {
  NOW: { params: [], result: 'date', timeDependent: true, call: (_args, ctx) => formulaDate(ctx.now.getTime()) },
  TODAY: {
    params: [],
    result: 'date',
    timeDependent: true,
    call: (_args, ctx) => fromDateTime(DateTime.fromJSDate(ctx.now, { zone: ctx.timeZone }).startOf('day')),
  },
  DATEADD: {
    params: [param.required('date', 'date'), param.required('count', 'number'), param.required('unit', 'text', dateUnitProblem)],
    result: 'date',
    call([dateValue, countValue, unitValue], ctx) {
      const unit = choiceOf(unitValue, parseDateUnit, dateUnitProblem, 'days');
      if (isChoiceError(unit)) return unit;
      const count = toNumber(countValue!);
      if (typeof count !== 'number') return count;
      const dates = datesOf([dateValue], ctx);
      if (dates === null || isFormulaError(dates)) return dates;
      const date = dates[0]!;
      if (Math.abs(count) * approximateMillis[unit] > 4e14) return formulaError('#NUM', 'DATEADD goes past the years 1 to 9999');
      return fromDateTime(localDateTime(date, ctx).plus(durationOf(count, unit)), date.zone);
    },
  },
  DATETIME_DIFF: {
    params: [param.required('date1', 'date'), param.required('date2', 'date'), param.optional('unit', 'text', dateUnitProblem)],
    result: 'number',
    call([first, second, unitValue], ctx) {
      const unit = choiceOf(unitValue, parseDateUnit, dateUnitProblem, 'seconds');
      if (isChoiceError(unit)) return unit;
      const dates = datesOf([first, second], ctx);
      if (dates === null || isFormulaError(dates)) return dates;
      const zone = zoneOfDate(dates[0]!, ctx);
      const [a, b] = dates.map((date) => DateTime.fromMillis(date.millis, { zone }));
      const difference = a!.diff(b!, unit).get(unit);
      return Math.trunc(difference) || 0;
    },
  },
  DATEDIF: {
    params: [param.required('start', 'date'), param.required('end', 'date'), param.required('unit', 'text', datedifUnitProblem)],
    result: 'number',
    call([startValue, endValue, unitValue], ctx) {
      const unit = choiceOf(unitValue, parseDatedifUnit, datedifUnitProblem, 'D');
      if (isChoiceError(unit)) return unit;
      const dates = datesOf([startValue, endValue], ctx);
      if (dates === null || isFormulaError(dates)) return dates;
      const [start, end] = dates.map((date) => localDateTime(date, ctx).startOf('day')) as [DateTime, DateTime];
      if (start > end) return formulaError('#NUM', 'DATEDIF needs the start date on or before the end date');
      const months = Math.floor(end.diff(start, 'months').months);
      const years = Math.floor(months / 12);
      const days = (from: DateTime) => Math.round(end.diff(from, 'days').days);
      const results = { Y: years, M: months, D: days(start), MD: days(start.plus({ months })), YM: months % 12, YD: days(start.plus({ years })) };
      return results[unit];
    },
  },
  DATETIME_FORMAT: {
    params: [param.required('date', 'date'), param.optional('format', 'text', formatProblem)],
    result: 'text',
    call([dateValue, formatValue], ctx) {
      const format = formatValue === undefined || formatValue === null || formatValue === '' ? defaultFormat : valueToText(formatValue);
      const problem = formatProblem(format);
      if (problem) return formulaError('#ERROR', problem);
      const dates = datesOf([dateValue], ctx);
      if (dates === null || isFormulaError(dates)) return dates;
      return formatDateTime(localDateTime(dates[0]!, ctx), format);
    },
  },
  DATETIME_PARSE: {
    params: [param.required('text', 'text'), param.optional('format', 'text', parsingFormatProblem), param.optional('locale', 'text')],
    result: 'date',
    call([value, formatValue, localeValue], ctx) {
      if (isFormulaDate(value) || formatValue === undefined || formatValue === null || formatValue === '') return toDate(value!, ctx);
      const format = parsingFormat(valueToText(formatValue));
      if (typeof format !== 'string') return formulaError('#ERROR', format.problem);
      const text = valueToText(value!).trim();
      if (text === '') return null;
      const locale = localeValue === undefined || localeValue === null ? 'en-US' : valueToText(localeValue);
      if (!/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(locale)) return formulaError('#ERROR', `${JSON.stringify(locale.slice(0, 40))} is not a locale (e.g. en, zh-cn)`);
      const parsed = DateTime.fromFormat(text, format, { zone: ctx.timeZone, locale: locale.replace('_', '-') });
      if (!parsed.isValid) return formulaError('#VALUE', `${JSON.stringify(text.slice(0, 40))} does not match the format`);
      return fromDateTime(parsed);
    },
  },
  IS_BEFORE: {
    params: [param.required('date1', 'date'), param.required('date2', 'date')],
    result: 'boolean',
    call(args, ctx) {
      const dates = datesOf(args, ctx);
      return dates === null || isFormulaError(dates) ? dates : dates[0]!.millis < dates[1]!.millis;
    },
  },
  IS_AFTER: {
    params: [param.required('date1', 'date'), param.required('date2', 'date')],
    result: 'boolean',
    call(args, ctx) {
      const dates = datesOf(args, ctx);
      return dates === null || isFormulaError(dates) ? dates : dates[0]!.millis > dates[1]!.millis;
    },
  },
  IS_SAME: {
    params: [param.required('date1', 'date'), param.required('date2', 'date'), param.optional('unit', 'text', dateUnitProblem)],
    result: 'boolean',
    call([first, second, unitValue], ctx) {
      const unit = choiceOf(unitValue, parseDateUnit, dateUnitProblem, 'milliseconds');
      if (isChoiceError(unit)) return unit;
      const dates = datesOf([first, second], ctx);
      if (dates === null || isFormulaError(dates)) return dates;
      const zone = zoneOfDate(dates[0]!, ctx);
      const [a, b] = dates.map((date) => DateTime.fromMillis(date.millis, { zone }).startOf(unit.slice(0, -1) as 'day'));
      return a!.toMillis() === b!.toMillis();
    },
  },
  SET_TIMEZONE: {
    params: [param.required('date', 'date'), param.required('zone', 'text', zoneProblem)],
    result: 'date',
    call([dateValue, zoneValue], ctx) {
      const zone = choiceOf(zoneValue, canonicalZone, zoneProblem, ctx.timeZone);
      if (isChoiceError(zone)) return zone;
      const dates = datesOf([dateValue], ctx);
      if (dates === null || isFormulaError(dates)) return dates;
      return formulaDate(dates[0]!.millis, zone);
    },
  },
  ...datePartFunctions,
  ...workdayFunctions,
};
