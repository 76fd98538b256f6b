/**
 * Keeping computed fields true when the fields they read change shape. After a field changes
 * type or options, or is deleted, every computed field reading it (directly or through others)
 * has its options prepared again — a formula over a text field that became a number now gives a
 * number; a lookup shows its target's new options — and when its column kind changes, the column
 * is replaced (emptied, then filled). Options that no longer prepare (a formula whose input
 * became a date, a reference that was deleted) are kept: the field's cells then hold error
 * values or converted results, as in Airtable, until someone edits the field.
 *
 * Returns the fields to fill (./fill.ts): those that changed, those that lost an input, and
 * those whose column was replaced — the executor then cascades to everything reading them.
 */
import { fieldStorage, hasComputedPreparer, normalizeFieldOptions, prepareComputedOptions, withoutServerState, type Dependency, type Field } from '@multitable/core';
import * as store from '@multitable/storage';
import type { Platform } from '../../../platform';
import { loadSchemaForChange } from './recalculate';

/** Computed field id → the fields it reads. */
export type ComputedInputs = ReadonlyMap<string, ReadonlySet<string>>;

function inputsOf(dependencies: readonly Dependency[]): Set<string> {
  const inputs = new Set<string>();
  for (const dependency of dependencies) {
    if (dependency.kind === 'sameRecord') inputs.add(dependency.fieldId);
    else {
      inputs.add(dependency.linkFieldId);
      if (dependency.targetFieldId) inputs.add(dependency.targetFieldId);
    }
  }
  return inputs;
}

/** What every computed field of the base reads — taken before deleting fields. */
export async function snapshotComputedInputs(platform: Platform, trx: store.Trx, baseId: string, timeZone: string): Promise<ComputedInputs> {
  const schema = await loadSchemaForChange(platform, trx, baseId, timeZone);
  return new Map([...schema.dependencies].map(([id, dependencies]) => [id, inputsOf(dependencies)]));
}

const serverState = ['filling', 'refreshedAt'] as const;

/** The field's options prepared again against `fields`, keeping its server state; undefined when they no longer prepare. */
function preparedAgain(field: Field, fields: ReadonlyMap<string, Field>): Record<string, unknown> | undefined {
  try {
    const prepared = prepareComputedOptions(field.type, withoutServerState(field.options), { field, fields });
    for (const key of serverState) if (Object.hasOwn(field.options, key)) prepared[key] = field.options[key];
    return normalizeFieldOptions(field.type, prepared) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * After `changed` fields changed type or options (their own options already saved), and fields
 * deleted since `before` was taken: re-derives the computed fields reading them; returns the
 * field ids to fill (see the module header).
 */
export async function refreshDependents(
  platform: Platform,
  trx: store.Trx,
  scope: { baseId: string; timeZone: string },
  change: { changed: readonly string[]; before?: ComputedInputs },
): Promise<string[]> {
  const { dialect } = platform.database;
  const schema = await loadSchemaForChange(platform, trx, scope.baseId, scope.timeZone);
  const exists = (id: string) => schema.fieldsById.has(id);
  // A changed field needs filling when it is computed or something computed reads it.
  const changed = change.changed.filter((id) => exists(id) && (schema.computers.has(id) || schema.graph.dependentsOf(id).length > 0));
  const lostInput = [...(change.before ?? [])].filter(([id, inputs]) => exists(id) && [...inputs].some((input) => !exists(input))).map(([id]) => id);
  const reached = schema.graph.recalculationOrder([...changed, ...lostInput]).map((node) => node.id);
  const rederive = [...new Set([...lostInput, ...reached])].filter((id) => !changed.includes(id) && hasComputedPreparer(schema.fieldsById.get(id)!.type));

  const fields = new Map(schema.fieldsById);
  const replaced: string[] = [];
  for (const id of rederive) {
    const field = fields.get(id)!;
    const options = preparedAgain(field, fields);
    if (!options || JSON.stringify(options) === JSON.stringify(field.options)) continue;
    const next = { ...field, options };
    if (JSON.stringify(fieldStorage(next)) !== JSON.stringify(fieldStorage(field))) {
      await store.changeFieldType(trx, dialect, id, { type: field.type, options }, () => ({ ok: true, value: null }));
      replaced.push(id);
    } else {
      await store.updateField(trx, dialect, id, { options });
    }
    fields.set(id, next);
  }
  return [...new Set([...changed, ...lostInput, ...replaced])];
}
