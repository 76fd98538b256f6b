/**
 * The days a month calendar shows: whole weeks from the Monday on or before the 1st to the
 * Sunday on or after the last day (ISO weeks, as in China and most of Europe), as `YYYY-MM-DD`
 * strings — plain calendar days, so no time zone can move them. Plus the day a cell value falls
 * on, read in the time zone the base works in.
 */

export interface MonthGrid {
  /** `YYYY-MM` of the month shown. */
  month: string;
  /** Every day shown, Monday first, a multiple of seven. */
  days: string[];
}

const pad = (value: number) => String(value).padStart(2, '0');
const dayText = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

export function monthGrid(month: string): MonthGrid {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, monthNumber - 1, 1));
  const last = new Date(Date.UTC(year, monthNumber, 0));
  const start = new Date(first);
  start.setUTCDate(first.getUTCDate() - ((first.getUTCDay() + 6) % 7));
  const end = new Date(last);
  end.setUTCDate(last.getUTCDate() + ((7 - last.getUTCDay()) % 7));
  const days: string[] = [];
  for (const day = new Date(start); day <= end; day.setUTCDate(day.getUTCDate() + 1)) days.push(dayText(day));
  return { month, days };
}

/** The month `delta` months from `month` (`YYYY-MM`). */
export function addMonths(month: string, delta: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const moved = new Date(Date.UTC(year, monthNumber - 1 + delta, 1));
  return `${moved.getUTCFullYear()}-${pad(moved.getUTCMonth() + 1)}`;
}

/** Today's `YYYY-MM-DD` in `timeZone`. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The day a date cell falls on: a `YYYY-MM-DD` value as is, an instant read in `timeZone`. */
export function dayOf(value: unknown, timeZone: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : todayIn(timeZone, instant);
}
