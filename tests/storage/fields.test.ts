import { expect, it } from 'vitest';
import {
  addField,
  deleteField,
  ensureFieldIndex,
  fieldIndexName,
  getField,
  insertRecords,
  listFields,
  reorderField,
  setPrimaryField,
  updateField,
  userTableName,
} from '@multitable/storage';
import { describeEachDialect } from '../support/databases';
import { makeTable, testUser, useDatabase } from './schema-factories';

describeEachDialect('fields', (_dialect, newStore) => {
  const database = useDatabase(newStore);

  it('adds a field as column f_<fieldId> of the table', async () => {
    const { db, dialect } = database();
    const { table } = await makeTable(database());
    const field = await database().transaction((trx) =>
      addField(trx, dialect, { tableId: table.id, name: 'Notes', type: 'longText', description: 'free text' }),
    );
    expect(field).toMatchObject({ name: 'Notes', type: 'longText', tableId: table.id, isPrimary: false, description: 'free text' });
    expect(await dialect.listColumns(db, userTableName(table.id))).toContain(`f_${field.id}`);
    expect(await getField(db, field.id)).toEqual(field);
  });

  it('adds a system-backed field without a column of its own', async () => {
    const { db, dialect } = database();
    const { table } = await makeTable(database());
    const before = await dialect.listColumns(db, userTableName(table.id));
    const field = await database().transaction((trx) => addField(trx, dialect, { tableId: table.id, name: 'Created', type: 'createdTime' }));
    expect(await dialect.listColumns(db, userTableName(table.id))).toEqual(before);
    expect(await getField(db, field.id)).toMatchObject({ type: 'createdTime' });
  });

  it('renames a field, refusing a name another field of the table has but allowing it in another table', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database(), { fields: [{ name: 'Phone', type: 'singleLineText' }] });
    const other = await makeTable(database(), { baseId: made.baseId, fields: [{ name: 'Email', type: 'singleLineText' }] });
    const phone = made.field('Phone');

    const renamed = await database().transaction((trx) => updateField(trx, dialect, phone.id, { name: 'Mobile' }));
    expect(renamed.name).toBe('Mobile');
    expect((await getField(db, phone.id))?.name).toBe('Mobile');
    await expect(database().transaction((trx) => updateField(trx, dialect, phone.id, { name: 'Name' }))).rejects.toMatchObject({
      code: 'NAME_TAKEN',
      details: { name: 'Name', table: made.table.id },
    });
    await expect(
      database().transaction((trx) => addField(trx, dialect, { tableId: made.table.id, name: 'Mobile', type: 'longText' })),
    ).rejects.toMatchObject({ code: 'NAME_TAKEN' });
    const moved = await database().transaction((trx) => updateField(trx, dialect, other.field('Email').id, { name: 'Mobile' }));
    expect(moved.name).toBe('Mobile');
  });

  it('stores new options as JSON and reads them back', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database(), { fields: [{ name: 'Amount', type: 'number' }] });
    const options = { precision: 0, format: 'currency', currencySymbol: '$', allowNegative: false };
    await database().transaction((trx) => updateField(trx, dialect, made.field('Amount').id, { options }));
    expect((await getField(db, made.field('Amount').id))?.options).toEqual(options);
  });

  it('deletes a field with its column and values, and refuses to delete the primary field', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database(), { fields: [{ name: 'Temp', type: 'singleLineText' }] });
    const temp = made.field('Temp');
    await database().transaction((trx) =>
      insertRecords(trx, dialect, made.table, made.fields, [{ values: { [temp.id]: 'x' } }], testUser),
    );
    await database().transaction((trx) => ensureFieldIndex(trx, dialect, made.table.id, temp));
    await database().transaction((trx) => deleteField(trx, temp.id));

    expect(await dialect.listColumns(db, userTableName(made.table.id))).not.toContain(`f_${temp.id}`);
    expect(await dialect.indexExists(db, fieldIndexName(made.table.id, temp))).toBe(false);
    expect(await getField(db, temp.id)).toBeUndefined();
    await expect(database().transaction((trx) => deleteField(trx, made.primary.id))).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { field: made.primary.id },
    });
    expect(await dialect.listColumns(db, userTableName(made.table.id))).toContain(`f_${made.primary.id}`);
  });

  it('makes another field primary, after which the old primary can be deleted', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database(), { fields: [{ name: 'Code', type: 'singleLineText' }] });
    await database().transaction((trx) => setPrimaryField(trx, made.field('Code').id));
    const fields = await listFields(db, made.table.id);
    expect(fields.filter((f) => f.isPrimary).map((f) => f.name)).toEqual(['Code']);
    await database().transaction((trx) => deleteField(trx, made.primary.id));
    expect((await listFields(db, made.table.id)).map((f) => f.name)).toEqual(['Code']);
    expect(await dialect.listColumns(db, userTableName(made.table.id))).not.toContain(`f_${made.primary.id}`);
  });

  it('reorders fields in the table’s default order', async () => {
    const { db } = database();
    const made = await makeTable(database(), {
      fields: [
        { name: 'B', type: 'singleLineText' },
        { name: 'C', type: 'singleLineText' },
      ],
    });
    const names = async () => (await listFields(db, made.table.id)).map((f) => f.name);
    expect(await names()).toEqual(['Name', 'B', 'C']);
    await reorderField(db, made.field('C').id, { before: made.primary.id });
    expect(await names()).toEqual(['C', 'Name', 'B']);
    await reorderField(db, made.field('C').id, { after: made.field('B').id });
    expect(await names()).toEqual(['Name', 'B', 'C']);
  });

  it('creates a field index once, however often it is asked for', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database(), { fields: [{ name: 'Score', type: 'number' }] });
    const score = made.field('Score');
    expect(await dialect.indexExists(db, fieldIndexName(made.table.id, score))).toBe(false);
    await ensureFieldIndex(db, dialect, made.table.id, score);
    await ensureFieldIndex(db, dialect, made.table.id, score);
    expect(await dialect.indexExists(db, fieldIndexName(made.table.id, score))).toBe(true);
  });

  it('answers UNKNOWN_FIELD for a field that does not exist', async () => {
    const { dialect } = database();
    await expect(database().transaction((trx) => updateField(trx, dialect, 'fld_0000000000000000', { name: 'x' }))).rejects.toMatchObject({
      code: 'UNKNOWN_FIELD',
      details: { field: 'fld_0000000000000000' },
    });
    await expect(database().transaction((trx) => deleteField(trx, 'fld_0000000000000000'))).rejects.toMatchObject({ code: 'UNKNOWN_FIELD' });
  });
});
