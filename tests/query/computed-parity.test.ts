/**
 * Computed fields (formula, lookup, rollup, count) and the query model, on SQLite and PostgreSQL:
 * for random records of two linked tables (Parents ← Children), written through the API so the
 * real executor materializes every computed cell,
 *   1. each materialized cell equals what core's computer gives for that record in memory, and
 *   2. random filters and sorts over the computed fields return, through SQL, exactly the ids —
 *      in the same order — that core's evaluator (`evaluatePredicate` + `compareRecords`) gives
 *      over the same cells, error values included (they read as empty on both sides).
 *
 * Runs per dialect: COMPUTED_PARITY_RUNS, else 60 with CI=true, else 25 (each run writes both
 * tables and checks three queries per table through the API).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  compareRecords,
  evaluatePredicate,
  getFieldType,
  resolveFilter,
  resolveSorts,
  type ComputeContext,
  type ComputedRecord,
  type Field,
  type FieldTypeKey,
  type QueryableRecord,
} from '@multitable/core';
import { describeEachDialect } from '../support/databases';
import { startTestApp, type TestApp } from '../support/app';
import { ComputedBase } from '../computed/computed-helpers';
import type { ApiField, ApiRecord, ApiTable } from '../api/data-helpers';
import { filterArbitrary, rowsArbitrary, sortsArbitrary, type Rows } from './computed-arbitraries';

const runs = Number(process.env.COMPUTED_PARITY_RUNS ?? (process.env.CI === 'true' ? 60 : 25));
const computedTypes = new Set(['formula', 'lookup', 'rollup', 'count']);
const timeZone = 'Asia/Shanghai';

describeEachDialect('computed fields: SQL equals the in-memory evaluation', (dialect) => {
  let t: TestApp;
  let b: ComputedBase;
  let parents: ApiTable;
  let children: ApiTable;
  let fields: Field[] = [];

  beforeAll(async () => {
    t = await startTestApp(dialect);
    b = await ComputedBase.open(t, 'Parity', timeZone);
    parents = await b.table('Parents', [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Score', type: 'number' },
      { name: 'Flag', type: 'checkbox' },
      { name: 'Tags', type: 'multipleSelect', options: { choices: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] } },
      { name: 'When', type: 'date' },
    ]);
    children = await b.table('Children', [
      { name: 'Label', type: 'singleLineText' },
      { name: 'Amount', type: 'number' },
      { name: 'Kind', type: 'singleSelect', options: { choices: [{ name: 'A' }, { name: 'B' }] } },
      { name: 'Done', type: 'checkbox' },
    ]);
    await b.field(children.id, { name: 'Parent', type: 'link', options: { linkedTableId: parents.id, inverseName: 'Kids' } });
    const kindA = { conjunction: 'and', conditions: [{ field: 'Kind', operator: 'is', value: 'A' }] };
    const done = { conjunction: 'and', conditions: [{ field: 'Done', operator: 'is', value: true }] };
    const onParents: Array<[string, string, Record<string, unknown>]> = [
      ['F num', 'formula', { formula: '{Score} * 2 + 1' }],
      ['F text', 'formula', { formula: 'UPPER({Name}) & "|" & {Score}' }],
      ['F bool', 'formula', { formula: 'AND({Flag}, {Score} > 0)' }],
      ['F date', 'formula', { formula: 'DATEADD({When}, {Score}, "days")' }],
      ['F div', 'formula', { formula: '10 / {Score}' }],
      ['F list', 'formula', { formula: 'ARRAYUNIQUE({Tags})' }],
      ['L labels', 'lookup', { linkFieldId: 'Kids', targetFieldId: 'Label' }],
      ['L amounts', 'lookup', { linkFieldId: 'Kids', targetFieldId: 'Amount' }],
      ['L done kinds', 'lookup', { linkFieldId: 'Kids', targetFieldId: 'Kind', filter: done }],
      ['R sum', 'rollup', { linkFieldId: 'Kids', targetFieldId: 'Amount', aggregation: 'sum' }],
      ['R max A', 'rollup', { linkFieldId: 'Kids', targetFieldId: 'Amount', aggregation: 'max', filter: kindA }],
      ['R join', 'rollup', { linkFieldId: 'Kids', targetFieldId: 'Label', aggregation: 'arrayjoin' }],
      ['R and', 'rollup', { linkFieldId: 'Kids', targetFieldId: 'Done', aggregation: 'and' }],
      ['C all', 'count', {}],
      ['C done', 'count', { filter: done }],
      ['F per kid', 'formula', { formula: 'IF({C all} > 0, {R sum} / {C all})' }],
    ];
    for (const [name, type, options] of onParents) {
      await b.field(parents.id, { name, type, options: type === 'count' ? { linkFieldId: 'Kids', ...options } : options });
    }
    await b.field(children.id, { name: 'L parent name', type: 'lookup', options: { linkFieldId: 'Parent', targetFieldId: 'Name' } });
    await b.field(children.id, { name: 'L parent score', type: 'lookup', options: { linkFieldId: 'Parent', targetFieldId: 'Score' } });
    await b.field(children.id, { name: 'F chain', type: 'formula', options: { formula: 'SUM({L parent score}) + {Amount}' } });
    await b.field(children.id, { name: 'R parent sum', type: 'rollup', options: { linkFieldId: 'Parent', targetFieldId: 'R sum', aggregation: 'max' } });
    const asField = (tableId: string) => (field: ApiField): Field => ({
      id: field.id,
      tableId,
      name: field.name,
      type: field.type as FieldTypeKey,
      options: withoutDisplayText(field.options),
      description: field.description,
      isPrimary: field.isPrimary,
    });
    fields = [...(await b.fields(parents.id)).map(asField(parents.id)), ...(await b.fields(children.id)).map(asField(children.id))];
  }, 120_000);
  afterAll(async () => t.cleanup());

  /** Options as stored: the API adds `formulaText` to formulas. */
  function withoutDisplayText(options: Record<string, unknown>): Record<string, unknown> {
    const { formulaText: _shown, ...stored } = options;
    return stored;
  }

  async function replaceRows(rows: Rows): Promise<void> {
    for (const table of [children, parents]) {
      const ids = (await b.query(table.id)).map((record) => record.id);
      if (ids.length > 0) await b.remove(table.id, ids);
    }
    const parentIds = rows.parents.length > 0 ? (await b.create(parents.id, rows.parents.map((row) => ({ ...row })))).map((record) => record.id) : [];
    if (rows.children.length > 0) {
      await b.create(
        children.id,
        rows.children.map(({ parent, ...row }) => ({ ...row, ...(parent === null ? {} : { Parent: [parentIds[parent]!] }) })),
      );
    }
  }

  /** The table's records with cells by field id, in row order (`rowOrder` records that order). */
  async function recordsOf(tableId: string): Promise<QueryableRecord[]> {
    const listed: ApiRecord[] = await b.query(tableId, { returnFieldsByFieldId: true });
    const own = fields.filter((field) => field.tableId === tableId);
    return listed.map((record, index) => ({
      id: record.id,
      rowOrder: String(index).padStart(4, '0'),
      createdTime: record.createdTime,
      values: Object.fromEntries(own.map((field) => [field.id, record.fields[field.id] ?? null])),
    }));
  }

  function computeContext(): ComputeContext {
    const primaries = new Map(fields.filter((field) => field.isPrimary).map((field) => [field.tableId, field.id]));
    return {
      fields: new Map(fields.map((field) => [field.id, field])),
      primaryFieldIdOf: (tableId) => primaries.get(tableId),
      now: new Date(t.app.platform.clock()),
      timeZone,
      format: { timeZone, locale: 'en', users: { byId: () => undefined, byText: () => undefined } },
    };
  }

  /** Each computed cell equals core's computer over the record's (materialized) inputs. */
  function checkMaterialized(byTable: Map<string, QueryableRecord[]>): void {
    const ctx = computeContext();
    const byId = new Map([...byTable.values()].flat().map((record) => [record.id, record]));
    const asComputed = (record: QueryableRecord): ComputedRecord => ({
      id: record.id,
      values: record.values,
      createdTime: String(record.createdTime),
      modifiedTime: String(record.createdTime),
    });
    for (const field of fields.filter((candidate) => computedTypes.has(candidate.type))) {
      const computer = getFieldType(field.type).computer!(field, ctx);
      for (const record of byTable.get(field.tableId) ?? []) {
        const expected = computer.compute({
          record: asComputed(record),
          linked: (linkFieldId) =>
            ((record.values[linkFieldId] as Array<{ id: string }> | null) ?? []).flatMap((linked) => {
              const found = byId.get(linked.id);
              return found ? [asComputed(found)] : [];
            }),
        });
        expect(record.values[field.id], `${field.name} of ${record.id}`).toEqual(expected ?? null);
      }
    }
  }

  it(`materializes what core computes, and filters and sorts computed fields as core's evaluator does (${runs} runs)`, async () => {
    let queries = 0;
    let properSubsets = 0;
    const ctx = { me: b.owner.user.id, now: new Date(t.app.platform.clock()), timeZone };
    await fc.assert(
      fc.asyncProperty(rowsArbitrary, fc.integer(), async (rows, seed) => {
        await replaceRows(rows);
        const byTable = new Map([
          [parents.id, await recordsOf(parents.id)],
          [children.id, await recordsOf(children.id)],
        ]);
        checkMaterialized(byTable);
        for (const [tableId, records] of byTable) {
          const tableFields = fields.filter((field) => field.tableId === tableId);
          const computed = tableFields.filter((field) => computedTypes.has(field.type));
          const position = new Map(records.map((record, index) => [record.id, index]));
          const filters = fc.sample(filterArbitrary(computed, records), { numRuns: 3, seed });
          const sorts = fc.sample(sortsArbitrary(computed), { numRuns: 3, seed: seed + 1 });
          for (const [index, filter] of filters.entries()) {
            const predicate = resolveFilter(filter, tableFields, ctx);
            const resolved = resolveSorts(sorts[index], tableFields);
            const expected = records
              .filter((record) => evaluatePredicate(predicate, record))
              .sort(compareRecords(resolved, (a, b) => position.get(a.id)! - position.get(b.id)!))
              .map((record) => record.id);
            const actual = (await b.query(tableId, { filter, sort: sorts[index] })).map((record) => record.id);
            expect(actual, JSON.stringify({ filter, sorts: sorts[index] })).toEqual(expected);
            queries += 1;
            if (expected.length > 0 && expected.length < records.length) properSubsets += 1;
          }
        }
      }),
      { numRuns: runs },
    );
    console.info(`[computed-parity ${dialect}] ${runs} runs, ${queries} queries, ${properSubsets} matched a proper subset`);
    expect(properSubsets).toBeGreaterThan(queries / 10);
  }, 900_000);
});
