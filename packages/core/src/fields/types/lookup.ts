/**
 * Lookup: a field's values through a link. Options: `linkFieldId` (a link field of this table),
 * `targetFieldId` (a field of the linked table), `filter` (only linked records matching it; null
 * for all), and `targetShape` — the looked-up field's type and options, kept by the server so
 * values are shown, filtered and read by formulas as the target's values are.
 *
 * Value: a flat list of the target's non-empty values, record by record in link order (list
 * values — multiple selects, people, links, other lookups — flattened into it); null when there
 * are none. Error values of a failed formula target stay in the list as `{ error, reason }`.
 * Read-only; materialized in a JSON column.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { QueryProfile } from '../../filters/query-profiles';
import { queryProfiles } from '../../filters/query-profiles';
import type { OperatorKey } from '../../filters/operator-keys';
import { cellError, errorText, isCellError } from '../computed/cell-errors';
import { fillingProperty, refreshedAtProperty } from '../computed/computed-state';
import { conditionReadsClock, linkedSource, type LinkSourceOptions } from '../computed/linked-records';
import { linkSourceProperties, prepareLinkSource, prepareTarget } from '../computed/link-source';
import type { ComputedPrepareContext } from '../computed/prepare-context';
import type { Field } from '../field';
import type { ComputeContext, FieldComputer, FieldTypeDefinition, FormatContext } from '../field-type';
import { getFieldType, isFieldTypeKey } from '../registry';
import { compareText } from '../text-helpers';
import { fieldValueKind } from '../value-kinds';

const optionsSchema = Type.Object(
  {
    ...linkSourceProperties,
    targetFieldId: Type.String({ default: '', description: 'The field of the linked table to look up (id, or exact name on input)' }),
    targetShape: Type.Union([Type.Object({ type: Type.String(), options: Type.Record(Type.String(), Type.Unknown()) }), Type.Null()], {
      default: null,
      description: "The looked-up field's type and options (kept by the server)",
    }),
    ...fillingProperty,
    ...refreshedAtProperty,
  },
  { additionalProperties: false },
);

export type LookupOptions = Static<typeof optionsSchema>;

type Shape = Pick<Field, 'type' | 'options'>;

function shapeOf(options: LookupOptions): Shape | undefined {
  const shape = options.targetShape;
  return shape && isFieldTypeKey(shape.type) ? { type: shape.type, options: shape.options } : undefined;
}

function targetProfile(options: LookupOptions): QueryProfile | undefined {
  const shape = shapeOf(options);
  const profile = shape && Object.hasOwn(queryProfiles, shape.type) ? queryProfiles[shape.type] : undefined;
  return profile ? profile(shape!.options) : undefined;
}

/** Lists of text (and dates, select names, user ids) can be asked which values they hold; links by id and title; the rest only emptiness. */
export function lookupQueryProfile(options: LookupOptions): QueryProfile {
  const values = targetProfile(options)?.values;
  if (values === 'linkList') return { values: 'linkList', acceptsMe: false, sort: 'linkTitles' };
  if (values === 'text' || values === 'textList' || values === 'date') return { values: 'textList', acceptsMe: values === 'textList' && targetProfile(options)!.acceptsMe, sort: 'jsonText' };
  return { values: 'objectList', acceptsMe: false, sort: 'jsonText' };
}

export function prepareLookupOptions(options: Record<string, unknown>, ctx: ComputedPrepareContext): Record<string, unknown> {
  const source = prepareLinkSource(options, ctx);
  const target = prepareTarget(options, source);
  return {
    ...options,
    linkFieldId: source.link.id,
    targetFieldId: target.id,
    filter: source.filter,
    targetShape: { type: target.type, options: withoutFillState(target.options) },
  };
}

/** The target's options without its fill and refresh state, which say nothing about its values' shape. */
function withoutFillState(options: Record<string, unknown>): Record<string, unknown> {
  const { filling: _filling, refreshedAt: _refreshedAt, ...shape } = options;
  return shape;
}

function isListShape(shape: Shape): boolean {
  return typeof fieldValueKind(shape) === 'object';
}

function lookupComputer(field: Field<LookupOptions>, ctx: ComputeContext): FieldComputer {
  const options = field.options;
  const source = linkedSource(field, options as LinkSourceOptions, ctx);
  const target = source.linkedFields.get(options.targetFieldId);
  const problem = source.problem ?? (target ? undefined : `the looked-up field ${options.targetFieldId} of "${field.name}" no longer exists`);
  if (problem !== undefined || !target) return { dependencies: [], compute: () => cellError('#ERROR', problem ?? 'the lookup cannot be computed') };
  return {
    dependencies: source.dependencies(target.id),
    compute(input) {
      const values: unknown[] = [];
      for (const record of source.records(input)) {
        const value = record.values[target.id];
        if (value === null || value === undefined) continue;
        if (Array.isArray(value)) values.push(...value);
        else values.push(value);
      }
      return values.length === 0 ? null : values;
    },
  };
}

function formatItem(item: unknown, shape: Shape | undefined, ctx: FormatContext): string {
  if (item === null || item === undefined) return '';
  if (isCellError(item)) return errorText(item);
  if (!shape) return typeof item === 'string' ? item : (JSON.stringify(item) ?? '');
  try {
    return getFieldType(shape.type).format(isListShape(shape) ? [item] : item, shape.options, ctx);
  } catch {
    return typeof item === 'string' ? item : (JSON.stringify(item) ?? '');
  }
}

const titleText = (value: unknown[]) =>
  JSON.stringify(value.map((item) => (typeof item === 'object' && item !== null && 'title' in item ? (item as { title: unknown }).title : item)));

const lookupOperators: readonly OperatorKey[] = ['hasAnyOf', 'hasAllOf', 'hasNoneOf', 'isExactly', 'contains', 'doesNotContain', 'isEmpty', 'isNotEmpty'];

export const lookup: FieldTypeDefinition<LookupOptions, unknown[]> = {
  type: 'lookup',
  optionsSchema,
  valueSchema: () => Type.Union([Type.Array(Type.Unknown(), { minItems: 1 }), Type.Object({ error: Type.String(), reason: Type.String() })]),
  storage: { kind: 'json', errors: true },
  writable: false,
  cast(input) {
    if (input === null || input === undefined || (Array.isArray(input) && input.length === 0)) return { ok: true, value: null };
    if (isCellError(input)) return { ok: true, value: input as never };
    return Array.isArray(input) ? { ok: true, value: input } : { ok: true, value: [input] };
  },
  format: (value, options, ctx) => (isCellError(value) ? errorText(value) : value.map((item) => formatItem(item, shapeOf(options), ctx)).join(', ')),
  operators: lookupOperators,
  compare(a, b, options) {
    if (lookupQueryProfile(options).sort === 'linkTitles') return compareText(titleText(a), titleText(b));
    return compareText(JSON.stringify(a), JSON.stringify(b));
  },
  computer: lookupComputer,
  readsClock: (field, fields) => conditionReadsClock(field.options as LinkSourceOptions, fields),
};
