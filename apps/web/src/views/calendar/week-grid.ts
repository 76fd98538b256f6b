/**
 * The days a week calendar shows — Monday to Sunday (ISO weeks, as the month grid) around a day,
 * as `YYYY-MM-DD` strings — and where a date cell sits in it: its day and, for a date with a
 * time, its wall-clock time in the time zone the base (or the field) works in. Plain calendar
 * days throughout, so no browser time zone can move a record to another day.
 */
import { dayOf } from './month-grid';

const pad = (value: number) => String(value).padStart(2, '0');

/** `day` (`YYYY-MM-DD`) moved by `delta` days. */
export function addDays(day: string, delta: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + delta);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The seven days, Monday first, of the week `day` is in. */
export function weekDays(day: string): string[] {
  const monday = addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

export interface CalendarPlace {
  /** The day the value falls on. */
  day: string;
  /** Minutes since midnight on that day's wall clock; undefined for a date without a time. */
  minutes: number | undefined;
}

/** The wall-clock parts of an instant in `timeZone`. */
export function wallClock(instant: Date, timeZone: string): { day: string; hour: number; minute: number; second: number; millisecond: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return { day: `${part('year')}-${pad(part('month'))}-${pad(part('day'))}`, hour: part('hour'), minute: part('minute'), second: part('second'), millisecond: instant.getUTCMilliseconds() };
}

/** Where a date cell sits on the calendar (undefined for an empty or unreadable cell). */
export function placeOf(value: unknown, timeZone: string): CalendarPlace | undefined {
  const day = dayOf(value, timeZone);
  if (day === undefined) return undefined;
  if (day === value) return { day, minutes: undefined };
  const clock = wallClock(new Date(value as string), timeZone);
  return { day, minutes: clock.hour * 60 + clock.minute };
}

/** Date-only records first, then by time of day; the sort is stable, so the view's order breaks ties. */
export function byTimeOfDay(a: CalendarPlace, b: CalendarPlace): number {
  return (a.minutes ?? -1) - (b.minutes ?? -1);
}
