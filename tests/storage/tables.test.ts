import { expect, it } from 'vitest';
import {
  createTable,
  deleteTable,
  deleteTablesOfBase,
  getTable,
  listFields,
  listTables,
  listViews,
  reorderTable,
  updateTable,
  sql,
  userTableName,
} from '@multitable/storage';
import { describeEachDialect } from '../support/databases';
import { makeBase, useDatabase } from './schema-factories';

describeEachDialect('tables', (_dialect, newStore) => {
  const database = useDatabase(newStore);

  it('creates a table with a primary "Name" text field, a grid view and a physical table named from ids', async () => {
    const { db, dialect } = database();
    const baseId = await makeBase(database());
    const { table, primaryField, view } = await database().transaction((trx) => createTable(trx, dialect, { baseId, name: 'Patients' }));

    expect(table.id).toMatch(/^tbl_[0-9a-z]{16}$/);
    expect(table).toMatchObject({ baseId, name: 'Patients', description: '', primaryFieldId: primaryField.id });
    expect(primaryField).toMatchObject({ name: 'Name', type: 'singleLineText', isPrimary: true, tableId: table.id });
    expect(view).toMatchObject({ name: 'Grid view', type: 'grid', config: {}, tableId: table.id });

    expect(await dialect.listColumns(db, userTableName(table.id))).toEqual([
      'id',
      'auto_number',
      'row_order',
      'created_time',
      'modified_time',
      'created_by',
      'modified_by',
      'version',
      `f_${primaryField.id}`,
    ]);
    expect(await dialect.indexExists(db, `ix_t_${table.id}_row_order`)).toBe(true);
    expect(await getTable(db, table.id)).toEqual(table);
    expect(await listFields(db, table.id)).toEqual([primaryField]);
    expect(await listViews(db, table.id)).toEqual([view]);
  });

  it('creates a table with a primary field of another type and a named first view', async () => {
    const { db, dialect } = database();
    const baseId = await makeBase(database());
    const { table, primaryField, view } = await database().transaction((trx) =>
      createTable(trx, dialect, {
        baseId,
        name: 'Tasks',
        description: 'What to do',
        primaryField: { name: 'Title', type: 'longText' },
        view: { name: 'All tasks', config: { rowHeight: 'short' } },
      }),
    );
    expect(primaryField).toMatchObject({ name: 'Title', type: 'longText', isPrimary: true });
    expect(view).toMatchObject({ name: 'All tasks', config: { rowHeight: 'short' } });
    expect((await getTable(db, table.id))?.description).toBe('What to do');
  });

  it('lists a base’s tables in position order and moves one before, after, between and to the end', async () => {
    const { db, dialect } = database();
    const baseId = await makeBase(database());
    const ids: string[] = [];
    for (const name of ['A', 'B', 'C']) {
      ids.push((await database().transaction((trx) => createTable(trx, dialect, { baseId, name }))).table.id);
    }
    const [a, b, c] = ids as [string, string, string];
    const names = async () => (await listTables(db, baseId)).map((t) => t.name);
    expect(await names()).toEqual(['A', 'B', 'C']);

    await reorderTable(db, c, { before: a });
    expect(await names()).toEqual(['C', 'A', 'B']);
    await reorderTable(db, c, { after: b });
    expect(await names()).toEqual(['A', 'B', 'C']);
    await reorderTable(db, a, { after: b, before: c });
    expect(await names()).toEqual(['B', 'A', 'C']);
    await reorderTable(db, b, {});
    expect(await names()).toEqual(['A', 'C', 'B']);
    await expect(reorderTable(db, a, { before: a })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(reorderTable(db, a, { before: 'tbl_0000000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(reorderTable(db, a, { after: b, before: c })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses a table name already used in the base, but not one used in another base', async () => {
    const { dialect } = database();
    const baseId = await makeBase(database());
    const otherBaseId = await makeBase(database());
    await database().transaction((trx) => createTable(trx, dialect, { baseId, name: 'Orders' }));
    await expect(database().transaction((trx) => createTable(trx, dialect, { baseId, name: 'Orders' }))).rejects.toMatchObject({
      code: 'NAME_TAKEN',
      details: { name: 'Orders', base: baseId },
    });
    const other = await database().transaction((trx) => createTable(trx, dialect, { baseId: otherBaseId, name: 'Orders' }));
    expect(other.table.name).toBe('Orders');
  });

  it('renames a table and changes its description, refusing a name another table has', async () => {
    const { db, dialect } = database();
    const baseId = await makeBase(database());
    const first = await database().transaction((trx) => createTable(trx, dialect, { baseId, name: 'One' }));
    await database().transaction((trx) => createTable(trx, dialect, { baseId, name: 'Two' }));

    const renamed = await database().transaction((trx) => updateTable(trx, dialect, first.table.id, { name: 'Uno', description: 'first' }));
    expect(renamed).toMatchObject({ name: 'Uno', description: 'first' });
    expect(await getTable(db, first.table.id)).toEqual(renamed);
    await expect(database().transaction((trx) => updateTable(trx, dialect, first.table.id, { name: 'Two' }))).rejects.toMatchObject({
      code: 'NAME_TAKEN',
    });
    expect((await getTable(db, first.table.id))?.name).toBe('Uno');
  });

  it('deletes a table with its physical table, fields and views', async () => {
    const { db, dialect } = database();
    const baseId = await makeBase(database());
    const { table } = await database().transaction((trx) => createTable(trx, dialect, { baseId, name: 'Doomed' }));
    await database().transaction((trx) => deleteTable(trx, table.id));

    expect(await getTable(db, table.id)).toBeUndefined();
    expect(await dialect.listColumns(db, userTableName(table.id))).toEqual([]);
    expect(await listFields(db, table.id)).toEqual([]);
    expect(await listViews(db, table.id)).toEqual([]);
    await expect(database().transaction((trx) => deleteTable(trx, table.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('drops every table of a base before the base goes', async () => {
    const { db, dialect } = database();
    const baseId = await makeBase(database());
    const made = [];
    for (const name of ['X', 'Y']) made.push((await database().transaction((trx) => createTable(trx, dialect, { baseId, name }))).table);
    const dropped = await database().transaction((trx) => deleteTablesOfBase(trx, baseId));
    expect(dropped.map((t) => t.id)).toEqual(made.map((t) => t.id));
    expect(await listTables(db, baseId)).toEqual([]);
    for (const table of made) expect(await dialect.listColumns(db, userTableName(table.id))).toEqual([]);
  });

  it('refuses a table for a base that does not exist and leaves nothing behind', async () => {
    const { db, dialect } = database();
    await expect(
      database().transaction((trx) => createTable(trx, dialect, { baseId: 'bse_0000000000000000', name: 'Ghost', id: 'tbl_000000000000ghst' })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', details: { base: 'bse_0000000000000000' } });
    expect(await dialect.listColumns(db, 't_tbl_000000000000ghst')).toEqual([]);
  });

  it('refuses a caller-given table id that is already in use', async () => {
    const { dialect } = database();
    const baseId = await makeBase(database());
    const { table } = await database().transaction((trx) => createTable(trx, dialect, { baseId, name: 'Original' }));
    await expect(database().transaction((trx) => createTable(trx, dialect, { baseId, name: 'Copy', id: table.id }))).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { table: table.id },
    });
  });

  it('writes no metadata when creating the physical table fails midway', async () => {
    const { db, dialect } = database();
    const baseId = await makeBase(database());
    const tableId = 'tbl_00000000000orphn';
    // A stray physical table with the same name makes CREATE TABLE fail after the meta rows are written.
    await sql`CREATE TABLE ${sql.table(userTableName(tableId))} (x TEXT)`.execute(db);
    await expect(database().transaction((trx) => createTable(trx, dialect, { baseId, name: 'Clash', id: tableId }))).rejects.toThrow();
    expect(await getTable(db, tableId)).toBeUndefined();
    expect(await listFields(db, tableId)).toEqual([]);
    expect(await listViews(db, tableId)).toEqual([]);
    expect(await dialect.listColumns(db, userTableName(tableId))).toEqual(['x']);
  });
});
