import { describe, expect, it } from 'vitest';
import { EngineError } from '../../errors';
import { queryProfileOf } from '../../filters/query-profiles';
import { TestBase } from '../computed/test-support';
import { fieldStorage, getFieldType } from '../registry';
import { makeFormatContext } from '../test-support';
import { rollupFormulaDisplayText, type RollupAggregation } from './rollup';

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
    on: base.add(V, 'On', 'date'),
    kind: base.add(V, 'Kind', 'singleSelect', { choices: [{ name: 'Checkup' }, { name: 'Surgery' }] }),
  };
  const ann = base.record(P, 'rec_000000000000iann', { [f.name.id]: 'Ann' });
  base.record(V, 'rec_00000000000000v1', { [f.code.id]: 'V1', [f.fee.id]: 100, [f.paid.id]: true, [f.on.id]: '2026-03-01', [f.kind.id]: 'Checkup' });
  base.record(V, 'rec_00000000000000v2', { [f.code.id]: 'V2', [f.fee.id]: null, [f.paid.id]: false, [f.on.id]: '2026-02-01', [f.kind.id]: 'Surgery' });
  base.record(V, 'rec_00000000000000v3', { [f.code.id]: 'V1', [f.fee.id]: 50, [f.paid.id]: true, [f.on.id]: null, [f.kind.id]: 'Checkup' });
  base.link(f.visits, ann.id, ['rec_00000000000000v1', 'rec_00000000000000v2', 'rec_00000000000000v3']);
  const nobody = base.record(P, 'rec_00000000000nobody', {});
  return { base, f, ann, nobody };
}

const rollupOf = (base: TestBase, target: string, aggregation: RollupAggregation, extra: Record<string, unknown> = {}) =>
  base.addComputed(P, `${aggregation}-${target}-${Math.random()}`, 'rollup', { linkFieldId: 'Visits', targetFieldId: target, aggregation, ...extra });

describe('rollup field: every aggregation', () => {
  const { base, ann, nobody } = clinic();

  it.each<[RollupAggregation, string, unknown, unknown, string]>([
    ['count', 'Fee', 2, 0, 'number'],
    ['counta', 'Code', 3, 0, 'number'],
    ['countall', 'Fee', 3, 0, 'number'],
    ['sum', 'Fee', 150, 0, 'number'],
    ['average', 'Fee', 75, null, 'number'],
    ['min', 'Fee', 50, null, 'number'],
    ['max', 'Fee', 100, null, 'number'],
    ['and', 'Paid', false, null, 'boolean'],
    ['or', 'Paid', true, null, 'boolean'],
    ['xor', 'Paid', false, null, 'boolean'],
    ['arrayjoin', 'Code', 'V1, V2, V1', null, 'text'],
    ['arrayunique', 'Code', ['V1', 'V2'], null, 'list<text>'],
    ['arraycompact', 'Fee', [100, 50], null, 'list<number>'],
    ['earliest', 'On', '2026-01-31T16:00:00.000Z', null, 'date'],
    ['latest', 'On', '2026-02-28T16:00:00.000Z', null, 'date'],
  ])('%s of %s', (aggregation, target, withLinks, withoutLinks, kind) => {
    const field = rollupOf(base, target, aggregation);
    expect(field.options.resultKind).toBe(kind);
    expect(base.compute(field, ann)).toEqual(withLinks);
    expect(base.compute(field, nobody)).toEqual(withoutLinks);
  });

  it('rolls up with a formula over values', () => {
    const field = rollupOf(base, 'Fee', 'formula', { formula: 'SUM(values) * 2' });
    expect(field.options).toMatchObject({ formula: 'SUM({values}) * 2', resultKind: 'number' });
    expect(rollupFormulaDisplayText(field.options as never)).toBe('SUM(values) * 2');
    expect(base.compute(field, ann)).toBe(300);
    const text = rollupOf(base, 'Code', 'formula', { formula: 'ARRAYJOIN(ARRAYUNIQUE(values), "+") & "!"' });
    expect(base.compute(text, ann)).toBe('V1+V2!');
  });

  it('sums decimals exactly, in any order (0.1 + 0.2 is 0.3, as Airtable shows)', () => {
    const { base, f, ann } = clinic();
    const ids = ['rec_00000000000000v1', 'rec_00000000000000v2', 'rec_00000000000000v3'];
    const visits = base.records.get(V)!;
    const set = (fees: Array<number | null>) => fees.forEach((fee, i) => ((visits.find((r) => r.id === ids[i])!.values as Record<string, unknown>)[f.fee.id] = fee));
    const total = rollupOf(base, 'Fee', 'sum');
    set([0.1, 0.2, null]);
    expect(base.compute(total, ann)).toBe(0.3);
    set([0.7, 0.1, 0.2]);
    expect(base.compute(total, ann)).toBe(1);
    set([1.1, -0.1, 2.02]);
    expect(base.compute(total, ann)).toBe(3.02);
  });

  it('aggregates every linked value, past the formula list limit', () => {
    const base = new TestBase();
    const visits = base.add(P, 'Visits', 'link', { linkedTableId: V });
    const fee = base.add(V, 'Fee', 'number');
    const ids = Array.from({ length: 12_000 }, (_, i) => `rec_${String(i).padStart(16, '0')}`);
    ids.forEach((id) => base.record(V, id, { [fee.id]: 0.01 }));
    const ann = base.record(P, 'rec_000000000000iann', {});
    base.link(visits, ann.id, ids);
    expect(base.compute(rollupOf(base, 'Fee', 'sum'), ann)).toBe(120);
    expect(base.compute(rollupOf(base, 'Fee', 'countall'), ann)).toBe(12_000);
    expect(base.compute(rollupOf(base, 'Fee', 'formula', { formula: 'SUM(values) * 2' }), ann)).toBe(240);
  });

  it('aggregates only linked records matching its condition', () => {
    const field = rollupOf(base, 'Fee', 'sum', { filter: { conjunction: 'and', conditions: [{ field: 'Kind', operator: 'is', value: 'Surgery' }] } });
    expect(base.compute(field, ann)).toBe(0);
    const checkups = rollupOf(base, 'Fee', 'max', { filter: { conjunction: 'and', conditions: [{ field: 'Kind', operator: 'is', value: 'Checkup' }] } });
    expect(base.compute(checkups, ann)).toBe(100);
  });
});

