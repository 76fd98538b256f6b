/**
 * Every operator on every field type that offers it: resolve a condition, evaluate it over a
 * small set of cells, and compare the matching cells with what the operator promises. The
 * table is per family of types; the first test fails, naming the pair, when a type offers an
 * operator the table does not cover.
 */
import { describe, expect, it } from 'vitest';
import type { Field } from '../fields/field';
import { fieldTypeKeys, getFieldType, type FieldTypeKey } from '../fields/registry';
import { evaluatePredicate } from './evaluate-predicate';
import type { OperatorKey } from './operator-keys';
import { resolveFilter } from './resolve-filter';
import { makeField, recordsWith } from './test-support';

const me = 'usr_alice00000000000';
const bob = 'usr_bob0000000000000';
const carol = 'usr_carol00000000000';
// 03:00 UTC is 11:00 on 1 May in Shanghai.
const ctx = { now: new Date('2024-05-01T03:00:00Z'), timeZone: 'Asia/Shanghai', me };

/** Cells, and per operator: the operand and the indexes of the cells that match. */
interface Family {
  options?: Record<string, unknown>;
  cells: unknown[];
  expect: Partial<Record<OperatorKey, [operand: unknown, matches: number[]]>>;
}

const text: Family = {
  cells: ['Apple', 'apple pie', 'PINEAPPLE', 'Äpfel', null],
  expect: {
    contains: ['aPPle', [0, 1, 2]],
    doesNotContain: ['apple', [3, 4]],
    is: ['Apple', [0]],
    isNot: ['Apple', [1, 2, 3, 4]],
    isEmpty: [undefined, [4]],
    isNotEmpty: [undefined, [0, 1, 2, 3]],
  },
};

const numbers: Family = {
  cells: [1, 3, -3, 0, null],
  expect: {
    is: [3, [1]],
    isNot: [3, [0, 2, 3, 4]],
    isGreater: [0, [0, 1]],
    isGreaterEqual: [0, [0, 1, 3]],
    isLess: [1, [2, 3]],
    isLessEqual: [1, [0, 2, 3]],
    isEmpty: [undefined, [4]],
    isNotEmpty: [undefined, [0, 1, 2, 3]],
  },
};

const lists = (a: string, b: string, c: string, options?: Record<string, unknown>): Family => ({
  ...(options ? { options } : {}),
  cells: [[a, b], [b], [c], null],
  expect: {
    hasAnyOf: [[a, c], [0, 2]],
    hasAllOf: [[a, b], [0]],
    hasNoneOf: [[a], [1, 2, 3]],
    isExactly: [[b, a], [0]],
    isEmpty: [undefined, [3]],
    isNotEmpty: [undefined, [0, 1, 2]],
  },
});

const users: Family = {
  cells: [me, bob, carol],
  expect: {
    is: ['me', [0]],
    isNot: ['me', [1, 2]],
    isAnyOf: [['me', bob], [0, 1]],
    isNoneOf: [[bob], [0, 2]],
    isEmpty: [undefined, []],
    isNotEmpty: [undefined, [0, 1, 2]],
  },
};

// Shanghai: 1 May runs from 2024-04-30T16:00Z to 2024-05-01T16:00Z.
const instants: Family = {
  cells: ['2024-04-30T15:59:59.999Z', '2024-04-30T16:00:00.000Z', '2024-05-01T15:59:59.999Z', '2024-05-01T16:00:00.000Z', null],
  expect: {
    is: ['today', [1, 2]],
    isBefore: [{ mode: 'today' }, [0]],
    isAfter: ['2024-05-01', [3]],
    isOnOrBefore: [{ mode: 'exactDate', date: '2024-05-01' }, [0, 1, 2]],
    isOnOrAfter: ['today', [1, 2, 3]],
    isWithin: [{ mode: 'pastWeek' }, [0, 1, 2]],
    isEmpty: [undefined, [4]],
    isNotEmpty: [undefined, [0, 1, 2, 3]],
  },
};

