/**
 * Values read through links are updated from the records that changed (a sum takes away the old
 * fee and adds the new one; a link cell gets a new member's title) — and must always equal what
 * computing them from every linked record gives. A fast-check property drives random edits
 * through the API (fees with decimals and blanks, kinds, paid flags, titles, relinks to one,
 * several or no patients, creates, deletes, two-record batches, patient renames) and after each
 * one compares every stored value on both sides with core's computers run over the linked records
 * read straight from storage.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getFieldType, type ComputedRecord, type Field } from '@multitable/core';
import * as store from '@multitable/storage';
import { describeEachDialect } from '../support/databases';
import { startTestApp, type TestApp } from '../support/app';
import { ComputedBase } from './computed-helpers';
import type { ApiTable } from '../api/data-helpers';

const fee = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -500, max: 500 }),
  fc.tuple(fc.integer({ min: -99_999, max: 99_999 }), fc.integer({ min: 1, max: 4 })).map(([units, places]) => Number(`${units}e-${places}`)),
  fc.constantFrom(0.1, 0.2, 0.7, 1 / 3, 1234567.89),
);
const kind = fc.constantFrom('Checkup', 'Surgery', null);
const patientsOf = fc.array(fc.nat(3), { maxLength: 2 }); // indexes of this run's patients (3 = none left)

const step = fc.oneof(
  fc.record({ do: fc.constant('fee' as const), visit: fc.nat(), fee }),
  fc.record({ do: fc.constant('fees' as const), visit: fc.nat(), other: fc.nat(), fee, otherFee: fee }),
  fc.record({ do: fc.constant('kind' as const), visit: fc.nat(), kind, paid: fc.boolean() }),
  fc.record({ do: fc.constant('title' as const), visit: fc.nat(), label: fc.constantFrom('a', 'b', 'c', '') }),
  fc.record({ do: fc.constant('relink' as const), visit: fc.nat(), patients: patientsOf }),
  fc.record({ do: fc.constant('create' as const), fee, patients: patientsOf }),
  fc.record({ do: fc.constant('delete' as const), visit: fc.nat() }),
  fc.record({ do: fc.constant('rename' as const), patient: fc.nat(2), name: fc.constantFrom('Ann', 'Dee', '') }),
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

describeEachDialect('values read through links, updated from what changed', (dialect) => {
  let t: TestApp;
  let b: ComputedBase;
  let patients: ApiTable;
  let visits: ApiTable;
  let inverseId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    b = await ComputedBase.open(t);
    patients = await b.table('Patients', [{ name: 'Name', type: 'singleLineText' }]);
    visits = await b.table('Visits', [
      { name: 'Label', type: 'singleLineText' },
      { name: 'Fee', type: 'number', options: { precision: 2 } },
      { name: 'Kind', type: 'singleSelect', options: { choices: [{ name: 'Checkup' }, { name: 'Surgery' }] } },
      { name: 'Paid', type: 'checkbox' },
    ]);
    await b.field(visits.id, { name: 'Patient', type: 'link', options: { linkedTableId: patients.id } });
    inverseId = (await b.fields(patients.id)).find((field) => field.type === 'link')!.id;
    const surgeries = { conjunction: 'and', conditions: [{ field: 'Kind', operator: 'is', value: 'Surgery' }] };
    const rollup = (name: string, targetFieldId: string, aggregation: string, filter: unknown = null) =>
      b.field(patients.id, { name, type: 'rollup', options: { linkFieldId: inverseId, targetFieldId, aggregation, filter } });
    for (const aggregation of ['sum', 'count', 'counta', 'countall', 'min', 'max', 'average']) await rollup(aggregation, 'Fee', aggregation);
    await rollup('and', 'Paid', 'and');
    await rollup('or', 'Paid', 'or');
    await rollup('surgery sum', 'Fee', 'sum', surgeries);
    await rollup('surgery max', 'Fee', 'max', surgeries);
    await rollup('labels', 'Label', 'counta');
    await b.field(patients.id, { name: 'Visit count', type: 'count', options: { linkFieldId: inverseId } });
    await b.field(patients.id, { name: 'Surgeries', type: 'count', options: { linkFieldId: inverseId, filter: surgeries } });
    await b.field(patients.id, { name: 'Fees', type: 'lookup', options: { linkFieldId: inverseId, targetFieldId: 'Fee' } });
  });
  afterAll(async () => t.cleanup());

  /** Every computed value of the records as stored, against core's computers over the linked records read from storage. */
  async function expectStoredEqualsComputed(run: { patients: readonly string[]; visits: readonly string[] }): Promise<void> {
    const db = t.database.db;
    const { dialect } = t.database;
    const patientFields = await store.listFields(db, patients.id);
    const visitFields = await store.listFields(db, visits.id);
    const fields = new Map<string, Field>([...patientFields, ...visitFields].map((field) => [field.id, field]));
    const primaries = new Map([
      [patients.id, patientFields.find((field) => field.isPrimary)!.id],
      [visits.id, visitFields.find((field) => field.isPrimary)!.id],
    ]);
    const context = {
      fields,
      primaryFieldIdOf: (tableId: string) => primaries.get(tableId),
      now: new Date(),
      timeZone: 'Asia/Shanghai',
      format: { timeZone: 'Asia/Shanghai', locale: 'en', users: { byId: () => undefined, byText: () => undefined } },
    };
    const sides = [
      { table: patients, own: patientFields, other: visits, otherFields: visitFields, ids: run.patients },
      { table: visits, own: visitFields, other: patients, otherFields: patientFields, ids: run.visits },
    ];
    for (const side of sides) {
      const link = side.own.find((field) => field.type === 'link')!;
      const stored = await store.getRecords(db, dialect, side.table, side.own, [...side.ids]);
      const members = await store.linkedRecordIds(db, link, [...side.ids]);
      const linkedIds = [...new Set([...members.values()].flat())];
      const linked = new Map((await store.getRecords(db, dialect, side.other, side.otherFields, linkedIds)).map((row) => [row.id, row as ComputedRecord]));
      for (const row of stored) {
        for (const field of side.own) {
          const computer = getFieldType(field.type).computer?.(field, context);
          if (!computer) continue;
          const expected = computer.compute({ record: row, linked: () => (members.get(row.id) ?? []).map((id) => linked.get(id)!) });
          expect(row.values[field.id], `${field.name} of ${row.id}`).toEqual(expected ?? null);
        }
      }
    }
  }

  async function apply(s: Step, run: { patients: string[]; visits: string[] }): Promise<void> {
    const visitAt = (index: number) => run.visits[index % run.visits.length]!;
    const links = (indexes: number[]) => [...new Set(indexes.filter((i) => i < run.patients.length).map((i) => run.patients[i]!))];
    if (s.do === 'create') {
      const [created] = await b.create(visits.id, [{ Label: `v${run.visits.length}`, Fee: s.fee, Kind: 'Checkup', Patient: links(s.patients) }]);
      run.visits.push(created!.id);
      return;
    }
    if (s.do === 'rename') {
      await b.update(patients.id, run.patients[s.patient]!, { Name: s.name });
      return;
    }
    if (run.visits.length === 0) return;
    switch (s.do) {
      case 'fee':
        await b.update(visits.id, visitAt(s.visit), { Fee: s.fee });
        return;
      case 'fees': {
        const response = await b.request('PATCH', `/tables/${visits.id}/records`, {
          records: [
            { id: visitAt(s.visit), fields: { Fee: s.fee } },
            { id: visitAt(s.other), fields: { Fee: s.otherFee, Paid: true } },
          ],
        });
        expect(response.statusCode).toBe(200);
        return;
      }
      case 'kind':
        await b.update(visits.id, visitAt(s.visit), { Kind: s.kind, Paid: s.paid });
        return;
      case 'title':
        await b.update(visits.id, visitAt(s.visit), { Label: s.label });
        return;
      case 'relink':
        await b.update(visits.id, visitAt(s.visit), { Patient: links(s.patients) });
        return;
      case 'delete': {
        const id = visitAt(s.visit);
        await b.remove(visits.id, [id]);
        run.visits.splice(run.visits.indexOf(id), 1);
        return;
      }
    }
  }

  it('keeps every rollup, count, lookup and link cell equal to a full computation through random edits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fee, { minLength: 1, maxLength: 6 }), fc.array(step, { minLength: 1, maxLength: 8 }), async (fees, steps) => {
        const run = { patients: (await b.create(patients.id, [{ Name: 'Ann' }, { Name: 'Bob' }, { Name: 'Cy' }])).map((record) => record.id), visits: [] as string[] };
        const created = await b.create(
          visits.id,
          fees.map((value, i) => ({ Label: `v${i}`, Fee: value, Kind: i % 2 ? 'Surgery' : 'Checkup', Paid: i % 3 === 0, Patient: [run.patients[i % 2]!] })),
        );
        run.visits.push(...created.map((record) => record.id));
        await expectStoredEqualsComputed(run);
        for (const s of steps) {
          await apply(s, run);
          await expectStoredEqualsComputed(run);
        }
      }),
      { numRuns: 20 },
    );
  }, 240_000);

  it('updates a sum of many decimal fees to the cent, as adding them all gives', async () => {
    const [ann] = (await b.create(patients.id, [{ Name: 'Many' }])).map((record) => record.id);
    const many = await b.create(visits.id, Array.from({ length: 300 }, (_, i) => ({ Label: `m${i}`, Fee: (10 + (i % 10)) / 100, Patient: [ann!] })));
    expect((await b.read(patients.id, ann!)).fields.sum).toBe(43.5);
    await b.update(visits.id, many[7]!.id, { Fee: 0.2 });
    await b.update(visits.id, many[8]!.id, { Fee: null });
    expect((await b.read(patients.id, ann!)).fields.sum).toBe(43.35);
    await expectStoredEqualsComputed({ patients: [ann!], visits: many.map((record) => record.id) });
  });
});
