import { describe, expect, it } from 'vitest';
import type { Field } from '../fields/field';
import { evaluatePredicate } from '../filters/evaluate-predicate';
import { recordScopePredicate } from './record-scope';
import type { RecordScope } from './role-rules';

const doctor: Field = { id: 'fld_doctor', tableId: 'tbl_t', name: 'Doctor', type: 'person', options: {}, description: '', isPrimary: false };
const name: Field = { id: 'fld_name', tableId: 'tbl_t', name: 'Name', type: 'singleLineText', options: {}, description: '', isPrimary: true };
const me = 'usr_aaaaaaaaaaaaaaaa';
const other = 'usr_bbbbbbbbbbbbbbbb';
const ctx = { me, now: new Date('2026-11-25T00:00:00Z'), timeZone: 'Asia/Shanghai' };
const records = [
  { id: 'rec_1', createdBy: me, values: { fld_doctor: [me], fld_name: 'Ada' } },
  { id: 'rec_2', createdBy: other, values: { fld_doctor: [other, me], fld_name: 'Bo' } },
  { id: 'rec_3', createdBy: other, values: { fld_doctor: [other], fld_name: 'Cy' } },
  { id: 'rec_4', createdBy: me, values: { fld_doctor: null, fld_name: 'Dee' } },
];
const kept = (scope: RecordScope, fields: Field[] = [doctor, name], context: typeof ctx | Omit<typeof ctx, 'me'> = ctx) => {
  const predicate = recordScopePredicate(scope, 'tbl_t', fields, context);
  return records.filter((record) => evaluatePredicate(predicate, record)).map((record) => record.id);
};

describe('record scopes as predicates', () => {
  it('keeps every record for "all", and for no caller only then', () => {
    expect(kept({ type: 'all' })).toEqual(['rec_1', 'rec_2', 'rec_3', 'rec_4']);
    const anonymous = { now: ctx.now, timeZone: ctx.timeZone };
    expect(kept({ type: 'createdByMe' }, [doctor, name], anonymous)).toEqual([]);
  });

  it('keeps records whose person field holds the caller, and those they created', () => {
    expect(kept({ type: 'personField', fieldId: 'fld_doctor' })).toEqual(['rec_1', 'rec_2']);
    expect(kept({ type: 'createdByMe' })).toEqual(['rec_1', 'rec_4']);
  });

  it("resolves a filter scope with 'me'", () => {
    const scope: RecordScope = {
      type: 'filter',
      filter: { conjunction: 'or', conditions: [{ field: 'Name', operator: 'is', value: 'Cy' }, { field: 'Doctor', operator: 'hasAnyOf', value: ['me'] }] },
    };
    expect(kept(scope)).toEqual(['rec_1', 'rec_2', 'rec_3']);
  });

  it('fails closed when the scope no longer resolves', () => {
    expect(kept({ type: 'personField', fieldId: 'fld_gone' })).toEqual([]);
    expect(kept({ type: 'personField', fieldId: 'fld_name' })).toEqual([]);
    expect(kept({ type: 'filter', filter: { conjunction: 'and', conditions: [{ field: 'Gone', operator: 'is', value: 'x' }] } })).toEqual([]);
  });
});
