/**
 * Tables of a base: list (with fields and views, like Airtable's base schema), create with an
 * initial set of fields, rename, describe, reorder, delete. Every change goes through
 * `applyChange` (one transaction, outbox event).
 */
import { defaultViewConfig, isLinkField } from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../../platform';
import { applyChange, type ChangeMeta } from './change-recorder';
import { checkDistinctNames, checkFieldDefinition, checkFieldName, type FieldDefinitionInput } from './field-input';
import { addLinkField, refuseLinkPrimary, removeLinksOfTable, splitLinkDefinition } from './links/link-fields';
import { addComputedField, afterFieldChange, computedDefinitionInput, isComputedType, refuseComputedPrimary } from './computed-fields';
import { backgroundFills } from './recalculation/background-fills';
import { snapshotComputedInputs } from './recalculation/dependents';
import type { FillJob } from './recalculation/fill';
import { presentTable, type ApiTable } from './schema-presenter';
import { baseTimeZone, findTableInBase } from './table-lookup';
import type { Caller } from '../access/caller';
import { findReadableTable, loadReadableTable, type ReadableTable } from '../access/readable-table';
import { visibleViews } from '../access/visible-views';


export interface CreateTableInput {
  name: string;
  description?: string;
  fields?: FieldDefinitionInput[];
  firstView?: { name: string };
}

export interface TablePatchInput {
  name?: string;
  description?: string;
  move?: store.Placement;
}

async function describeTable(db: store.Executor, table: store.TableMeta): Promise<ApiTable> {
  const [fields, views] = await Promise.all([store.listFields(db, table.id), store.listViews(db, table.id)]);
  return presentTable(table, fields, views);
}

/** The table as `caller` may see it: readable fields and visible views only; NOT_FOUND when they cannot read it. */
async function describeReadable(platform: Platform, readable: ReadableTable): Promise<ApiTable> {
  return presentTable(readable.table, readable.fields, visibleViews(readable, await store.listViews(platform.database.db, readable.table.id)));
}

export async function listTables(platform: Platform, caller: Caller): Promise<ApiTable[]> {
  const tables = await store.listTables(platform.database.db, caller.baseId);
  const readable = await Promise.all(tables.map((table) => findReadableTable(platform, caller, table.id)));
  return Promise.all(readable.flatMap((table) => (table ? [describeReadable(platform, table)] : [])));
}

export async function getTable(platform: Platform, caller: Caller, tableKey: string): Promise<ApiTable> {
  return describeReadable(platform, await loadReadableTable(platform, caller, tableKey));
}

export async function createTable(platform: Platform, meta: ChangeMeta, input: CreateTableInput): Promise<ApiTable> {
  checkFieldName(input.name, 'name');
  if (input.firstView) checkFieldName(input.firstView.name, 'firstView.name');
  const links = (input.fields ?? []).map((field, index) => splitLinkDefinition(field, `fields[${index}]`));
  const definitions = links.map((link, index) => checkFieldDefinition(computedDefinitionInput(link.input), `fields[${index}]`));
  checkDistinctNames(definitions, 'fields');
  if (definitions[0]) refuseLinkPrimary(definitions[0].type, 'fields[0].type');
  if (definitions[0]) refuseComputedPrimary(definitions[0].type, 'fields[0].type');
  const [primary, ...others] = definitions;
  const { database } = platform;

  return applyChange(platform, meta, async (trx, recorder) => {
    const created = await store.createTable(
      trx,
      database.dialect,
      {
        baseId: meta.baseId,
        name: input.name,
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(primary ? { primaryField: { name: primary.name, type: primary.type, options: primary.options } } : {}),
        view: { ...(input.firstView ? { name: input.firstView.name } : {}), config: defaultViewConfig() },
      },
      recorder.at,
    );
    const computed = others.filter((definition) => isComputedType(definition.type));
    for (const [index, definition] of others.entries()) {
      if (isComputedType(definition.type)) continue; // below, once the fields they read exist
      if (isLinkField(definition)) await addLinkField(platform, trx, meta.baseId, created.table, definition, links[index + 1]!.creation, recorder, `fields[${index + 1}]`);
      else await store.addField(trx, database.dialect, { tableId: created.table.id, ...definition }, recorder.at);
    }
    const scope = { baseId: meta.baseId, timeZone: await baseTimeZone(trx, meta.baseId) };
    for (const definition of computed) await addComputedField(platform, trx, scope, created.table, definition, recorder.at);
    recorder.event({ tableId: created.table.id, type: 'table.created', payload: { tableId: created.table.id } });
    return describeTable(trx, created.table);
  });
}

export async function updateTable(platform: Platform, meta: ChangeMeta, tableKey: string, patch: TablePatchInput): Promise<ApiTable> {
  if (patch.name !== undefined) checkFieldName(patch.name, 'name');
  return applyChange(platform, meta, async (trx, recorder) => {
    let table = await findTableInBase(trx, meta.baseId, tableKey);
    if (patch.name !== undefined || patch.description !== undefined) {
      table = await store.updateTable(trx, platform.database.dialect, table.id, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
      });
    }
    if (patch.move) {
      for (const sibling of [patch.move.before, patch.move.after]) if (sibling) await findTableInBase(trx, meta.baseId, sibling);
      table = await store.reorderTable(trx, table.id, patch.move);
    }
    recorder.event({ tableId: table.id, type: 'table.updated', payload: { tableId: table.id } });
    return describeTable(trx, table);
  });
}

export async function deleteTable(platform: Platform, meta: ChangeMeta, tableKey: string): Promise<{ id: string; deleted: true }> {
  const jobs: FillJob[] = [];
  const deleted = await applyChange(platform, meta, async (trx, recorder) => {
    const found = await findTableInBase(trx, meta.baseId, tableKey);
    // Record writes share-lock the table's fields: wait for them before dropping the table.
    await store.lockFieldRows(trx, platform.database.dialect, { tableId: found.id }, 'update');
    const table = await findTableInBase(trx, meta.baseId, found.id);
    const timeZone = await baseTimeZone(trx, meta.baseId);
    const before = await snapshotComputedInputs(platform, trx, meta.baseId, timeZone);
    await removeLinksOfTable(platform, trx, meta.baseId, table.id, recorder); // links into it from other tables go too
    await store.deleteTable(trx, table.id);
    // Computed fields of other tables that read through those links now show error values.
    jobs.push(...(await afterFieldChange(platform, trx, { baseId: meta.baseId, timeZone, actorId: meta.actor.userId }, { changed: [], before }, recorder)));
    recorder.event({ tableId: table.id, type: 'table.deleted', payload: { tableId: table.id } });
    return { id: table.id, deleted: true as const };
  });
  backgroundFills(platform).start(jobs);
  return deleted;
}
