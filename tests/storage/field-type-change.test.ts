import { expect, it } from 'vitest';
import { convertValue, normalizeFieldOptions, type Field, type FieldTypeKey } from '@multitable/core';
import {
  changeFieldType,
  descendingFieldIndexName,
  ensureFieldIndex,
  fieldIndexName,
  getField,
  getRecords,
  insertRecords,
  listFields,
  userTableName,
  type ConversionFailure,
  type ConvertCell,
  type Database,
} from '@multitable/storage';
import { describeEachDialect } from '../support/databases';
import { makeTable, testCastContext, testUser, useDatabase, type MadeTable } from './schema-factories';

/** The caller's converter, as the server builds it: core's convertValue, carrying extended options forward. */
function converterTo(from: Field, type: FieldTypeKey, initialOptions?: Record<string, unknown>) {
  const target: { type: FieldTypeKey; options: Record<string, unknown> } = {
    type,
    options: normalizeFieldOptions(type as string, initialOptions),
  };
  const convert: ConvertCell = (value) => {
    const result = convertValue(from, target, value, testCastContext);
    if (result.ok && result.options) target.options = result.options as Record<string, unknown>;
    return result;
  };
  return { target, convert };
}

async function tableWithText(database: Database, values: Array<string | null>): Promise<{ made: MadeTable; text: Field; ids: string[] }> {
  const made = await makeTable(database, { fields: [{ name: 'Raw', type: 'singleLineText' }] });
  const text = made.field('Raw');
  const rows = await database.transaction((trx) =>
    insertRecords(trx, database.dialect, made.table, made.fields, values.map((value) => ({ values: { [text.id]: value } })), testUser),
  );
  return { made, text, ids: rows.map((row) => row.id) };
}

