import { describe, expect, it } from 'vitest';
import { fieldReadsClock } from '../registry';
import { TestBase } from './test-support';

const P = 'tbl_00000000patients';
const V = 'tbl_0000000000visits';

function clinic() {
  const base = new TestBase();
  base.add(P, 'Name', 'singleLineText', {}, true);
  base.add(P, 'Visits', 'link', { linkedTableId: V });
  base.add(V, 'Code', 'singleLineText', {}, true);
  base.add(V, 'On', 'date');
  base.add(V, 'Fee', 'number');
  return base;
}

const onlyWhen = (condition: Record<string, unknown>) => ({ linkFieldId: 'Visits', filter: { conjunction: 'and', conditions: [condition] } });

describe('fields whose values change as days pass', () => {
  it('are formulas reading TODAY() or NOW(), not other formulas', () => {
    const base = clinic();
    expect(fieldReadsClock(base.addComputed(P, 'Age', 'formula', { formula: 'DATETIME_DIFF(TODAY(), "2020-01-01", "days")' }), base.fields)).toBe(true);
    expect(fieldReadsClock(base.addComputed(P, 'Stamp', 'formula', { formula: 'NOW()' }), base.fields)).toBe(true);
    expect(fieldReadsClock(base.addComputed(P, 'Shout', 'formula', { formula: 'UPPER({Name})' }), base.fields)).toBe(false);
  });

  it('are lookups, rollups and counts whose condition names a day relative to today', () => {
    const base = clinic();
    const relative = [
      { field: 'On', operator: 'is', value: 'today' },
      { field: 'On', operator: 'isWithin', value: { mode: 'pastWeek' } },
      { field: 'On', operator: 'isBefore', value: { mode: 'daysAgo', days: 3 } },
    ];
    for (const [index, condition] of relative.entries()) {
      expect(fieldReadsClock(base.addComputed(P, `Recent ${index}`, 'count', onlyWhen(condition)), base.fields), JSON.stringify(condition)).toBe(true);
    }
    expect(fieldReadsClock(base.addComputed(P, 'Recent fees', 'rollup', { ...onlyWhen(relative[1]!), targetFieldId: 'Fee', aggregation: 'sum' }), base.fields)).toBe(true);
    expect(fieldReadsClock(base.addComputed(P, 'Recent codes', 'lookup', { ...onlyWhen(relative[0]!), targetFieldId: 'Code' }), base.fields)).toBe(true);
  });

  it('are not lookups, rollups and counts with an exact date, another condition, or none', () => {
    const base = clinic();
    const fixed = [
      { field: 'On', operator: 'is', value: '2026-03-01' },
      { field: 'On', operator: 'is', value: { mode: 'exactDate', date: '2026-03-01' } },
      { field: 'Fee', operator: 'isGreater', value: 10 },
      { field: 'On', operator: 'isEmpty' },
    ];
    for (const [index, condition] of fixed.entries()) {
      expect(fieldReadsClock(base.addComputed(P, `Fixed ${index}`, 'count', onlyWhen(condition)), base.fields), JSON.stringify(condition)).toBe(false);
    }
    expect(fieldReadsClock(base.addComputed(P, 'All fees', 'rollup', { linkFieldId: 'Visits', targetFieldId: 'Fee', aggregation: 'sum' }), base.fields)).toBe(false);
    expect(fieldReadsClock(base.addComputed(P, 'All codes', 'lookup', { linkFieldId: 'Visits', targetFieldId: 'Code' }), base.fields)).toBe(false);
  });

  it('are rollups whose formula over values reads the clock', () => {
    const base = clinic();
    const rollup = base.addComputed(P, 'Days since last', 'rollup', {
      linkFieldId: 'Visits',
      targetFieldId: 'On',
      aggregation: 'formula',
      formula: 'DATETIME_DIFF(TODAY(), MAX(values), "days")',
    });
    expect(fieldReadsClock(rollup, base.fields)).toBe(true);
  });

  it('are never stored types', () => {
    const base = clinic();
    expect(fieldReadsClock(base.fields.get([...base.fields.keys()][0]!)!, base.fields)).toBe(false);
  });
});
