/**
 * Deep pages in the default order come from position maps (a seek past an anchor and a short
 * skip). With anchors every 7 rows, small tables exercise them; every page must equal the plain
 * LIMIT/OFFSET page whatever was written in between — through this handle or a second one (a
 * second connection on SQLite, a second pool on PostgreSQL, as another server process would).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  compileFilter,
  deleteRecords,
  insertRecords,
  listRecords,
  moveRecord,
  openDatabase,
  tableScope,
  updateRecords,
  type Database,
  type StoredRecord,
} from '@multitable/storage';
import type { Predicate } from '@multitable/core';
import { describeEachDialect, type TestStore } from '../support/databases';
import { makeTable, testUser, type MadeTable } from './schema-factories';

const spacing = 7;
const plainSpacing = Number.MAX_SAFE_INTEGER;

type Write =
  | { kind: 'insert'; scores: number[] }
  | { kind: 'delete'; pick: number }
  | { kind: 'update'; pick: number; score: number }
  | { kind: 'move'; pick: number; target: number; before: boolean };

interface Read {
  /** Taken modulo the row count plus one, so reads reach the last page and past it. */
  offset: number;
  limit: number;
  filtered: boolean;
}

const score = fc.integer({ min: 0, max: 9 });
const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), scores: fc.array(score, { minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), score }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), target: fc.nat(), before: fc.boolean() }),
);
const read: fc.Arbitrary<Read> = fc.record({ offset: fc.nat(), limit: fc.integer({ min: 0, max: 9 }), filtered: fc.boolean() });
/** A write (by this handle or the other one) and then reads. */
const step = fc.record({ write, viaOther: fc.boolean(), reads: fc.array(read, { minLength: 1, maxLength: 3 }) });

describeEachDialect('records: deep pages from position maps', (_dialect, newStore) => {
  let store: TestStore;
  let database: Database;
  let other: Database;
  const sqlSeen: Array<{ sql: string; parameters: readonly unknown[] }> = [];

  beforeAll(async () => {
    store = newStore();
    database = await openDatabase({ ...store.config, onSql: (sql, parameters) => void sqlSeen.push({ sql, parameters }) });
    other = await openDatabase(store.config);
  });
  afterAll(async () => {
    await other?.close();
    await database?.close();
    await store?.cleanup();
  });

  const scoreAbove = (made: MadeTable, bound: number): Predicate => ({
    type: 'compare',
    target: { field: made.field('Score'), kind: 'number' },
    comparison: '>',
    value: bound,
  });

  async function pages(made: MadeTable, read: { offset: number; limit: number; filtered: boolean }): Promise<[StoredRecord[], StoredRecord[]]> {
    const where = read.filtered ? compileFilter(scoreAbove(made, 4), tableScope(database.dialect)) : undefined;
    const page = (anchorSpacing: number) =>
      listRecords(database.db, database.dialect, made.table, made.fields, { ...(where ? { where } : {}), offset: read.offset, limit: read.limit, anchorSpacing });
    return [await page(spacing), await page(plainSpacing)];
  }

  it('reads every page as plain LIMIT/OFFSET does, across inserts, deletes, updates and moves from either handle', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 25 }), async (steps) => {
        const made = await makeTable(database, { fields: [{ name: 'Score', type: 'number' }] });
        const scoreId = made.field('Score').id;
        const ids: string[] = [];
        const picked = (pick: number) => ids[pick % ids.length]!;
        const apply = async (writer: Database, change: Write) => {
          if (change.kind === 'insert') {
            const rows = change.scores.map((value) => ({ values: { [scoreId]: value } }));
            const inserted = await writer.transaction((trx) => insertRecords(trx, writer.dialect, made.table, made.fields, rows, testUser));
            ids.push(...inserted.map((record) => record.id));
          } else if (ids.length === 0) {
            return;
          } else if (change.kind === 'delete') {
            const id = picked(change.pick);
            await writer.transaction((trx) => deleteRecords(trx, writer.dialect, made.table, made.fields, [id]));
            ids.splice(ids.indexOf(id), 1);
          } else if (change.kind === 'update') {
            const values = { [scoreId]: change.score };
            await writer.transaction((trx) => updateRecords(trx, writer.dialect, made.table, made.fields, [{ id: picked(change.pick), values }], testUser));
          } else {
            const [id, target] = [picked(change.pick), picked(change.target)];
            if (id === target) return;
            await writer.transaction((trx) => moveRecord(trx, writer.dialect, made.table, id, change.before ? { before: target } : { after: target }));
          }
        };
        for (const current of steps) {
          await apply(current.viaOther ? other : database, current.write);
          for (const each of current.reads) {
            const [mapped, plain] = await pages(made, { ...each, offset: each.offset % (ids.length + 1) });
            expect(mapped).toEqual(plain);
          }
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('walks to an anchor once while nothing changes, and again after any write', async () => {
    const made = await makeTable(database, { fields: [{ name: 'Score', type: 'number' }] });
    const rows = Array.from({ length: 40 }, (_, i) => ({ values: { [made.field('Score').id]: i } }));
    await database.transaction((trx) => insertRecords(trx, database.dialect, made.table, made.fields, rows, testUser));
    // An anchor hop reads one row, `spacing - 1` rows on from the previous anchor.
    const hops = () => sqlSeen.filter(({ parameters }) => parameters.at(-2) === 1 && parameters.at(-1) === spacing - 1).length;
    const read = (offset: number) => listRecords(database.db, database.dialect, made.table, made.fields, { offset, limit: 3, anchorSpacing: spacing });

    const before = hops();
    const first = await read(30);
    expect(hops() - before).toBe(4);
    expect(await read(30)).toEqual(first);
    expect(await read(22)).toEqual(await listRecords(database.db, database.dialect, made.table, made.fields, { offset: 22, limit: 3 }));
    expect(hops() - before).toBe(4);

    // The record at offset 30 moved last: from there on, every position holds the next record.
    await other.transaction((trx) => moveRecord(trx, other.dialect, made.table, first[0]!.id, {}));
    const moved = await read(30);
    expect(hops() - before).toBe(8);
    expect(moved.map((record) => record.values[made.field('Score').id])).toEqual([31, 32, 33]);
  });

  it('reads a long skip past an anchor by ids first, as the plain page', async () => {
    const made = await makeTable(database, { fields: [{ name: 'Score', type: 'number' }] });
    const rows = Array.from({ length: 3400 }, (_, i) => ({ values: { [made.field('Score').id]: (i * 7919) % 10 } }));
    await database.transaction((trx) => insertRecords(trx, database.dialect, made.table, made.fields, rows, testUser));
    const where = compileFilter(scoreAbove(made, 2), tableScope(database.dialect));
    // 2,380 rows match; 2,300 = one anchor (1,200) and a skip of 1,100, past deferredReadOffset.
    const page = (anchorSpacing: number) => listRecords(database.db, database.dialect, made.table, made.fields, { where, offset: 2300, limit: 5, anchorSpacing });
    const plain = await page(plainSpacing);
    expect(plain).toHaveLength(5);
    expect(await page(1200)).toEqual(plain);
  });
});
