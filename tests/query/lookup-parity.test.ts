/**
 * Lookups read through their link (storage's through-link filters), on SQLite and PostgreSQL:
 * for random Targets (adversarial text in case variants, selects, days, lists, people, empty
 * cells) and Owners linking to none, one or several of them through either side of a junction,
 * random filter trees over the lookups (and a stored field) return exactly the ids — in order —
 * of core's evaluator over the lookup cells core's computer gives; both when compiled with the
 * fields the lookups reach (through the junction) and without (the lookup's JSON column). A
 * share of the conditions must actually have been compiled through the junction.
 *
 * Runs per dialect: LOOKUP_PARITY_RUNS, else 1,000 with CI=true, else 200.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  compareRecords,
  getFieldType,
  evaluatePredicate,
  normalizeFieldOptions,
  operators,
  queryProfileOf,
  resolveFilter,
  type Field,
  type FilterGroup,
  type OperatorKey,
  type Predicate,
  type QueryableRecord,
} from '@multitable/core';
import {
  compileFilter,
  compileOrderBy,
  createJunction,
  junctionOf,
  openDatabase,
  probeThroughLinks,
  sql,
  tableScope,
  type Database,
  type QueryScope,
} from '@multitable/storage';
import { describeEachDialect, type TestStore } from '../support/databases';
import { storableTexts } from './computed-arbitraries';
import { choiceNames } from './query-fixtures';
import { createQueryTable, replaceRows, tableName } from './query-table';
import {
  allFields,
  buildRecords,
  dayValues,
  linkFieldsOfOwners,
  linkMemberships,
  lookupFields,
  ownerFields,
  ownersTableId,
  targetFields,
  targetsTableId,
  userIds,
  type OwnerRow,
  type TargetRow,
} from './lookup-fixtures';

const runs = Number(process.env.LOOKUP_PARITY_RUNS ?? (process.env.CI === 'true' ? 1_000 : 200));

const caseVariants: Array<(text: string) => string> = [
  (t) => t,
  (t) => t.replace(/[a-z]+/g, (letters) => letters.toUpperCase()),
  (t) => t.toUpperCase(),
  (t) => t.toLowerCase(),
];
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { freq: 5, nil: null });
const nonEmptyList = (items: readonly string[]) => fc.shuffledSubarray([...items], { minLength: 1, maxLength: 3 });

/** A text single-line text stores as given (casing variants of the run's palette), or null. */
function storedText(raw: string): string | null {
  const result = getFieldType('singleLineText').cast(raw, normalizeFieldOptions('singleLineText', {}), {
    typecast: false,
    timeZone: 'UTC',
    now: new Date(0),
    users: { byId: () => undefined, byText: () => undefined },
    attachments: { byId: () => undefined },
  });
  return result.ok ? (result.value as string | null) : null;
}

const targetRow = (palette: readonly string[]): fc.Arbitrary<TargetRow> =>
  fc.record({
    Name: maybe(fc.tuple(fc.constantFrom(...palette), fc.constantFrom(...caseVariants)).map(([text, change]) => storedText(change(text)))),
    Kind: maybe(fc.constantFrom(...choiceNames.slice(0, 5))),
    Day: maybe(fc.constantFrom(...dayValues.slice(0, 4))),
    Tags: maybe(nonEmptyList(choiceNames.slice(0, 5))),
    Team: maybe(nonEmptyList(userIds)),
    Score: maybe(fc.integer({ min: 0, max: 10 })),
  });

const rowsArbitrary = fc.array(fc.constantFrom(...storableTexts), { minLength: 1, maxLength: 3 }).chain((palette) =>
  fc.array(targetRow(palette), { minLength: 1, maxLength: 6 }).chain((targets) => {
    const indexes = targets.map((_, index) => index);
    const owner: fc.Arbitrary<OwnerRow> = fc.record({
      rowOrder: fc.constantFrom('a0', 'a1', 'Zz'),
      Note: maybe(fc.constantFrom(...palette).map(storedText)),
      One: indexes.length === 0 ? fc.constant([]) : fc.shuffledSubarray(indexes, { maxLength: 1 }),
      Many: indexes.length === 0 ? fc.constant([]) : fc.shuffledSubarray(indexes, { maxLength: Math.min(4, indexes.length) }),
    });
    return fc.array(owner, { minLength: 2, maxLength: 10 }).map((owners) => ({ palette, targets, owners }));
  }),
);

