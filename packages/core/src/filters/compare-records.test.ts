import { describe, expect, it } from 'vitest';
import type { QueryableRecord } from './cells';
import { compareByRowOrder, compareRecords } from './compare-records';
import { resolveSorts } from './resolve-sorts';
import { makeField } from './test-support';

const name = makeField('singleLineText', 'Name');
const score = makeField('number', 'Score');
const tags = makeField('multipleSelect', 'Tags', { choices: [{ name: 'a' }, { name: 'b' }] });
const fields = [name, score, tags];

const row = (id: string, rowOrder: string, values: Record<string, unknown>): QueryableRecord => ({ id, rowOrder, values });
const ids = (records: QueryableRecord[]) => records.map((record) => record.id);

describe('compareRecords', () => {
  const records = [
    row('rec_4', 'a3', { [name.id]: 'b', [score.id]: 2 }),
    row('rec_1', 'a0', { [name.id]: null, [score.id]: 1 }),
    row('rec_3', 'a2', { [name.id]: 'B', [score.id]: null }),
    row('rec_2', 'a1', { [name.id]: 'b', [score.id]: 1 }),
  ];

  it('puts empty cells first ascending and last descending', () => {
    expect(ids([...records].sort(compareRecords(resolveSorts([{ field: 'Name', direction: 'asc' }], fields))))).toEqual([
      'rec_1',
      'rec_3',
      'rec_2',
      'rec_4',
    ]);
    expect(ids([...records].sort(compareRecords(resolveSorts([{ field: 'Score', direction: 'desc' }], fields))))).toEqual([
      'rec_4',
      'rec_1',
      'rec_2',
      'rec_3',
    ]);
  });

  it('applies later sorts to ties of earlier ones, then row order, then id', () => {
    const sorts = resolveSorts([{ field: 'Name', direction: 'desc' }, { field: 'Score', direction: 'desc' }], fields);
    expect(ids([...records].sort(compareRecords(sorts)))).toEqual(['rec_4', 'rec_2', 'rec_3', 'rec_1']);
    const tied = [row('rec_b', 'a0', {}), row('rec_a', 'a0', {}), row('rec_c', '', {})];
    expect(ids(tied.sort(compareRecords([])))).toEqual(['rec_c', 'rec_a', 'rec_b']);
  });

  it('takes a tie-break comparator', () => {
    const byIdDescending = (a: QueryableRecord, b: QueryableRecord) => -compareByRowOrder({ ...a, rowOrder: '' }, { ...b, rowOrder: '' });
    expect(ids([...records].sort(compareRecords([], byIdDescending)))).toEqual(['rec_4', 'rec_3', 'rec_2', 'rec_1']);
  });

  it('orders multiple-select cells by their JSON text', () => {
    const lists = [row('rec_1', 'a0', { [tags.id]: ['b'] }), row('rec_2', 'a1', { [tags.id]: ['a', 'b'] }), row('rec_3', 'a2', { [tags.id]: ['a'] })];
    expect(ids(lists.sort(compareRecords(resolveSorts([{ field: tags.id, direction: 'asc' }], fields))))).toEqual(['rec_2', 'rec_3', 'rec_1']);
  });
});

describe('resolveSorts', () => {
  it('refuses bad directions, unknown fields and repeats, naming the path', () => {
    const cases: Array<[unknown, string, string]> = [
      [[{ field: 'Name', direction: 'up' }], 'sorts[0].direction', 'INVALID_FILTER'],
      [[{ field: 'Name', direction: 'asc' }, { field: 'name', direction: 'asc' }], 'sorts[1].field', 'UNKNOWN_FIELD'],
      [[{ field: 'Name', direction: 'asc' }, { field: name.id, direction: 'desc' }], 'sorts[1].field', 'INVALID_FILTER'],
      [[{ field: 'Name', direction: 'asc', nulls: 'last' }], 'sorts[0].nulls', 'INVALID_FILTER'],
      [{ field: 'Name' }, 'sorts', 'INVALID_FILTER'],
    ];
    for (const [sorts, path, code] of cases) {
      expect(() => resolveSorts(sorts, fields)).toThrowError(expect.objectContaining({ code, details: expect.objectContaining({ path }) }));
    }
  });
});
