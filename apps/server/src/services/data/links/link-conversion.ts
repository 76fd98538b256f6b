/**
 * Changing a field's type into a link: every value is read as titles (or record ids) of the
 * linked table with typecast — `Ann, Bob` links two patients — through the same column
 * conversion as any type change, so texts that match no record (or several) are reported, not
 * silently dropped, and kept in history. The memberships then go to the new junction, the inverse
 * field is added (two-way by default) and the executor brings both sides' titles up to date.
 * Changing a link into another type needs nothing here: its titles convert like any text, and
 * the fields service then calls removeLinkCompanions.
 */
import { convertValue, EngineError, getFieldType, newId, normalizeFieldOptions, type Field, type LinkOptions, type LinkValue } from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../../../platform';
import { buildCastContext } from '../cast-context';
import type { CellChange, ChangeRecorder } from '../change-recorder';
import { loadUserDirectory } from '../directories';
import { addDirty, loadSchemaForChange, recalculate, recalculationEvents, type DirtyCells } from '../recalculation/recalculate';
import { addInverse, requireLinkTarget, splitLinkDefinition } from './link-fields';

const pageSize = 5_000;

export interface LinkConversionReport {
  converted: number;
  failed: number;
  failures: Array<{ recordId: string; value: unknown; reason: string }>;
}

/** Every non-empty value of `field`, by record id, read page by page. */
async function nonEmptyValues(db: store.Executor, dialect: store.SqlDialect, field: Field): Promise<Map<string, unknown>> {
  const values = new Map<string, unknown>();
  const where = store.compileFilter({ type: 'not', item: { type: 'empty', target: { field, kind: store.fieldPlacement(field).kind } } }, store.tableScope(dialect));
  for (let offset = 0; ; offset += pageSize) {
    const rows = await store.listRecords(db, dialect, { id: field.tableId }, [field], { where, offset, limit: pageSize, fieldIds: [field.id] });
    for (const row of rows) values.set(row.id, row.values[field.id]);
    if (rows.length < pageSize) return values;
  }
}

export async function convertToLink(
  platform: Platform,
  trx: store.Trx,
  context: { table: store.TableMeta; timeZone: string },
  field: Field,
  rawOptions: Record<string, unknown>,
  recorder: ChangeRecorder,
): Promise<LinkConversionReport> {
  const { dialect } = platform.database;
  if (field.isPrimary) throw new EngineError('VALIDATION_FAILED', 'body.type: the primary field cannot be a link', { path: 'body.type', field: field.id });
  const { input, creation } = splitLinkDefinition({ type: 'link', options: rawOptions }, 'body');
  const checked = normalizeFieldOptions('link', input.options, 'body.options');
  await requireLinkTarget(trx, context.table.baseId, checked.linkedTableId, 'body.options');
  const inverseId = creation.twoWay ? newId('field') : null;
  const options: LinkOptions = { ...checked, inverseFieldId: inverseId };
  const target: Field<LinkOptions> = { ...field, type: 'link', options };

  // Preload the linked records every value (or its display text) could name.
  const old = await nonEmptyValues(trx, dialect, field);
  const oldType = getFieldType(field.type);
  const format = { timeZone: context.timeZone, locale: 'en', users: await loadUserDirectory(trx) };
  const cells = [...old.values()].flatMap((value) => [
    { field: target as Field, value },
    { field: target as Field, value: typeof value === 'string' ? value : oldType.format(value, field.options, format) },
  ]);
  const ctx = await buildCastContext(platform, trx, {
    baseId: context.table.baseId,
    timeZone: context.timeZone,
    typecast: true,
    input: null,
    links: { fields: [target], cells },
  });

  await store.createJunction(trx, dialect, target);
  const lost: CellChange[] = [];
  const report = await store.changeFieldType(trx, dialect, field.id, { type: 'link', options }, (value) => convertValue(field, target, value, ctx), {
    onFailure: (failure) =>
      lost.push({ tableId: field.tableId, recordId: failure.recordId, fieldId: field.id, action: 'update', oldValue: failure.value, newValue: null }),
  });
  recorder.cells(lost);
  const linkField = report.field as Field<LinkOptions>;
  if (inverseId !== null) await addInverse(platform, trx, linkField, inverseId, context.table, creation, recorder);

  const linked = new Map([...(await nonEmptyValues(trx, dialect, linkField))].map(([id, value]) => [id, (value as LinkValue).map((record) => record.id)]));
  const { changes, otherSide } = await store.setLinks(trx, dialect, linkField, linked);
  const seeds: DirtyCells = new Map();
  addDirty(seeds, linkField.id, changes.map((change) => change.recordId));
  if (inverseId !== null) addDirty(seeds, inverseId, otherSide.map((change) => change.recordId));
  const schema = await loadSchemaForChange(platform, trx, context.table.baseId, context.timeZone);
  schema.graph.topologicalOrder(); // refuses a cycle the link would close
  for (const event of recalculationEvents(await recalculate(trx, dialect, schema, seeds))) recorder.event(event);
  return { converted: report.converted, failed: report.failed, failures: report.failures };
}
