/**
 * Saving computed fields (formula, lookup, rollup, count), called by the fields and tables
 * services inside their change. Options arrive as a person writes them — formulas with field
 * names or ids, links and targets by name or id, conditions over the linked table — and are
 * prepared by core into options as stored (ids only, the inferred result kind), refusing syntax
 * and type errors (INVALID_FORMULA with the position), a link that is not a link field of this
 * table, a target outside the linked table, and any reference to a field that is not in this
 * base. A field that would close a cycle is refused naming it (`Total → Share → Total`).
 *
 * Options the server keeps (`resultKind`, `targetShape`, `filling`, `refreshedAt`) are ignored on
 * input; a patch of a computed field's options is merged over its current options, so changing
 * `precision` does not need the formula again. The API shows `formulaText` (names) beside the
 * stored `formula` (ids).
 */
import {
  assertNoCycle,
  EngineError,
  fieldStorage,
  formulaDisplayText,
  getFieldType,
  hasComputedPreparer,
  newId,
  normalizeFieldOptions,
  prepareComputedOptions,
  rollupFormulaDisplayText,
  withoutServerState,
  type CastResult,
  type Field,
  type FieldTypeKey,
  type RollupOptions,
} from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../../platform';
import type { ChangeRecorder } from './change-recorder';
import type { FieldDefinitionInput } from './field-input';
import type { ComputedInputs } from './recalculation/dependents';
import { refreshDependents } from './recalculation/dependents';
import { fillFields, type FillJob } from './recalculation/fill';
import { loadSchemaForChange } from './recalculation/recalculate';

/** True for the computed types prepared here. */
export function isComputedType(type: string): boolean {
  return hasComputedPreparer(type);
}

/** A definition from the API with the server-kept options of a computed type dropped. */
export function computedDefinitionInput<T extends Pick<FieldDefinitionInput, 'type' | 'options'>>(input: T): T {
  if (!isComputedType(input.type) || !input.options) return input;
  return { ...input, options: withoutServerState(input.options) };
}

/** A computed field's options after a patch: the person's part of the current options, then the patch. */
export function mergedComputedOptions(field: Field, patch: Record<string, unknown>): Record<string, unknown> {
  return { ...withoutServerState(field.options), ...withoutServerState(patch) };
}

export interface ComputedFieldDraft {
  id: string;
  tableId: string;
  name: string;
  type: FieldTypeKey;
  /** Options checked against the type's schema (normalizeFieldOptions). */
  options: Record<string, unknown>;
}

/**
 * Options as stored for a computed field about to be created or changed (see the module header).
 * Throws INVALID_FORMULA, INVALID_FIELD_OPTIONS, INVALID_FILTER or UNKNOWN_FIELD naming the path.
 */
export async function prepareComputedField(platform: Platform, trx: store.Trx, baseId: string, timeZone: string, draft: ComputedFieldDraft): Promise<Record<string, unknown>> {
  const schema = await loadSchemaForChange(platform, trx, baseId, timeZone);
  const self = { id: draft.id, tableId: draft.tableId, name: draft.name };
  const prepared = prepareComputedOptions(draft.type, draft.options, { field: self, fields: schema.fieldsById });
  const options = normalizeFieldOptions(draft.type, { ...prepared, filling: null }, 'body.options') as Record<string, unknown>;
  const candidate: Field = { ...self, type: draft.type, options, description: '', isPrimary: false };
  const fields = new Map(schema.fieldsById);
  fields.set(candidate.id, candidate);
  const computer = getFieldType(draft.type).computer!(candidate, { ...schema.context, fields });
  assertNoCycle([...schema.graph.fields.values()], { ...self, dependencies: computer.dependencies });
  return options;
}

/** Options as the API shows them: stored, plus `formulaText` with field names for formulas. */
export function presentComputedOptions(field: Field, fieldsById: ReadonlyMap<string, Field>): Record<string, unknown> {
  if (field.type === 'formula') return { ...field.options, formulaText: formulaDisplayText(field as Field<{ formula?: unknown }>, fieldsById) };
  if (field.type === 'rollup' && (field.options as Partial<RollupOptions>).aggregation === 'formula') {
    return { ...field.options, formulaText: rollupFormulaDisplayText(field.options as RollupOptions) };
  }
  return field.options;
}

/**
 * Saves a computed field's prepared options. When they change its column kind (a formula whose
 * result became a number), the column is replaced by an empty one of the new kind; the fill
 * that follows computes every value.
 */
export async function saveComputedOptions(trx: store.Trx, dialect: store.SqlDialect, field: Field, options: Record<string, unknown>): Promise<Field> {
  const next = { ...field, options };
  if (JSON.stringify(fieldStorage(next)) === JSON.stringify(fieldStorage(field))) return store.updateField(trx, dialect, field.id, { options });
  return (await store.changeFieldType(trx, dialect, field.id, { type: field.type, options }, () => ({ ok: true, value: null }))).field;
}

/**
 * How values convert when a field's type changes to or from a computed type: into a computed
 * type, stored values are replaced by computed ones (reported, and kept in history, as values
 * that could not be converted); from one computed type to another nothing is lost (they are
 * derived). Undefined when core's conversion applies (stored → stored, computed → stored).
 */
export function computedConversion(from: Field, toType: string): ((value: unknown) => CastResult<unknown, unknown>) | undefined {
  if (!isComputedType(toType)) return undefined;
  if (!getFieldType(from.type).writable) return () => ({ ok: true, value: null });
  return () => ({ ok: false, reason: `replaced by the computed values of the ${toType} field` });
}

/** Adds a computed field: options prepared (see prepareComputedField), then the field and its columns. */
export async function addComputedField(
  platform: Platform,
  trx: store.Trx,
  scope: { baseId: string; timeZone: string },
  table: store.TableMeta,
  definition: { name: string; type: FieldTypeKey; options: Record<string, unknown>; description?: string },
  at: Date,
): Promise<Field> {
  const id = newId('field');
  const options = await prepareComputedField(platform, trx, scope.baseId, scope.timeZone, { id, tableId: table.id, name: definition.name, type: definition.type, options: definition.options });
  return store.addField(trx, platform.database.dialect, { ...definition, id, tableId: table.id, options }, at);
}

/**
 * After fields were created, changed type or options (`changed`), or deleted (since `before`):
 * computed fields reading them are prepared again and everything affected is filled. Returns the
 * background jobs to start once the change has committed (`backgroundFills(platform).start`).
 */
export async function afterFieldChange(
  platform: Platform,
  trx: store.Trx,
  scope: { baseId: string; timeZone: string; actorId: string },
  change: { changed: readonly string[]; before?: ComputedInputs },
  recorder: ChangeRecorder,
): Promise<FillJob[]> {
  const toFill = await refreshDependents(platform, trx, scope, change);
  return fillFields(platform, trx, scope, toFill, recorder);
}

/**
 * A new table's first field is its primary field and is created with the table, before any other
 * field a computation could read: it cannot be computed. (A computed field added later can still
 * be the primary field of an existing table.)
 */
export function refuseComputedPrimary(type: string, path: string): void {
  if (!isComputedType(type)) return;
  throw new EngineError('VALIDATION_FAILED', `${path}: a new table's first field (its primary field) cannot be a ${type} field; add the ${type} field after creating the table`, {
    path,
    type,
  });
}