/** Operand texts: what the targets hold (in case variants), pieces of it, the palette, 'me'. */
function operandTexts(palette: readonly string[], targets: readonly TargetRow[]): fc.Arbitrary<string> {
  const held = [...new Set(targets.flatMap((row) => [row.Name, row.Kind, row.Day, ...(row.Tags ?? []), ...(row.Team ?? [])]).filter((v): v is string => typeof v === 'string'))];
  const base = [...held, ...palette, 'me', choiceNames[0]!].filter((text) => text.length < 200);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...base) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...base), fc.constantFrom(...caseVariants)).map(([text, change]) => change(text)) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...base), fc.nat(3)).map(([text, cut]) => Array.from(text).slice(cut).join('') || text) },
  );
}

function operatorsOf(field: Field): OperatorKey[] {
  const kind = queryProfileOf(field, 'filter').values;
  return getFieldType(field.type).operators.filter((operator) => operators[operator].lower[kind] !== undefined);
}

const focus = [...lookupFields, ownerFields[0]!];

/** Part of a lookup cell some owner holds (what `isExactly` and `hasAllOf` need to match), or random texts. */
function listOperand(field: Field, owners: readonly QueryableRecord[], texts: fc.Arbitrary<string>): fc.Arbitrary<string[]> {
  const cells = owners
    .map((record) => record.values[field.id])
    .filter((cell): cell is string[] => Array.isArray(cell) && cell.every((item) => typeof item === 'string' && item.length < 200));
  const random = fc.array(texts, { minLength: 1, maxLength: 3 });
  if (cells.length === 0) return random;
  const held: fc.Arbitrary<string[]> = fc
    .constantFrom(...cells)
    .chain((cell) => fc.oneof(fc.constant([...new Set(cell)]), fc.shuffledSubarray([...new Set(cell)], { minLength: 1 })))
    .map((values) => [...values]);
  return fc.oneof(random, held, fc.tuple(held, texts).map(([values, extra]) => [...values, extra]));
}

function filterArbitrary(palette: readonly string[], targets: readonly TargetRow[], owners: readonly QueryableRecord[]): fc.Arbitrary<FilterGroup> {
  const texts = operandTexts(palette, targets);
  const condition = fc.constantFrom(...focus).chain((field) =>
    fc.constantFrom(...operatorsOf(field)).chain((operator) => {
      const takes = operators[operator].takesOperand;
      const list = field.type === 'lookup';
      const value = !takes ? fc.constant(undefined) : list ? listOperand(field, owners, texts) : texts;
      return value.map((operand) => ({ field: field.id, operator, ...(operand === undefined ? {} : { value: operand }) }));
    }),
  );
  return fc.letrec<{ group: FilterGroup; node: unknown }>((tie) => ({
    node: fc.oneof({ maxDepth: 2, depthIdentifier: 'lookup-filter' }, { weight: 4, arbitrary: condition }, { weight: 1, arbitrary: tie('group') }),
    group: fc.record({
      conjunction: fc.constantFrom('and' as const, 'or' as const),
      conditions: fc.array(tie('node'), { minLength: 1, maxLength: 3, depthIdentifier: 'lookup-filter' }) as fc.Arbitrary<FilterGroup['conditions']>,
    }),
  })).group;
}

const scenario = rowsArbitrary.chain((rows) =>
  fc.record({
    rows: fc.constant(rows),
    filters: fc.array(filterArbitrary(rows.palette, rows.targets, buildRecords(rows.targets, rows.owners).owners), { minLength: 1, maxLength: 4 }),
    me: fc.option(fc.constantFrom(...userIds), { nil: undefined }),
    limit: fc.nat(6),
  }),
);

