/**
 * Saving a view indexes the fields it sorts and filters on (DESIGN §4), so a sorted view's first
 * page reads an index instead of sorting the table — found by the benchmark suite (issue 4),
 * where a view sorted on a million records took a full scan per page.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hasFieldIndex, junctionOf, sql } from '@multitable/storage';
import { describeEachDialect } from '../support/databases';
import { startTestApp, type SignedIn, type TestApp } from '../support/app';
import { createRecords, createTable, fieldNamed, listAll, tableUrl, type ApiTable } from './data-helpers';

describeEachDialect('view indexes', (dialect) => {
  let t: TestApp;
  let owner: SignedIn;
  let baseId: string;
  let table: ApiTable;
  const indexed = (name: string, direction: 'asc' | 'desc' = 'asc') => {
    const field = fieldNamed(table, name);
    return hasFieldIndex(t.database.db, t.database.dialect, table.id, { id: field.id, type: field.type as never, options: field.options }, direction);
  };

  /** Which of `tables` the planner has statistics of (PostgreSQL's pg_stats; SQLite's sqlite_stat1). */
  const tablesWithStatistics = async (tables: string[]): Promise<string[]> => {
    const { db, dialect: sqlDialect } = t.database;
    if (dialect === 'sqlite' && (await sqlDialect.listColumns(db, 'sqlite_stat1')).length === 0) return [];
    const query =
      dialect === 'postgres'
        ? sql<{ name: string }>`SELECT DISTINCT tablename AS name FROM pg_stats WHERE schemaname = current_schema() AND tablename IN (${sql.join(tables)})`
        : sql<{ name: string }>`SELECT DISTINCT tbl AS name FROM sqlite_stat1 WHERE tbl IN (${sql.join(tables)})`;
    return (await query.execute(db)).rows.map((row) => row.name).sort();
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await t.signUpOwner();
    baseId = (await t.createBase(owner, 'Indexes')).id;
    table = await createTable(owner, baseId, 'Visits', [
      { name: 'Visit', type: 'singleLineText' },
      { name: 'Fee', type: 'number' },
      { name: 'Ward', type: 'singleLineText' },
      { name: 'Notes', type: 'longText' },
      { name: 'Seen', type: 'date' },
      { name: 'Tags', type: 'multipleSelect', options: { choices: [{ name: 'urgent' }, { name: 'routine' }] } },
    ]);
    await createRecords(owner, baseId, table.id, [
      { Visit: 'V1', Fee: 30, Ward: 'B' },
      { Visit: 'V2', Fee: 10, Ward: 'A' },
      { Visit: 'V3', Ward: 'A' },
    ]);
  });
  afterAll(async () => t.cleanup());

  it('indexes the fields a new view sorts and filters on, and no other', async () => {
    const res = await owner.request('POST', tableUrl(baseId, table.id, '/views'), {
      name: 'Cheap first in ward A',
      config: {
        sorts: [{ field: 'Fee', direction: 'asc' }],
        filter: { conjunction: 'and', conditions: [{ conjunction: 'or', conditions: [{ field: 'Ward', operator: 'is', value: 'A' }] }] },
      },
    });
    expect(res.statusCode).toBe(201);
    expect(await indexed('Fee')).toBe(true);
    expect(await indexed('Fee', 'desc')).toBe(false); // sorted ascending only
    expect(await indexed('Ward')).toBe(true);
    expect(await indexed('Notes')).toBe(false);
    const page = await listAll(owner, baseId, table.id, `&view=${res.json().id}`);
    expect(page.map((record) => record.fields.Visit)).toEqual(['V3', 'V2']); // empty Fee first, as without the index
  });

  it('indexes a field both ways when an existing view starts sorting on it descending', async () => {
    const created = await owner.request('POST', tableUrl(baseId, table.id, '/views'), { name: 'Plain' });
    expect(await indexed('Seen')).toBe(false);
    const res = await owner.request('PATCH', tableUrl(baseId, table.id, `/views/${created.json().id}`), { config: { sorts: [{ field: 'Seen', direction: 'desc' }] } });
    expect(res.statusCode).toBe(200);
    expect(await indexed('Seen')).toBe(true);
    expect(await indexed('Seen', 'desc')).toBe(true);
  });

  it('serves a descending view in its order: empty cells last, ties in row order', async () => {
    const res = await owner.request('POST', tableUrl(baseId, table.id, '/views'), { name: 'Dear first', config: { sorts: [{ field: 'Fee', direction: 'desc' }] } });
    expect(await indexed('Fee', 'desc')).toBe(true);
    await createRecords(owner, baseId, table.id, [{ Visit: 'V4', Fee: 30 }]);
    const page = await listAll(owner, baseId, table.id, `&view=${res.json().id}`);
    expect(page.map((record) => record.fields.Visit)).toEqual(['V1', 'V4', 'V2', 'V3']);
  });

  it('indexes a list field (multiple select) on the JSON text it sorts by', async () => {
    await createRecords(owner, baseId, table.id, [{ Visit: 'V5', Tags: ['urgent'] }, { Visit: 'V6', Tags: ['routine'] }]);
    const res = await owner.request('POST', tableUrl(baseId, table.id, '/views'), { name: 'By tags', config: { sorts: [{ field: 'Tags', direction: 'asc' }] } });
    expect(res.statusCode).toBe(201);
    expect(await indexed('Tags')).toBe(true);
    const page = await listAll(owner, baseId, table.id, `&view=${res.json().id}`);
    expect(page.slice(-2).map((record) => record.fields.Visit)).toEqual(['V6', 'V5']); // ["routine"] < ["urgent"]
  });

  it("indexes a lookup's target in the linked table when a view filters on the lookup, and lists what the lookup holds", async () => {
    const patients = await createTable(owner, baseId, 'Patients', [{ name: 'Name', type: 'singleLineText' }, { name: 'Phone', type: 'phone' }]);
    const [ann, bob] = await createRecords(owner, baseId, patients.id, [{ Name: 'Ann' }, { Name: 'ann' }]);
    const link = await owner.request('POST', tableUrl(baseId, table.id, '/fields'), { name: 'Patient', type: 'link', options: { linkedTableId: patients.id } });
    expect(link.statusCode).toBe(201);
    const lookup = await owner.request('POST', tableUrl(baseId, table.id, '/fields'), { name: 'Patient name', type: 'lookup', options: { linkFieldId: 'Patient', targetFieldId: 'Name' } });
    expect(lookup.statusCode).toBe(201);
    await createRecords(owner, baseId, table.id, [
      { Visit: 'L1', Patient: [ann!.id] },
      { Visit: 'L2', Patient: [bob!.id] },
      { Visit: 'L3', Patient: [ann!.id, bob!.id] },
    ]);
    const nameIndexed = () => {
      const name = fieldNamed(patients, 'Name');
      return hasFieldIndex(t.database.db, t.database.dialect, patients.id, { id: name.id, type: 'singleLineText', options: name.options });
    };
    expect(await nameIndexed()).toBe(false);
    const res = await owner.request('POST', tableUrl(baseId, table.id, '/views'), {
      name: "Ann's visits",
      config: { filter: { conjunction: 'and', conditions: [{ field: 'Patient name', operator: 'hasAnyOf', value: ['Ann'] }] } },
    });
    expect(res.statusCode).toBe(201);
    expect(await nameIndexed()).toBe(true);
    // The junction read from the patients' side, covering the visits' ids — when visits own it (else its primary key covers).
    const junction = junctionOf({ id: link.json().id, options: link.json().options });
    expect(await t.database.dialect.indexExists(t.database.db, `ix_${junction.table}_linked_owner`)).toBe(junction.selfColumn === 'owner_id');
    const page = await listAll(owner, baseId, table.id, `&view=${res.json().id}`);
    expect(page.map((record) => record.fields.Visit)).toEqual(['L1', 'L3']); // exact case: 'ann' is someone else
    // The planner weighs the lookup's subquery by statistics: PostgreSQL gets them for the three
    // tables even with autovacuum off; SQLite is left to plan without (no sqlite_stat1).
    expect(await tablesWithStatistics([`t_${table.id}`, `t_${patients.id}`, junction.table])).toEqual(
      dialect === 'postgres' ? [junction.table, `t_${table.id}`, `t_${patients.id}`].sort() : [],
    );
  });

  it('changes the type of a field indexed both ways', async () => {
    const res = await owner.request('PATCH', tableUrl(baseId, table.id, `/fields/${fieldNamed(table, 'Fee').id}`), { type: 'singleLineText' });
    expect(res.statusCode).toBe(200);
  });

  it('still deletes a field whose indexes views made', async () => {
    const res = await owner.request('DELETE', tableUrl(baseId, table.id, `/fields/${fieldNamed(table, 'Seen').id}`));
    expect(res.statusCode).toBe(200);
    const columns = await t.database.dialect.listColumns(t.database.db, `t_${table.id}`);
    expect(columns).not.toContain(`f_${fieldNamed(table, 'Seen').id}`);
  });
});
