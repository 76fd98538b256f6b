/**
 * Link fields' schema lifecycle, called by the fields and tables services inside their change:
 * creating a link (its junction and, two-way by default as in Airtable and Bitable, the inverse
 * field in the linked table), deleting one (its inverse goes too, and the junction), the options
 * a link may change, and removing every link into a table that is being deleted.
 *
 * `twoWay` (default true) and `inverseName` (default: the source table's name, made unique) are
 * creation parameters in the request's options; they are not stored. Stored options are
 * `{ linkedTableId, inverseFieldId, multiple }`; `inverseFieldId` is set here, never by callers.
 * Decision: deleting a table deletes the link fields of other tables that point at it (their
 * records lose nothing else); a link field is never the primary field of its table.
 */
import { EngineError, isLinkField, newId, normalizeFieldOptions, viewConfigWithoutField, type Field, type LinkOptions } from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../../../platform';
import type { ChangeRecorder } from '../change-recorder';
import { checkFieldName, type CheckedFieldDefinition, type FieldDefinitionInput } from '../field-input';
import { loadSchemaForChange } from '../recalculation/recalculate';
import { baseTimeZone } from '../table-lookup';
import { storedViewConfig } from '../views';

/** Parameters of a link's creation that are not options of the field. */
export interface LinkCreation {
  twoWay: boolean;
  inverseName?: string;
}

const creationKeys = ['twoWay', 'inverseName'] as const;

/**
 * Takes the creation parameters out of a definition's options (any type: only links use them,
 * and other types then refuse them as unknown options). `path` names the definition.
 */
export function splitLinkDefinition<T extends Pick<FieldDefinitionInput, 'type' | 'options'>>(input: T, path: string): { input: T; creation: LinkCreation } {
  if (input.type !== 'link' || !input.options) return { input, creation: { twoWay: true } };
  const { twoWay, inverseName, ...options } = input.options;
  if (twoWay !== undefined && typeof twoWay !== 'boolean') {
    throw new EngineError('INVALID_FIELD_OPTIONS', `${path}.options.twoWay must be true or false`, { path: `${path}.options.twoWay` });
  }
  if (inverseName !== undefined && typeof inverseName !== 'string') {
    throw new EngineError('INVALID_FIELD_OPTIONS', `${path}.options.inverseName must be a string`, { path: `${path}.options.inverseName` });
  }
  if (options.inverseFieldId !== undefined && options.inverseFieldId !== null) {
    throw new EngineError('INVALID_FIELD_OPTIONS', `${path}.options.inverseFieldId is set by the server; use twoWay`, { path: `${path}.options.inverseFieldId` });
  }
  if (typeof inverseName === 'string') checkFieldName(inverseName, `${path}.options.inverseName`);
  return {
    input: { ...input, options },
    creation: { twoWay: twoWay ?? true, ...(typeof inverseName === 'string' ? { inverseName } : {}) },
  };
}

/** The table a link points at, which must be in the same base (else INVALID_FIELD_OPTIONS naming the option). */
export async function requireLinkTarget(db: store.Executor, baseId: string, linkedTableId: string, path: string): Promise<store.TableMeta> {
  const target = await store.getTable(db, linkedTableId);
  if (!target || target.baseId !== baseId) {
    throw new EngineError('INVALID_FIELD_OPTIONS', `${path}.linkedTableId: no table "${linkedTableId}" in this base`, {
      path: `${path}.linkedTableId`,
      table: linkedTableId,
    });
  }
  return target;
}

