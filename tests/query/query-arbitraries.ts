/**
 * fast-check arbitraries for the query parity test: records whose cells are built through each
 * type's own `cast` (see query-fixtures.ts), operands per field and operator, filter trees, sorts.
 * Strings are adversarial (quotes, backslashes, `--`, `/*`, LIKE wildcards, RTL marks, emoji,
 * SQL keywords, a 10 KB string, a canary). NUL is left out: PostgreSQL text cannot hold it, so
 * casts and the filter resolver refuse it before SQL (core tests check that refusal).
 */
import fc from 'fast-check';
import {
  getFieldType,
  type Field,
  type FilterGroup,
  type OperatorKey,
  type QueryableRecord,
  type ResolveContext,
  type SortSpec,
} from '@multitable/core';
import { adversarialStrings, attachments, canonical, choiceNames, days, fields, instants, linkedRecords, nows, users, zones } from './query-fixtures';

const noNul = (text: string) => !text.includes('\u0000');
const randomText = fc.string({ unit: 'binary', maxLength: 6 }).filter(noNul);
/** A short piece of `text`, cut between code points (never inside a surrogate pair). */
function codePointSlice(text: string, start: number, length: number): string {
  const points = Array.from(text);
  const from = start % (points.length + 1);
  return points.slice(from, from + 1 + (length % 4)).join('');
}
const asciiUpper = (text: string) => text.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
const text = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...adversarialStrings) },
  { weight: 2, arbitrary: randomText },
  { weight: 1, arbitrary: fc.constantFrom(...adversarialStrings).map(asciiUpper) },
);
const textOperand = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...adversarialStrings), fc.nat(), fc.nat()).map(([s, a, b]) => codePointSlice(s, a, b)) },
  { weight: 1, arbitrary: fc.constantFrom('', null) },
);
const number = fc.oneof(
  fc.constantFrom(0, 1, -1, 1.5, 0.1, 0.30000000000000004, 2, 3, 1e21, -1e-7, 123456789.125, 2 ** 53),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
);
const instant = fc.oneof(
  fc.constantFrom(...instants),
  fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
);
const dayOperand = fc.oneof(
  fc.constantFrom(...days),
  fc.constantFrom('today', 'tomorrow', 'yesterday', 'oneWeekAgo', 'oneWeekFromNow', 'oneMonthAgo', 'oneMonthFromNow'),
  fc.record({ mode: fc.constantFrom('daysAgo', 'daysFromNow'), days: fc.integer({ min: 0, max: 40 }) }),
  fc.constantFrom(...days).map((date) => ({ mode: 'exactDate', date })),
);
const spanOperand = fc.oneof(
  fc.constantFrom('pastWeek', 'pastMonth', 'pastYear', 'nextWeek', 'nextMonth', 'nextYear', 'thisWeek', 'thisMonth', 'thisYear'),
  fc.record({ mode: fc.constantFrom('pastNumberOfDays', 'nextNumberOfDays'), days: fc.integer({ min: 0, max: 400 }) }),
);
const list = <T>(items: readonly T[]) => fc.shuffledSubarray([...items], { maxLength: Math.min(4, items.length) });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { freq: 4, nil: null });

/** Values present in the generated records, so operands hit them (and their case variants) often. */
export interface SeenValues {
  texts: string[];
  numbers: number[];
}

export function seenIn(records: readonly QueryableRecord[]): SeenValues {
  const cells = records.flatMap((record) => Object.values(record.values));
  return {
    texts: [...new Set(cells.filter((cell): cell is string => typeof cell === 'string'))],
    numbers: [...new Set(cells.filter((cell): cell is number => typeof cell === 'number'))],
  };
}

const caseVariants: Array<(text: string) => string> = [
  (t) => t,
  asciiUpper,
  (t) => t.replace(/[A-Z]+/g, (letters) => letters.toLowerCase()),
  (t) => t.toUpperCase(),
  (t) => t.toLowerCase(),
];

function seenTextOperand(seen: SeenValues): fc.Arbitrary<unknown> {
  if (seen.texts.length === 0) return textOperand;
  const variant = fc.tuple(fc.constantFrom(...seen.texts), fc.constantFrom(...caseVariants)).map(([t, change]) => change(t));
  return fc.oneof(
    { weight: 1, arbitrary: textOperand },
    { weight: 3, arbitrary: variant },
    { weight: 2, arbitrary: fc.tuple(variant, fc.nat(), fc.nat()).map(([t, a, b]) => codePointSlice(t, a, b)) },
  );
}

