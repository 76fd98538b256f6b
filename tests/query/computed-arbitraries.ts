/**
 * fast-check arbitraries for the computed-field parity property: rows of two linked tables
 * (Parents ← Children) with stored values, and filter trees and sorts over the computed fields
 * of either table, with operands drawn from the values the computed cells actually hold. The
 * operators of each condition are those the field's query profile can lower — the same choice a
 * filter builder offers.
 */
import fc from 'fast-check';
import {
  getFieldType,
  normalizeFieldOptions,
  operators,
  queryProfileOf,
  type Field,
  type FilterGroup,
  type OperatorKey,
  type QueryableRecord,
  type SortSpec,
} from '@multitable/core';
import { adversarialStrings } from './query-fixtures';

/** Adversarial strings a single-line text field stores exactly as given. */
export const storableTexts = adversarialStrings.filter((text) => {
  const type = getFieldType('singleLineText');
  const result = type.cast(text, normalizeFieldOptions('singleLineText', {}), {
    typecast: false,
    timeZone: 'UTC',
    now: new Date(0),
    users: { byId: () => undefined, byText: () => undefined },
    attachments: { byId: () => undefined },
  });
  return result.ok && result.value === text;
});

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { freq: 4, nil: null });
const day = fc.integer({ min: 0, max: 40 }).map((offset) => new Date(Date.UTC(2029, 11, 10 + offset)).toISOString().slice(0, 10));

export interface ParentRow {
  Name: string | null;
  Score: number | null;
  Flag: boolean | null;
  Tags: string[] | null;
  When: string | null;
}

export interface ChildRow {
  Label: string | null;
  Amount: number | null;
  Kind: string | null;
  Done: boolean | null;
  /** Index of the parent it links to, or null. */
  parent: number | null;
}

export interface Rows {
  parents: ParentRow[];
  children: ChildRow[];
}

export const rowsArbitrary: fc.Arbitrary<Rows> = fc
  .array(fc.constantFrom(...storableTexts), { minLength: 1, maxLength: 4 })
  .chain((palette) => {
    const text = maybe(fc.constantFrom(...palette));
    const parent: fc.Arbitrary<ParentRow> = fc.record({
      Name: text,
      Score: maybe(fc.oneof(fc.integer({ min: -3, max: 40 }), fc.constantFrom(0, 0.5, 12.25))),
      Flag: maybe(fc.boolean()),
      Tags: maybe(fc.shuffledSubarray(['A', 'B', 'C'], { minLength: 1 })),
      When: maybe(day),
    });
    return fc.array(parent, { minLength: 2, maxLength: 7 }).chain((parents) =>
      fc
        .array(
          fc.record({
            Label: text,
            Amount: maybe(fc.oneof(fc.integer({ min: -5, max: 100 }), fc.constantFrom(2.5, 0))),
            Kind: maybe(fc.constantFrom('A', 'B')),
            Done: maybe(fc.boolean()),
            parent: parents.length === 0 ? fc.constant(null) : maybe(fc.integer({ min: 0, max: parents.length - 1 })),
          }),
          { minLength: 1, maxLength: 9 },
        )
        .map((children) => ({ parents, children })),
    );
  });

/** Values the computed cells hold, so operands hit them often. */
interface Seen {
  texts: string[];
  numbers: number[];
  days: string[];
}

function seenIn(records: readonly QueryableRecord[], fields: readonly Field[]): Seen {
  const cells = records.flatMap((record) => fields.map((field) => record.values[field.id])).flatMap((cell) => (Array.isArray(cell) ? cell : [cell]));
  const texts = [...new Set(cells.filter((cell): cell is string => typeof cell === 'string'))];
  return {
    texts,
    numbers: [...new Set(cells.filter((cell): cell is number => typeof cell === 'number'))],
    days: [...new Set(texts.filter((text) => /^\d{4}-\d{2}-\d{2}/.test(text)).map((text) => text.slice(0, 10)))],
  };
}

const spanOperand = fc.constantFrom('pastWeek', 'pastMonth', 'nextWeek', 'thisMonth', 'thisYear', { mode: 'nextNumberOfDays', days: 20 });

function operandFor(field: Field, operator: OperatorKey, seen: Seen): fc.Arbitrary<unknown> {
  const values = queryProfileOf(field, 'filter').values;
  const pick = <T>(items: readonly T[], fallback: fc.Arbitrary<T>) => (items.length > 0 ? fc.oneof(fc.constantFrom(...items), fallback) : fallback);
  if (values === 'number') return pick(seen.numbers, fc.integer({ min: -5, max: 120 }));
  if (values === 'boolean') return fc.boolean();
  if (values === 'date') return operator === 'isWithin' ? spanOperand : pick(seen.days, day);
  if (values === 'textList' && (operator === 'is' || operator === 'isNot')) return pick(seen.texts, fc.constant('A'));
  if (values === 'textList') {
    const pool = seen.texts.length > 0 ? seen.texts : ['A'];
    return fc.shuffledSubarray(pool, { minLength: 1, maxLength: Math.min(3, pool.length) });
  }
  const texts = seen.texts.filter((text) => text.length < 200);
  const text = pick(texts, fc.constantFrom(...storableTexts));
  return fc.oneof(text, fc.tuple(text, fc.nat(4)).map(([whole, cut]) => Array.from(whole).slice(cut, cut + 2).join('')));
}

function operatorsOf(field: Field): OperatorKey[] {
  const kind = queryProfileOf(field, 'filter').values;
  return getFieldType(field.type).operators.filter((operator) => operators[operator].lower[kind] !== undefined);
}

export function filterArbitrary(fields: readonly Field[], records: readonly QueryableRecord[]): fc.Arbitrary<FilterGroup> {
  const seen = seenIn(records, fields);
  const condition = fc.constantFrom(...fields).chain((field) =>
    fc.constantFrom(...operatorsOf(field)).chain((operator) =>
      (operators[operator].takesOperand ? operandFor(field, operator, seen) : fc.constant(undefined)).map((value) => ({
        field: field.id,
        operator,
        ...(value === undefined ? {} : { value }),
      })),
    ),
  );
  return fc.letrec<{ group: FilterGroup; node: unknown }>((tie) => ({
    node: fc.oneof({ maxDepth: 2, depthIdentifier: 'computed-filter' }, { weight: 4, arbitrary: condition }, { weight: 1, arbitrary: tie('group') }),
    group: fc.record({
      conjunction: fc.constantFrom('and' as const, 'or' as const),
      conditions: fc.array(tie('node'), { minLength: 1, maxLength: 3, depthIdentifier: 'computed-filter' }) as fc.Arbitrary<FilterGroup['conditions']>,
    }),
  })).group;
}

export function sortsArbitrary(fields: readonly Field[]): fc.Arbitrary<SortSpec[]> {
  return fc
    .shuffledSubarray([...fields], { maxLength: 2 })
    .chain((chosen) => fc.tuple(...chosen.map((field) => fc.constantFrom('asc' as const, 'desc' as const).map((direction) => ({ field: field.id, direction })))));
}
