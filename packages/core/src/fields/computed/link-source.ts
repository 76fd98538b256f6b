/**
 * Saving a lookup, rollup or count: the options they share (`linkFieldId`, `filter`) and their
 * save-time checks. The link must be a link field of the field's own table, named by id or
 * exact name; the condition is checked against the linked table's fields like any filter
 * (INVALID_FILTER / UNKNOWN_FIELD at `options.filter…`) and stored with field ids, so renaming
 * a field never breaks it.
 */
import { Type } from '@sinclair/typebox';
import { EngineError } from '../../errors';
import { findField } from '../../filters/field-reference';
import { FilterGroupSchema, isFilterGroupLike, maxFilterDepth, type FilterGroup } from '../../filters/filter-tree';
import { resolveFilter } from '../../filters/resolve-filter';
import type { Field } from '../field';
import { linkedTableIdOfLink } from './linked-records';
import type { ComputedPrepareContext } from './prepare-context';

export const linkSourceProperties = {
  linkFieldId: Type.String({ default: '', description: 'A link field of this table (id, or exact name on input)' }),
  filter: Type.Union([FilterGroupSchema, Type.Null()], {
    default: null,
    description: 'Only linked records matching this filter count (fields by id, or exact name on input)',
  }),
};

function invalidOptions(path: string, message: string, details: Record<string, unknown> = {}): EngineError {
  return new EngineError('INVALID_FIELD_OPTIONS', `${path}: ${message}`, { path, ...details });
}

/** A field of `tableId` named by id or exact name (ids win), or undefined. */
export function fieldOfTable(fields: ReadonlyMap<string, Field>, tableId: string, reference: unknown): Field | undefined {
  if (typeof reference !== 'string' || reference === '') return undefined;
  const own = [...fields.values()].filter((field) => field.tableId === tableId);
  return own.find((field) => field.id === reference) ?? own.find((field) => field.name === reference);
}

/** The condition with every field reference replaced by that field's id. */
function withFieldIds(node: unknown, fields: readonly Field[], path: string, depth: number): unknown {
  if (depth > maxFilterDepth || typeof node !== 'object' || node === null || Array.isArray(node)) return node;
  if (isFilterGroupLike(node)) {
    const group = node as { conditions?: unknown };
    const conditions = Array.isArray(group.conditions)
      ? group.conditions.map((child, index) => withFieldIds(child, fields, `${path}.conditions[${index}]`, depth + 1))
      : group.conditions;
    return { ...node, conditions };
  }
  const condition = node as { field?: unknown };
  return { ...node, field: findField(condition.field, fields, `${path}.field`).id };
}

export interface PreparedLinkSource {
  link: Field;
  linkedTableId: string;
  linkedFields: ReadonlyMap<string, Field>;
  filter: FilterGroup | null;
}

/** Checks and normalises `linkFieldId` and `filter` (see the module header). */
export function prepareLinkSource(options: Record<string, unknown>, ctx: ComputedPrepareContext): PreparedLinkSource {
  const link = fieldOfTable(ctx.fields, ctx.field.tableId, options.linkFieldId);
  if (!link || link.id === ctx.field.id) {
    throw invalidOptions('options.linkFieldId', `no field ${JSON.stringify(String(options.linkFieldId ?? ''))} in this table`, { field: options.linkFieldId });
  }
  if (link.type !== 'link') throw invalidOptions('options.linkFieldId', `"${link.name}" is not a link field`, { field: link.id });
  const linkedTableId = linkedTableIdOfLink(link);
  const linkedFields = new Map([...ctx.fields].filter(([, field]) => field.tableId === linkedTableId));
  let filter: FilterGroup | null = null;
  if (options.filter !== null && options.filter !== undefined) {
    const candidates = [...linkedFields.values()];
    resolveFilter(options.filter, candidates, { now: new Date(0), timeZone: 'UTC', stored: true }, { path: 'options.filter' });
    filter = withFieldIds(options.filter, candidates, 'options.filter', 1) as FilterGroup;
  }
  return { link, linkedTableId, linkedFields, filter };
}

/** The target field of a lookup or rollup: a field of the linked table, by id or exact name. */
export function prepareTarget(options: Record<string, unknown>, source: PreparedLinkSource): Field {
  const target = fieldOfTable(source.linkedFields, source.linkedTableId, options.targetFieldId);
  if (!target) {
    throw invalidOptions('options.targetFieldId', `no field ${JSON.stringify(String(options.targetFieldId ?? ''))} in the table "${source.link.name}" links to`, {
      field: options.targetFieldId,
    });
  }
  return target;
}
