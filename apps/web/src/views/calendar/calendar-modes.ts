/**
 * The calendar's two layouts as a registry: which days each shows around the day the user is
 * at (`cursor`, `YYYY-MM-DD`), and where "previous" / "next" take them.
 */
import { addMonths, monthGrid } from './month-grid';
import { addDays, weekDays } from './week-grid';

export interface CalendarMode {
  days(cursor: string): string[];
  /** The cursor `delta` periods away. */
  step(cursor: string, delta: number): string;
}

export const calendarModes = {
  month: { days: (cursor) => monthGrid(cursor.slice(0, 7)).days, step: (cursor, delta) => `${addMonths(cursor.slice(0, 7), delta)}-01` },
  week: { days: weekDays, step: (cursor, delta) => addDays(cursor, 7 * delta) },
} as const satisfies Record<string, CalendarMode>;

export type CalendarModeName = keyof typeof calendarModes;
export const calendarModeNames = Object.keys(calendarModes) as CalendarModeName[];
