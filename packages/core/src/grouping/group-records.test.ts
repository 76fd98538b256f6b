import { describe, expect, it } from 'vitest';
import type { QueryableRecord } from '../filters/cells';
import { makeField } from '../filters/test-support';
import { groupRecords } from './group-records';
import { resolveGroupBy } from './resolve-group-by';

const name = makeField('singleLineText', 'Name');
const done = makeField('checkbox', 'Done');
const tags = makeField('multipleSelect', 'Tags', { choices: [{ name: 'a' }, { name: 'b' }] });
const files = makeField('attachment', 'Files');
const fields = [name, done, tags, files];

const row = (id: string, values: Record<string, unknown>): QueryableRecord => ({ id, values });

describe('groupRecords', () => {
  const records = [
    row('rec_1', { [name.id]: 'b', [done.id]: true, [tags.id]: ['a', 'b'] }),
    row('rec_2', { [name.id]: '', [done.id]: null, [tags.id]: [] }),
    row('rec_3', { [name.id]: null, [done.id]: false, [tags.id]: ['b', 'a'] }),
    row('rec_4', { [name.id]: 'b', [tags.id]: ['a', 'b'] }),
  ];

  it('puts empty cells in one group, first ascending and last descending', () => {
    expect(groupRecords(records, resolveGroupBy([{ field: 'Name' }], fields))).toEqual([
      { keys: [null], count: 2 },
      { keys: ['b'], count: 2 },
    ]);
    expect(groupRecords(records, resolveGroupBy([{ field: 'Name', direction: 'desc' }], fields))).toEqual([
      { keys: ['b'], count: 2 },
      { keys: [null], count: 2 },
    ]);
  });

  it('counts an empty checkbox as unticked', () => {
    expect(groupRecords(records, resolveGroupBy([{ field: 'Done' }], fields))).toEqual([
      { keys: [false], count: 3 },
      { keys: [true], count: 1 },
    ]);
  });

  it('groups a list by its whole value, order included', () => {
    expect(groupRecords(records, resolveGroupBy([{ field: 'Tags' }], fields))).toEqual([
      { keys: [null], count: 1 },
      { keys: [['a', 'b']], count: 2 },
      { keys: [['b', 'a']], count: 1 },
    ]);
  });

  it('refuses attachments, unknown fields and more than three levels, naming the path', () => {
    expect(() => resolveGroupBy([{ field: 'Files' }], fields)).toThrow(expect.objectContaining({ code: 'INVALID_FILTER', details: expect.objectContaining({ path: 'groupBy[0].field' }) }));
    expect(() => resolveGroupBy([{ field: 'files' }], fields, { path: 'g' })).toThrow(expect.objectContaining({ code: 'UNKNOWN_FIELD', details: expect.objectContaining({ path: 'g[0].field' }) }));
    expect(() => resolveGroupBy([{ field: 'Name' }, { field: 'Done' }, { field: 'Tags' }, { field: 'Files' }], fields)).toThrow(/At most 3/);
  });
});
