import { describe, expect, it } from 'vitest';
import type { ApiField } from '../../api/tables';
import { userDirectory } from '../../grid/cell-values';
import { columnFilter, columnValue, dropPlacement, kanbanColumns, stackableFields } from './kanban-model';

const env = { users: userDirectory([{ id: 'usr_aaaaaaaaaaaaaaaa', name: 'Li', email: 'li@x.test' }]), timeZone: 'UTC', locale: 'en' };
const field = (type: ApiField['type'], options: Record<string, unknown> = {}): ApiField => ({ id: `fld_${type}`, name: type, type, options, description: '', isPrimary: false });
const status = field('singleSelect', { choices: [{ id: 'c1', name: 'Open', color: 'blue' }, { id: 'c2', name: 'Done', color: 'green' }, { id: 'c3', name: 'Later', color: 'gray' }] });

describe('kanban model', () => {
  it('stacks by single selects and people, not by text or computed fields', () => {
    const fields = [field('singleLineText'), status, field('person'), field('formula', { resultKind: 'text' })];
    expect(stackableFields(fields).map((f) => f.type)).toEqual(['singleSelect', 'person']);
  });

  it('has the empty column first, then every choice in order with the server’s counts', () => {
    const columns = kanbanColumns(status, [{ key: [null], count: 2 }, { key: ['Done'], count: 3 }, { key: ['Open'], count: 1 }], env);
    expect(columns.map((column) => [column.value, column.count])).toEqual([
      [null, 2],
      ['Open', 1],
      ['Done', 3],
      ['Later', 0],
    ]);
  });

  it('has a column per person combination the records hold', () => {
    const person = field('person', { multiple: false });
    const li = { id: 'usr_aaaaaaaaaaaaaaaa', name: 'Li', email: 'li@x.test' };
    const columns = kanbanColumns(person, [{ key: [[li]], count: 4 }], env);
    expect(columns.map((column) => column.count)).toEqual([0, 4]);
    expect(columnValue(person, columns[1]!, env)).toEqual(['usr_aaaaaaaaaaaaaaaa']);
    expect(columnFilter(person, columns[1]!, null, env)).toEqual({
      conjunction: 'and',
      conditions: [{ field: person.id, operator: 'isExactly', value: ['usr_aaaaaaaaaaaaaaaa'] }],
    });
  });

  it('reads a column with the view’s filter and the column’s value', () => {
    const viewFilter = { conjunction: 'or' as const, conditions: [{ field: 'fld_x', operator: 'isNotEmpty' as const }] };
    const [empty, open] = kanbanColumns(status, [], env);
    expect(columnFilter(status, empty!, viewFilter, env)).toEqual({ conjunction: 'and', conditions: [viewFilter, { field: status.id, operator: 'isEmpty' }] });
    expect(columnFilter(status, open!, null, env).conditions).toEqual([{ field: status.id, operator: 'is', value: 'Open' }]);
    expect(columnValue(status, empty!, env)).toBeNull();
  });

  it('places a dropped card before the card it lands on, or after the last', () => {
    const ids = ['a', 'b', 'c'];
    expect(dropPlacement(ids, 'c', 0)).toEqual({ before: 'a' });
    expect(dropPlacement(ids, 'a', 2)).toEqual({ before: 'c' });
    expect(dropPlacement(ids, 'a', 3)).toEqual({ after: 'c' });
    expect(dropPlacement(ids, 'x', 3)).toEqual({ after: 'c' });
    expect(dropPlacement(ids, 'x', 1)).toEqual({ before: 'b' });
  });

  it('moves nothing when a card is dropped where it is, or into a column with no other card', () => {
    expect(dropPlacement(['a', 'b', 'c'], 'b', 1)).toBeNull();
    expect(dropPlacement(['a', 'b', 'c'], 'b', 2)).toBeNull();
    expect(dropPlacement(['a', 'b', 'c'], 'c', 3)).toBeNull();
    expect(dropPlacement([], 'x', 0)).toBeNull();
    expect(dropPlacement(['x'], 'x', 0)).toBeNull();
  });
});
