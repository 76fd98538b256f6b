import '../registry'; // the registry loads the link type (link.ts reads other types through it)
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import type { Field } from '../field';
import { normalizeFieldOptions } from '../field-options';
import type { ComputeContext, ComputedRecord } from '../field-type';
import { makeCastContext, makeFormatContext, testLinkedRecords, testLinkedTableId } from '../test-support';
import { isLinkField, link, type LinkOptions } from './link';

const strict = makeCastContext();
const loose = makeCastContext({ typecast: true });
const many = normalizeFieldOptions('link', { linkedTableId: testLinkedTableId });
const one = normalizeFieldOptions('link', { linkedTableId: testLinkedTableId, multiple: false });
const [ann, wang, smith] = testLinkedRecords as [(typeof testLinkedRecords)[0], (typeof testLinkedRecords)[0], (typeof testLinkedRecords)[0]];

describe('link options', () => {
  it('links to many records, one-way until paired, and needs a table id', () => {
    expect(many).toEqual({ linkedTableId: testLinkedTableId, inverseFieldId: null, multiple: true });
    expect(() => normalizeFieldOptions('link', {})).toThrow(expect.objectContaining({ code: 'INVALID_FIELD_OPTIONS', details: expect.objectContaining({ path: 'options.linkedTableId' }) }));
    expect(() => normalizeFieldOptions('link', { linkedTableId: 'Patients' })).toThrow('options.linkedTableId');
  });
  it('refuses an inverse that is not a field id, and unknown options', () => {
    expect(() => normalizeFieldOptions('link', { linkedTableId: testLinkedTableId, inverseFieldId: 'x' })).toThrow('options.inverseFieldId');
    expect(() => normalizeFieldOptions('link', { linkedTableId: testLinkedTableId, twoWay: false })).toThrow(expect.objectContaining({ code: 'INVALID_FIELD_OPTIONS' }));
  });
});

describe('link cast', () => {
  it('accepts an id, an array of ids, { id } objects or its own values, in the order given', () => {
    expect(link.cast(ann.id, many, strict)).toEqual({ ok: true, value: [ann] });
    expect(link.cast([wang.id, ann.id], many, strict)).toEqual({ ok: true, value: [wang, ann] });
    expect(link.cast([{ id: smith.id }, { id: ann.id, title: 'stale title' }], many, strict)).toEqual({ ok: true, value: [smith, ann] });
  });
  it('drops repeats and reads empty input as an empty cell', () => {
    expect(link.cast([ann.id, { id: ann.id }], many, strict)).toEqual({ ok: true, value: [ann] });
    expect(link.cast([], many, strict)).toEqual({ ok: true, value: null });
    expect(link.cast('  ', many, strict)).toEqual({ ok: true, value: null });
  });
  it('refuses an unknown record id, naming it', () => {
    const result = link.cast([ann.id, 'rec_ghost00000000000'], many, strict);
    expect(result).toEqual({ ok: false, reason: 'no record "rec_ghost00000000000" in the linked table' });
    expect(link.cast('rec_ghost00000000000', many, loose)).toEqual({ ok: false, reason: 'no record "rec_ghost00000000000" in the linked table' });
  });
  it('refuses titles unless typecasting', () => {
    expect(link.cast('Ann Lee', many, strict)).toEqual({ ok: false, reason: '"Ann Lee" is not the id of a record in the linked table' });
    expect(link.cast(42, many, strict).ok).toBe(false);
  });
  it('refuses more than one record when the field links to one', () => {
    expect(link.cast([ann.id, wang.id], one, strict)).toEqual({ ok: false, reason: 'this field links to one record, got 2' });
    expect(link.cast([ann.id], one, strict)).toEqual({ ok: true, value: [ann] });
  });
  it('reads titles, comma-separated titles and full-width text when typecasting', () => {
    expect(link.cast('Ann Lee', many, loose)).toEqual({ ok: true, value: [ann] });
    expect(link.cast('王伟，Ann Lee', many, loose)).toEqual({ ok: true, value: [wang, ann] });
    expect(link.cast(['Ann Lee', wang.id], many, loose)).toEqual({ ok: true, value: [ann, wang] });
    expect(link.cast('Ａｎｎ Lee', many, loose)).toEqual({ ok: true, value: [ann] });
  });
  it('keeps a title that itself holds a comma whole', () => {
    expect(link.cast('Smith, John', many, loose)).toEqual({ ok: true, value: [smith] });
  });
  it('refuses a title no record has, and one several records share, naming the text', () => {
    expect(link.cast('Nobody', many, loose)).toEqual({ ok: false, reason: 'no linked record is titled "Nobody"' });
    expect(link.cast('Twin', many, loose)).toEqual({ ok: false, reason: 'more than one linked record is titled "Twin"' });
  });
  it('refuses to cast without a directory of linked records', () => {
    const { links: _links, ...withoutLinks } = strict;
    expect(link.cast(ann.id, many, withoutLinks)).toEqual({ ok: false, reason: 'linked records cannot be looked up here' });
  });
  it('casts to values that fit the published schema', () => {
    const result = link.cast([ann.id, wang.id], many, strict);
    expect(result.ok && Value.Check(link.valueSchema(many), result.value)).toBe(true);
    expect(Value.Check(link.valueSchema(one), [ann, wang])).toBe(false);
  });
});

