/**
 * The enum-like arguments of the date functions, each validated against its list both when a
 * formula is saved (literal text) and when it runs (computed text):
 * - date units (DATEADD, DATETIME_DIFF, IS_SAME): milliseconds, seconds, minutes, hours, days,
 *   weeks, months, quarters, years — plural or singular, any case — or moment's short forms
 *   ms, s, m, h, d, w, M, Q, y (case-sensitive: `m` is minutes, `M` months);
 * - DATEDIF units: Y, M, D, MD, YM, YD (any case), as in Excel;
 * - the first day of the week (WEEKDAY, WEEKNUM): "Sunday" (default) or "Monday";
 * - time zones (SET_TIMEZONE): IANA names such as Asia/Shanghai.
 */
import { isTimeZone } from '../../time-zones';

export const dateUnits = ['milliseconds', 'seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'quarters', 'years'] as const;
export type DateUnit = (typeof dateUnits)[number];

const shortUnits: Readonly<Record<string, DateUnit>> = {
  ms: 'milliseconds',
  s: 'seconds',
  m: 'minutes',
  h: 'hours',
  d: 'days',
  w: 'weeks',
  M: 'months',
  Q: 'quarters',
  y: 'years',
};

const longUnits: Readonly<Record<string, DateUnit>> = Object.fromEntries(
  dateUnits.flatMap((unit) => [
    [unit, unit],
    [unit.slice(0, -1), unit],
  ]),
);

export function parseDateUnit(text: string): DateUnit | undefined {
  const trimmed = text.trim();
  if (Object.hasOwn(shortUnits, trimmed)) return shortUnits[trimmed];
  const lower = trimmed.toLowerCase();
  return Object.hasOwn(longUnits, lower) ? longUnits[lower] : undefined;
}

export function dateUnitProblem(text: string): string | undefined {
  return parseDateUnit(text) ? undefined : `${JSON.stringify(text.slice(0, 40))} is not a date unit; use one of ${dateUnits.join(', ')}`;
}

export const datedifUnits = ['Y', 'M', 'D', 'MD', 'YM', 'YD'] as const;
export type DatedifUnit = (typeof datedifUnits)[number];

export function parseDatedifUnit(text: string): DatedifUnit | undefined {
  const upper = text.trim().toUpperCase();
  return datedifUnits.find((unit) => unit === upper);
}

export function datedifUnitProblem(text: string): string | undefined {
  return parseDatedifUnit(text) ? undefined : `${JSON.stringify(text.slice(0, 40))} is not a DATEDIF unit; use one of ${datedifUnits.join(', ')}`;
}

export type WeekStart = 'sunday' | 'monday';

export function parseWeekStart(text: string): WeekStart | undefined {
  const lower = text.trim().toLowerCase();
  return lower === 'sunday' || lower === 'monday' ? lower : undefined;
}

export function weekStartProblem(text: string): string | undefined {
  return parseWeekStart(text) ? undefined : `${JSON.stringify(text.slice(0, 40))} is not a first day of the week; use "Sunday" or "Monday"`;
}

/** The canonical spelling of an IANA zone, or undefined. */
export function canonicalZone(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || !isTimeZone(trimmed)) return undefined;
  return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
}

export function zoneProblem(text: string): string | undefined {
  return canonicalZone(text) ? undefined : `${JSON.stringify(text.slice(0, 40))} is not an IANA time zone (e.g. Asia/Shanghai)`;
}
