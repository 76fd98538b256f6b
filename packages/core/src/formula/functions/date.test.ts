import { describe, expect, it } from 'vitest';
import { errorOf, run, type RunOptions } from '../test-support';

const newYork: RunOptions = { timeZone: 'America/New_York' };
const ymd = (date: string) => `DATETIME_FORMAT(${date}, "YYYY-MM-DD")`;
const ymdhm = (date: string) => `DATETIME_FORMAT(${date}, "YYYY-MM-DD HH:mm")`;

describe('NOW and TODAY', () => {
  it('read the injected clock; TODAY is local midnight in the base zone', () => {
    expect(run('NOW()')).toBe('2026-03-05T04:00:00.000Z');
    expect(run('TODAY()')).toBe('2026-03-04T16:00:00.000Z');
    expect(run('TODAY()', { now: '2026-03-05T20:00:00Z' })).toBe('2026-03-05T16:00:00.000Z');
    expect(run('TODAY()', { ...newYork, now: '2026-03-05T20:00:00Z' })).toBe('2026-03-05T05:00:00.000Z');
  });
});

describe('DATEADD', () => {
  it('adds calendar units, clamping to the end of shorter months', () => {
    expect(run(ymd('DATEADD("2026-03-05", 10, "days")'))).toBe('2026-03-15');
    expect(run(ymd('DATEADD("2026-01-31", 1, "months")'))).toBe('2026-02-28');
    expect(run(ymd('DATEADD("2026-03-05", -2, "weeks")'))).toBe('2026-02-19');
    expect(run(ymd('DATEADD("2026-03-05", 1, "quarters")'))).toBe('2026-06-05');
    expect(run(ymd('DATEADD("2024-02-29", 1, "years")'))).toBe('2025-02-28');
  });
  it('rounds day and month counts like moment and adds exact durations for clock units', () => {
    expect(run(ymd('DATEADD("2026-03-05", 1.5, "days")'))).toBe('2026-03-07');
    expect(run(ymdhm('DATEADD("2026-03-05 10:00", 1.5, "hours")'))).toBe('2026-03-05 11:30');
    expect(run('DATEADD("2026-03-05T00:00:00Z", 90, "s")')).toBe('2026-03-05T00:01:30.000Z');
    expect(run('DATEADD("2026-03-05T00:00:00Z", 5, "ms")')).toBe('2026-03-05T00:00:00.005Z');
  });
  it('keeps the wall-clock time across DST for days but not for hours (America/New_York)', () => {
    expect(run(ymdhm('DATEADD("2026-03-07 12:00", 1, "days")'), newYork)).toBe('2026-03-08 12:00');
    expect(run(ymdhm('DATEADD("2026-03-07 12:00", 24, "hours")'), newYork)).toBe('2026-03-08 13:00');
    expect(run(ymdhm('DATEADD("2026-10-31 12:00", 1, "days")'), newYork)).toBe('2026-11-01 12:00');
    expect(run(ymdhm('DATEADD("2026-10-31 12:00", 24, "hours")'), newYork)).toBe('2026-11-01 11:00');
  });
  it('has no DST in Asia/Shanghai: a day is 24 hours', () => {
    expect(run(ymdhm('DATEADD("2026-03-07 12:00", 24, "hours")'))).toBe('2026-03-08 12:00');
  });
  it('gives blank for a blank date, #ERROR for a computed bad unit and #NUM past year 9999', () => {
    const fields = { None: { kind: 'date' as const }, Unit: { kind: 'text' as const, value: 'fortnights' } };
    expect(run('DATEADD({None}, 1, "days")', { fields })).toBeNull();
    expect(run('DATEADD(NOW(), 1, {Unit})', { fields })).toMatchObject({ error: '#ERROR', reason: expect.stringContaining('not a date unit') });
    expect(errorOf('DATEADD("9999-12-31", 1, "years")')).toBe('#NUM');
    expect(errorOf('DATEADD("2026-01-01", 1e300, "days")')).toBe('#NUM');
    expect(errorOf('DATEADD({When}, 1, "days")', { fields: { When: { kind: 'text', value: 'someday' } } })).toBe('#VALUE');
  });
});

