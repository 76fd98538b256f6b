import { describe, expect, it } from 'vitest';
import { queryProfileOf } from '../../filters/query-profiles';
import { TestBase } from '../computed/test-support';
import { fieldStorage, getFieldType } from '../registry';
import { makeFormatContext } from '../test-support';

const P = 'tbl_00000000patients';
const V = 'tbl_0000000000visits';

function clinic() {
  const base = new TestBase();
  const f = {
    name: base.add(P, 'Name', 'singleLineText', {}, true),
    visits: base.add(P, 'Visits', 'link', { linkedTableId: V }),
    code: base.add(V, 'Code', 'singleLineText', {}, true),
    paid: base.add(V, 'Paid', 'checkbox'),
  };
  const ann = base.record(P, 'rec_000000000000iann', {});
  base.record(V, 'rec_00000000000000v1', { [f.paid.id]: true });
  base.record(V, 'rec_00000000000000v2', { [f.paid.id]: false });
  base.link(f.visits, ann.id, ['rec_00000000000000v1', 'rec_00000000000000v2']);
  return { base, f, ann };
}

describe('count field', () => {
  it('counts the linked records, 0 when there are none', () => {
    const { base, ann } = clinic();
    const visits = base.addComputed(P, 'Visit count', 'count', { linkFieldId: 'Visits' });
    expect(base.compute(visits, ann)).toBe(2);
    expect(base.compute(visits, base.record(P, 'rec_00000000000nobody', {}))).toBe(0);
  });

  it('counts only linked records matching its condition', () => {
    const { base, f, ann } = clinic();
    const paid = base.addComputed(P, 'Paid visits', 'count', {
      linkFieldId: 'Visits',
      filter: { conjunction: 'and', conditions: [{ field: 'Paid', operator: 'is', value: true }] },
    });
    expect(base.compute(paid, ann)).toBe(1);
    expect(base.dependencies(paid)).toEqual([
      { kind: 'viaLink', linkFieldId: f.visits.id, targetFieldId: null },
      { kind: 'viaLink', linkFieldId: f.visits.id, targetFieldId: f.paid.id },
    ]);
  });

  it('reads only membership without a condition', () => {
    const { base, f } = clinic();
    const visits = base.addComputed(P, 'Visit count', 'count', { linkFieldId: f.visits.id });
    expect(base.dependencies(visits)).toEqual([{ kind: 'viaLink', linkFieldId: f.visits.id, targetFieldId: null }]);
  });

  it('gives an error value when a condition field was deleted', () => {
    const { base, f, ann } = clinic();
    const paid = base.addComputed(P, 'Paid visits', 'count', {
      linkFieldId: 'Visits',
      filter: { conjunction: 'and', conditions: [{ field: 'Paid', operator: 'is', value: true }] },
    });
    base.fields.delete(f.paid.id);
    expect(base.compute(paid, ann)).toMatchObject({ error: '#ERROR', reason: expect.stringContaining('condition') });
  });

  it('is a number column, filtered and sorted as a number', () => {
    const { base } = clinic();
    const visits = base.addComputed(P, 'Visit count', 'count', { linkFieldId: 'Visits' });
    expect(fieldStorage(visits)).toEqual({ kind: 'number', errors: true });
    expect(queryProfileOf(visits, 'filter')).toMatchObject({ values: 'number', sort: 'value' });
    expect(getFieldType('count').format(1234, visits.options, makeFormatContext())).toBe('1,234');
    expect(getFieldType('count').writable).toBe(false);
  });
});
