/**
 * fast-check arbitraries for the query parity test: the table's fields, canonical cells built
 * through each type's own `cast`, operands per field and operator, filter trees and sorts.
 * Strings are adversarial (quotes, backslashes, `--`, `/*`, LIKE wildcards, RTL marks, emoji,
 * SQL keywords, a 10 KB string, a canary). NUL is left out: PostgreSQL text cannot hold it, so
 * casts and the filter resolver refuse it before SQL (core tests check that refusal).
 */
import fc from 'fast-check';
import {
  getFieldType,
  normalizeFieldOptions,
  type CastContext,
  type Field,
  type FilterGroup,
  type OperatorKey,
  type QueryableRecord,
  type SortSpec,
} from '@multitable/core';
import { fieldsOfRegisteredTypes } from './query-table';

export const canary = 'CANARY-NID-7731';
export const tableId = 'tbl_queryparity00001';

export const users = ['usr_alice00000000000', 'usr_bob0000000000000', 'usr_carol00000000000'];
const attachments = ['att_report0000000000', 'att_photo00000000000', 'att_scan000000000000'].map((id, i) => ({
  id,
  name: ['report.pdf', "o'neil \"scan\".png", 'x%_\\.txt'][i]!,
  size: [1024, 10, 2048][i]!,
  mimeType: 'application/octet-stream',
}));

export const adversarialStrings = [
  "'; DROP TABLE patients; --",
  "'",
  "''",
  '"',
  '\\',
  '\\\\',
  '--',
  '/*',
  '*/',
  '%',
  '_',
  'a%b',
  'a_b',
  'x\ny',
  '\r\n',
  '\t',
  '\u0001',
  '\u202Eevil',
  '\u200F',
  'مرحبا',
  '😀',
  '👍🏽',
  '中文',
  '\u3000',
  '\uFEFF',
  'é',
  'É',
  'e\u0301',
  'ß',
  'SS',
  'İ',
  'ı',
  'K',
  '\u212A',
  'SELECT',
  'select * from t',
  'NULL',
  'null',
  '[]',
  '["a"]',
  '?',
  '?|',
  '$1',
  ' a',
  'a ',
  'A',
  'a',
  'ab',
  'AbC',
  'abc',
  'ABC',
  `${'x'.repeat(10_000)}Needle`,
  canary,
];

export const choiceNames = ['open', 'Open', "'; DROP TABLE patients; --", 'a%b', 'Ä', 'ä', '😀', 'x"y', 'a,b', canary];

const wanted = [
  { type: 'singleLineText', name: 'Name' },
  { type: 'longText', name: 'Notes' },
  { type: 'number', name: 'Score' },
  { type: 'rating', name: 'Stars' },
  { type: 'checkbox', name: 'Done' },
  { type: 'singleSelect', name: 'Status', options: { choices: choiceNames.map((name) => ({ name })) } },
  { type: 'multipleSelect', name: 'Tags', options: { choices: choiceNames.map((name) => ({ name })) } },
  { type: 'person', name: 'Owners' },
  { type: 'date', name: 'Due' },
  { type: 'date', name: 'Due at', options: { includeTime: true } },
  { type: 'date', name: 'Due at NY', options: { includeTime: true, timeZone: 'America/New_York' } },
  { type: 'attachment', name: 'Files' },
  { type: 'autoNumber', name: 'No.' },
  { type: 'createdTime', name: 'Created' },
  { type: 'createdBy', name: 'Creator' },
];

const registered = fieldsOfRegisteredTypes(tableId, wanted);
export const missingTypes = registered.missing;
export const fields: Field[] = registered.fields.map((field) => ({ ...field, options: normalizeFieldOptions(field.type, field.options) }));

const castContext: CastContext = {
  typecast: false,
  timeZone: 'UTC',
  now: new Date('2024-05-01T00:00:00Z'),
  users: { byId: (id) => (users.includes(id) ? { id, name: id, email: `${id}@example.com` } : undefined), byText: () => undefined },
  attachments: { byId: (id) => attachments.find((file) => file.id === id) },
};

/** The canonical value a raw cell becomes through the field type's strict cast (null when refused). */
function canonical(field: Field, raw: unknown): unknown {
  const result = getFieldType(field.type).cast(raw, field.options, castContext);
  return result.ok ? result.value : null;
}

const days = ['2024-03-09', '2024-03-10', '2024-03-11', '2024-04-30', '2024-05-01', '2024-05-02', '2023-12-31', '2024-02-29', '0001-01-01', '9999-12-31'];
const instants = [
  '2024-03-10T04:59:59.999Z',
  '2024-03-10T05:00:00.000Z',
  '2024-03-11T03:59:59.999Z',
  '2024-03-11T04:00:00.000Z',
  '2024-04-30T15:59:59.999Z',
  '2024-04-30T16:00:00.000Z',
  '2024-05-01T15:59:59.999Z',
  '2024-11-03T04:00:00.000Z',
  '2024-11-04T04:59:59.999Z',
  '2024-11-04T05:00:00.000Z',
  '0001-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
];
export const nows = ['2024-03-10T12:00:00Z', '2024-03-11T03:30:00Z', '2024-11-03T12:00:00Z', '2024-05-01T03:00:00Z', '2024-04-30T17:00:00Z'];
export const zones = ['Asia/Shanghai', 'America/New_York', 'UTC'];

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

