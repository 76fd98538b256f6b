/**
 * Count: how many records a link field links to, optionally only those matching a condition.
 * Options: `linkFieldId` (a link field of this table) and `filter` (null for all linked records).
 * Value: a whole number, 0 when nothing is linked; an error value when its link or a condition
 * field was deleted. Read-only; materialized in a number column, so it filters and sorts as a
 * number does.
 */
import { Type, type Static } from '@sinclair/typebox';
import { cellError, errorText, isCellError } from '../computed/cell-errors';
import { fillingProperty, refreshedAtProperty } from '../computed/computed-state';
import { conditionReadsClock, linkedSource, type LinkSourceOptions } from '../computed/linked-records';
import { linkSourceProperties, prepareLinkSource } from '../computed/link-source';
import type { ComputedPrepareContext } from '../computed/prepare-context';
import { formatGrouped } from '../cast-helpers';
import type { Field } from '../field';
import type { ComputeContext, FieldComputer, FieldTypeDefinition } from '../field-type';
import { compareNumbers, numberOperators } from '../number-helpers';

const optionsSchema = Type.Object({ ...linkSourceProperties, ...fillingProperty, ...refreshedAtProperty }, { additionalProperties: false });

export type CountOptions = Static<typeof optionsSchema>;

export function prepareCountOptions(options: Record<string, unknown>, ctx: ComputedPrepareContext): Record<string, unknown> {
  const source = prepareLinkSource(options, ctx);
  return { ...options, linkFieldId: source.link.id, filter: source.filter };
}

function countComputer(field: Field<CountOptions>, ctx: ComputeContext): FieldComputer {
  const source = linkedSource(field, field.options as LinkSourceOptions, ctx);
  if (source.problem !== undefined) return { dependencies: [], compute: () => cellError('#ERROR', source.problem!) };
  const linkFieldId = source.link?.id;
  return {
    dependencies: source.dependencies(null),
    compute: (input) => source.records(input).length,
    // One less for each changed record it counted, one more for each it counts now.
    update({ current, changes }) {
      if (typeof current !== 'number' || !Number.isInteger(current)) return undefined;
      let count = current;
      for (const change of changes) {
        if (change.linkFieldId !== linkFieldId) continue;
        if (change.before && source.matches(change.before)) count--;
        if (change.after && source.matches(change.after)) count++;
      }
      return count >= 0 ? { value: count } : undefined;
    },
  };
}

export const count: FieldTypeDefinition<CountOptions, number> = {
  type: 'count',
  optionsSchema,
  valueSchema: () => Type.Union([Type.Integer({ minimum: 0 }), Type.Object({ error: Type.String(), reason: Type.String() })]),
  storage: { kind: 'number', errors: true },
  writable: false,
  cast(input) {
    if (input === null || input === undefined || input === '') return { ok: true, value: null };
    if (isCellError(input)) return { ok: true, value: input as never };
    const value = typeof input === 'string' ? Number(input.trim()) : input;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return { ok: true, value };
    return { ok: false, reason: 'a count is a whole number of at least 0' };
  },
  format: (value) => (isCellError(value) ? errorText(value) : formatGrouped(value, 0)),
  operators: numberOperators,
  compare: compareNumbers,
  computer: countComputer,
  readsClock: (field, fields) => conditionReadsClock(field.options as LinkSourceOptions, fields),
};