function seenNumberOperand(seen: SeenValues): fc.Arbitrary<unknown> {
  return seen.numbers.length === 0 ? number : fc.oneof(number, fc.constantFrom(...seen.numbers));
}

/**
 * Each run draws its texts mostly from a small palette and its case variants, so that cells
 * collide with each other and with operands — `É` next to `é`, `abc` next to `ABC`.
 */
const paletteArbitrary = fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...adversarialStrings) }, { weight: 1, arbitrary: randomText }), {
  minLength: 1,
  maxLength: 4,
});

function paletteText(palette: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...palette), fc.constantFrom(...caseVariants)).map(([t, change]) => change(t)) },
    { weight: 1, arbitrary: text },
  );
}

interface FieldSpec {
  /** A raw cell, cast by the type before use; texts lean on the run's palette. */
  cell: (palette: readonly string[]) => fc.Arbitrary<unknown>;
  /** An operand for `operator`, often one of the values seen in the records. */
  operand(operator: OperatorKey, seen: SeenValues): fc.Arbitrary<unknown>;
}

const dateSpec = (cell: fc.Arbitrary<unknown>): FieldSpec => ({
  cell: () => cell,
  operand: (operator) => (operator === 'isWithin' ? spanOperand : dayOperand),
});
const listOperand = (items: readonly string[]) => list(items);

/** Keyed by field name (the wanted list above). */
const specs: Record<string, FieldSpec> = {
  Name: { cell: (palette) => maybe(paletteText(palette)), operand: (_operator, seen) => seenTextOperand(seen) },
  Notes: { cell: (palette) => maybe(paletteText(palette)), operand: (_operator, seen) => seenTextOperand(seen) },
  Score: { cell: () => maybe(number), operand: (_operator, seen) => seenNumberOperand(seen) },
  Stars: { cell: () => maybe(fc.integer({ min: 0, max: 6 })), operand: () => fc.oneof(fc.integer({ min: -1, max: 6 }), fc.constantFrom(2.5)) },
  Done: { cell: () => maybe(fc.boolean()), operand: () => fc.boolean() },
  Status: {
    cell: () => maybe(fc.constantFrom(...choiceNames)),
    operand: (operator) => (operator === 'is' || operator === 'isNot' ? fc.constantFrom(...choiceNames, 'unknown') : listOperand([...choiceNames, 'unknown'])),
  },
  Tags: { cell: () => maybe(list(choiceNames)), operand: () => listOperand([...choiceNames, 'unknown']) },
  Owners: { cell: () => maybe(list(users)), operand: () => listOperand([...users, 'me']) },
  Due: dateSpec(maybe(fc.constantFrom(...days))),
  'Due at': dateSpec(maybe(instant)),
  'Due at NY': dateSpec(maybe(instant)),
  Files: { cell: () => maybe(list(attachments.map((file) => file.id)).map((ids) => ids.map((id) => ({ id })))), operand: () => fc.constant(undefined) },
  'No.': { cell: () => fc.integer({ min: 1, max: 4 }), operand: () => fc.integer({ min: 0, max: 5 }) },
  Created: dateSpec(instant),
  Creator: {
    cell: () => fc.constantFrom(...users),
    operand: (operator) => (operator === 'is' || operator === 'isNot' ? fc.constantFrom(...users, 'me') : listOperand([...users, 'me'])),
  },
};

const linkIds = linkedRecords.map((record) => record.id);
const linkTitleOperand = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...linkedRecords.map((record) => record.title).filter((title) => title !== '')), fc.constantFrom(...caseVariants)).map(([t, change]) => change(t)) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...linkedRecords.map((record) => record.title)), fc.nat(), fc.nat()).map(([t, a, b]) => codePointSlice(t, a, b)) },
  { weight: 1, arbitrary: textOperand },
);
specs.Patients = {
  cell: () => maybe(fc.shuffledSubarray(linkIds, { maxLength: 3 })),
  operand: (operator) => (operator === 'hasAnyOf' || operator === 'hasNoneOf' ? listOperand([...linkIds, 'rec_unknown000000000']) : linkTitleOperand),
};

function specOf(field: Field): FieldSpec {
  const spec = specs[field.name];
  if (!spec) throw new Error(`no arbitrary for field ${field.name}`);
  return spec;
}

/** One record per generated row: canonical cells, ids following the list, colliding row orders. */
function toRecord(rowOrder: string, cells: readonly unknown[], index: number): QueryableRecord {
  const record: Record<string, unknown> & { values: Record<string, unknown> } = {
    id: `rec_${String(index).padStart(16, '0')}`,
    rowOrder,
    values: {},
  };
  fields.forEach((field, i) => {
    const storage = getFieldType(field.type).storage;
    const value = canonical(field, cells[i]);
    if ('system' in storage) record[storage.system] = value;
    else record.values[field.id] = value;
  });
  return record as unknown as QueryableRecord;
}

