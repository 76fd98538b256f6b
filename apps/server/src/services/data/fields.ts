/**
 * Field design: add, rename, describe, change options, change type (converting every value in
 * one transaction and reporting what could not be converted), reorder, delete. Values lost in a
 * conversion are written to the record history so they can be recovered by hand.
 * Computed fields (formula, lookup, rollup, count) are prepared and filled by ./computed-fields.ts;
 * after any change of type or options, or a deletion, the computed fields reading the field
 * follow it (a deleted input leaves error values in their cells, as in Airtable).
 */
import { convertValue, isLinkField, normalizeFieldOptions, viewConfigWithoutField, type ChoiceChanges, type Field } from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../../platform';
import { buildCastContext } from './cast-context';
import { followChoiceChanges, viewConfigAfterChoiceChanges } from './choice-changes';
import { applyChange, type ChangeMeta } from './change-recorder';
import {
  addComputedField,
  afterFieldChange,
  computedConversion,
  computedDefinitionInput,
  isComputedType,
  mergedComputedOptions,
  prepareComputedField,
  saveComputedOptions,
} from './computed-fields';
import { checkFieldDefinition, checkFieldName, checkFieldType, type FieldDefinitionInput } from './field-input';
import { convertToLink } from './links/link-conversion';
import { addLinkField, mergeLinkOptions, removeLinkCompanions, splitLinkDefinition } from './links/link-fields';
import { backgroundFills } from './recalculation/background-fills';
import { snapshotComputedInputs } from './recalculation/dependents';
import type { FillJob } from './recalculation/fill';
import { presentField, presentFields, type ApiField } from './schema-presenter';
import { findFieldOfTable, findTableInBase, loadTableContext, type TableContext } from './table-lookup';
import { viewConfigAfterFieldChange } from './view-repair';
import type { Caller } from '../access/caller';
import { loadReadableTable } from '../access/readable-table';

import { storedViewConfig } from './views';

export interface FieldPatchInput {
  name?: string;
  description?: string;
  type?: string;
  options?: Record<string, unknown>;
  move?: store.Placement;
}

export interface ConversionReport {
  converted: number;
  failed: number;
  failures: Array<{ recordId: string; value: unknown; reason: string }>;
}

/** The fields `caller` may read (a hidden field is not listed, as if it did not exist). */
export async function listFields(platform: Platform, caller: Caller, tableKey: string): Promise<ApiField[]> {
  const { fields } = await loadReadableTable(platform, caller, tableKey);
  return presentFields(fields);
}

export async function createField(platform: Platform, meta: ChangeMeta, tableKey: string, input: FieldDefinitionInput): Promise<ApiField> {
  const link = splitLinkDefinition(input, 'body');
  const definition = checkFieldDefinition(computedDefinitionInput(link.input), 'body');
  const jobs: FillJob[] = [];
  const created = await applyChange(platform, meta, async (trx, recorder) => {
    const { table, timeZone, fields } = await loadTableContext(trx, meta.baseId, tableKey);
    const scope = { baseId: meta.baseId, timeZone, actorId: meta.actor.userId };
    let field: Field;
    if (isLinkField(definition)) field = (await addLinkField(platform, trx, meta.baseId, table, definition, link.creation, recorder, 'body')).field;
    else if (isComputedType(definition.type)) {
      field = await addComputedField(platform, trx, scope, table, definition, recorder.at);
      jobs.push(...(await afterFieldChange(platform, trx, scope, { changed: [field.id] }, recorder)));
      field = await store.requireField(trx, field.id);
    } else field = await store.addField(trx, platform.database.dialect, { tableId: table.id, ...definition }, recorder.at);
    recorder.event({ tableId: table.id, type: 'field.created', payload: { tableId: table.id, fieldId: field.id } });
    return presentField(field, [...fields, field]);
  });
  backgroundFills(platform).start(jobs);
  return created;
}

