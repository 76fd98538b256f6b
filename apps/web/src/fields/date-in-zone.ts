/**
 * Dates in the picker are wall clocks of the field's time zone (else the base's), never of the
 * browser's: a base in Asia/Shanghai shows and takes 09:00 as 09:00 Shanghai time wherever the
 * browser is. Core does the zone work both ways — it formats the stored instant in the zone, and
 * reads a picked wall clock sent without an offset in the zone — so the picker only carries digits,
 * held as UTC-mode dayjs values that no browser zone shifts (not even across a DST change).
 */
import { formatDateValue, zoneOf } from '@multitable/core';
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import type { ApiField } from '../api/tables';
import type { CellEnvironment } from '../grid/cell-values';

dayjs.extend(utc);

export function hasTime(field: ApiField): boolean {
  return field.options.includeTime === true;
}

/** The zone a date field's times are seen in. */
export function zoneOfField(field: ApiField, env: CellEnvironment): string {
  return zoneOf({ timeZone: typeof field.options.timeZone === 'string' ? field.options.timeZone : '' }, env.timeZone);
}

/** The picker's value for a stored date: its wall clock in the field's zone. */
export function pickerValue(value: unknown, field: ApiField, env: CellEnvironment): Dayjs | null {
  if (typeof value !== 'string') return null;
  // Core's ISO display (`YYYY-MM-DD` or `YYYY-MM-DD HH:mm`) is the wall clock, already in the zone.
  const wallClock = formatDateValue(value, { includeTime: true, timeZone: '', dateFormat: 'iso', timeFormat: '24h' }, zoneOfField(field, env));
  const picked = dayjs.utc(wallClock.replace(' ', 'T'));
  return picked.isValid() ? picked : null;
}

/**
 * Today in the field's zone, as the picker holds dates: the browser's own "today" (antd's) may
 * already be tomorrow or still yesterday there.
 */
export function todayPick(field: ApiField, env: CellEnvironment, now = new Date()): Dayjs {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: zoneOfField(field, env), year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return dayjs.utc(day);
}

/** The input sent for a pick: the wall clock without an offset, which core places in the field's zone. */
export function pickedInput(picked: Dayjs | null, field: ApiField): string | null {
  return picked ? picked.format(hasTime(field) ? 'YYYY-MM-DDTHH:mm' : 'YYYY-MM-DD') : null;
}