const rowArbitrary = (palette: readonly string[]) =>
  fc.tuple(fc.constantFrom('a0', 'a1', 'a2', 'Zz', 'a0V'), fc.tuple(...fields.map((field) => specOf(field).cell(palette))));

export const recordsArbitrary: fc.Arbitrary<QueryableRecord[]> = paletteArbitrary.chain((palette) =>
  fc.array(rowArbitrary(palette), { maxLength: 12 }).map((rows) => rows.map(([rowOrder, cells], index) => toRecord(rowOrder, cells, index))),
);

/**
 * Records where each generated row appears one to three times (as distinct records): grouping
 * needs equal values to meet, which independent random cells rarely give.
 */
export const repeatedRecordsArbitrary: fc.Arbitrary<QueryableRecord[]> = paletteArbitrary.chain((palette) =>
  fc
    .array(fc.tuple(rowArbitrary(palette), fc.integer({ min: 1, max: 3 })), { maxLength: 8 })
    .map((rows) => rows.flatMap(([row, copies]) => Array.from({ length: copies }, () => row)))
    .map((rows) => rows.map(([rowOrder, cells], index) => toRecord(rowOrder, cells, index))),
);

/** Text fields carry the adversarial strings, so conditions pick them more often. */
const fieldWeights: Record<string, number> = { Name: 6, Notes: 3, Patients: 3 };

/** The link fields alone: ids, titles with adversarial text, and their JSON-text order. */
export const linkFields = fields.filter((field) => field.type === 'link');

/** The text fields alone: the focus of the adversarial-text property. */
export const textFields = fields.filter((field) => field.name === 'Name' || field.name === 'Notes');

const conditionArbitrary = (seen: SeenValues, focus: readonly Field[]) =>
  fc
    .oneof(...focus.map((field) => ({ weight: fieldWeights[field.name] ?? 1, arbitrary: fc.constant(field) })))
    .chain((field) =>
      fc.constantFrom(...getFieldType(field.type).operators).chain((operator) =>
        fc.tuple(specOf(field).operand(operator, seen), fc.boolean()).map(([value, byName]) => ({
          field: byName ? field.name : field.id,
          operator,
          ...(value === undefined ? {} : { value }),
        })),
      ),
    );

/** Trees up to three levels deep over the `focus` fields, operands leaning on `seen`. */
export const filterArbitrary = (seen: SeenValues, focus: readonly Field[]): fc.Arbitrary<FilterGroup> =>
  fc.letrec<{ group: FilterGroup; node: unknown }>((tie) => ({
    node: fc.oneof({ maxDepth: 3, depthIdentifier: 'filter' }, conditionArbitrary(seen, focus), tie('group')),
    group: fc.record({
      conjunction: fc.constantFrom('and' as const, 'or' as const),
      conditions: fc.array(tie('node'), { maxLength: 4, depthIdentifier: 'filter' }) as fc.Arbitrary<FilterGroup['conditions']>,
    }),
  })).group;

export const sortsArbitrary = (focus: readonly Field[]): fc.Arbitrary<SortSpec[]> =>
  fc
    .shuffledSubarray([...focus], { maxLength: Math.min(3, focus.length) })
    .chain((chosen) => fc.tuple(...chosen.map((field) => fc.constantFrom('asc' as const, 'desc' as const).map((direction) => ({ field: field.id, direction })))));

export const contextArbitrary: fc.Arbitrary<ResolveContext> = fc.record({
  me: fc.option(fc.constantFrom(...users), { nil: undefined }),
  now: fc.constantFrom(...nows).map((now) => new Date(now)),
  timeZone: fc.constantFrom(...zones),
});

export interface Scenario {
  records: QueryableRecord[];
  queries: Array<{ filter: FilterGroup; sorts: SortSpec[]; context: ResolveContext }>;
}

/** Records, then one to four queries (filter, sorts, who and when) over the `focus` fields. */
export function scenarioArbitrary(focus: readonly Field[]): fc.Arbitrary<Scenario> {
  return recordsArbitrary.chain((records) =>
    fc
      .array(fc.record({ filter: filterArbitrary(seenIn(records), focus), sorts: sortsArbitrary(focus), context: contextArbitrary }), {
        minLength: 1,
        maxLength: 4,
      })
      .map((queries) => ({ records, queries })),
  );
}
