/**
 * The incremental `update` of rollups, counts and link cells against their own `compute`: for
 * random linked records and a random change (a value changed, a record linked or unlinked), the
 * update — when it gives a value — must give exactly what computing over every record gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ComputedRecord, FieldComputer, LinkedRecordChange } from '../field-type';
import { getFieldType } from '../registry';
import { TestBase } from './test-support';

const P = 'tbl_00000000patients';
const V = 'tbl_0000000000visits';

function clinic() {
  const base = new TestBase();
  const f = {
    name: base.add(P, 'Name', 'singleLineText', {}, true),
    visits: base.add(P, 'Visits', 'link', { linkedTableId: V }),
    code: base.add(V, 'Code', 'singleLineText', {}, true),
    fee: base.add(V, 'Fee', 'number'),
    paid: base.add(V, 'Paid', 'checkbox'),
    kind: base.add(V, 'Kind', 'singleSelect', { choices: [{ name: 'Checkup' }, { name: 'Surgery' }] }),
  };
  return { base, f };
}

const { base, f } = clinic();
const surgeries = { conjunction: 'and', conditions: [{ field: 'Kind', operator: 'is', value: 'Surgery' }] };
const computed = {
  ...Object.fromEntries(
    (['count', 'counta', 'countall', 'sum', 'min', 'max', 'average'] as const).map((aggregation) => [
      aggregation,
      base.addComputed(P, aggregation, 'rollup', { linkFieldId: 'Visits', targetFieldId: 'Fee', aggregation }),
    ]),
  ),
  and: base.addComputed(P, 'and', 'rollup', { linkFieldId: 'Visits', targetFieldId: 'Paid', aggregation: 'and' }),
  or: base.addComputed(P, 'or', 'rollup', { linkFieldId: 'Visits', targetFieldId: 'Paid', aggregation: 'or' }),
  andFees: base.addComputed(P, 'and fees', 'rollup', { linkFieldId: 'Visits', targetFieldId: 'Fee', aggregation: 'and' }),
  surgerySum: base.addComputed(P, 'surgery sum', 'rollup', { linkFieldId: 'Visits', targetFieldId: 'Fee', aggregation: 'sum', filter: surgeries }),
  surgeryMax: base.addComputed(P, 'surgery max', 'rollup', { linkFieldId: 'Visits', targetFieldId: 'Fee', aggregation: 'max', filter: surgeries }),
  count: base.addComputed(P, 'count', 'count', { linkFieldId: 'Visits' }),
  surgeries: base.addComputed(P, 'surgeries', 'count', { linkFieldId: 'Visits', filter: surgeries }),
  link: f.visits,
};

const fee = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -50, max: 50 }),
  fc.tuple(fc.integer({ min: -99_999, max: 99_999 }), fc.integer({ min: 0, max: 4 })).map(([units, places]) => Number(`${units}e-${places}`)),
  fc.constantFrom(0, 1 / 3, 0.1, 0.2, 1e-17, 123456789012.35),
);
const visit = fc.record({ fee, paid: fc.boolean(), kind: fc.constantFrom('Checkup', 'Surgery', null), code: fc.constantFrom('A', 'B', 'C 1', '') });
type Visit = { fee: number | null; paid: boolean; kind: string | null; code: string };

const recordOf = (id: string, v: Visit): ComputedRecord => ({
  id,
  values: { [f.fee.id]: v.fee, [f.paid.id]: v.paid ? true : null, [f.kind.id]: v.kind, [f.code.id]: v.code === '' ? null : v.code },
  createdTime: '2026-03-01T00:00:00.000Z',
  modifiedTime: '2026-03-01T00:00:00.000Z',
});
const idOf = (i: number) => `rec_${String(i).padStart(16, '0')}`;
const patient: ComputedRecord = { id: 'rec_000000000patient', values: {}, createdTime: '2026-03-01T00:00:00.000Z', modifiedTime: '2026-03-01T00:00:00.000Z' };

/** A change: a linked record's value replaced, a new record linked at the end, or one unlinked. */
const change = fc.oneof(
  fc.record({ kind: fc.constant('value' as const), at: fc.nat(), next: visit }),
  fc.record({ kind: fc.constant('link' as const), next: visit }),
  fc.record({ kind: fc.constant('unlink' as const), at: fc.nat() }),
);

function computeOver(computer: FieldComputer, records: readonly ComputedRecord[]): unknown {
  return computer.compute({ record: patient, linked: () => records });
}

describe('incremental updates of values read through links', () => {
  const context = base.context();
  for (const [name, field] of Object.entries(computed)) {
    it(`${name}: an update gives what computing over every record gives`, () => {
      const computer = getFieldType(field.type).computer!(field, context);
      let updated = 0;
      fc.assert(
        fc.property(fc.array(visit, { maxLength: 12 }), fc.array(change, { minLength: 1, maxLength: 3 }), (visits, steps) => {
          let records = visits.map((v, i) => recordOf(idOf(i), v));
          let next = visits.length;
          for (const step of steps) {
            const current = computeOver(computer, records);
            const changes: LinkedRecordChange[] = [];
            let after = records;
            if (step.kind === 'link') {
              const added = recordOf(idOf(next++), step.next);
              after = [...records, added];
              changes.push({ linkFieldId: f.visits.id, after: added });
            } else if (records.length > 0) {
              const index = step.at % records.length;
              const old = records[index]!;
              if (step.kind === 'unlink') {
                after = records.filter((_, i) => i !== index);
                changes.push({ linkFieldId: f.visits.id, before: old });
              } else {
                const replaced = recordOf(old.id, step.next);
                after = records.map((record, i) => (i === index ? replaced : record));
                changes.push({ linkFieldId: f.visits.id, before: old, after: replaced });
              }
            }
            const membershipChanged = step.kind !== 'value';
            const result = computer.update?.({
              record: patient,
              current,
              changes,
              linkedIds: (linkFieldId) => (membershipChanged && linkFieldId === f.visits.id ? after.map((record) => record.id) : undefined),
            });
            if (result) {
              updated++;
              expect(result.value).toEqual(computeOver(computer, after));
            }
            records = after;
          }
        }),
        { numRuns: 200 },
      );
      // Exact updates are the point: every type but average gives some.
      if (name !== 'average') expect(updated).toBeGreaterThan(0);
      else expect(updated).toBe(0);
    });
  }

  it('updates a link cell in place: new members and changed titles read, the rest kept in link order', () => {
    const computer = getFieldType('link').computer!(f.visits, context);
    const [a, b, c] = [0, 1, 2].map((i) => recordOf(idOf(i), { fee: 1, paid: false, kind: null, code: `V${i}` }));
    const current = [
      { id: a!.id, title: 'V0' },
      { id: b!.id, title: 'V1' },
    ];
    const renamed = recordOf(b!.id, { fee: 1, paid: false, kind: null, code: 'New name' });
    const result = computer.update!({
      record: patient,
      current,
      changes: [
        { linkFieldId: f.visits.id, before: b, after: renamed },
        { linkFieldId: f.visits.id, after: c },
      ],
      linkedIds: () => [c!.id, b!.id, a!.id],
    });
    expect(result!.value).toEqual([
      { id: c!.id, title: 'V2' },
      { id: b!.id, title: 'New name' },
      { id: a!.id, title: 'V0' },
    ]);
    // A member neither stored nor among the changes cannot be titled here.
    expect(computer.update!({ record: patient, current, changes: [], linkedIds: () => [c!.id] })).toBeUndefined();
  });
});