export async function updateField(
  platform: Platform,
  meta: ChangeMeta,
  tableKey: string,
  fieldId: string,
  patch: FieldPatchInput,
): Promise<{ field: ApiField; conversion?: ConversionReport }> {
  if (patch.name !== undefined) checkFieldName(patch.name, 'body.name');
  const { database } = platform;
  // A type change rewrites the table's column; dead row versions would be read with it (storage's
  // reclaimDeadRows). VACUUM cannot run in the change's transaction, so it runs just before.
  if (patch.type !== undefined) await store.reclaimDeadRows(database.db, database.dialect, (await findTableInBase(database.db, meta.baseId, tableKey)).id);
  const jobs: FillJob[] = [];
  const updated = await applyChange(platform, meta, async (trx, recorder) => {
    const context = await lockedFieldContext(platform, trx, meta.baseId, tableKey, fieldId);
    const scope = { baseId: meta.baseId, timeZone: context.timeZone, actorId: meta.actor.userId };
    let field = findFieldOfTable(context.fields, fieldId);
    let conversion: ConversionReport | undefined;
    let choices: ChoiceChanges | undefined;

    const newType = patch.type === undefined ? field.type : checkFieldType(patch.type, 'body.type');
    const typeChanged = newType !== field.type;
    if (typeChanged && newType === 'link') {
      conversion = await convertToLink(platform, trx, context, field, patch.options ?? {}, recorder);
      field = await store.requireField(trx, field.id);
    } else if (typeChanged) {
      let options = normalizeFieldOptions(newType, computedDefinitionInput({ type: newType, options: patch.options ?? {} }).options, 'body.options') as Record<string, unknown>;
      if (isComputedType(newType)) options = await prepareComputedField(platform, trx, meta.baseId, context.timeZone, { ...field, type: newType, options });
      conversion = await changeType(platform, trx, context, field, { type: newType, options }, recorder);
      await removeLinkCompanions(platform, trx, field, recorder); // a link no more: its inverse and junction go
      field = await store.requireField(trx, field.id);
    } else if (patch.options !== undefined && isComputedType(field.type)) {
      const options = normalizeFieldOptions(field.type, mergedComputedOptions(field, patch.options), 'body.options') as Record<string, unknown>;
      field = await saveComputedOptions(trx, database.dialect, field, await prepareComputedField(platform, trx, meta.baseId, context.timeZone, { ...field, options }));
    } else if (patch.options !== undefined) {
      const options = isLinkField(field)
        ? mergeLinkOptions(field, patch.options, 'body.options')
        : (normalizeFieldOptions(field.type, patch.options, 'body.options') as Record<string, unknown>);
      const before = field;
      field = await store.updateField(trx, database.dialect, field.id, { options });
      choices = await followChoiceChanges(platform, trx, context, before, field);
    }
    if (patch.name !== undefined || patch.description !== undefined) {
      field = await store.updateField(trx, database.dialect, field.id, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
      });
    }
    if (patch.move) {
      for (const sibling of [patch.move.before, patch.move.after]) if (sibling) findFieldOfTable(context.fields, sibling);
      field = await store.reorderField(trx, field.id, patch.move);
    }
    if (typeChanged || patch.options !== undefined) {
      const fieldsNow = context.fields.map((f) => (f.id === field.id ? field : f));
      await repairViews(platform, trx, context.table.id, field.id, fieldsNow, choices);
      // Computed fields reading this one follow its new shape; it and they are filled again.
      jobs.push(...(await afterFieldChange(platform, trx, scope, { changed: [field.id] }, recorder)));
      field = await store.requireField(trx, field.id);
    }
    recorder.event({ tableId: context.table.id, type: 'field.updated', payload: { tableId: context.table.id, fieldId: field.id } });
    const shown = presentField(field, context.fields.map((f) => (f.id === field.id ? field : f)));
    return conversion ? { field: shown, conversion } : { field: shown };
  });
  backgroundFills(platform).start(jobs);
  return updated;
}

