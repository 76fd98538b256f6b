import { describe, expect, it } from 'vitest';
import { normalizeFieldOptions } from '../field-options';
import { makeCastContext, makeFormatContext } from '../test-support';
import { date, type DateOptions } from './date';

const strict = makeCastContext();
const loose = makeCastContext({ typecast: true });
const options = (input: Partial<DateOptions> = {}) => normalizeFieldOptions('date', input);
const dateOnly = options();
const withTime = options({ includeTime: true });

describe('date options', () => {
  it('defaults to a date without time in the base zone, ISO display, 24-hour clock', () => {
    expect(dateOnly).toEqual({ includeTime: false, timeZone: '', dateFormat: 'iso', timeFormat: '24h' });
  });
  it('stores a time zone in its canonical spelling and refuses unknown zones', () => {
    expect(options({ timeZone: 'america/new_york' }).timeZone).toBe('America/New_York');
    expect(() => options({ timeZone: 'Europe/Atlantis' })).toThrow('options.timeZone of a date field: "Europe/Atlantis" is not an IANA time zone');
  });
});

describe('date cast, strict', () => {
  it('keeps a calendar date as YYYY-MM-DD', () => {
    expect(date.cast('2026-03-05', dateOnly, strict)).toEqual({ ok: true, value: '2026-03-05' });
  });
  it('stores a date-time as a UTC instant with milliseconds', () => {
    expect(date.cast('2026-03-05T08:00:00+08:00', withTime, strict)).toEqual({ ok: true, value: '2026-03-05T00:00:00.000Z' });
    expect(date.cast('2026-03-05T00:00:00.5Z', withTime, strict)).toEqual({ ok: true, value: '2026-03-05T00:00:00.500Z' });
  });
  it('reads a date-time without offset in the base zone (08:00 in Asia/Shanghai is 00:00Z)', () => {
    expect(date.cast('2026-03-05 08:00', withTime, strict)).toEqual({ ok: true, value: '2026-03-05T00:00:00.000Z' });
    expect(date.cast('2026-03-05T08:00', withTime, makeCastContext({ timeZone: 'UTC' }))).toEqual({ ok: true, value: '2026-03-05T08:00:00.000Z' });
  });
  it("prefers the field's own zone over the base's", () => {
    const tokyo = options({ includeTime: true, timeZone: 'Asia/Tokyo' });
    expect(date.cast('2026-03-05T09:00', tokyo, strict)).toEqual({ ok: true, value: '2026-03-05T00:00:00.000Z' });
  });
  it('places a calendar date at local midnight in a field with time', () => {
    expect(date.cast('2026-03-05', withTime, strict)).toEqual({ ok: true, value: '2026-03-04T16:00:00.000Z' });
  });
  it('keeps the local date in the zone when a date-only field is given an instant', () => {
    expect(date.cast('2026-03-05T20:00:00Z', dateOnly, strict)).toEqual({ ok: true, value: '2026-03-06' });
    expect(date.cast('2026-03-05T20:00:00Z', dateOnly, makeCastContext({ timeZone: 'America/New_York' }))).toEqual({ ok: true, value: '2026-03-05' });
    expect(date.cast('2026-03-05T23:30', dateOnly, strict)).toEqual({ ok: true, value: '2026-03-05' });
  });
  it('refuses dates that do not exist, naming them', () => {
    expect(date.cast('2026-02-30', dateOnly, strict)).toEqual({ ok: false, reason: '"2026-02-30" is not a valid date' });
    expect(date.cast('2026-13-01', dateOnly, strict).ok).toBe(false);
    expect(date.cast('2026-03-05T24:00', withTime, strict)).toEqual({ ok: false, reason: '"2026-03-05T24:00" is not a valid time' });
    expect(date.cast('2024-02-29', dateOnly, strict)).toEqual({ ok: true, value: '2024-02-29' });
  });
  it('refuses loose forms and numbers in strict mode', () => {
    expect(date.cast('2026/3/5', dateOnly, strict).ok).toBe(false);
    expect(date.cast('today', dateOnly, strict).ok).toBe(false);
    expect(date.cast(1772668800000, withTime, strict)).toEqual({ ok: false, reason: 'expected an ISO 8601 date string, got 1772668800000' });
  });
  it('refuses years outside 1..9999 so the text form stays fixed-width', () => {
    expect(date.cast('0000-01-01', dateOnly, strict).ok).toBe(false);
    expect(date.cast(253402300800000, withTime, loose).ok).toBe(false);
  });
  it('treats empty input as an empty cell', () => {
    expect(date.cast('  ', dateOnly, strict)).toEqual({ ok: true, value: null });
  });
});

