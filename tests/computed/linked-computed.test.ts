/**
 * Lookups, rollups and counts over real links, on SQLite and PostgreSQL, and the cross-table
 * cascade of issue 3: Patients ← link ← Visits, with a lookup of the patient's name on visits, a
 * rollup of visit fees on patients and a formula over that rollup — verified after create,
 * update, delete, relink, field rename and field delete. Every aggregation, with and without a
 * condition; filters and sorts on them through SQL.
 */
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases';
import type { ApiField } from '../api/data-helpers';
import { useComputedBase } from './computed-helpers';

describeEachDialect('lookups, rollups and counts', (dialect) => {
  const app = useComputedBase(dialect);

  /** Patients (Ann, Bob) and Visits (v1 Ann 100 checkup, v2 Ann 50 surgery, v3 Bob 30 checkup) linked two-way. */
  async function clinic() {
    const patients = await app.b.table('Patients', [{ name: 'Name', type: 'singleLineText' }]);
    const visits = await app.b.table('Visits', [
      { name: 'Label', type: 'singleLineText' },
      { name: 'Fee', type: 'number' },
      { name: 'Kind', type: 'singleSelect', options: { choices: [{ name: 'Checkup' }, { name: 'Surgery' }] } },
      { name: 'On', type: 'date' },
      { name: 'Paid', type: 'checkbox' },
    ]);
    const link = await app.b.field(visits.id, { name: 'Patient', type: 'link', options: { linkedTableId: patients.id } });
    const inverse = (await app.b.fields(patients.id)).find((field) => field.type === 'link')!;
    const [ann, bob] = (await app.b.create(patients.id, [{ Name: 'Ann' }, { Name: 'Bob' }])).map((r) => r.id) as [string, string];
    const [v1, v2, v3] = (
      await app.b.create(visits.id, [
        { Label: 'v1', Fee: 100, Kind: 'Checkup', On: '2026-03-01', Paid: true, Patient: [ann] },
        { Label: 'v2', Fee: 50, Kind: 'Surgery', On: '2026-02-01', Paid: false, Patient: [ann] },
        { Label: 'v3', Fee: 30, Kind: 'Checkup', On: '2026-01-15', Paid: true, Patient: [bob] },
      ])
    ).map((r) => r.id) as [string, string, string];
    return { patients, visits, link, inverse, ann, bob, v1, v2, v3 };
  }

  describe('the cross-table cascade', () => {
    it('keeps lookup → rollup → formula current through create, update, delete, relink, rename and delete of fields', async () => {
      const c = await clinic();
      const visitsVia = c.inverse.name;
      await app.b.field(c.visits.id, { name: 'Patient name', type: 'lookup', options: { linkFieldId: 'Patient', targetFieldId: 'Name' } });
      const total = await app.b.field(c.patients.id, { name: 'Total fees', type: 'rollup', options: { linkFieldId: visitsVia, targetFieldId: 'Fee', aggregation: 'sum' } });
      await app.b.field(c.patients.id, { name: 'With tax', type: 'formula', options: { formula: 'ROUND({Total fees} * 1.1, 2)' } });
      await app.b.field(c.patients.id, { name: 'Visit count', type: 'count', options: { linkFieldId: visitsVia } });

      const patient = async (id: string) => (await app.b.read(c.patients.id, id)).fields;
      const visit = async (id: string) => (await app.b.read(c.visits.id, id)).fields;
      // After creation: every existing record was filled.
      expect(await patient(c.ann)).toMatchObject({ 'Total fees': 150, 'With tax': 165, 'Visit count': 2 });
      expect(await patient(c.bob)).toMatchObject({ 'Total fees': 30, 'With tax': 33, 'Visit count': 1 });
      expect((await visit(c.v1))['Patient name']).toEqual(['Ann']);

      // Create a visit.
      const [v4] = await app.b.create(c.visits.id, [{ Label: 'v4', Fee: 20, Patient: [c.bob] }]);
      expect(v4!.fields['Patient name']).toEqual(['Bob']);
      expect(await patient(c.bob)).toMatchObject({ 'Total fees': 50, 'With tax': 55, 'Visit count': 2 });

      // Update a fee.
      await app.b.update(c.visits.id, c.v1, { Fee: 200 });
      expect(await patient(c.ann)).toMatchObject({ 'Total fees': 250, 'With tax': 275 });

      // Rename the patient: the lookup on all their visits changes.
      await app.b.update(c.patients.id, c.ann, { Name: 'Ann Lee' });
      expect((await visit(c.v1))['Patient name']).toEqual(['Ann Lee']);
      expect((await visit(c.v2))['Patient name']).toEqual(['Ann Lee']);
      expect((await visit(c.v3))['Patient name']).toEqual(['Bob']);

      // Relink a visit from Ann to Bob.
      await app.b.update(c.visits.id, c.v2, { Patient: [c.bob] });
      expect(await patient(c.ann)).toMatchObject({ 'Total fees': 200, 'With tax': 220, 'Visit count': 1 });
      expect(await patient(c.bob)).toMatchObject({ 'Total fees': 100, 'With tax': 110, 'Visit count': 3 });
      expect((await visit(c.v2))['Patient name']).toEqual(['Bob']);

      // Delete a visit.
      await app.b.remove(c.visits.id, [c.v3]);
      expect(await patient(c.bob)).toMatchObject({ 'Total fees': 70, 'With tax': 77, 'Visit count': 2 });

      // Rename the rolled-up field and the rollup: nothing breaks.
      const fee = await app.b.fieldNamed(c.visits.id, 'Fee');
      await app.b.patchField(c.visits.id, fee.id, { name: 'Charge' });
      await app.b.patchField(c.patients.id, total.id, { name: 'Fees' });
      expect((await app.b.fieldNamed(c.patients.id, 'With tax')).options.formulaText).toBe('ROUND({Fees} * 1.1, 2)');
      await app.b.update(c.visits.id, c.v1, { Charge: 300 });
      expect(await patient(c.ann)).toMatchObject({ Fees: 300, 'With tax': 330 });

      // Delete the rolled-up field: the rollup and the formula over it become error values.
      await app.b.deleteField(c.visits.id, fee.id);
      const after = await patient(c.ann);
      expect(after.Fees).toMatchObject({ error: '#ERROR', reason: expect.stringContaining('no longer exists') });
      expect(after['With tax']).toMatchObject({ error: '#ERROR' });
      expect(after['Visit count']).toBe(1);
    });

    it('turns lookups into error values when the link field is deleted', async () => {
      const c = await clinic();
      await app.b.field(c.visits.id, { name: 'Patient name', type: 'lookup', options: { linkFieldId: 'Patient', targetFieldId: 'Name' } });
      await app.b.field(c.patients.id, { name: 'Visit count', type: 'count', options: { linkFieldId: c.inverse.id } });
      await app.b.deleteField(c.visits.id, c.link.id); // its inverse goes too
      expect((await app.b.read(c.visits.id, c.v1)).fields['Patient name']).toMatchObject({ error: '#ERROR' });
      expect((await app.b.read(c.patients.id, c.ann)).fields['Visit count']).toMatchObject({ error: '#ERROR' });
    });

    it('turns lookups through a link into a deleted table into error values', async () => {
      const c = await clinic();
      await app.b.field(c.visits.id, { name: 'Patient name', type: 'lookup', options: { linkFieldId: 'Patient', targetFieldId: 'Name' } });
      await app.b.field(c.visits.id, { name: 'Shout', type: 'formula', options: { formula: 'ARRAYJOIN({Patient name}) & "!"' } });
      expect((await app.b.read(c.visits.id, c.v1)).fields).toMatchObject({ 'Patient name': ['Ann'], Shout: 'Ann!' });
      expect((await app.b.request('DELETE', `/tables/${c.patients.id}`)).statusCode).toBe(200);
      expect((await app.b.read(c.visits.id, c.v1)).fields).toMatchObject({ 'Patient name': { error: '#ERROR' }, Shout: { error: '#ERROR' } });
    });

    it('refuses a cycle across tables and names it', async () => {
      const c = await clinic();
      const total = await app.b.field(c.patients.id, { name: 'Total', type: 'rollup', options: { linkFieldId: c.inverse.id, targetFieldId: 'Fee', aggregation: 'sum' } });
      await app.b.field(c.visits.id, { name: 'Patient total', type: 'lookup', options: { linkFieldId: 'Patient', targetFieldId: total.id } });
      const cyclic = await app.b.request('PATCH', `/tables/${c.patients.id}/fields/${total.id}`, { options: { targetFieldId: 'Patient total' } });
      expect(cyclic.statusCode).toBe(400);
      expect(cyclic.json().error.message).toMatch(/circular reference: .*Total.*→.*Patient total.*→|circular reference: .*Patient total.*→.*Total.*→/);
    });

    it('refuses links that are not link fields of the table and targets outside the linked table', async () => {
      const c = await clinic();
      const notLink = await app.b.request('POST', `/tables/${c.visits.id}/fields`, { name: 'X', type: 'lookup', options: { linkFieldId: 'Fee', targetFieldId: 'Name' } });
      expect(notLink.json().error).toMatchObject({ code: 'INVALID_FIELD_OPTIONS', details: { path: 'options.linkFieldId' } });
      const otherTable = await app.b.request('POST', `/tables/${c.patients.id}/fields`, { name: 'X', type: 'lookup', options: { linkFieldId: 'Patient', targetFieldId: 'Fee' } });
      expect(otherTable.json().error.details.path).toBe('options.linkFieldId');
      const badTarget = await app.b.request('POST', `/tables/${c.visits.id}/fields`, { name: 'X', type: 'rollup', options: { linkFieldId: 'Patient', targetFieldId: 'Fee' } });
      expect(badTarget.json().error).toMatchObject({ code: 'INVALID_FIELD_OPTIONS', details: { path: 'options.targetFieldId' } });
      const badCondition = await app.b.request('POST', `/tables/${c.patients.id}/fields`, {
        name: 'X',
        type: 'count',
        options: { linkFieldId: c.inverse.id, filter: { conjunction: 'and', conditions: [{ field: 'Name', operator: 'is', value: 'x' }] } },
      });
      expect(badCondition.statusCode).toBe(400);
      expect(badCondition.json().error.details.path).toBe('options.filter.conditions[0].field');
    });

    it("refuses 'me' in a condition: a stored value cannot depend on who looks", async () => {
      const c = await clinic();
      await app.b.field(c.visits.id, { name: 'Author', type: 'createdBy' });
      const conditions = [
        { condition: { field: 'Author', operator: 'is', value: 'me' }, path: 'options.filter.conditions[0].value' },
        { condition: { field: 'Author', operator: 'isAnyOf', value: ['someone', 'me'] }, path: 'options.filter.conditions[0].value[1]' },
      ];
      for (const { condition, path } of conditions) {
        const refused = await app.b.request('POST', `/tables/${c.patients.id}/fields`, {
          name: 'Mine',
          type: 'count',
          options: { linkFieldId: c.inverse.id, filter: { conjunction: 'and', conditions: [condition] } },
        });
        expect(refused.statusCode, JSON.stringify(condition)).toBe(400);
        expect(refused.json().error.details.path).toBe(path);
        expect(refused.json().error.message).toMatch(/"me"/);
      }
      const viewFilter = await app.b.query(c.visits.id, { filter: { conjunction: 'and', conditions: [{ field: 'Author', operator: 'is', value: 'me' }] } });
      expect(viewFilter.length).toBeGreaterThan(0);
    });
  });

  describe('every aggregation, with and without a condition', () => {
    const checkups = { conjunction: 'and', conditions: [{ field: 'Kind', operator: 'is', value: 'Checkup' }] };
    const cases: Array<[string, string, unknown, unknown]> = [
      ['count', 'Fee', 2, 1],
      ['counta', 'Label', 2, 1],
      ['countall', 'Fee', 2, 1],
      ['sum', 'Fee', 150, 100],
      ['average', 'Fee', 75, 100],
      ['min', 'Fee', 50, 100],
      ['max', 'Fee', 100, 100],
      ['and', 'Paid', false, true],
      ['or', 'Paid', true, true],
      ['xor', 'Paid', true, true],
      ['arrayjoin', 'Label', 'v1, v2', 'v1'],
      ['arrayunique', 'Kind', ['Checkup', 'Surgery'], ['Checkup']],
      ['arraycompact', 'Label', ['v1', 'v2'], ['v1']],
      ['earliest', 'On', '2026-01-31T16:00:00.000Z', '2026-02-28T16:00:00.000Z'],
      ['latest', 'On', '2026-02-28T16:00:00.000Z', '2026-02-28T16:00:00.000Z'],
    ];

    it('rolls up Ann\'s visits by every aggregation', async () => {
      const c = await clinic();
      for (const [aggregation, target, all, onlyCheckups] of cases) {
        const plain = await app.b.field(c.patients.id, { name: `${aggregation} all`, type: 'rollup', options: { linkFieldId: c.inverse.id, targetFieldId: target, aggregation } });
        const filtered = await app.b.field(c.patients.id, {
          name: `${aggregation} checkups`,
          type: 'rollup',
          options: { linkFieldId: c.inverse.id, targetFieldId: target, aggregation, filter: checkups },
        });
        const ann = (await app.b.read(c.patients.id, c.ann)).fields;
        expect(ann[plain.name], aggregation).toEqual(all);
        expect(ann[filtered.name], `${aggregation} with a condition`).toEqual(onlyCheckups);
      }
      const formula = await app.b.field(c.patients.id, { name: 'Doubled', type: 'rollup', options: { linkFieldId: c.inverse.id, targetFieldId: 'Fee', aggregation: 'formula', formula: 'SUM(values) * 2' } });
      expect(formula.options.formulaText).toBe('SUM(values) * 2');
      expect((await app.b.read(c.patients.id, c.ann)).fields.Doubled).toBe(300);
    });

    it('looks up and counts with and without a condition, and keeps them current when a condition field changes', async () => {
      const c = await clinic();
      await app.b.field(c.patients.id, { name: 'Labels', type: 'lookup', options: { linkFieldId: c.inverse.id, targetFieldId: 'Label' } });
      await app.b.field(c.patients.id, { name: 'Checkup labels', type: 'lookup', options: { linkFieldId: c.inverse.id, targetFieldId: 'Label', filter: checkups } });
      await app.b.field(c.patients.id, { name: 'Checkups', type: 'count', options: { linkFieldId: c.inverse.id, filter: checkups } });
      expect((await app.b.read(c.patients.id, c.ann)).fields).toMatchObject({ Labels: ['v1', 'v2'], 'Checkup labels': ['v1'], Checkups: 1 });
      await app.b.update(c.visits.id, c.v2, { Kind: 'Checkup' });
      expect((await app.b.read(c.patients.id, c.ann)).fields).toMatchObject({ 'Checkup labels': ['v1', 'v2'], Checkups: 2 });
    });

    it('filters and sorts patients by lookups, rollups and counts through SQL', async () => {
      const c = await clinic();
      await app.b.field(c.patients.id, { name: 'Kinds', type: 'lookup', options: { linkFieldId: c.inverse.id, targetFieldId: 'Kind' } });
      await app.b.field(c.patients.id, { name: 'Total', type: 'rollup', options: { linkFieldId: c.inverse.id, targetFieldId: 'Fee', aggregation: 'sum' } });
      await app.b.field(c.patients.id, { name: 'Visits n', type: 'count', options: { linkFieldId: c.inverse.id } });
      const ids = async (body: Record<string, unknown>) => (await app.b.query(c.patients.id, body)).map((r) => r.id);
      expect(await ids({ filter: { conjunction: 'and', conditions: [{ field: 'Kinds', operator: 'hasAnyOf', value: ['Surgery'] }] } })).toEqual([c.ann]);
      expect(await ids({ filter: { conjunction: 'and', conditions: [{ field: 'Total', operator: 'isLess', value: 100 }] } })).toEqual([c.bob]);
      expect(await ids({ filter: { conjunction: 'and', conditions: [{ field: 'Visits n', operator: 'is', value: 2 }] } })).toEqual([c.ann]);
      expect(await ids({ sort: [{ field: 'Total', direction: 'asc' }] })).toEqual([c.bob, c.ann]);
      // Lists sort by their JSON text: ["Checkup","Surgery"] < ["Checkup"].
      expect(await ids({ sort: [{ field: 'Kinds', direction: 'desc' }] })).toEqual([c.bob, c.ann]);
    });
  });

  it('shows lookups of links by title and filters them by record', async () => {
    const c = await clinic();
    const field: ApiField = await app.b.field(c.patients.id, { name: 'Visit patients', type: 'lookup', options: { linkFieldId: c.inverse.id, targetFieldId: 'Patient' } });
    expect(field.options.targetShape).toMatchObject({ type: 'link' });
    expect((await app.b.read(c.patients.id, c.ann)).fields['Visit patients']).toEqual([
      { id: c.ann, title: 'Ann' },
      { id: c.ann, title: 'Ann' },
    ]);
    const found = await app.b.query(c.patients.id, { filter: { conjunction: 'and', conditions: [{ field: 'Visit patients', operator: 'hasAnyOf', value: [c.bob] }] } });
    expect(found.map((r) => r.id)).toEqual([c.bob]);
  });
});
