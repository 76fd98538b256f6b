import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf, run } from '../test-support';

const ymd = (date: string) => `DATETIME_FORMAT(${date}, "YYYY-MM-DD")`;
const dayMs = 86_400_000;
const isoDay = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);
const isWorkday = (day: number, holidays: ReadonlySet<number>) => ![0, 6].includes(new Date(day * dayMs).getUTCDay()) && !holidays.has(day);

/** WORKDAY by walking one day at a time: the definition the fast arithmetic must match. */
function walkWorkday(start: number, count: number, holidays: ReadonlySet<number>): number {
  let day = start;
  for (let left = Math.abs(count); left > 0; ) {
    day += Math.sign(count);
    if (isWorkday(day, holidays)) left--;
  }
  return day;
}

function countWorkdays(start: number, end: number, holidays: ReadonlySet<number>): number {
  const [low, high] = start <= end ? [start, end] : [end, start];
  let count = 0;
  for (let day = low; day <= high; day++) if (isWorkday(day, holidays)) count++;
  return start <= end ? count : 0 - count;
}

describe('WORKDAY', () => {
  it('skips weekends and holidays (Airtable reference example)', () => {
    expect(run(ymd('WORKDAY("10/12/2018", 10, "10/16/2018, 10/19/2018")'))).toBe('2018-10-30');
    expect(run(ymd('WORKDAY("10/12/2018", 10)'))).toBe('2018-10-26');
  });
  it('moves from a Friday to the Monday, backwards too, and stays put for 0', () => {
    expect(run(ymd('WORKDAY("2026-03-06", 1)'))).toBe('2026-03-09');
    expect(run(ymd('WORKDAY("2026-03-09", -1)'))).toBe('2026-03-06');
    expect(run(ymd('WORKDAY("2026-03-07", 1)'))).toBe('2026-03-09');
    expect(run(ymd('WORKDAY("2026-03-07", 0)'))).toBe('2026-03-07');
  });
  it('takes holidays as a list of dates and skips Chinese national holidays', () => {
    const fields = { Holidays: { kind: { list: 'date' as const }, value: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'] } };
    expect(run(ymd('WORKDAY("2026-09-30", 1, {Holidays})'), { fields })).toBe('2026-10-08');
  });
  it('handles a million working days at once', () => {
    expect(run(ymd('WORKDAY("2000-01-03", 1000000)'))).toBe(isoDay(walkWorkday(Date.UTC(2000, 0, 3) / dayMs, 1_000_000, new Set())));
  });
  it('gives #NUM past year 9999 and #VALUE for a holiday that is no date', () => {
    expect(errorOf('WORKDAY("2026-03-05", 2600000)')).toBe('#NUM');
    expect(errorOf('WORKDAY("2026-03-05", 3, "2026-03-06, soon")')).toBe('#VALUE');
  });
  it('matches a day-by-day walk for random starts, counts and holidays', () => {
    const base = Date.UTC(2026, 0, 1) / dayMs;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: -60, max: 60 }), fc.uniqueArray(fc.integer({ min: 0, max: 800 }), { maxLength: 12 }), (offset, count, holidayOffsets) => {
        const start = base + offset;
        const holidays = new Set(holidayOffsets.map((h) => base - 50 + h));
        const list = [...holidays].map(isoDay).join(', ');
        expect(run(ymd(`WORKDAY("${isoDay(start)}", ${count}, "${list}")`))).toBe(isoDay(walkWorkday(start, count, holidays)));
        expect(run(`WORKDAY_DIFF("${isoDay(start)}", "${isoDay(start + count)}", "${list}")`)).toBe(countWorkdays(start, start + count, holidays));
      }),
      { numRuns: 300 },
    );
  });
});

describe('WORKDAY_DIFF and NETWORKDAYS', () => {
  it('count working days with both ends included, negative backwards', () => {
    expect(run('WORKDAY_DIFF("2018-10-10", "2018-10-20")')).toBe(8);
    expect(run('NETWORKDAYS("2018-10-10", "2018-10-20")')).toBe(8);
    expect(run('WORKDAY_DIFF("2018-10-10", "2018-10-20", "2018-10-15")')).toBe(7);
    expect(run('WORKDAY_DIFF("2018-10-20", "2018-10-10")')).toBe(-8);
    expect(run('WORKDAY_DIFF("2026-03-07", "2026-03-08")')).toBe(0);
  });
});
