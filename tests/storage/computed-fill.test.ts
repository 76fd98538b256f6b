/**
 * The fill's fast write path against the plain ones, on SQLite and PostgreSQL: computed cells of
 * every storage kind (numbers, text, booleans, lists as JSON, error values, empty cells) written
 * by fillComputedPage — pages of a walk over the table, rows matched on their physical locator,
 * many-row UPDATEs in cached chunks — read back exactly as the same values inserted with the
 * records (error values: written into the error column), and as writeComputedCells (rows matched
 * on their id) writes them. The walk meets every
 * record once whatever the page size, and reports the records whose value changed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCellError, type ComputedRecord, type Field } from '@multitable/core';
import { fillComputedPage, getRecords, insertRecords, writeComputedCells, type Database, type WalkKey } from '@multitable/storage';
import { describeEachDialect } from '../support/databases';
import { makeTable, testUser, useDatabase } from './schema-factories';

const kinds = ['number', 'text', 'boolean', 'date', 'list<text>', 'list<number>', 'list<any>'] as const;
type Kind = (typeof kinds)[number];

// PostgreSQL refuses NUL in text and JSON; nothing else is off limits.
const text = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => !s.includes('\u0000'));
const number = fc.double({ noNaN: true, noDefaultInfinity: true });
const day = fc.integer({ min: 0, max: 20_000 }).map((offset) => new Date(Date.UTC(1990, 0, 1 + offset)).toISOString().slice(0, 10));
const valueOf: Readonly<Record<Kind, fc.Arbitrary<unknown>>> = {
  number,
  text,
  boolean: fc.boolean(),
  date: day,
  'list<text>': fc.array(text, { maxLength: 4 }),
  'list<number>': fc.array(number, { maxLength: 4 }),
  'list<any>': fc.array(fc.oneof(text, number, fc.boolean()), { maxLength: 4 }),
};
const errorValue = fc.record({ error: fc.constantFrom('#ERROR', '#DIV/0', '#LIMIT'), reason: text });
const cell = (kind: Kind) => fc.oneof({ weight: 6, arbitrary: valueOf[kind] }, { weight: 1, arbitrary: errorValue }, { weight: 1, arbitrary: fc.constant(null) });

const rowsArbitrary = fc.array(fc.record(Object.fromEntries(kinds.map((kind) => [kind, cell(kind)])) as Record<Kind, fc.Arbitrary<unknown>>), {
  minLength: 1,
  maxLength: 30,
});

const formulaFields = kinds.map((kind) => ({ name: kind, type: 'formula' as const, options: { formula: '', resultKind: kind } }));

async function freshTable(database: Database) {
  const made = await makeTable(database, { fields: formulaFields });
  return { table: made.table, fields: made.fields, byKind: (kind: Kind) => made.field(kind) };
}

describeEachDialect('filling computed cells page by page', (_dialect, newStore) => {
  const database = useDatabase(newStore);

  async function insertRows(fields: Field[], tableId: string, values: Array<Record<string, unknown>>) {
    const db = database();
    return db.transaction((trx) => insertRecords(trx, db.dialect, { id: tableId }, fields, values.map((v) => ({ values: v })), testUser, new Date()));
  }

  it('writes exactly what inserting the values and writing them by id store', async () => {
    await fc.assert(
      fc.asyncProperty(rowsArbitrary, fc.integer({ min: 1, max: 12 }), async (rows, pageSize) => {
        const db = database();
        const inserted = await freshTable(db);
        const filled = await freshTable(db);
        const byId = await freshTable(db);
        // The reference: values inserted with the records; error values (kept in the field's error
        // column, which inserts do not write) written afterwards.
        const valuesOf = (t: Awaited<ReturnType<typeof freshTable>>, row: Record<Kind, unknown>) =>
          Object.fromEntries(kinds.filter((kind) => !isCellError(row[kind])).map((kind) => [t.byKind(kind).id, row[kind]]));
        const expected = await insertRows(inserted.fields, inserted.table.id, rows.map((row) => valuesOf(inserted, row)));
        for (const kind of kinds) {
          const errors = expected.flatMap((record, index) => (isCellError(rows[index]![kind]) ? [{ id: record.id, value: rows[index]![kind] }] : []));
          await db.transaction((trx) => writeComputedCells(trx, db.dialect, inserted.byKind(kind), errors));
        }
        const blankFilled = await insertRows(filled.fields, filled.table.id, rows.map(() => ({})));
        const blankById = await insertRows(byId.fields, byId.table.id, rows.map(() => ({})));

        // Fill each field of `filled` page by page; the walk's order is not the insertion order.
        const indexOf = new Map(blankFilled.map((record, index) => [record.id, index]));
        for (const kind of kinds) {
          const target = filled.byKind(kind);
          const computed: string[] = [];
          const changed: string[] = [];
          let after: WalkKey | null = null;
          for (;;) {
            const page = await db.transaction((trx) =>
              fillComputedPage(trx, db.dialect, target, [], { after, limit: pageSize }, (record: ComputedRecord) => {
                computed.push(record.id);
                return rows[indexOf.get(record.id)!]![kind];
              }),
            );
            changed.push(...page.changed);
            after = page.last ?? after;
            if (page.count < pageSize) break;
          }
          expect([...computed].sort()).toEqual(blankFilled.map((record) => record.id).sort());
          const nonEmpty = blankFilled.filter((_, index) => rows[index]![kind] !== null).map((record) => record.id);
          expect([...changed].sort()).toEqual(nonEmpty.sort());
        }
        for (const kind of kinds) {
          const target = byId.byKind(kind);
          await db.transaction((trx) => writeComputedCells(trx, db.dialect, target, blankById.map((record, index) => ({ id: record.id, value: rows[index]![kind] }))));
        }

        const read = async (t: Awaited<ReturnType<typeof freshTable>>, ids: string[]) =>
          (await getRecords(db.db, db.dialect, { id: t.table.id }, t.fields, ids)).map((record) => kinds.map((kind) => record.values[t.byKind(kind).id]));
        const want = await read(inserted, expected.map((record) => record.id));
        expect(await read(filled, blankFilled.map((record) => record.id))).toEqual(want);
        expect(await read(byId, blankById.map((record) => record.id))).toEqual(want);
      }),
      { numRuns: 12 },
    );
  });

  describe('many rows', () => {
    it('writes a fill of more rows than one statement chunk takes, each once', async () => {
      const db = database();
      const t = await freshTable(db);
      const count = 1_300;
      const records = await insertRows(t.fields, t.table.id, Array.from({ length: count }, () => ({})));
      const target = t.byKind('number');
      const indexOf = new Map(records.map((record, index) => [record.id, index]));
      const calls = new Map<string, number>();
      const page = await db.transaction((trx) =>
        fillComputedPage(trx, db.dialect, target, [], { after: null, limit: count + 1 }, (record) => {
          calls.set(record.id, (calls.get(record.id) ?? 0) + 1);
          return indexOf.get(record.id)! / 4;
        }),
      );
      expect(page.count).toBe(count);
      expect(page.changed).toHaveLength(count);
      expect([...calls.values()].every((n) => n === 1)).toBe(true);
      const read = await getRecords(db.db, db.dialect, { id: t.table.id }, t.fields, records.map((record) => record.id));
      expect(read.map((record) => record.values[target.id])).toEqual(records.map((_, index) => index / 4));
    });
  });
});
