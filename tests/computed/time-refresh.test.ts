/**
 * TODAY() and NOW(), and conditions on "today": fields reading the clock are refreshed after
 * midnight in the base's time zone (the server's clock is the test's), with what reads them,
 * and say when (`refreshedAt`).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import { startTestApp, type TestApp } from '../support/app';
import { ComputedBase } from './computed-helpers';

const hour = 3_600_000;

describeEachDialect('time-dependent formulas', (dialect) => {
  let t: TestApp;
  let b: ComputedBase;

  beforeAll(async () => {
    // Sessions outlive the days this suite moves the clock by.
    t = await startTestApp(dialect, { config: { sessionIdleMinutes: 1_000_000, sessionAbsoluteHours: 100_000 } });
    b = await ComputedBase.open(t, 'Clinic', 'Asia/Shanghai'); // the test clock starts at 08:00 on 2030-01-01 there
  });
  afterAll(async () => t.cleanup());

  it('refreshes TODAY() formulas and what reads them after local midnight, not before', async () => {
    const table = await b.table('Follow-ups', [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Due', type: 'date' },
    ]);
    const [ann] = await b.create(table.id, [{ Name: 'Ann', Due: '2030-01-05' }]);
    const today = await b.field(table.id, { name: 'Today', type: 'formula', options: { formula: 'DATETIME_FORMAT(TODAY(), "YYYY-MM-DD")' } });
    await b.field(table.id, { name: 'Days left', type: 'formula', options: { formula: 'DATETIME_DIFF({Due}, TODAY(), "days")' } });
    await b.field(table.id, { name: 'Urgent', type: 'formula', options: { formula: '{Days left} < 3' } });
    expect((await b.read(table.id, ann!.id)).fields).toMatchObject({ Today: '2030-01-01', 'Days left': 4, Urgent: false });
    expect(today.options.refreshedAt).toBe('2030-01-01T00:00:00.000Z');

    t.clock.advance(15 * hour); // 23:00 in Shanghai
    expect(await t.app.timeRefresh.runDue()).toEqual([]);

    t.clock.advance(2 * hour + 24 * hour); // 01:00 on January 3rd
    const refreshed = await t.app.timeRefresh.runDue();
    expect(refreshed).toHaveLength(2);
    expect((await b.read(table.id, ann!.id)).fields).toMatchObject({ Today: '2030-01-03', 'Days left': 2, Urgent: true });
    expect((await b.fieldNamed(table.id, 'Today')).options.refreshedAt).toBe('2030-01-02T17:00:00.000Z');
    expect(await t.app.timeRefresh.runDue()).toEqual([]);
  });

  it('refreshes lookups, rollups and counts whose condition names a day relative to today', async () => {
    const patients = await b.table('Patients', [{ name: 'Name', type: 'singleLineText' }]);
    const visits = await b.table('Visits', [
      { name: 'Code', type: 'singleLineText' },
      { name: 'On', type: 'date' },
      { name: 'Fee', type: 'number' },
    ]);
    const link = await b.field(visits.id, { name: 'Patient', type: 'link', options: { linkedTableId: patients.id } });
    const [ann] = await b.create(patients.id, [{ Name: 'Ann' }]);
    // The suite's clock reads 2030-01-01 in Shanghai (or later, after the tests before).
    const day = (offset: number) => new Date(t.app.platform.clock() + offset * 24 * hour + 8 * hour).toISOString().slice(0, 10);
    await b.create(visits.id, [
      { Code: 'today', On: day(0), Fee: 10, Patient: [ann!.id] },
      { Code: 'tomorrow', On: day(1), Fee: 20, Patient: [ann!.id] },
      { Code: 'later', On: day(5), Fee: 40, Patient: [ann!.id] },
    ]);
    const via = link.options.inverseFieldId as string;
    const onToday = { conjunction: 'and', conditions: [{ field: 'On', operator: 'is', value: 'today' }] };
    const count = await b.field(patients.id, { name: 'Visits today', type: 'count', options: { linkFieldId: via, filter: onToday } });
    await b.field(patients.id, { name: 'Fees today', type: 'rollup', options: { linkFieldId: via, targetFieldId: 'Fee', aggregation: 'sum', filter: onToday } });
    await b.field(patients.id, { name: 'Codes today', type: 'lookup', options: { linkFieldId: via, targetFieldId: 'Code', filter: onToday } });
    await b.field(patients.id, { name: 'All visits', type: 'count', options: { linkFieldId: via } });
    expect((await b.read(patients.id, ann!.id)).fields).toMatchObject({ 'Visits today': 1, 'Fees today': 10, 'Codes today': ['today'], 'All visits': 3 });
    expect(count.options.refreshedAt).toEqual(expect.any(String));

    t.clock.advance(24 * hour);
    const refreshed = await t.app.timeRefresh.runDue();
    expect(refreshed).toEqual(expect.arrayContaining([count.id]));
    expect(refreshed).not.toContain((await b.fieldNamed(patients.id, 'All visits')).id);
    expect((await b.read(patients.id, ann!.id)).fields).toMatchObject({ 'Visits today': 1, 'Fees today': 20, 'Codes today': ['tomorrow'], 'All visits': 3 });
    t.clock.advance(24 * hour);
    await t.app.timeRefresh.runDue();
    const fields = (await b.read(patients.id, ann!.id)).fields;
    expect(fields['Visits today']).toBe(0);
    expect(fields['Codes today'] ?? null).toBeNull();
  });

  it('refreshes by the zone of each base', async () => {
    const utc = await ComputedBase.open(t, 'London', 'Europe/London');
    const table = await utc.table('Days', [{ name: 'Name', type: 'singleLineText' }]);
    const [row] = await utc.create(table.id, [{ Name: 'x' }]);
    await utc.field(table.id, { name: 'Today', type: 'formula', options: { formula: 'DATETIME_FORMAT(TODAY(), "YYYY-MM-DD")' } });
    const before = (await utc.read(table.id, row!.id)).fields.Today as string;
    const now = t.app.platform.clock();
    const londonHour = new Date(now).getUTCHours(); // London is on UTC in January
    t.clock.advance((24 - londonHour) * hour - 1); // one millisecond before midnight in London
    expect(await t.app.timeRefresh.runDue()).not.toContain((await utc.fieldNamed(table.id, 'Today')).id);
    t.clock.advance(1);
    expect(await t.app.timeRefresh.runDue()).toContain((await utc.fieldNamed(table.id, 'Today')).id);
    const after = (await utc.read(table.id, row!.id)).fields.Today as string;
    expect(Date.parse(after) - Date.parse(before)).toBe(24 * hour);
  });
});