describe('rollup field: errors, storage and queries', () => {
  it('refuses a formula that is not over values, naming the character', () => {
    const { base } = clinic();
    try {
      rollupOf(base, 'Fee', 'formula', { formula: 'SUM({Fee})' });
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as EngineError).code).toBe('INVALID_FORMULA');
      expect((error as EngineError).message).toMatch(/Unknown field \{Fee\} \(at character 5\)/);
    }
  });

  it('passes on an error among the values of arithmetic, and stores its own failures as error values', () => {
    const { base, f, ann } = clinic();
    const ratio = base.addComputed(V, 'Ratio', 'formula', { formula: '{Fee} / 0' });
    for (const visit of base.records.get(V)!) (visit.values as Record<string, unknown>)[ratio.id] = base.compute(ratio, visit);
    expect(base.compute(rollupOf(base, 'Ratio', 'sum'), ann)).toMatchObject({ error: '#DIV/0' });
    expect(base.compute(rollupOf(base, 'Ratio', 'count'), ann)).toBe(0);
    const failing = rollupOf(base, 'Fee', 'formula', { formula: 'SUM(values) / 0' });
    expect(base.compute(failing, ann)).toMatchObject({ error: '#DIV/0' });
    base.fields.delete(f.fee.id);
    expect(base.compute(failing, ann)).toMatchObject({ error: '#ERROR', reason: expect.stringContaining('no longer exists') });
  });

  it('is stored, shown and queried as its result kind', () => {
    const { base } = clinic();
    const total = rollupOf(base, 'Fee', 'sum', { precision: 2, numberFormat: 'currency' });
    expect(fieldStorage(total)).toEqual({ kind: 'number', errors: true });
    expect(queryProfileOf(total, 'sort')).toMatchObject({ values: 'number', sort: 'value' });
    expect(getFieldType('rollup').format(1234.5, total.options, makeFormatContext())).toBe('¥1,234.50');
    const latest = rollupOf(base, 'On', 'latest');
    expect(fieldStorage(latest)).toEqual({ kind: 'text', errors: true });
    expect(queryProfileOf(latest, 'sort')).toMatchObject({ values: 'date' });
    const codes = rollupOf(base, 'Code', 'arrayunique');
    expect(fieldStorage(codes)).toEqual({ kind: 'json', errors: true });
  });

  it('reads the target and every condition field through the link', () => {
    const { base, f } = clinic();
    const field = rollupOf(base, 'Fee', 'sum', { filter: { conjunction: 'or', conditions: [{ field: 'Paid', operator: 'is', value: true }] } });
    expect(base.dependencies(field)).toEqual([
      { kind: 'viaLink', linkFieldId: f.visits.id, targetFieldId: f.fee.id },
      { kind: 'viaLink', linkFieldId: f.visits.id, targetFieldId: f.paid.id },
    ]);
  });
});
