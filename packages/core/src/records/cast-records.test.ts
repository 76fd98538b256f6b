import { describe, expect, it } from 'vitest';
import type { CastContext } from '../fields/field-type';
import type { Field } from '../fields/field';
import { castRecordBatch } from './cast-records';
import { indexFields } from './field-index';

const ctx: CastContext = {
  typecast: false,
  timeZone: 'UTC',
  now: new Date('2026-03-05T00:00:00Z'),
  users: { byId: () => undefined, byText: () => undefined },
  attachments: { byId: () => undefined },
};

function textField(id: string, name: string): Field {
  return { id, tableId: 'tbl_aaaaaaaaaaaaaaaa', name, type: 'singleLineText', options: {}, description: '', isPrimary: false };
}

const name = textField('fld_name000000000000', 'Name');
const note = textField('fld_note000000000000', 'Note');
const index = indexFields([name, note]);

describe('castRecordBatch', () => {
  it('keys values by field id whether the caller used names or ids', () => {
    const batch = castRecordBatch(index, [{ fields: { Name: 'Ann', fld_note000000000000: 'hi' } }], ctx);
    expect(batch.records).toEqual([{ values: { [name.id]: 'Ann', [note.id]: 'hi' } }]);
  });

  it('names the record, field and path of the first bad cell', () => {
    const call = () => castRecordBatch(index, [{ fields: { Name: 'ok' } }, { fields: { Name: 42 } }], ctx);
    expect(call).toThrow(expect.objectContaining({ code: 'INVALID_CELL_VALUE', details: expect.objectContaining({ record: 1, field: 'Name', path: 'records[1].fields.Name' }) }));
  });

  it('names paths from the body of a single-record request', () => {
    expect(() => castRecordBatch(index, [{ fields: { Name: 42 } }], ctx, null)).toThrow(
      expect.objectContaining({ code: 'INVALID_CELL_VALUE', details: expect.objectContaining({ path: 'fields.Name' }) }),
    );
  });

  it('answers a misspelt, padded or differently cased name as an unknown field', () => {
    for (const key of ['name', 'Name ', ' Name', 'Nаme' /* Cyrillic a */, 'fld_name000000000000\n']) {
      expect(() => castRecordBatch(index, [{ fields: { [key]: 'x' } }], ctx)).toThrow(
        expect.objectContaining({ code: 'UNKNOWN_FIELD', message: `Unknown field "${key}"` }),
      );
    }
  });

  it('refuses the same field given by name and by id', () => {
    expect(() => castRecordBatch(index, [{ fields: { Name: 'a', fld_name000000000000: 'b' } }], ctx)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('refuses fields that are not an object', () => {
    expect(() => castRecordBatch(index, [{ fields: ['Ann'] }], ctx)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', details: expect.objectContaining({ path: 'records[0].fields' }) }));
  });
});
