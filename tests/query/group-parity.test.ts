/**
 * Group-by counts, SQL against the reference: for random records (every groupable field type of
 * the query fixtures, adversarial text and link titles, rows repeated so that equal values meet), random one-to-three-level group-bys
 * and random filters, storage's `groupRecordCounts` (SQL GROUP BY) returns exactly the groups,
 * keys, counts and order of core's in-memory `groupRecords` over the records the evaluator
 * keeps, on SQLite and PostgreSQL.
 *
 * Runs per dialect: GROUP_PARITY_RUNS, else 300.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { evaluatePredicate, groupRecords, resolveFilter, resolveGroupBy, type Field, type GroupBySpec } from '@multitable/core';
import { compileFilter, groupRecordCounts, openDatabase, tableScope, type Database } from '@multitable/storage';
import { describeEachDialect, type TestStore } from '../support/databases';
import { contextArbitrary, filterArbitrary, repeatedRecordsArbitrary, seenIn } from './query-arbitraries';
import { fields, tableId } from './query-fixtures';
import { createQueryTable, replaceRows } from './query-table';

const runs = Number(process.env.GROUP_PARITY_RUNS ?? 300);
const groupable = fields.filter((field) => field.type !== 'attachment');

const groupByArbitrary = (focus: readonly Field[]): fc.Arbitrary<GroupBySpec[]> =>
  fc
    .shuffledSubarray([...focus], { minLength: 1, maxLength: 3 })
    .chain((chosen) => fc.tuple(...chosen.map((field) => fc.constantFrom('asc' as const, 'desc' as const).map((direction) => ({ field: field.id, direction })))));

const scenario = repeatedRecordsArbitrary.chain((records) =>
  fc.record({
    records: fc.constant(records),
    groupBy: groupByArbitrary(groupable),
    filter: fc.option(filterArbitrary(seenIn(records), fields), { nil: undefined }),
    context: contextArbitrary,
  }),
);

describeEachDialect('group-by counts: SQL equals the in-memory grouper', (dialect, newStore) => {
  let store: TestStore;
  let database: Database;

  beforeAll(async () => {
    store = newStore();
    database = await openDatabase(store.config);
    await createQueryTable(database, tableId, fields);
  });

  afterAll(async () => {
    await database?.close();
    await store?.cleanup();
  });

  it(`returns the reference's groups, keys, counts and order (${runs} runs)`, async () => {
    let multiRecordGroups = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ records, groupBy, filter, context }) => {
        await replaceRows(database, tableId, fields, records);
        const levels = resolveGroupBy(groupBy, fields);
        const predicate = filter ? resolveFilter(filter, fields, context) : undefined;
        const kept = predicate ? records.filter((record) => evaluatePredicate(predicate, record)) : records;
        const expected = groupRecords(kept, levels);
        const actual = await groupRecordCounts(database.db, database.dialect, { id: tableId }, fields, {
          ...(predicate ? { where: compileFilter(predicate, tableScope(database.dialect)) } : {}),
          levels,
          limit: 1000,
        });
        expect(actual, JSON.stringify({ groupBy, filter })).toEqual(expected);
        expect(actual.reduce((sum, group) => sum + group.count, 0)).toBe(kept.length);
        multiRecordGroups += expected.filter((group) => group.count > 1).length;
      }),
      { numRuns: runs },
    );
    // Groups of one record each would not test that equal values meet.
    expect(multiRecordGroups).toBeGreaterThan(runs / 4);
  }, 120_000);
});