interface FieldSpec {
  /** A raw cell, cast by the type before use. */
  cell: fc.Arbitrary<unknown>;
  /** An operand for `operator`. */
  operand(operator: OperatorKey): fc.Arbitrary<unknown>;
}

const dateSpec = (cell: fc.Arbitrary<unknown>): FieldSpec => ({
  cell,
  operand: (operator) => (operator === 'isWithin' ? spanOperand : dayOperand),
});
const listOperand = (items: readonly string[]) => list(items);

/** Keyed by field name (the wanted list above). */
const specs: Record<string, FieldSpec> = {
  Name: { cell: maybe(text), operand: () => textOperand },
  Notes: { cell: maybe(text), operand: () => textOperand },
  Score: { cell: maybe(number), operand: () => number },
  Stars: { cell: maybe(fc.integer({ min: 0, max: 6 })), operand: () => fc.oneof(fc.integer({ min: -1, max: 6 }), fc.constantFrom(2.5)) },
  Done: { cell: maybe(fc.boolean()), operand: () => fc.boolean() },
  Status: {
    cell: maybe(fc.constantFrom(...choiceNames)),
    operand: (operator) => (operator === 'is' || operator === 'isNot' ? fc.constantFrom(...choiceNames, 'unknown') : listOperand([...choiceNames, 'unknown'])),
  },
  Tags: { cell: maybe(list(choiceNames)), operand: () => listOperand([...choiceNames, 'unknown']) },
  Owners: { cell: maybe(list(users)), operand: () => listOperand([...users, 'me']) },
  Due: dateSpec(maybe(fc.constantFrom(...days))),
  'Due at': dateSpec(maybe(instant)),
  'Due at NY': dateSpec(maybe(instant)),
  Files: { cell: maybe(list(attachments.map((file) => file.id)).map((ids) => ids.map((id) => ({ id })))), operand: () => fc.constant(undefined) },
  'No.': { cell: fc.integer({ min: 1, max: 4 }), operand: () => fc.integer({ min: 0, max: 5 }) },
  Created: dateSpec(instant),
  Creator: {
    cell: fc.constantFrom(...users),
    operand: (operator) => (operator === 'is' || operator === 'isNot' ? fc.constantFrom(...users, 'me') : listOperand([...users, 'me'])),
  },
};

function specOf(field: Field): FieldSpec {
  const spec = specs[field.name];
  if (!spec) throw new Error(`no arbitrary for field ${field.name}`);
  return spec;
}

/** Records with canonical cells; ids follow the list, row orders collide on purpose. */
export const recordsArbitrary: fc.Arbitrary<QueryableRecord[]> = fc
  .array(
    fc.tuple(
      fc.constantFrom('a0', 'a1', 'a2', 'Zz', 'a0V'),
      fc.tuple(...fields.map((field) => specOf(field).cell)),
    ),
    { maxLength: 12 },
  )
  .map((rows) =>
    rows.map(([rowOrder, cells], index) => {
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
    }),
  );

const conditionArbitrary = fc.constantFrom(...fields).chain((field) =>
  fc.constantFrom(...getFieldType(field.type).operators).chain((operator) =>
    fc.tuple(specOf(field).operand(operator), fc.boolean()).map(([value, byName]) => ({
      field: byName ? field.name : field.id,
      operator,
      ...(value === undefined ? {} : { value }),
    })),
  ),
);

export const filterArbitrary: fc.Arbitrary<FilterGroup> = fc.letrec<{ group: FilterGroup; node: unknown }>((tie) => ({
  node: fc.oneof({ maxDepth: 3, depthIdentifier: 'filter' }, conditionArbitrary, tie('group')),
  group: fc.record({
    conjunction: fc.constantFrom('and' as const, 'or' as const),
    conditions: fc.array(tie('node'), { maxLength: 4, depthIdentifier: 'filter' }) as fc.Arbitrary<FilterGroup['conditions']>,
  }),
})).group;

export const sortsArbitrary: fc.Arbitrary<SortSpec[]> = fc
  .shuffledSubarray(fields, { maxLength: 3 })
  .chain((chosen) => fc.tuple(...chosen.map((field) => fc.constantFrom('asc' as const, 'desc' as const).map((direction) => ({ field: field.id, direction })))));

export const contextArbitrary = fc.record({
  me: fc.option(fc.constantFrom(...users), { nil: undefined }),
  now: fc.constantFrom(...nows).map((now) => new Date(now)),
  timeZone: fc.constantFrom(...zones),
});
