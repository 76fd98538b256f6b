import { describe, expect, it } from 'vitest';
import { calendarModes } from './calendar-modes';
import { rescheduled } from './reschedule';
import { addDays, byTimeOfDay, placeOf, weekDays } from './week-grid';

describe('week grid', () => {
  it('shows Monday to Sunday around a day, across a month and a year end', () => {
    expect(weekDays('2026-11-26')).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(weekDays('2026-11-23')[0]).toBe('2026-11-23');
    expect(weekDays('2026-11-29')[0]).toBe('2026-11-23');
    expect(weekDays('2027-01-01')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
  });

  it('moves by days across months and years', () => {
    expect(addDays('2026-11-26', 7)).toBe('2026-12-03');
    expect(addDays('2027-01-02', -7)).toBe('2026-12-26');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('places an instant on its day and time in the base’s zone, a plain day without a time', () => {
    expect(placeOf('2026-11-25T20:30:00.000Z', 'Asia/Shanghai')).toEqual({ day: '2026-11-26', minutes: 4 * 60 + 30 });
    expect(placeOf('2026-11-25T20:30:00.000Z', 'UTC')).toEqual({ day: '2026-11-25', minutes: 20 * 60 + 30 });
    expect(placeOf('2026-11-25', 'Asia/Shanghai')).toEqual({ day: '2026-11-25', minutes: undefined });
    expect(placeOf(null, 'UTC')).toBeUndefined();
    expect(placeOf('not a date', 'UTC')).toBeUndefined();
  });

  it('lists date-only records before timed ones, then by time', () => {
    const places = [{ day: 'd', minutes: 600 }, { day: 'd', minutes: undefined }, { day: 'd', minutes: 540 }];
    expect([...places].sort(byTimeOfDay).map((place) => place.minutes)).toEqual([undefined, 540, 600]);
  });
});

describe('rescheduling', () => {
  it('moves a plain day to the new day', () => {
    expect(rescheduled('2026-11-25', '2026-12-01', 'Asia/Shanghai')).toBe('2026-12-01');
  });

  it('keeps the time of day in the calendar’s zone', () => {
    // 09:30 in Shanghai on the 25th → 09:30 in Shanghai on the 27th.
    expect(rescheduled('2026-11-25T01:30:00.000Z', '2026-11-27', 'Asia/Shanghai')).toBe('2026-11-27T01:30:00.000Z');
    // 07:00 in Shanghai is the day before in UTC: the Shanghai day is what moves.
    expect(rescheduled('2026-11-24T23:00:00.000Z', '2026-11-20', 'Asia/Shanghai')).toBe('2026-11-19T23:00:00.000Z');
  });

  it('keeps the wall-clock time across a daylight-saving change', () => {
    // 09:00 in New York on Friday 30 October 2026 (EDT, UTC−4) → Monday 2 November (EST, UTC−5).
    expect(rescheduled('2026-10-30T13:00:00.000Z', '2026-11-02', 'America/New_York')).toBe('2026-11-02T14:00:00.000Z');
    expect(rescheduled('2026-11-02T14:00:00.000Z', '2026-10-30', 'America/New_York')).toBe('2026-10-30T13:00:00.000Z');
  });
});

describe('calendar modes', () => {
  it('steps a month to the first of the next, a week by seven days', () => {
    expect(calendarModes.month.step('2026-11-26', 1)).toBe('2026-12-01');
    expect(calendarModes.month.step('2026-01-31', -1)).toBe('2025-12-01');
    expect(calendarModes.week.step('2026-11-26', -1)).toBe('2026-11-19');
    expect(calendarModes.week.days('2026-11-26')).toHaveLength(7);
    expect(calendarModes.month.days('2026-11-26')[0]).toBe('2026-10-26');
  });
});