async function changeType(
  platform: Platform,
  trx: store.Trx,
  context: { table: store.TableMeta; timeZone: string },
  field: Field,
  target: store.FieldTypeTarget,
  recorder: { cells(changes: import('./change-recorder').CellChange[]): void },
): Promise<ConversionReport> {
  const ctx = await buildCastContext(platform, trx, { baseId: context.table.baseId, timeZone: context.timeZone, typecast: true, input: null });
  let targetOptions: unknown = target.options;
  const intoComputed = computedConversion(field, target.type);
  const lost: import('./change-recorder').CellChange[] = [];
  const report = await store.changeFieldType(
    trx,
    platform.database.dialect,
    field.id,
    target,
    (value) => {
      const result = intoComputed ? intoComputed(value) : convertValue(field, { type: target.type, options: targetOptions }, value, ctx);
      if (result.ok && result.options) targetOptions = result.options;
      return result;
    },
    {
      onFailure: (failure) =>
        lost.push({ tableId: context.table.id, recordId: failure.recordId, fieldId: field.id, action: 'update', oldValue: failure.value, newValue: null }),
    },
  );
  recorder.cells(lost);
  return { converted: report.converted, failed: report.failed, failures: report.failures };
}

/**
 * The table context with the field's row locked for update, read again after the lock: a field
 * is deleted or changes type only once record writes using it have finished (they share-lock
 * it), and never on a stale reading of it.
 */
async function lockedFieldContext(platform: Platform, trx: store.Trx, baseId: string, tableKey: string, fieldId: string): Promise<TableContext> {
  const context = await loadTableContext(trx, baseId, tableKey);
  if (!platform.database.dialect.supportsRowLocks) return context;
  await store.lockFieldRows(trx, platform.database.dialect, { fieldIds: [findFieldOfTable(context.fields, fieldId).id] }, 'update');
  return loadTableContext(trx, baseId, context.table.id);
}

/**
 * Drops what views say about the field that its new type or options can no longer evaluate —
 * after renaming, in their filters, the choices the change renamed.
 */
async function repairViews(platform: Platform, trx: store.Trx, tableId: string, fieldId: string, fields: readonly Field[], choices?: ChoiceChanges): Promise<void> {
  for (const view of await store.listViews(trx, tableId)) {
    const config = storedViewConfig(view);
    const repaired = viewConfigAfterFieldChange(choices ? viewConfigAfterChoiceChanges(config, fieldId, choices) : config, fieldId, fields);
    if (JSON.stringify(repaired) !== JSON.stringify(config)) await store.updateView(trx, platform.database.dialect, view.id, { config: repaired });
  }
}

export async function deleteField(platform: Platform, meta: ChangeMeta, tableKey: string, fieldId: string): Promise<{ id: string; deleted: true }> {
  const jobs: FillJob[] = [];
  const deleted = await applyChange(platform, meta, async (trx, recorder) => {
    const { table, fields, timeZone } = await lockedFieldContext(platform, trx, meta.baseId, tableKey, fieldId);
    const field = findFieldOfTable(fields, fieldId);
    const before = await snapshotComputedInputs(platform, trx, meta.baseId, timeZone);
    await store.deleteField(trx, field.id);
    await removeLinkCompanions(platform, trx, field, recorder); // a link's inverse goes with it
    // Views stop referring to the field (their stored configs hold field ids).
    for (const view of await store.listViews(trx, table.id)) {
      const config = storedViewConfig(view);
      const pruned = viewConfigWithoutField(config, field.id);
      if (JSON.stringify(pruned) !== JSON.stringify(config)) await store.updateView(trx, platform.database.dialect, view.id, { config: pruned });
    }
    // Computed fields that read it keep their options; their cells become error values.
    jobs.push(...(await afterFieldChange(platform, trx, { baseId: meta.baseId, timeZone, actorId: meta.actor.userId }, { changed: [], before }, recorder)));
    recorder.event({ tableId: table.id, type: 'field.deleted', payload: { tableId: table.id, fieldId: field.id } });
    return { id: field.id, deleted: true as const };
  });
  backgroundFills(platform).start(jobs);
  return deleted;
}
