/**
 * Field metadata rows ↔ core's `Field`. Options are JSON text; `is_primary` is 0/1; positions
 * are fractional keys giving a table's default field order. Reads only, plus the row insert
 * shared by table creation and field creation.
 */
import { EngineError, type Field, type FieldTypeKey } from '@multitable/core';
import type { Executor } from '../database';
import type { MetaSchema } from '../meta-schema';
import { nameTaken } from './names';
import { comparePositioned, type Positioned } from './positions';

type FieldRow = MetaSchema['fields'];

function toField(row: FieldRow): Field {
  return {
    id: row.id,
    tableId: row.table_id,
    name: row.name,
    type: row.type as FieldTypeKey,
    options: JSON.parse(row.options) as Record<string, unknown>,
    description: row.description,
    isPrimary: Number(row.is_primary) === 1,
  };
}

export async function getField(db: Executor, fieldId: string): Promise<Field | undefined> {
  const row = await db.selectFrom('fields').selectAll().where('id', '=', fieldId).executeTakeFirst();
  return row ? toField(row) : undefined;
}

/** Like getField, but a missing field is UNKNOWN_FIELD. */
export async function requireField(db: Executor, fieldId: string): Promise<Field> {
  const field = await getField(db, fieldId);
  if (!field) throw new EngineError('UNKNOWN_FIELD', `No field "${fieldId}"`, { field: fieldId });
  return field;
}

/** The table's fields in their default order (primary field wherever it was placed). */
export async function listFields(db: Executor, tableId: string): Promise<Field[]> {
  const rows = await db.selectFrom('fields').selectAll().where('table_id', '=', tableId).execute();
  return rows
    .map((row) => ({ row, id: row.id, position: row.position }))
    .sort(comparePositioned)
    .map(({ row }) => toField(row));
}

/** Ids and positions of a table's fields, for placing one among them. */
export async function fieldPositions(db: Executor, tableId: string): Promise<Positioned[]> {
  return db.selectFrom('fields').select(['id', 'position']).where('table_id', '=', tableId).execute();
}

export async function assertFieldNameFree(db: Executor, tableId: string, name: string, exceptFieldId?: string): Promise<void> {
  let query = db.selectFrom('fields').select('id').where('table_id', '=', tableId).where('name', '=', name);
  if (exceptFieldId) query = query.where('id', '!=', exceptFieldId);
  if (await query.executeTakeFirst()) throw nameTaken('field', name, { table: tableId });
}

export async function insertFieldMeta(trx: Executor, field: Field, position: string, now: Date): Promise<void> {
  await trx
    .insertInto('fields')
    .values({
      id: field.id,
      table_id: field.tableId,
      name: field.name,
      type: field.type,
      options: JSON.stringify(field.options),
      description: field.description,
      is_primary: field.isPrimary ? 1 : 0,
      position,
      created_at: now.toISOString(),
    })
    .execute();
}

/** Every field of the given types in every base, with its base (the server's scheduled refreshes). */
export async function listFieldsOfTypes(db: Executor, types: readonly string[]): Promise<Array<{ baseId: string; field: Field }>> {
  if (types.length === 0) return [];
  const rows = await db
    .selectFrom('fields')
    .innerJoin('tables', 'tables.id', 'fields.table_id')
    .selectAll('fields')
    .select('tables.base_id as base_id')
    .where('fields.type', 'in', [...types])
    .orderBy('fields.id')
    .execute();
  return rows.map((row) => ({ baseId: row.base_id, field: toField(row) }));
}
