import { describe, expect, it } from 'vitest';
import { EngineError } from '../../errors';
import { queryProfileOf } from '../../filters/query-profiles';
import { TestBase } from '../computed/test-support';
import { fieldStorage, getFieldType } from '../registry';
import { makeFormatContext, testUsers } from '../test-support';

const P = 'tbl_00000000patients';
const V = 'tbl_0000000000visits';

/** Patients ← Visits: each patient links to their visits. */
function clinic() {
  const base = new TestBase();
  const f = {
    name: base.add(P, 'Name', 'singleLineText', {}, true),
    visits: base.add(P, 'Visits', 'link', { linkedTableId: V }),
    code: base.add(V, 'Code', 'singleLineText', {}, true),
    fee: base.add(V, 'Fee', 'number'),
    kind: base.add(V, 'Kind', 'singleSelect', { choices: [{ name: 'Checkup' }, { name: 'Surgery' }] }),
    tags: base.add(V, 'Tags', 'multipleSelect', { choices: [{ name: 'A' }, { name: 'B' }] }),
    doctor: base.add(V, 'Doctor', 'person'),
    on: base.add(V, 'On', 'date'),
  };
  const ann = base.record(P, 'rec_000000000000iann', { [f.name.id]: 'Ann' });
  base.record(V, 'rec_00000000000000v1', { [f.code.id]: 'V1', [f.fee.id]: 100, [f.kind.id]: 'Checkup', [f.tags.id]: ['A'], [f.doctor.id]: [testUsers[0]!.id], [f.on.id]: '2026-03-01' });
  base.record(V, 'rec_00000000000000v2', { [f.code.id]: 'V2', [f.fee.id]: null, [f.kind.id]: 'Surgery', [f.tags.id]: ['A', 'B'], [f.on.id]: '2026-02-01' });
  base.record(V, 'rec_00000000000000v3', { [f.code.id]: 'V3', [f.fee.id]: 50, [f.kind.id]: 'Checkup', [f.doctor.id]: [testUsers[1]!.id] });
  base.link(f.visits, ann.id, ['rec_00000000000000v3', 'rec_00000000000000v1', 'rec_00000000000000v2']);
  return { base, f, ann };
}

