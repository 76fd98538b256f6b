/**
 * Save-time preparation of computed fields, keyed by field-type key (a registry beside the field
 * types, like the query profiles): options as a person gave them → options as stored, checked
 * against the base's fields. The server runs it when a computed field is created or changed, and
 * again for computed fields whose inputs changed type, so derived options stay true.
 */
import { prepareCountOptions } from '../types/count';
import { prepareFormulaOptions } from '../types/formula';
import { prepareLookupOptions } from '../types/lookup';
import { prepareRollupOptions } from '../types/rollup';
import type { ComputedPrepareContext } from './prepare-context';

export type PrepareComputedOptions = (options: Record<string, unknown>, ctx: ComputedPrepareContext) => Record<string, unknown>;

export const computedOptionPreparers: Readonly<Record<string, PrepareComputedOptions>> = {
  formula: prepareFormulaOptions,
  lookup: prepareLookupOptions,
  rollup: prepareRollupOptions,
  count: prepareCountOptions,
};

/** True for the types prepared here (formula, lookup, rollup, count). */
export function hasComputedPreparer(type: string): boolean {
  return Object.hasOwn(computedOptionPreparers, type);
}

/** Stored options of a computed field; options of other types are returned unchanged. */
export function prepareComputedOptions(type: string, options: Record<string, unknown>, ctx: ComputedPrepareContext): Record<string, unknown> {
  return hasComputedPreparer(type) ? computedOptionPreparers[type]!(options, ctx) : options;
}
