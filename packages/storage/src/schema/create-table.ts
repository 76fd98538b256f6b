/**
 * Creating a table: metadata row, primary field (default a single line text "Name"), the
 * physical table with its system columns, and a first grid view — all or nothing.
 */
import { EngineError, isId, newId, type Field, type FieldTypeKey } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { atomically } from '../physical/executor';
import { createUserTable } from '../physical/user-table-ddl';
import { insertFieldMeta } from './field-meta';
import { nameTaken, withNameGuard } from './names';
import { keyForPlacement, orderedKeysOf, positionAtEnd, type Placement } from './positions';
import { assertTableNameFree, type TableMeta } from './tables';
import { createView, type ViewMeta } from './views';

export interface NewTable {
  baseId: string;
  name: string;
  description?: string;
  /** A `tbl_` id chosen by the caller (templates, undo); a new one when absent. */
  id?: string;
  /** The field that names records. Default: single line text "Name". */
  primaryField?: { name?: string; type?: FieldTypeKey; options?: Record<string, unknown>; id?: string };
  /** The first view. Default: grid "Grid view" with config `{}`. */
  view?: { name?: string; type?: string; config?: unknown; id?: string };
  /** Where among the base's tables; last when absent. */
  placement?: Placement;
}

export interface CreatedTable {
  table: TableMeta;
  primaryField: Field;
  view: ViewMeta;
}

function checkedId(kind: 'table' | 'field', id: string | undefined): string {
  if (id === undefined) return newId(kind);
  if (!isId(kind, id)) throw new EngineError('VALIDATION_FAILED', `"${id}" is not a ${kind} id`, { [kind]: id });
  return id;
}

export async function createTable(trx: Executor, dialect: SqlDialect, input: NewTable, now: Date = new Date()): Promise<CreatedTable> {
  return atomically(trx, async (t) => {
    const base = await t.selectFrom('bases').select('id').where('id', '=', input.baseId).executeTakeFirst();
    if (!base) throw new EngineError('NOT_FOUND', `No base "${input.baseId}"`, { base: input.baseId });
    await assertTableNameFree(t, input.baseId, input.name);

    const tableId = checkedId('table', input.id);
    if (input.id !== undefined && (await t.selectFrom('tables').select('id').where('id', '=', tableId).executeTakeFirst())) {
      throw new EngineError('CONFLICT', `A table with id "${tableId}" already exists`, { table: tableId });
    }
    const siblings = await t.selectFrom('tables').select(['id', 'position']).where('base_id', '=', input.baseId).execute();
    const position = input.placement
      ? await keyForPlacement(orderedKeysOf(siblings, tableId), tableId, input.placement, 'table')
      : positionAtEnd(siblings);
    const createdAt = now.toISOString();
    await withNameGuard(
      dialect,
      () => nameTaken('table', input.name, { base: input.baseId }),
      () =>
        t
          .insertInto('tables')
          .values({
            id: tableId,
            base_id: input.baseId,
            name: input.name,
            description: input.description ?? '',
            position,
            auto_number_seq: 0,
            created_at: createdAt,
          })
          .execute(),
    );

    const primaryField: Field = {
      id: checkedId('field', input.primaryField?.id),
      tableId,
      name: input.primaryField?.name ?? 'Name',
      type: input.primaryField?.type ?? 'singleLineText',
      options: input.primaryField?.options ?? {},
      description: '',
      isPrimary: true,
    };
    await insertFieldMeta(t, primaryField, positionAtEnd([]), now);
    await createUserTable(t, dialect, tableId, [primaryField]);

    const view = await createView(
      t,
      dialect,
      {
        tableId,
        name: input.view?.name ?? 'Grid view',
        type: input.view?.type ?? 'grid',
        config: input.view?.config ?? {},
        ...(input.view?.id !== undefined ? { id: input.view.id } : {}),
      },
      now,
    );

    const table: TableMeta = {
      id: tableId,
      baseId: input.baseId,
      name: input.name,
      description: input.description ?? '',
      position,
      primaryFieldId: primaryField.id,
      createdAt,
    };
    return { table, primaryField, view };
  });
}