/** Computed types are queried as their result kind: one family per kind they can have. */
const withOptions = (family: Family, options: Record<string, unknown>): Family => ({ ...family, options });
const resultKindFamilies = (kinds: Record<string, Family>): Family[] => Object.entries(kinds).map(([resultKind, family]) => withOptions(family, { resultKind }));
const computedResults = {
  text,
  number: numbers,
  boolean: { cells: [true, false, null], expect: { is: [false, [1, 2]] } } as Family,
  date: instants,
  'list<text>': { ...lists('a', 'b', 'c'), expect: { ...lists('a', 'b', 'c').expect, is: ['b', [1]], isNot: ['b', [0, 2, 3]] } } as Family,
};

const families: Record<FieldTypeKey, Family | Family[]> = {
  singleLineText: text,
  longText: text,
  phone: text,
  email: text,
  url: text,
  number: numbers,
  rating: numbers,
  duration: numbers,
  autoNumber: numbers,
  checkbox: { cells: [true, false, null], expect: { is: [false, [1, 2]] } },
  singleSelect: {
    options: { choices: [{ name: 'vip' }, { name: 'new' }] },
    cells: ['vip', 'new', null],
    expect: {
      is: ['vip', [0]],
      isNot: ['vip', [1, 2]],
      isAnyOf: [['vip', 'new'], [0, 1]],
      isNoneOf: [['vip'], [1, 2]],
      isEmpty: [undefined, [2]],
      isNotEmpty: [undefined, [0, 1]],
    },
  },
  multipleSelect: lists('a', 'b', 'c', { choices: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] }),
  person: lists(me, bob, carol),
  createdBy: users,
  modifiedBy: users,
  attachment: {
    cells: [[{ id: 'att_report0000000000', name: 'report.pdf', size: 1, mimeType: 'application/pdf' }], null],
    expect: { isEmpty: [undefined, [1]], isNotEmpty: [undefined, [0]] },
  },
  date: {
    cells: ['2024-04-30', '2024-05-01', '2024-05-02', null],
    expect: {
      is: [{ mode: 'today' }, [1]],
      isBefore: ['today', [0]],
      isAfter: [{ mode: 'exactDate', date: '2024-05-01' }, [2]],
      isOnOrBefore: ['2024-05-01', [0, 1]],
      isOnOrAfter: [{ mode: 'yesterday' }, [0, 1, 2]],
      isWithin: [{ mode: 'nextWeek' }, [1, 2]],
      isEmpty: [undefined, [3]],
      isNotEmpty: [undefined, [0, 1, 2]],
    },
  },
  createdTime: instants,
  modifiedTime: instants,
  link: {
    options: { linkedTableId: 'tbl_patients00000000' },
    cells: [
      [{ id: 'rec_ann0000000000000', title: 'Ann Lee' }, { id: 'rec_bob0000000000000', title: 'Bob' }],
      [{ id: 'rec_bob0000000000000', title: 'Bob' }],
      [{ id: 'rec_eve0000000000000', title: 'Éve ANNA' }],
      null,
    ],
    expect: {
      hasAnyOf: [['rec_ann0000000000000', 'rec_eve0000000000000'], [0, 2]],
      hasNoneOf: [['rec_bob0000000000000'], [2, 3]],
      contains: ['ann', [0, 2]],
      doesNotContain: ['bob', [2, 3]],
      isEmpty: [undefined, [3]],
      isNotEmpty: [undefined, [0, 1, 2]],
    },
  },
  formula: resultKindFamilies(computedResults),
  rollup: resultKindFamilies(computedResults),
  lookup: [
    withOptions(lists('a', 'b', 'c'), { targetShape: { type: 'singleLineText', options: {} } }),
    {
      options: { targetShape: { type: 'link', options: { linkedTableId: 'tbl_patients00000000', inverseFieldId: null, multiple: true } } },
      cells: [[{ id: 'rec_ann0000000000000', title: 'Ann Lee' }], [{ id: 'rec_bob0000000000000', title: 'Bob' }], null],
      expect: { contains: ['ann', [0]], doesNotContain: ['ann', [1, 2]], hasAnyOf: [['rec_bob0000000000000'], [1]] },
    },
  ],
  count: numbers,
};

