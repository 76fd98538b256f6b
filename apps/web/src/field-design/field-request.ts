/**
 * What the field dialog sends: a new field's definition, or the smallest patch of a saved one —
 * only what changed, and the options whole when they changed or the type did (a type's options
 * only mean something with it). What the server keeps itself (core's `withoutServerState`: a
 * formula's names-form `formulaText`, result kinds, fill state) never goes back. Before anything is sent, core checks the options against the
 * type's schema, so most mistakes are named before a request.
 */
import { EngineError, normalizeFieldOptions, withoutServerState, type FieldTypeKey } from '@multitable/core';
import type { ApiField } from '../api/tables';

export interface FieldDraft {
  name: string;
  type: FieldTypeKey;
  description: string;
  options: Record<string, unknown>;
  /** The options editor changed the options. */
  optionsChanged: boolean;
}

export interface FieldDefinition {
  name: string;
  type: FieldTypeKey;
  description?: string;
  options?: Record<string, unknown>;
}

export type FieldPatch = Partial<FieldDefinition>;

/** Link parameters taken only at creation; not options of the type's schema. */
const creationOnly = ['twoWay', 'inverseName'] as const;

const sendable = withoutServerState;

/** The options core refuses, as its message (naming the option), or undefined when they pass. */
export function optionsProblem(type: FieldTypeKey, options: Record<string, unknown>): string | undefined {
  const checked = sendable(options);
  for (const key of creationOnly) delete checked[key];
  try {
    normalizeFieldOptions(type, checked, 'options');
    return undefined;
  } catch (error) {
    if (error instanceof EngineError) return error.message;
    throw error;
  }
}

export function newFieldDefinition(draft: FieldDraft): FieldDefinition {
  const options = sendable(draft.options);
  return {
    name: draft.name.trim(),
    type: draft.type,
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    ...(Object.keys(options).length > 0 ? { options } : {}),
  };
}

/** The patch turning `saved` into `draft`; empty when nothing changed. */
export function fieldPatch(saved: ApiField, draft: FieldDraft): FieldPatch {
  const patch: FieldPatch = {};
  if (draft.name.trim() !== saved.name) patch.name = draft.name.trim();
  if (draft.description.trim() !== saved.description) patch.description = draft.description.trim();
  if (draft.type !== saved.type) {
    patch.type = draft.type;
    patch.options = sendable(draft.options);
  } else if (draft.optionsChanged) patch.options = sendable(draft.options);
  return patch;
}

/** The options a dialog starts from: the saved field's when the type is its own, else none. */
export function startingOptions(saved: ApiField | undefined, type: FieldTypeKey): Record<string, unknown> {
  if (!saved || saved.type !== type) return {};
  const formulaText = saved.options.formulaText;
  return typeof formulaText === 'string' ? { ...saved.options, formula: formulaText } : { ...saved.options };
}