describe('date cast, daylight saving time (America/New_York)', () => {
  const newYork = options({ includeTime: true, timeZone: 'America/New_York' });
  it('uses standard time in winter and daylight time in summer', () => {
    expect(date.cast('2026-01-15 09:00', newYork, strict)).toEqual({ ok: true, value: '2026-01-15T14:00:00.000Z' });
    expect(date.cast('2026-07-15 09:00', newYork, strict)).toEqual({ ok: true, value: '2026-07-15T13:00:00.000Z' });
  });
  it('moves a time in the spring-forward gap forward by the gap', () => {
    expect(date.cast('2026-03-08 02:30', newYork, strict)).toEqual({ ok: true, value: '2026-03-08T07:30:00.000Z' });
  });
  it('takes the earlier instant for a time repeated when clocks fall back', () => {
    expect(date.cast('2026-11-01 01:30', newYork, strict)).toEqual({ ok: true, value: '2026-11-01T05:30:00.000Z' });
    expect(date.cast('2026-11-01T01:30-05:00', newYork, strict)).toEqual({ ok: true, value: '2026-11-01T06:30:00.000Z' });
  });
});

describe('date cast, loose', () => {
  it.each([
    ['2026年3月5日', '2026-03-05'],
    ['2026年3月5号', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026-3-5', '2026-03-05'],
    ['２０２６年３月５日', '2026-03-05'],
    ['２０２６－０３－０５', '2026-03-05'],
    ['Mar 5, 2026', '2026-03-05'],
    ['5 March 2026', '2026-03-05'],
    ['13/5/2026', '2026-05-13'],
    ['3/15/2026', '2026-03-15'],
    ['today', '2026-03-05'],
    ['今天', '2026-03-05'],
    ['昨天', '2026-03-04'],
    ['tomorrow', '2026-03-06'],
  ])('reads %j as %s', (text, value) => {
    expect(date.cast(text, dateOnly, loose)).toEqual({ ok: true, value });
  });
  it.each([
    ['2026年3月5日 14:30', '2026-03-05T06:30:00.000Z'],
    ['2026年3月5日14:30', '2026-03-05T06:30:00.000Z'],
    ['2026-03-05 下午2点30分', '2026-03-05T06:30:00.000Z'],
    ['2026/3/5 2:30 PM', '2026-03-05T06:30:00.000Z'],
    ['2026/3/5 12:15 am', '2026-03-04T16:15:00.000Z'],
    ['2026年3月5日 上午9点', '2026-03-05T01:00:00.000Z'],
    ['2026.3.5 14:30:15', '2026-03-05T06:30:15.000Z'],
    ['2026-03-05 14:30 +00:00', '2026-03-05T14:30:00.000Z'],
    ['Thu, 05 Mar 2026 08:00:00 GMT', '2026-03-05T08:00:00.000Z'],
    ['now', '2026-03-05T04:00:00.000Z'],
  ])('reads %j with time as %s', (text, value) => {
    expect(date.cast(text, withTime, loose)).toEqual({ ok: true, value });
  });
  it('reads epoch milliseconds', () => {
    expect(date.cast(1772668800000, withTime, loose)).toEqual({ ok: true, value: '2026-03-05T00:00:00.000Z' });
    expect(date.cast(1772668800000, dateOnly, loose)).toEqual({ ok: true, value: '2026-03-05' });
    expect(date.cast(1.5, withTime, loose).ok).toBe(false);
  });
  it('reads today in the field zone, not UTC', () => {
    const lateEvening = makeCastContext({ typecast: true, now: new Date('2026-03-05T20:00:00Z') });
    expect(date.cast('today', dateOnly, lateEvening)).toEqual({ ok: true, value: '2026-03-06' });
  });
  it('reads day and month per the date format, refusing ambiguous ones otherwise', () => {
    expect(date.cast('3/5/2026', options({ dateFormat: 'us' }), loose)).toEqual({ ok: true, value: '2026-03-05' });
    expect(date.cast('3/5/2026', options({ dateFormat: 'european' }), loose)).toEqual({ ok: true, value: '2026-05-03' });
    expect(date.cast('5/5/2026', dateOnly, loose)).toEqual({ ok: true, value: '2026-05-05' });
    const ambiguous = date.cast('3/5/2026', dateOnly, loose);
    expect(ambiguous.ok).toBe(false);
    expect(!ambiguous.ok && ambiguous.reason).toContain('ambiguous');
  });
  it('refuses invalid calendar dates and text that is no date', () => {
    expect(date.cast('2026年2月30日', dateOnly, loose)).toEqual({ ok: false, reason: '"2026年2月30日" is not a valid date' });
    expect(date.cast('next week', dateOnly, loose)).toEqual({ ok: false, reason: '"next week" is not a date' });
    expect(date.cast('2026/3/5 25:00', withTime, loose).ok).toBe(false);
    expect(date.cast('2026/3/5 13:00 pm', withTime, loose).ok).toBe(false);
  });
});

describe('date format', () => {
  const shanghai = makeFormatContext();
  it('shows calendar dates per the date format, never shifted by a zone', () => {
    expect(date.format('2026-03-05', dateOnly, makeFormatContext({ timeZone: 'Pacific/Honolulu' }))).toBe('2026-03-05');
    expect(date.format('2026-03-05', options({ dateFormat: 'chinese' }), shanghai)).toBe('2026年3月5日');
    expect(date.format('2026-03-05', options({ dateFormat: 'us' }), shanghai)).toBe('03/05/2026');
    expect(date.format('2026-03-05', options({ dateFormat: 'european' }), shanghai)).toBe('05/03/2026');
  });
  it('shows instants in the zone with the time format', () => {
    expect(date.format('2026-03-05T06:30:00.000Z', withTime, shanghai)).toBe('2026-03-05 14:30');
    expect(date.format('2026-03-05T06:30:00.000Z', options({ includeTime: true, timeFormat: '12h' }), shanghai)).toBe('2026-03-05 2:30 PM');
    expect(date.format('2026-03-05T06:30:00.000Z', options({ includeTime: true, timeFormat: '12h', dateFormat: 'chinese' }), shanghai)).toBe(
      '2026年3月5日 下午2:30',
    );
    expect(date.format('2026-03-05T06:30:00.000Z', options({ includeTime: true, timeZone: 'America/New_York' }), shanghai)).toBe('2026-03-05 01:30');
  });
  it('produces text that reads back as the same value', () => {
    for (const format of [{}, { dateFormat: 'chinese' }, { dateFormat: 'us', timeFormat: '12h' }, { dateFormat: 'european' }] as const) {
      const fieldOptions = options({ includeTime: true, ...format });
      const text = date.format('2026-03-05T06:30:00.000Z', fieldOptions, shanghai);
      expect(date.cast(text, fieldOptions, loose), text).toEqual({ ok: true, value: '2026-03-05T06:30:00.000Z' });
    }
  });
});

describe('date order and operators', () => {
  it('sorts the fixed-width text chronologically', () => {
    const values = ['2026-03-05T10:00:00.000Z', '2025-12-31T23:59:59.999Z', '2026-03-05T09:59:59.999Z'];
    expect([...values].sort((a, b) => date.compare(a, b, withTime))).toEqual([values[1], values[2], values[0]]);
  });
  it('offers date comparisons', () => {
    expect(date.operators).toEqual(['is', 'isBefore', 'isAfter', 'isOnOrBefore', 'isOnOrAfter', 'isWithin', 'isEmpty', 'isNotEmpty']);
  });
});