function familiesOf(type: FieldTypeKey): Family[] {
  return [families[type]].flat();
}

function matches(field: Field, cells: unknown[], operator: OperatorKey, operand: unknown): number[] {
  const predicate = resolveFilter({ conjunction: 'and', conditions: [{ field: field.id, operator, value: operand }] }, [field], ctx);
  return recordsWith(field, cells).flatMap((record, index) => (evaluatePredicate(predicate, record) ? [index] : []));
}

describe('operators on every field type', () => {
  it('covers every operator each registered type offers', () => {
    const missing = fieldTypeKeys.flatMap((type) =>
      getFieldType(type).operators.filter((op) => !familiesOf(type).some((family) => family.expect[op])).map((op) => `${type}.${op}`),
    );
    expect(missing).toEqual([]);
  });

  for (const type of fieldTypeKeys) {
    for (const family of familiesOf(type)) {
      for (const operator of getFieldType(type).operators) {
        const expected = family.expect[operator];
        if (!expected) continue;
        const kind = family.options?.resultKind ? ` (${String(family.options.resultKind)})` : '';
        it(`${type}${kind} ${operator} ${JSON.stringify(expected[0]) ?? ''} matches cells ${JSON.stringify(expected[1])}`, () => {
          const field = makeField(type, 'Subject', type === 'date' ? {} : (family.options ?? {}));
          expect(matches(field, family.cells, operator, expected[0])).toEqual(expected[1]);
        });
      }
    }
  }

  it('date with time reads days in the base zone like created time does', () => {
    const field = makeField('date', 'When', { includeTime: true });
    expect(matches(field, instants.cells, 'is', 'today')).toEqual([1, 2]);
  });

  it('text contains folds ASCII letters only', () => {
    const field = makeField('singleLineText', 'Name');
    const cells = ['ÄPFEL', 'äpfel', 'STRASSE', 'straße', 'Kelvin', '\u212Aelvin' /* Kelvin sign */];
    expect(matches(field, cells, 'contains', 'äPFEL')).toEqual([1]);
    expect(matches(field, cells, 'contains', 'ss')).toEqual([2]);
    expect(matches(field, cells, 'contains', 'KELVIN')).toEqual([4]);
  });

  it('text contains treats LIKE wildcards and backslashes as plain characters', () => {
    const field = makeField('singleLineText', 'Name');
    const cells = ['100%', '100 percent', 'a_b', 'axb', 'C:\\dir', 'C:dir'];
    expect(matches(field, cells, 'contains', '%')).toEqual([0]);
    expect(matches(field, cells, 'contains', '_')).toEqual([2]);
    expect(matches(field, cells, 'contains', '\\')).toEqual([4]);
  });

  it('text is compares exactly: case, spaces and composed forms all count', () => {
    const field = makeField('singleLineText', 'Name');
    const cells = ['Café', 'café', 'Cafe\u0301', 'Café '];
    expect(matches(field, cells, 'is', 'Café')).toEqual([0]);
  });

  it('checkbox is true matches ticked cells only', () => {
    const field = makeField('checkbox', 'Done');
    expect(matches(field, [true, false, null], 'is', true)).toEqual([0]);
  });

  it('person isExactly ignores order and needs the same set', () => {
    const field = makeField('person', 'Owner');
    expect(matches(field, [[bob, me], [me], [me, bob, carol]], 'isExactly', ['me', bob])).toEqual([0]);
  });
});
