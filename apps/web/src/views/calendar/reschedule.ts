/**
 * What a date cell becomes when its record is dragged to another day: a plain day becomes that
 * day; an instant keeps its wall-clock time of day in the calendar's time zone — so 09:00 stays
 * 09:00 across a daylight-saving change, where adding 24-hour days would make it 08:00 or 10:00.
 */
import { wallClock } from './week-grid';

/** The UTC instant at which `timeZone`'s wall clock reads `day` and the given time. */
export function instantAt(day: string, time: { hour: number; minute: number; second: number; millisecond: number }, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(year, month - 1, date, time.hour, time.minute, time.second, time.millisecond);
  const offsetAt = (instant: number) => {
    const clock = wallClock(new Date(instant), timeZone);
    const [y, m, d] = clock.day.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d, clock.hour, clock.minute, clock.second, clock.millisecond) - instant;
  };
  const guess = asUtc - offsetAt(asUtc);
  // The offset at the answer may differ from the one at the first guess (a change in between).
  return new Date(asUtc - offsetAt(guess));
}

export function rescheduled(value: string, toDay: string, timeZone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return toDay;
  return instantAt(toDay, wallClock(new Date(value), timeZone), timeZone).toISOString();
}