describe('DATETIME_DIFF and DATEDIF', () => {
  it('gives date1 − date2 in whole units, truncated toward zero (seconds by default)', () => {
    expect(run('DATETIME_DIFF("04/06/2019 12:00", "04/05/2019 11:00", "hours")')).toBe(25);
    expect(run('DATETIME_DIFF("2026-03-05 00:01", "2026-03-05")')).toBe(60);
    expect(run('DATETIME_DIFF("2026-03-05", "2026-03-10", "days")')).toBe(-5);
    expect(run('DATETIME_DIFF("2026-03-05 23:00", "2026-03-05", "days")')).toBe(0);
    expect(run('DATETIME_DIFF("2026-03-31", "2026-01-31", "months")')).toBe(2);
    expect(run('DATETIME_DIFF("2027-03-05", "2026-03-05", "years")')).toBe(1);
    expect(run('DATETIME_DIFF("2026-03-20", "2026-03-05", "w")')).toBe(2);
  });
  it('counts a DST day as 23 hours in America/New_York and 24 in Asia/Shanghai', () => {
    expect(run('DATETIME_DIFF("2026-03-09", "2026-03-08", "hours")', newYork)).toBe(23);
    expect(run('DATETIME_DIFF("2026-03-09", "2026-03-08", "days")', newYork)).toBe(1);
    expect(run('DATETIME_DIFF("2026-03-09", "2026-03-08", "hours")')).toBe(24);
  });
  it('DATEDIF follows Excel: Y, M, D, MD, YM, YD; start after end is #NUM', () => {
    const dif = (unit: string) => run(`DATEDIF("2026-01-15", "2027-03-20", "${unit}")`);
    expect(['Y', 'M', 'D', 'MD', 'YM', 'YD'].map(dif)).toEqual([1, 14, 429, 5, 2, 64]);
    expect(run('DATEDIF("2026-03-05", "2026-03-05", "d")')).toBe(0);
    expect(errorOf('DATEDIF("2026-03-06", "2026-03-05", "D")')).toBe('#NUM');
  });
});

describe('DATETIME_FORMAT', () => {
  it('formats with moment specifiers in the base zone', () => {
    expect(run('DATETIME_FORMAT("2019-10-10", "DD-MM-YYYY")')).toBe('10-10-2019');
    expect(run('DATETIME_FORMAT("2026-03-05 14:30", "LLL")')).toBe('March 5, 2026 2:30 PM');
    expect(run('DATETIME_FORMAT("2026-03-05 14:30", "M/D/YYYY h:mm a")')).toBe('3/5/2026 2:30 pm');
    expect(run('DATETIME_FORMAT("2026-03-05", "dddd, Do [of] MMMM")')).toBe('Thursday, 5th of March');
    expect(run('DATETIME_FORMAT("2026-03-05", "[Q]Q [W]W ddd DDD")')).toBe('Q1 W10 Thu 64');
    expect(run('DATETIME_FORMAT("2026-03-05 09:05:07", "HH:mm:ss.SSS k")')).toBe('09:05:07.000 9');
    expect(run('DATETIME_FORMAT("2026-03-05T00:00:00Z", "X x")')).toBe('1772668800 1772668800000');
  });
  it('writes Chinese formats with literal characters', () => {
    expect(run('DATETIME_FORMAT("2026-03-05 14:30", "YYYY年M月D日 HH:mm")')).toBe('2026年3月5日 14:30');
  });
  it('defaults to ISO 8601 with the offset', () => {
    expect(run('DATETIME_FORMAT(NOW())')).toBe('2026-03-05T12:00:00+08:00');
    expect(run('DATETIME_FORMAT(NOW())', newYork)).toBe('2026-03-04T23:00:00-05:00');
  });
  it('shows the offset and zone name in the date’s zone', () => {
    expect(run('DATETIME_FORMAT(SET_TIMEZONE(NOW(), "America/New_York"), "LLLL z Z")')).toBe('Wednesday, March 4, 2026 11:00 PM EST -05:00');
    expect(run('DATETIME_FORMAT(SET_TIMEZONE("2026-07-01T16:00:00Z", "America/New_York"), "HH:mm ZZ")')).toBe('12:00 -0400');
  });
  it('refuses an unknown specifier computed at run time', () => {
    expect(errorOf('DATETIME_FORMAT(NOW(), {F})', { fields: { F: { kind: 'text', value: 'YYYY at HH' } } })).toBe('#ERROR');
    expect(run('DATETIME_FORMAT({None}, "YYYY")', { fields: { None: { kind: 'date' } } })).toBeNull();
  });
});

