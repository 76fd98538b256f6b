/**
 * RELIABILITY A3.2 (a filter value is a literal, never SQL) and A3.5 (every text-carrying
 * operator sends its operand as a parameter; no SQL string contains a seeded canary).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getFieldType, queryProfileOf, resolveFilter, resolveSorts, type Field, type QueryableRecord } from '@multitable/core';
import { openDatabase, sql, type Database } from '@multitable/storage';
import { describeEachDialect, type TestStore } from '../support/databases';
import { canary, fields, tableId, users } from './query-fixtures';
import { createQueryTable, replaceRows, selectIds, tableName } from './query-table';

const attack = "'; DROP TABLE patients; --";
const byName = (name: string): Field => {
  const field = fields.find((candidate) => candidate.name === name);
  if (!field) throw new Error(`test field ${name} missing`);
  return field;
};

function record(index: number, values: Record<string, unknown>): QueryableRecord {
  return {
    id: `rec_${String(index).padStart(16, '0')}`,
    rowOrder: 'a0',
    values: Object.fromEntries(Object.entries(values).map(([name, value]) => [byName(name).id, value])),
    createdBy: users[0],
  };
}

const where = (field: string, operator: string, value: unknown) => ({ conjunction: 'and', conditions: [{ field, operator, value }] });
const ctx = { now: new Date('2024-05-01T00:00:00Z'), timeZone: 'UTC', me: users[0] };

describeEachDialect('filter values are literals', (_dialect, newStore) => {
  let store: TestStore;
  let database: Database;
  const logged: Array<{ text: string; parameters: readonly unknown[] }> = [];

  beforeAll(async () => {
    store = newStore();
    database = await openDatabase({ ...store.config, onSql: (text, parameters) => logged.push({ text, parameters }) });
    await sql`CREATE TABLE patients (id TEXT PRIMARY KEY, name TEXT)`.execute(database.db);
    await sql`INSERT INTO patients (id, name) VALUES (${'p1'}, ${'Ada'}), (${'p2'}, ${canary})`.execute(database.db);
    await createQueryTable(database, tableId, fields);
    await replaceRows(database, tableId, fields, [
      record(1, { Name: attack, Notes: `${attack}\n${canary}`, Status: attack, Tags: [attack, canary] }),
      record(2, { Name: `${attack} `, Notes: 'DROP TABLE patients', Status: canary, Tags: [canary] }),
      record(3, { Name: 'drop table patients', Notes: null, Status: 'open', Tags: ['open'] }),
      record(4, { Name: canary, Notes: 'Alice', Status: null, Tags: null }),
    ]);
  });

  afterAll(async () => {
    await database?.close();
    await store?.cleanup();
  });

  const ids = async (filter: unknown, fieldsSeen: readonly Field[] = fields) =>
    selectIds(database, tableId, resolveFilter(filter, fieldsSeen, ctx), resolveSorts([], fieldsSeen));

  it(`matches exactly the one row holding ${JSON.stringify(attack)} and leaves every table intact (A3.2)`, async () => {
    expect(await ids(where('Name', 'is', attack))).toEqual(['rec_0000000000000001']);
    expect(await ids(where('Status', 'is', attack))).toEqual(['rec_0000000000000001']);
    expect(await ids(where('Tags', 'hasAnyOf', [attack]))).toEqual(['rec_0000000000000001']);
    expect(await ids(where('Name', 'contains', attack))).toEqual(['rec_0000000000000001', 'rec_0000000000000002']);
    expect(await ids(where('Name', 'contains', 'DROP TABLE'))).toEqual(['rec_0000000000000001', 'rec_0000000000000002', 'rec_0000000000000003']);
    // Pattern characters in a contains operand are themselves; the longest operand allowed (past SQLite's LIKE pattern limit) still runs.
    expect(await ids(where('Name', 'contains', '%'))).toEqual([]);
    expect(await ids(where('Name', 'contains', '_'))).toEqual([]);
    expect(await ids(where('Name', 'contains', 'x'.repeat(100_000)))).toEqual([]);

    const patients = await sql<{ id: string; name: string }>`SELECT id, name FROM patients ORDER BY id`.execute(database.db);
    expect(patients.rows).toEqual([
      { id: 'p1', name: 'Ada' },
      { id: 'p2', name: canary },
    ]);
    const count = await sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM ${sql.table(tableName(tableId))}`.execute(database.db);
    expect(Number(count.rows[0]?.n)).toBe(4);
  });

  it('sends every text operand of every operator as a parameter, never as SQL text (A3.5)', async () => {
    const cases: Array<[string, string, unknown]> = [];
    for (const field of fields) {
      for (const operator of getFieldType(field.type).operators) {
        const operand = canaryOperand(field, operator);
        if (operand !== undefined) cases.push([field.name, operator, operand]);
      }
    }
    expect(cases.length).toBeGreaterThan(15);
    for (const [field, operator, operand] of cases) {
      const before = logged.length;
      await ids(where(field, operator, operand));
      const statements = logged.slice(before);
      // `contains` binds its operand ASCII-lower-cased, so both checks ignore case.
      expect(statements.some((statement) => mentionsCanary(JSON.stringify(statement.parameters))), `${field} ${operator}`).toBe(true);
      expect(statements.filter((statement) => mentionsCanary(statement.text)), `${field} ${operator}`).toEqual([]);
    }
  });

  it('finds the canary rows through parameters, as a check that the canary reached the database', async () => {
    expect(await ids(where('Name', 'is', canary))).toEqual(['rec_0000000000000004']);
    expect(await ids(where('Notes', 'contains', canary.toLowerCase()))).toEqual(['rec_0000000000000001']);
  });

  it('logged no SQL text with the canary in the whole suite, seeding included', () => {
    expect(logged.length).toBeGreaterThan(20);
    expect(logged.filter((statement) => mentionsCanary(statement.text))).toEqual([]);
  });
});

function mentionsCanary(text: string): boolean {
  return text.toLowerCase().includes(canary.toLowerCase());
}

/** An operand carrying the canary for operators that take texts; undefined for numbers, dates, booleans and none. */
function canaryOperand(field: Field, operator: string): unknown {
  const texts = queryProfileOf(field, 'test').values === 'text';
  if (texts && ['is', 'isNot', 'contains', 'doesNotContain'].includes(operator)) return canary;
  if (['isAnyOf', 'isNoneOf', 'hasAnyOf', 'hasAllOf', 'hasNoneOf', 'isExactly'].includes(operator)) return [canary, `${canary}-2`];
  return undefined;
}