describeEachDialect('lookups filtered through their link equal the in-memory evaluation', (dialect, newStore) => {
  let store: TestStore;
  let database: Database;

  beforeAll(async () => {
    store = newStore();
    database = await openDatabase(store.config);
    await createQueryTable(database, targetsTableId, targetFields);
    await createQueryTable(database, ownersTableId, ownerFields);
    for (const link of linkFieldsOfOwners) await createJunction(database.db, database.dialect, link);
  });

  afterAll(async () => {
    await database?.close();
    await store?.cleanup();
  });

  async function writeLinks(owners: readonly OwnerRow[]): Promise<void> {
    for (const link of linkFieldsOfOwners) {
      const junction = junctionOf(link);
      const otherOrder = junction.orderColumn === 'owner_order' ? 'linked_order' : 'owner_order';
      await sql`DELETE FROM ${sql.table(junction.table)}`.execute(database.db);
      const rows = linkMemberships(owners, link).map(
        ({ owner, target, position }) => sql`(${sql.join([owner, target, position, 0])})`,
      );
      if (rows.length === 0) continue;
      const columns = [junction.selfColumn, junction.otherColumn, junction.orderColumn, otherOrder].map((column) => sql.ref(column));
      await sql`INSERT INTO ${sql.table(junction.table)} (${sql.join(columns)}) VALUES ${sql.join(rows)}`.execute(database.db);
    }
  }

  async function selectIds(predicate: Predicate, scope: QueryScope): Promise<{ ids: string[]; throughLink: boolean }> {
    const query = database.db
      .withTables<Record<string, { id: string }>>()
      .selectFrom(tableName(ownersTableId))
      .select('id')
      .where(compileFilter(predicate, scope))
      .orderBy(compileOrderBy([], scope));
    const throughLink = query.compile().sql.includes(' AS lj ');
    return { ids: (await query.execute()).map((row) => String(row.id)), throughLink };
  }

  it(`returns the evaluator's ids through the junction and through the JSON column alike (${runs} runs)`, async () => {
    let queries = 0;
    let throughLink = 0;
    let properSubsets = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ rows, filters, me, limit }) => {
        const { targets, owners } = buildRecords(rows.targets, rows.owners);
        await replaceRows(database, targetsTableId, targetFields, targets);
        await replaceRows(database, ownersTableId, ownerFields, owners);
        await writeLinks(rows.owners);
        for (const filter of filters) {
          const predicate = resolveFilter(filter, ownerFields, { me, now: new Date('2024-05-01T00:00:00Z'), timeZone: 'UTC' });
          const expected = owners
            .filter((record: QueryableRecord) => evaluatePredicate(predicate, record))
            .sort(compareRecords([]))
            .map((record) => record.id);
          const linkedScope = tableScope(database.dialect, undefined, allFields);
          const linked = await selectIds(predicate, linkedScope);
          const own = await selectIds(predicate, tableScope(database.dialect));
          const probed = await selectIds(predicate, await probeThroughLinks(database.db, linkedScope, predicate, { limit }));
          expect(linked.ids, `through the junction: ${JSON.stringify(filter)}`).toEqual(expected);
          expect(own.ids, `through the JSON column: ${JSON.stringify(filter)}`).toEqual(expected);
          expect(probed.ids, `through the junction up to ${limit} links: ${JSON.stringify(filter)}`).toEqual(expected);
          expect(own.throughLink).toBe(false);
          queries += 1;
          if (linked.throughLink) throughLink += 1;
          if (expected.length > 0 && expected.length < owners.length) properSubsets += 1;
        }
      }),
      { numRuns: runs },
    );
    console.info(`[lookup-parity ${dialect}] ${runs} runs, ${queries} queries, ${throughLink} through a junction, ${properSubsets} matched a proper subset`);
    expect(throughLink).toBeGreaterThan(queries / 3);
    expect(properSubsets).toBeGreaterThan(queries / 10);
  }, 600_000);

  it('reads a condition through the link only while it matches at most the limit of links', async () => {
    const names = ['Ann', 'Ann', 'Bob'];
    const targets: TargetRow[] = names.map((Name) => ({ Name, Kind: null, Day: null, Tags: null, Team: null, Score: null }));
    const owners: OwnerRow[] = [
      { rowOrder: 'a0', Note: null, One: [0], Many: [0, 1] },
      { rowOrder: 'a1', Note: null, One: [2], Many: [2] },
      { rowOrder: 'a2', Note: null, One: [], Many: [1, 2] },
    ];
    const built = buildRecords(targets, owners);
    await replaceRows(database, targetsTableId, targetFields, built.targets);
    await replaceRows(database, ownersTableId, ownerFields, built.owners);
    await writeLinks(owners);
    const manyNames = lookupFields.find((field) => field.name === 'Many names')!;
    const predicate = resolveFilter({ conjunction: 'and', conditions: [{ field: manyNames.id, operator: 'hasAnyOf', value: ['Ann'] }] }, ownerFields, {
      now: new Date(0),
      timeZone: 'UTC',
    });
    const scope = tableScope(database.dialect, undefined, allFields);
    // 'Ann' is reached by three links: Many of owner 0 twice, of owner 2 once.
    const atThree = await selectIds(predicate, await probeThroughLinks(database.db, scope, predicate, { limit: 3, count: true }));
    const atTwo = await selectIds(predicate, await probeThroughLinks(database.db, scope, predicate, { limit: 2, count: true }));
    expect(atThree).toEqual({ ids: [built.owners[0]!.id, built.owners[2]!.id], throughLink: true });
    expect(atTwo).toEqual({ ids: [built.owners[0]!.id, built.owners[2]!.id], throughLink: false });
  });
});
