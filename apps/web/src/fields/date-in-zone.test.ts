import { describe, expect, it } from 'vitest';
import type { ApiField } from '../api/tables';
import { castInput, userDirectory, type CellEnvironment } from '../grid/cell-values';
import { pickedInput, pickerValue, todayPick } from './date-in-zone';

const shanghai: CellEnvironment = { users: userDirectory([]), timeZone: 'Asia/Shanghai', locale: 'en-US' };

function dateField(options: Record<string, unknown>): ApiField {
  return { id: 'fld_0000000000000001', name: 'Seen at', type: 'date', options: { includeTime: false, timeZone: '', dateFormat: 'iso', timeFormat: '24h', ...options }, description: '', isPrimary: false };
}

const withTime = dateField({ includeTime: true });

describe('dates in the picker are wall clocks of the field’s or the base’s zone', () => {
  it("shows a stored instant at the base's wall clock", () => {
    expect(pickerValue('2026-03-05T01:00:00.000Z', withTime, shanghai)?.format('YYYY-MM-DD HH:mm')).toBe('2026-03-05 09:00');
  });

  it("prefers the field's own zone to the base's", () => {
    const newYork = dateField({ includeTime: true, timeZone: 'America/New_York' });
    expect(pickerValue('2026-07-01T12:30:00.000Z', newYork, shanghai)?.format('YYYY-MM-DD HH:mm')).toBe('2026-07-01 08:30');
  });

  it('shows a calendar date as it is', () => {
    expect(pickerValue('2026-03-05', dateField({}), shanghai)?.format('YYYY-MM-DD')).toBe('2026-03-05');
    expect(pickerValue(null, dateField({}), shanghai)).toBeNull();
  });

  it('sends a pick without an offset, which core places in the zone', () => {
    const picked = pickerValue('2026-03-05T01:00:00.000Z', withTime, shanghai);
    const input = pickedInput(picked, withTime);
    expect(input).toBe('2026-03-05T09:00');
    expect(castInput(withTime, input, shanghai)).toMatchObject({ ok: true, value: '2026-03-05T01:00:00.000Z' });
    expect(pickedInput(pickerValue('2026-03-05', dateField({}), shanghai), dateField({}))).toBe('2026-03-05');
    expect(pickedInput(null, withTime)).toBeNull();
  });
});

describe('today is the zone’s, not the browser’s', () => {
  // 20:00 UTC on March 5th is already March 6th in Shanghai, still March 5th in New York.
  const evening = new Date('2026-03-05T20:00:00.000Z');

  it("takes the base's date", () => {
    expect(pickedInput(todayPick(dateField({}), shanghai, evening), dateField({}))).toBe('2026-03-06');
  });

  it("takes the field's own zone before the base's", () => {
    const newYork = dateField({ timeZone: 'America/New_York' });
    expect(pickedInput(todayPick(newYork, shanghai, evening), newYork)).toBe('2026-03-05');
  });
});