describe('DATETIME_PARSE', () => {
  it('reads with a moment format in the base zone', () => {
    expect(run('DATETIME_PARSE("4 Mar 2017 23:00", "D MMM YYYY HH:mm")')).toBe('2017-03-04T15:00:00.000Z');
    expect(run('DATETIME_PARSE("5/3/2026 2:30 PM", "D/M/YYYY h:mm A")')).toBe('2026-03-05T06:30:00.000Z');
    expect(run('DATETIME_PARSE("2026-03-05 14:30 +0000", "YYYY-MM-DD HH:mm ZZ")')).toBe('2026-03-05T14:30:00.000Z');
    expect(run('DATETIME_PARSE("2026年3月5日", "YYYY年M月D日")')).toBe('2026-03-04T16:00:00.000Z');
  });
  it('reads loose dates without a format', () => {
    expect(run('DATETIME_PARSE("2026年3月5日 14:30")')).toBe('2026-03-05T06:30:00.000Z');
    expect(run('DATETIME_PARSE("2026/3/5")')).toBe('2026-03-04T16:00:00.000Z');
    expect(run('DATETIME_PARSE("Mar 5, 2026")')).toBe('2026-03-04T16:00:00.000Z');
  });
  it('gives #VALUE for text that does not match and blank for blank', () => {
    expect(errorOf('DATETIME_PARSE("not a date")')).toBe('#VALUE');
    expect(errorOf('DATETIME_PARSE("2026-03-05", "DD/MM/YYYY")')).toBe('#VALUE');
    expect(run('DATETIME_PARSE("")')).toBeNull();
  });
});

describe('date parts', () => {
  it('read the parts of a date (Airtable reference examples)', () => {
    expect(run('YEAR("02/17/2013 7:31:25")')).toBe(2013);
    expect(run('MONTH("02/17/2013 7:31:25")')).toBe(2);
    expect(run('DAY("02/17/2013 7:31:25")')).toBe(17);
    expect(run('HOUR("02/17/2013 7:31:25")')).toBe(7);
    expect(run('MINUTE("02/17/2013 7:31:25")')).toBe(31);
    expect(run('SECOND("02/17/2013 7:31:25")')).toBe(25);
  });
  it('are read in the base zone', () => {
    const at = '"2026-03-05T23:30:15Z"';
    const parts = ['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND'];
    expect(parts.map((fn) => run(`${fn}(${at})`))).toEqual([2026, 3, 6, 7, 30, 15]);
    expect(parts.map((fn) => run(`${fn}(${at})`, newYork))).toEqual([2026, 3, 5, 18, 30, 15]);
  });
  it('are read in the zone SET_TIMEZONE gives', () => {
    expect(run('HOUR(SET_TIMEZONE(NOW(), "America/New_York"))')).toBe(23);
    expect(run('DAY(SET_TIMEZONE(NOW(), "Asia/Tokyo"))')).toBe(5);
    expect(errorOf('SET_TIMEZONE(NOW(), {Z})', { fields: { Z: { kind: 'text', value: 'Mars/Base' } } })).toBe('#ERROR');
  });
  it('WEEKDAY counts from Sunday = 0, or from Monday = 0', () => {
    expect(run('WEEKDAY("2026-03-05")')).toBe(4);
    expect(run('WEEKDAY("2026-03-08")')).toBe(0);
    expect(run('WEEKDAY("2026-03-08", "Monday")')).toBe(6);
    expect(run('WEEKDAY("2026-03-09", "monday")')).toBe(0);
  });
  it('WEEKNUM numbers weeks from the one holding January 1st, like Excel', () => {
    expect(run('WEEKNUM("2026-03-05")')).toBe(10);
    expect(run('WEEKNUM("2026-01-03")')).toBe(1);
    expect(run('WEEKNUM("2026-01-04")')).toBe(2);
    expect(run('WEEKNUM("2026-01-04", "Monday")')).toBe(1);
    expect(run('WEEKNUM("2026-01-05", "Monday")')).toBe(2);
    expect(run('WEEKNUM("2026-12-31")')).toBe(53);
  });
  it('give blank for a blank date', () => {
    expect(run('YEAR({None})', { fields: { None: { kind: 'date' } } })).toBeNull();
  });
});

describe('IS_BEFORE, IS_AFTER and IS_SAME', () => {
  it('compare instants, or calendar units in the first date’s zone', () => {
    expect(run('IS_BEFORE("2026-01-01", "2026-01-02")')).toBe(true);
    expect(run('IS_AFTER("2026-01-01", "2026-01-02")')).toBe(false);
    expect(run('IS_SAME("2026-03-05", "2026-03-05")')).toBe(true);
    expect(run('IS_SAME("2026-03-05 10:00", "2026-03-05 23:00", "day")')).toBe(true);
    expect(run('IS_SAME("2026-03-05 10:00", "2026-03-05 23:00", "hour")')).toBe(false);
    expect(run('IS_SAME("2026-01-01", "2026-12-31", "year")')).toBe(true);
    expect(run('IS_SAME("2026-03-05T02:00:00Z", "2026-03-05T06:00:00Z", "day")')).toBe(true);
    expect(run('IS_SAME("2026-03-05T02:00:00Z", "2026-03-05T06:00:00Z", "day")', newYork)).toBe(false);
  });
});
