/**
 * Field lifecycle: add (metadata row + physical column), rename / re-describe / new options,
 * reorder, delete (column dropped; the primary field stays). Type changes are in
 * field-type-change.ts. Values were validated by core before they reach here.
 */
import { EngineError, isId, newId, type Field, type FieldTypeKey } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { atomically } from '../physical/executor';
import { dropFieldIndex } from '../physical/field-index';
import { fieldPlacement } from '../physical/field-storage';
import { addFieldColumns, dropColumn, dropErrorColumn } from '../physical/user-table-ddl';
import { assertFieldNameFree, fieldPositions, insertFieldMeta, requireField } from './field-meta';
import { nameTaken, withNameGuard } from './names';
import { keyForPlacement, orderedKeysOf, positionAtEnd, type Placement } from './positions';
import { requireTable } from './tables';

export interface NewField {
  tableId: string;
  name: string;
  type: FieldTypeKey;
  /** Options already validated (with defaults applied) by core. */
  options?: Record<string, unknown>;
  description?: string;
  /** A `fld_` id chosen by the caller (templates, undo); a new one when absent. */
  id?: string;
  /** Where in the default field order; last when absent. */
  placement?: Placement;
}

/** Adds a field: its metadata row and, unless it reads a system column, its column. */
export async function addField(trx: Executor, dialect: SqlDialect, input: NewField, now: Date = new Date()): Promise<Field> {
  return atomically(trx, async (t) => {
    await requireTable(t, input.tableId);
    await assertFieldNameFree(t, input.tableId, input.name);
    if (input.id !== undefined && !isId('field', input.id)) {
      throw new EngineError('VALIDATION_FAILED', `"${input.id}" is not a field id`, { field: input.id });
    }
    if (input.id !== undefined && (await t.selectFrom('fields').select('id').where('id', '=', input.id).executeTakeFirst())) {
      throw new EngineError('CONFLICT', `A field with id "${input.id}" already exists`, { field: input.id });
    }
    const field: Field = {
      id: input.id ?? newId('field'),
      tableId: input.tableId,
      name: input.name,
      type: input.type,
      options: input.options ?? {},
      description: input.description ?? '',
      isPrimary: false,
    };
    const siblings = await fieldPositions(t, input.tableId);
    const position = input.placement
      ? await keyForPlacement(orderedKeysOf(siblings, field.id), field.id, input.placement, 'field')
      : positionAtEnd(siblings);
    await withNameGuard(dialect, () => nameTaken('field', field.name, { table: field.tableId }), () => insertFieldMeta(t, field, position, now));
    await addFieldColumns(t, dialect, field);
    return field;
  });
}

export interface FieldPatch {
  name?: string;
  description?: string;
  /** New options, validated by core; existing cell values are not touched here. */
  options?: Record<string, unknown>;
}

export async function updateField(trx: Executor, dialect: SqlDialect, fieldId: string, patch: FieldPatch): Promise<Field> {
  const field = await requireField(trx, fieldId);
  if (patch.name !== undefined && patch.name !== field.name) await assertFieldNameFree(trx, field.tableId, patch.name, fieldId);
  const set = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
    ...(patch.options !== undefined ? { options: JSON.stringify(patch.options) } : {}),
  };
  if (Object.keys(set).length > 0) {
    await withNameGuard(
      dialect,
      () => nameTaken('field', patch.name ?? field.name, { table: field.tableId }),
      () => trx.updateTable('fields').set(set).where('id', '=', fieldId).execute(),
    );
  }
  return {
    ...field,
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
    ...(patch.options !== undefined ? { options: patch.options } : {}),
  };
}

/** Moves a field in the table's default field order. */
export async function reorderField(trx: Executor, fieldId: string, placement: Placement): Promise<Field> {
  const field = await requireField(trx, fieldId);
  const siblings = await fieldPositions(trx, field.tableId);
  const position = await keyForPlacement(orderedKeysOf(siblings, fieldId), fieldId, placement, 'field');
  await trx.updateTable('fields').set({ position }).where('id', '=', fieldId).execute();
  return field;
}

/** Deletes a field and its column with every value in it. The primary field is refused (CONFLICT). */
export async function deleteField(trx: Executor, fieldId: string): Promise<Field> {
  return atomically(trx, async (t) => {
    const field = await requireField(t, fieldId);
    if (field.isPrimary) {
      throw new EngineError('CONFLICT', `The primary field "${field.name}" cannot be deleted; make another field primary first`, {
        field: fieldId,
      });
    }
    const placement = fieldPlacement(field);
    if (placement.own) {
      await dropFieldIndex(t, field.tableId, field);
      await dropColumn(t, field.tableId, placement.column);
      await dropErrorColumn(t, field);
    }
    await t.deleteFrom('fields').where('id', '=', fieldId).execute();
    return field;
  });
}

/**
 * Locks field metadata rows until the transaction ends, where the dialect has row locks
 * (SQLite already runs one writer at a time). Record writes take `share` on their table's
 * fields, so a field cannot be deleted or change type under them; a write that extends options
 * (typecast adding choices) and every schema change of a field take `update` *before* any DDL,
 * so they wait for writers instead of deadlocking with them. Re-read the fields after locking.
 */
export async function lockFieldRows(
  trx: Executor,
  dialect: SqlDialect,
  target: { tableId: string } | { fieldIds: readonly string[] },
  mode: 'share' | 'update',
): Promise<void> {
  if (!dialect.supportsRowLocks) return;
  let query = trx.selectFrom('fields').select('id').orderBy('id'); // one lock order: no deadlock between lockers
  if ('tableId' in target) query = query.where('table_id', '=', target.tableId);
  else if (target.fieldIds.length === 0) return;
  else query = query.where('id', 'in', [...target.fieldIds]);
  await (mode === 'update' ? query.forUpdate() : query.forShare()).execute();
}

/** Makes `fieldId` the table's primary field (the one that names records); the old one stays a field. */
export async function setPrimaryField(trx: Executor, fieldId: string): Promise<Field> {
  return atomically(trx, async (t) => {
    const field = await requireField(t, fieldId);
    await t.updateTable('fields').set({ is_primary: 0 }).where('table_id', '=', field.tableId).execute();
    await t.updateTable('fields').set({ is_primary: 1 }).where('id', '=', fieldId).execute();
    return { ...field, isPrimary: true };
  });
}