describe('link format and order', () => {
  it('formats as the titles joined by commas', () => {
    expect(link.format([ann, wang], many, makeFormatContext())).toBe('Ann Lee, 王伟');
  });
  it('orders by the JSON text of the titles, not by ids', () => {
    const a = [{ id: 'rec_zzzzzzzzzzzzzzzz', title: 'A' }];
    const b = [{ id: 'rec_aaaaaaaaaaaaaaaa', title: 'B' }];
    expect(link.compare(a, b, many)).toBeLessThan(0);
    expect(link.compare([{ id: ann.id, title: 'a' }, { id: wang.id, title: 'b' }], [{ id: ann.id, title: 'a,b' }], many)).toBeLessThan(0);
    expect(link.compare([ann], [{ ...ann }], many)).toBe(0);
  });
  it('recognises link fields', () => {
    expect(isLinkField({ type: 'link' })).toBe(true);
    expect(isLinkField({ type: 'person' })).toBe(false);
  });
});

describe('link titles computed through the link', () => {
  const visitsTable = 'tbl_visits0000000000';
  const primary: Field = { id: 'fld_patientname00000', tableId: testLinkedTableId, name: 'Name', type: 'singleLineText', options: {}, description: '', isPrimary: true };
  const numberPrimary: Field = { ...primary, id: 'fld_patientno0000000', type: 'number', options: normalizeFieldOptions('number', { precision: 2 }) };
  const field: Field<LinkOptions> = { id: 'fld_visitpatient0000', tableId: visitsTable, name: 'Patient', type: 'link', options: many, description: '', isPrimary: false };

  function context(primaryField: Field): ComputeContext {
    return {
      fields: new Map([[primaryField.id, primaryField]]),
      primaryFieldIdOf: (tableId) => (tableId === testLinkedTableId ? primaryField.id : undefined),
      now: new Date('2026-03-05T00:00:00Z'),
      timeZone: 'Asia/Shanghai',
      format: makeFormatContext(),
    };
  }
  const record = (id: string, values: Record<string, unknown>): ComputedRecord => ({ id, values, createdTime: '', modifiedTime: '' });

  it('reads the primary field of the linked records through itself', () => {
    expect(link.computer!(field, context(primary)).dependencies).toEqual([{ kind: 'viaLink', linkFieldId: field.id, targetFieldId: primary.id }]);
  });
  it('titles each linked record with its primary value, in link order', () => {
    const computer = link.computer!(field, context(primary));
    const linked = [record(wang.id, { [primary.id]: '王伟' }), record(ann.id, { [primary.id]: 'Ann' }), record(smith.id, { [primary.id]: null })];
    const value = computer.compute({ record: record('rec_visit00000000000', {}), linked: (id) => (id === field.id ? linked : []) });
    expect(value).toEqual([
      { id: wang.id, title: '王伟' },
      { id: ann.id, title: 'Ann' },
      { id: smith.id, title: '' },
    ]);
  });
  it('formats a primary value of another type with that type', () => {
    const computer = link.computer!(field, context(numberPrimary));
    const value = computer.compute({ record: record('rec_visit00000000000', {}), linked: () => [record(ann.id, { [numberPrimary.id]: 1234.5 })] });
    expect(value).toEqual([{ id: ann.id, title: link.format([{ id: ann.id, title: '1,234.50' }], many, makeFormatContext()) }]);
  });
  it('is empty when nothing is linked', () => {
    expect(link.computer!(field, context(primary)).compute({ record: record('rec_visit00000000000', {}), linked: () => [] })).toBeNull();
  });
});