/** `wanted`, or `wanted 2`, `wanted 3` … — the first name no field of the table has. */
async function freeFieldName(db: store.Executor, tableId: string, wanted: string): Promise<string> {
  const taken = new Set((await store.listFields(db, tableId)).map((field) => field.name));
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted} ${n}`)) return `${wanted} ${n}`;
}

/** Refuses a computed-field cycle the new link would close (a primary that reads this link). */
async function assertNoCycleAfterChange(platform: Platform, trx: store.Trx, baseId: string): Promise<void> {
  const schema = await loadSchemaForChange(platform, trx, baseId, await baseTimeZone(trx, baseId));
  schema.graph.topologicalOrder();
}

export interface AddedLink {
  field: Field<LinkOptions>;
  inverse: Field<LinkOptions> | null;
}

/**
 * Adds the inverse of `field` (whose options already name `inverseId`) to its linked table, named
 * after `sourceTable` (or `inverseName`), and records the event.
 */
export async function addInverse(
  platform: Platform,
  trx: store.Trx,
  field: Field<LinkOptions>,
  inverseId: string,
  sourceTable: store.TableMeta,
  creation: LinkCreation,
  recorder: ChangeRecorder,
): Promise<Field<LinkOptions>> {
  const linkedTableId = field.options.linkedTableId;
  const name = creation.inverseName ?? (await freeFieldName(trx, linkedTableId, sourceTable.name));
  const inverse = (await store.addField(
    trx,
    platform.database.dialect,
    {
      id: inverseId,
      tableId: linkedTableId,
      name,
      type: 'link',
      options: normalizeFieldOptions('link', { linkedTableId: sourceTable.id, inverseFieldId: field.id, multiple: true }),
    },
    recorder.at,
  )) as Field<LinkOptions>;
  recorder.event({ tableId: linkedTableId, type: 'field.created', payload: { tableId: linkedTableId, fieldId: inverse.id } });
  return inverse;
}

/**
 * Creates a link field of `table` from a checked definition: the field, the junction and (when
 * two-way) the inverse field. Records the inverse's event; the caller records the field's.
 */
export async function addLinkField(
  platform: Platform,
  trx: store.Trx,
  baseId: string,
  table: store.TableMeta,
  definition: CheckedFieldDefinition,
  creation: LinkCreation,
  recorder: ChangeRecorder,
  path: string,
): Promise<AddedLink> {
  const options = definition.options as LinkOptions;
  await requireLinkTarget(trx, baseId, options.linkedTableId, `${path}.options`);
  // Both ids first: the junction is named after the smaller of the pair.
  const fieldId = newId('field');
  const inverseId = creation.twoWay ? newId('field') : null;
  const field = (await store.addField(
    trx,
    platform.database.dialect,
    { tableId: table.id, ...definition, id: fieldId, options: { ...options, inverseFieldId: inverseId } },
    recorder.at,
  )) as Field<LinkOptions>;
  await store.createJunction(trx, platform.database.dialect, field);
  const inverse = inverseId === null ? null : await addInverse(platform, trx, field, inverseId, table, creation, recorder);
  await assertNoCycleAfterChange(platform, trx, baseId);
  return { field, inverse };
}

/**
 * New options for an existing link: `multiple` may change; the linked table and the pairing may
 * not (change the type to text and back to relink).
 */
export function mergeLinkOptions(field: Field, patch: Record<string, unknown>, path: string): Record<string, unknown> {
  const current = field.options as LinkOptions;
  for (const key of ['linkedTableId', 'inverseFieldId'] as const) {
    if (patch[key] !== undefined && patch[key] !== current[key]) {
      throw new EngineError('INVALID_FIELD_OPTIONS', `${path}.${key} of a link field cannot change; change the type to text and back to link instead`, {
        path: `${path}.${key}`,
      });
    }
  }
  const creation = creationKeys.find((key) => patch[key] !== undefined);
  if (creation) throw new EngineError('INVALID_FIELD_OPTIONS', `${path}.${creation} applies only when a link is created`, { path: `${path}.${creation}` });
  return normalizeFieldOptions('link', { ...current, ...patch }, path);
}

/** Drops what views of the table say about a field that is gone. */
async function pruneViews(platform: Platform, trx: store.Trx, tableId: string, fieldId: string): Promise<void> {
  for (const view of await store.listViews(trx, tableId)) {
    const config = storedViewConfig(view);
    const pruned = viewConfigWithoutField(config, fieldId);
    if (JSON.stringify(pruned) !== JSON.stringify(config)) await store.updateView(trx, platform.database.dialect, view.id, { config: pruned });
  }
}

/**
 * After `field` (a link, as it was) was deleted or stopped being a link: deletes its inverse
 * field (if any, and not already gone) and drops the junction.
 */
export async function removeLinkCompanions(platform: Platform, trx: store.Trx, field: Field, recorder: ChangeRecorder): Promise<void> {
  if (!isLinkField(field)) return;
  const inverseId = field.options.inverseFieldId;
  const inverse = inverseId === null ? undefined : await store.getField(trx, inverseId);
  if (inverse && isLinkField(inverse) && inverse.options.inverseFieldId === field.id) {
    await store.lockFieldRows(trx, platform.database.dialect, { fieldIds: [inverse.id] }, 'update');
    await store.deleteField(trx, inverse.id);
    await pruneViews(platform, trx, inverse.tableId, inverse.id);
    recorder.event({ tableId: inverse.tableId, type: 'field.deleted', payload: { tableId: inverse.tableId, fieldId: inverse.id } });
  }
  await store.dropJunction(trx, field);
}

/**
 * Before a table is deleted: deletes the link fields of other tables that point at it (and drops
 * the junctions of every link of or into it). The table's own fields go with the table.
 */
export async function removeLinksOfTable(platform: Platform, trx: store.Trx, baseId: string, tableId: string, recorder: ChangeRecorder): Promise<void> {
  const fields = (await Promise.all((await store.listTables(trx, baseId)).map((table) => store.listFields(trx, table.id)))).flat();
  const touching = store.linkFieldsTouching(fields, tableId);
  await store.lockFieldRows(trx, platform.database.dialect, { fieldIds: touching.map((field) => field.id) }, 'update');
  for (const field of touching) {
    await store.dropJunction(trx, field);
    if (field.tableId === tableId) continue;
    await store.deleteField(trx, field.id);
    await pruneViews(platform, trx, field.tableId, field.id);
    recorder.event({ tableId: field.tableId, type: 'field.deleted', payload: { tableId: field.tableId, fieldId: field.id } });
  }
}

/** A link field cannot name its table's records. */
export function refuseLinkPrimary(type: string, path: string): void {
  if (type === 'link') throw new EngineError('VALIDATION_FAILED', `${path}: the primary field cannot be a link`, { path });
}