describeEachDialect('changing a field type', (_dialect, newStore) => {
  const database = useDatabase(newStore);

  it('converts text to number, reporting "abc" as a failure and emptying it', async () => {
    const { db, dialect } = database();
    const { made, text, ids } = await tableWithText(database(), ['1,234.5', 'abc', '42', null]);
    const { target, convert } = converterTo(text, 'number');

    const report = await database().transaction((trx) => changeFieldType(trx, dialect, text.id, target, convert));

    expect(report.converted).toBe(2);
    expect(report.failed).toBe(1);
    expect(report.failures).toEqual([{ recordId: ids[1], value: 'abc', reason: expect.any(String) }]);
    expect(report.field).toMatchObject({ id: text.id, type: 'number', options: target.options });
    expect(await getField(db, text.id)).toEqual(report.field);

    const fields = await listFields(db, made.table.id);
    const records = await getRecords(db, dialect, made.table, fields, ids);
    expect(records.map((r) => r.values[text.id])).toEqual([1234.5, null, 42, null]);
    const columns = await dialect.listColumns(db, userTableName(made.table.id));
    expect(columns).toContain(`f_${text.id}`);
    expect(columns).not.toContain(`f_${text.id}_next`);
  });

  it('converts across batches, keeps the first 100 failures and hands every failure to onFailure', async () => {
    const { db, dialect } = database();
    const values = Array.from({ length: 150 }, (_, i) => (i % 3 === 0 ? String(i) : `bad ${i}`));
    const { made, text, ids } = await tableWithText(database(), values);
    const { target, convert } = converterTo(text, 'number');
    const seen: ConversionFailure[] = [];

    const report = await database().transaction((trx) =>
      changeFieldType(trx, dialect, text.id, target, convert, { batchSize: 40, onFailure: (f) => seen.push(f) }),
    );

    expect(report.converted).toBe(50);
    expect(report.failed).toBe(100);
    expect(report.failures).toHaveLength(100);
    expect(seen).toHaveLength(100);
    expect(new Set(seen.map((f) => f.recordId)).size).toBe(100);
    const records = await getRecords(db, dialect, made.table, await listFields(db, made.table.id), ids);
    records.forEach((record, i) => expect(record.values[text.id]).toBe(i % 3 === 0 ? i : null));
  });

  it('saves the choices a conversion to single select adds', async () => {
    const { db, dialect } = database();
    const { made, text, ids } = await tableWithText(database(), ['Red', 'Blue', 'Red', null]);
    const { target, convert } = converterTo(text, 'singleSelect');

    const report = await database().transaction((trx) => changeFieldType(trx, dialect, text.id, target, convert));

    expect(report).toMatchObject({ converted: 3, failed: 0 });
    const stored = await getField(db, text.id);
    const choices = (stored?.options as { choices: Array<{ name: string }> }).choices;
    expect(choices.map((c) => c.name).sort()).toEqual(['Blue', 'Red']);
    const records = await getRecords(db, dialect, made.table, await listFields(db, made.table.id), ids);
    expect(records.map((r) => r.values[text.id])).toEqual(['Red', 'Blue', 'Red', null]);
  });

  it('keeps the indexes (both directions) of a field whose type changes', async () => {
    const { db, dialect } = database();
    const { made, text } = await tableWithText(database(), ['7']);
    await ensureFieldIndex(db, dialect, made.table.id, text);
    await ensureFieldIndex(db, dialect, made.table.id, text, 'desc');
    const { target, convert } = converterTo(text, 'number');
    await database().transaction((trx) => changeFieldType(trx, dialect, text.id, target, convert));
    expect(await dialect.indexExists(db, fieldIndexName(made.table.id, text))).toBe(true);
    expect(await dialect.indexExists(db, descendingFieldIndexName(made.table.id, text))).toBe(true);
  });

  it('changes a type twice in one transaction and back, leaving no working objects behind', async () => {
    const { db, dialect } = database();
    const { made, text, ids } = await tableWithText(database(), ['1,234.5', 'x', null, '7']);
    await database().transaction(async (trx) => {
      const toNumber = converterTo(text, 'number', { precision: 1 });
      await changeFieldType(trx, dialect, text.id, toNumber.target, toNumber.convert);
      const number = (await getField(trx, text.id))!;
      const toText = converterTo(number, 'singleLineText');
      await changeFieldType(trx, dialect, text.id, toText.target, toText.convert);
    });
    const records = await getRecords(db, dialect, made.table, await listFields(db, made.table.id), ids);
    expect(records.map((r) => r.values[text.id] ?? null)).toEqual(['1234.5', null, null, '7']);
    expect((await dialect.listColumns(db, userTableName(made.table.id))).filter((column) => column.includes(text.id))).toEqual([`f_${text.id}`]);
  });

  it('converts a system-backed field into a column of its own, keeping its values', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database(), { fields: [{ name: 'Added', type: 'createdTime' }] });
    const added = made.field('Added');
    const [row] = await database().transaction((trx) => insertRecords(trx, dialect, made.table, made.fields, [{ values: {} }], testUser));
    const { target, convert } = converterTo(added, 'singleLineText');
    const report = await database().transaction((trx) => changeFieldType(trx, dialect, added.id, target, convert));
    expect(report).toMatchObject({ converted: 1, failed: 0 });
    const [record] = await getRecords(db, dialect, made.table, await listFields(db, made.table.id), [row!.id]);
    expect(typeof record?.values[added.id]).toBe('string');
    expect(record?.values[added.id]).not.toBe('');
  });

  it('drops the column when the new type reads a system column', async () => {
    const { db, dialect } = database();
    const { made, text, ids } = await tableWithText(database(), ['2020-01-01']);
    const { target, convert } = converterTo(text, 'createdTime');
    const report = await database().transaction((trx) => changeFieldType(trx, dialect, text.id, target, convert));

    expect(report).toMatchObject({ converted: 0, failed: 0 });
    expect(await dialect.listColumns(db, userTableName(made.table.id))).not.toContain(`f_${text.id}`);
    const [record] = await getRecords(db, dialect, made.table, await listFields(db, made.table.id), ids);
    expect(record?.values[text.id]).toBe(record?.createdTime);
  });

  it('changes nothing when the surrounding transaction fails', async () => {
    const { db, dialect } = database();
    const { made, text, ids } = await tableWithText(database(), ['5', 'five']);
    const { target, convert } = converterTo(text, 'number');
    await expect(
      database().transaction(async (trx) => {
        await changeFieldType(trx, dialect, text.id, target, convert);
        throw new Error('later command failed');
      }),
    ).rejects.toThrow('later command failed');

    expect(await getField(db, text.id)).toEqual(text);
    const records = await getRecords(db, dialect, made.table, made.fields, ids);
    expect(records.map((r) => r.values[text.id])).toEqual(['5', 'five']);
    expect(await dialect.listColumns(db, userTableName(made.table.id))).not.toContain(`f_${text.id}_next`);
  });
});
