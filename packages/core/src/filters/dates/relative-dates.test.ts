import { describe, expect, it } from 'vitest';
import { EngineError } from '../../errors';
import type { Field } from '../../fields/field';
import { resolveFilter } from '../resolve-filter';
import { makeField } from '../test-support';

const dueDay = makeField('date', 'Due');
const dueAt = makeField('date', 'Due at', { includeTime: true });
const dueAtInNewYork = makeField('date', 'Due at (NY)', { includeTime: true, timeZone: 'America/New_York' });
const created = makeField('createdTime', 'Created');
const fields = [dueDay, dueAt, dueAtInNewYork, created];

function resolve(field: Field, operator: string, value: unknown, now: string, timeZone: string) {
  return resolveFilter({ conjunction: 'and', conditions: [{ field: field.id, operator, value }] }, fields, { now: new Date(now), timeZone });
}

function errorOf(run: () => unknown): EngineError {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected an EngineError');
}

describe('relative dates', () => {
  it('makes "today" on a date-time field the UTC range of the local day in Asia/Shanghai', () => {
    // 01:00 on 1 May in Shanghai is still 30 April in UTC.
    expect(resolve(dueAt, 'is', 'today', '2024-04-30T17:00:00Z', 'Asia/Shanghai')).toMatchObject({
      type: 'range',
      from: '2024-04-30T16:00:00.000Z',
      to: '2024-05-01T16:00:00.000Z',
    });
  });

  it('makes "today" on a date-only field an equality on YYYY-MM-DD', () => {
    expect(resolve(dueDay, 'is', { mode: 'today' }, '2024-04-30T17:00:00Z', 'Asia/Shanghai')).toMatchObject({
      type: 'compare',
      comparison: '=',
      value: '2024-05-01',
    });
    expect(resolve(dueDay, 'is', { mode: 'today' }, '2024-04-30T17:00:00Z', 'America/New_York')).toMatchObject({ value: '2024-04-30' });
  });

  it('gives the New York day clocks spring forward 23 hours and the day they fall back 25', () => {
    expect(resolve(dueAt, 'is', 'today', '2024-03-10T12:00:00Z', 'America/New_York')).toMatchObject({
      from: '2024-03-10T05:00:00.000Z',
      to: '2024-03-11T04:00:00.000Z',
    });
    expect(resolve(dueAt, 'is', 'today', '2024-11-03T12:00:00Z', 'America/New_York')).toMatchObject({
      from: '2024-11-03T04:00:00.000Z',
      to: '2024-11-04T05:00:00.000Z',
    });
  });

  it('reads "today" late in the New York evening as the New York date, not the UTC one', () => {
    expect(resolve(dueDay, 'is', 'today', '2024-03-11T03:30:00Z', 'America/New_York')).toMatchObject({ value: '2024-03-10' });
    expect(resolve(dueDay, 'is', 'tomorrow', '2024-03-11T03:30:00Z', 'America/New_York')).toMatchObject({ value: '2024-03-11' });
  });

  it("uses the field's own zone over the base's", () => {
    expect(resolve(dueAtInNewYork, 'is', 'today', '2024-03-10T12:00:00Z', 'Asia/Shanghai')).toMatchObject({
      from: '2024-03-10T05:00:00.000Z',
      to: '2024-03-11T04:00:00.000Z',
    });
  });

  it('reads created time days in the base zone', () => {
    expect(resolve(created, 'isBefore', 'today', '2024-05-01T03:00:00Z', 'Asia/Shanghai')).toMatchObject({
      type: 'compare',
      comparison: '<',
      value: '2024-04-30T16:00:00.000Z',
    });
    expect(resolve(created, 'isOnOrBefore', 'today', '2024-05-01T03:00:00Z', 'Asia/Shanghai')).toMatchObject({
      comparison: '<',
      value: '2024-05-01T16:00:00.000Z',
    });
    expect(resolve(created, 'isAfter', 'today', '2024-05-01T03:00:00Z', 'Asia/Shanghai')).toMatchObject({
      type: 'range',
      from: '2024-05-01T16:00:00.000Z',
    });
  });

  it('computes the relative days from today', () => {
    const now = '2024-03-31T04:00:00Z'; // Sunday 31 March in Shanghai
    const day = (value: unknown) => (resolve(dueDay, 'is', value, now, 'Asia/Shanghai') as { value: string }).value;
    expect(day('yesterday')).toBe('2024-03-30');
    expect(day('oneWeekAgo')).toBe('2024-03-24');
    expect(day('oneWeekFromNow')).toBe('2024-04-07');
    expect(day('oneMonthAgo')).toBe('2024-02-29');
    expect(day('oneMonthFromNow')).toBe('2024-04-30');
    expect(day({ mode: 'daysAgo', days: 40 })).toBe('2024-02-20');
    expect(day({ mode: 'daysFromNow', days: 1 })).toBe('2024-04-01');
    expect(day({ mode: 'exactDate', date: '2020-02-29' })).toBe('2020-02-29');
  });

  it('computes isWithin spans, first and last day included, weeks starting on Monday', () => {
    const now = '2024-05-01T04:00:00Z'; // Wednesday 1 May in Shanghai
    const span = (value: unknown) => {
      const range = resolve(dueDay, 'isWithin', value, now, 'Asia/Shanghai') as { from: string; to: string };
      return [range.from, range.to];
    };
    expect(span('pastWeek')).toEqual(['2024-04-24', '2024-05-02']);
    expect(span({ mode: 'nextWeek' })).toEqual(['2024-05-01', '2024-05-09']);
    expect(span({ mode: 'pastMonth' })).toEqual(['2024-04-01', '2024-05-02']);
    expect(span({ mode: 'nextMonth' })).toEqual(['2024-05-01', '2024-06-02']);
    expect(span({ mode: 'pastYear' })).toEqual(['2023-05-01', '2024-05-02']);
    expect(span({ mode: 'nextYear' })).toEqual(['2024-05-01', '2025-05-02']);
    expect(span({ mode: 'pastNumberOfDays', days: 3 })).toEqual(['2024-04-28', '2024-05-02']);
    expect(span({ mode: 'nextNumberOfDays', days: 0 })).toEqual(['2024-05-01', '2024-05-02']);
    expect(span({ mode: 'thisWeek' })).toEqual(['2024-04-29', '2024-05-06']);
    expect(span({ mode: 'thisMonth' })).toEqual(['2024-05-01', '2024-06-01']);
  });

  it('turns an isWithin span on a date-time field into local midnights across a DST change', () => {
    const range = resolve(dueAt, 'isWithin', { mode: 'thisWeek' }, '2024-03-06T15:00:00Z', 'America/New_York');
    // Monday 4 March (EST, UTC-5) to Monday 11 March (EDT, UTC-4).
    expect(range).toMatchObject({ from: '2024-03-04T05:00:00.000Z', to: '2024-03-11T04:00:00.000Z' });
  });

  it('keeps bounds at the end of year 9999 well-formed', () => {
    expect(resolve(dueAt, 'isAfter', '9999-12-31', '2024-05-01T00:00:00Z', 'UTC')).toEqual({ type: 'const', value: false });
    expect(resolve(dueAt, 'isOnOrBefore', '9999-12-31', '2024-05-01T00:00:00Z', 'UTC')).toMatchObject({ type: 'range' });
    expect(resolve(dueDay, 'isOnOrAfter', '9999-12-31', '2024-05-01T00:00:00Z', 'UTC')).toMatchObject({ comparison: '>=', value: '9999-12-31' });
  });

  it('refuses malformed date operands, naming the path', () => {
    const cases: Array<[string, unknown, string]> = [
      ['is', '2024-02-30', 'filter.conditions[0].value'],
      ['is', '2024-1-5', 'filter.conditions[0].value'],
      ['is', '0000-01-01', 'filter.conditions[0].value'],
      ['is', 20240101, 'filter.conditions[0].value'],
      ['is', { mode: 'fortnightAgo' }, 'filter.conditions[0].value.mode'],
      ['is', { mode: 'exactDate' }, 'filter.conditions[0].value.date'],
      ['is', { mode: 'daysAgo' }, 'filter.conditions[0].value.days'],
      ['is', { mode: 'daysAgo', days: 1.5 }, 'filter.conditions[0].value.days'],
      ['is', { mode: 'today', zone: 'UTC' }, 'filter.conditions[0].value.zone'],
      ['isWithin', 'today', 'filter.conditions[0].value'],
      ['isWithin', { mode: 'pastNumberOfDays', days: -1 }, 'filter.conditions[0].value.days'],
    ];
    for (const [operator, value, path] of cases) {
      const error = errorOf(() => resolve(dueDay, operator, value, '2024-05-01T00:00:00Z', 'UTC'));
      expect(error.code, JSON.stringify(value)).toBe('INVALID_FILTER');
      expect(error.details.path, JSON.stringify(value)).toBe(path);
    }
  });

  it('refuses an unknown base zone', () => {
    expect(errorOf(() => resolve(dueDay, 'is', 'today', '2024-05-01T00:00:00Z', 'Mars/Olympus')).code).toBe('INVALID_FILTER');
  });
});
