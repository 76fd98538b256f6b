/**
 * Dates in formulas: reading values as dates, and the zone a date is seen in. Text is read by
 * the date field's own loose parser (ISO 8601, `2026/3/5`, `2026年3月5日 14:30`, `Mar 5, 2026`,
 * `today`…); a reading without an offset is placed in the base's zone, DST handled as the date
 * field does (../fields/date-values.ts). Dates must lie in the years 1 to 9999, as cells do.
 */
import { DateTime } from 'luxon';
import { parseLooseDate } from '../fields/date-parsing';
import { wallClockToMillis } from '../fields/date-values';
import { singleItem } from './coerce';
import { formulaDate, formulaError, isFormulaDate, isFormulaError, isFormulaList, type FormulaDate, type FormulaError, type FormulaValue } from './values';

export interface DateSettings {
  /** The base's IANA zone. */
  readonly timeZone: string;
  readonly now: Date;
}

const firstMillis = Date.UTC(1, 0, 1) - 14 * 3_600_000;
const lastMillis = Date.UTC(9999, 11, 31, 23, 59, 59, 999) + 14 * 3_600_000;

/** A date at `millis` (zone kept), or #NUM outside the years 1 to 9999. */
export function checkedDate(millis: number, zone?: string): FormulaDate | FormulaError {
  if (!Number.isFinite(millis) || millis < firstMillis || millis > lastMillis) {
    return formulaError('#NUM', 'the date is outside the years 1 to 9999');
  }
  return formulaDate(Math.round(millis), zone);
}

/**
 * Milliseconds of a text date, placed in `zone` when it has no offset; or the reason it is not a
 * date. Day/month/year text reads month first (`4/6/2019` is April 6th), as in Airtable.
 */
export function parseDateText(text: string, zone: string, now: Date): number | string {
  const parsed = parseLooseDate(text, 'us', now, zone);
  if (typeof parsed === 'string') return parsed;
  return parsed.kind === 'instant' ? parsed.millis : wallClockToMillis(parsed.wallClock, zone);
}

/** The value as a date; blank stays blank (date functions then return blank). */
export function toDate(value: FormulaValue, settings: DateSettings): FormulaDate | FormulaError | null {
  const single = singleItem(value);
  if (single === null || single === '') return null;
  if (isFormulaDate(single) || isFormulaError(single)) return single;
  if (typeof single === 'string') {
    const millis = parseDateText(single, settings.timeZone, settings.now);
    return typeof millis === 'string' ? formulaError('#VALUE', millis) : checkedDate(millis);
  }
  if (isFormulaList(single)) return formulaError('#VALUE', 'a list of several values is not a date');
  return formulaError('#VALUE', `${typeof single === 'number' ? 'a number' : 'TRUE or FALSE'} is not a date`);
}

/** The zone a date is seen in: its own (SET_TIMEZONE) or the base's. */
export function zoneOfDate(date: FormulaDate, settings: DateSettings): string {
  return date.zone ?? settings.timeZone;
}

/** The date as a luxon DateTime in its zone. */
export function localDateTime(date: FormulaDate, settings: DateSettings): DateTime {
  return DateTime.fromMillis(date.millis, { zone: zoneOfDate(date, settings) });
}

/** A luxon DateTime back to a formula date keeping `zone`; #NUM when invalid or out of range. */
export function fromDateTime(moment: DateTime, zone?: string): FormulaDate | FormulaError {
  if (!moment.isValid) return formulaError('#NUM', 'the date is out of range');
  return checkedDate(moment.toMillis(), zone);
}