describe('lookup field', () => {
  it('stores the link and target by id and keeps the target shape', () => {
    const { base, f } = clinic();
    const fees = base.addComputed(P, 'Fees', 'lookup', { linkFieldId: 'Visits', targetFieldId: 'Fee' });
    expect(fees.options).toMatchObject({ linkFieldId: f.visits.id, targetFieldId: f.fee.id, filter: null, targetShape: { type: 'number' } });
  });

  it('lists the target values in link order, skipping empty cells', () => {
    const { base, ann } = clinic();
    const fees = base.addComputed(P, 'Fees', 'lookup', { linkFieldId: 'Visits', targetFieldId: 'Fee' });
    expect(base.compute(fees, ann)).toEqual([50, 100]);
  });

  it('flattens list values of the target', () => {
    const { base, ann } = clinic();
    const tags = base.addComputed(P, 'All tags', 'lookup', { linkFieldId: 'Visits', targetFieldId: 'Tags' });
    expect(base.compute(tags, ann)).toEqual(['A', 'A', 'B']);
  });

  it('looks up only linked records matching its condition, stored with field ids', () => {
    const { base, f, ann } = clinic();
    const checkups = base.addComputed(P, 'Checkup codes', 'lookup', {
      linkFieldId: 'Visits',
      targetFieldId: 'Code',
      filter: { conjunction: 'and', conditions: [{ field: 'Kind', operator: 'is', value: 'Checkup' }] },
    });
    expect(checkups.options.filter).toEqual({ conjunction: 'and', conditions: [{ field: f.kind.id, operator: 'is', value: 'Checkup' }] });
    expect(base.compute(checkups, ann)).toEqual(['V3', 'V1']);
    expect(base.dependencies(checkups)).toEqual([
      { kind: 'viaLink', linkFieldId: f.visits.id, targetFieldId: f.code.id },
      { kind: 'viaLink', linkFieldId: f.visits.id, targetFieldId: f.kind.id },
    ]);
  });

  it('is empty when nothing is linked', () => {
    const { base } = clinic();
    const fees = base.addComputed(P, 'Fees', 'lookup', { linkFieldId: 'Visits', targetFieldId: 'Fee' });
    expect(base.compute(fees, base.record(P, 'rec_00000000000nobody', {}))).toBeNull();
  });

  it('refuses a link that is not a link field of its table, and a target outside the linked table', () => {
    const { base } = clinic();
    const refuse = (options: Record<string, unknown>, path: string) => {
      try {
        base.addComputed(P, 'X', 'lookup', options);
      } catch (error) {
        expect((error as EngineError).details.path).toBe(path);
        return;
      }
      throw new Error('expected a refusal');
    };
    refuse({ linkFieldId: 'Name', targetFieldId: 'Fee' }, 'options.linkFieldId');
    refuse({ linkFieldId: 'Nope', targetFieldId: 'Fee' }, 'options.linkFieldId');
    refuse({ linkFieldId: 'Visits', targetFieldId: 'Name' }, 'options.targetFieldId');
    refuse({ linkFieldId: 'Visits', targetFieldId: 'Fee', filter: { conjunction: 'and', conditions: [{ field: 'Name', operator: 'is', value: 'x' }] } }, 'options.filter.conditions[0].field');
  });

  it('gives an error value when its target or link was deleted', () => {
    const { base, f, ann } = clinic();
    const fees = base.addComputed(P, 'Fees', 'lookup', { linkFieldId: 'Visits', targetFieldId: 'Fee' });
    base.fields.delete(f.fee.id);
    expect(base.compute(fees, ann)).toMatchObject({ error: '#ERROR', reason: expect.stringContaining('no longer exists') });
    expect(base.dependencies(fees)).toEqual([]);
  });

  it('shows each value as its target field shows it', () => {
    const { base, ann } = clinic();
    const ctx = makeFormatContext();
    const doctors = base.addComputed(P, 'Doctors', 'lookup', { linkFieldId: 'Visits', targetFieldId: 'Doctor' });
    const value = base.compute(doctors, ann) as string[];
    expect(getFieldType('lookup').format(value, doctors.options, ctx)).toBe('王伟, Alice Chen');
    const days = base.addComputed(P, 'Days', 'lookup', { linkFieldId: 'Visits', targetFieldId: 'On' });
    expect(getFieldType('lookup').format(['2026-03-01'], { ...days.options, targetShape: { type: 'date', options: { ...(days.options.targetShape as { options: object }).options, dateFormat: 'chinese' } } }, ctx)).toBe('2026年3月1日');
  });

  it('is filtered as a list of its target values and stored as JSON', () => {
    const { base } = clinic();
    const codes = base.addComputed(P, 'Codes', 'lookup', { linkFieldId: 'Visits', targetFieldId: 'Code' });
    const fees = base.addComputed(P, 'Fees', 'lookup', { linkFieldId: 'Visits', targetFieldId: 'Fee' });
    expect(queryProfileOf(codes, 'filter')).toMatchObject({ values: 'textList', sort: 'jsonText' });
    expect(queryProfileOf(fees, 'filter')).toMatchObject({ values: 'objectList' });
    expect(fieldStorage(codes)).toEqual({ kind: 'json', errors: true });
  });

  it('is read by formulas as a list of the target values (people by name)', () => {
    const { base, ann } = clinic();
    base.addComputed(P, 'Doctors', 'lookup', { linkFieldId: 'Visits', targetFieldId: 'Doctor' });
    const names = base.addComputed(P, 'Names', 'formula', { formula: 'ARRAYJOIN({Doctors}, " / ")' });
    const withLookup = { ...ann, values: { ...ann.values, [[...base.fields.values()].find((x) => x.name === 'Doctors')!.id]: [testUsers[1]!.id, testUsers[0]!.id] } };
    expect(base.compute(names, withLookup)).toBe('王伟 / Alice Chen');
  });
});
