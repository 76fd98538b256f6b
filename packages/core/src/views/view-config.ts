/**
 * A view's configuration: filter, sorts, hidden fields, field order, column widths, frozen
 * columns, row height, and the fields kanban, calendar and gallery layouts are built on. The schema (for OpenAPI), the defaults, and the normaliser
 * that every save goes through.
 *
 * Normalising validates everything against the table's fields — errors name the JSON path,
 * e.g. `config.sorts[1].direction` — and rewrites every field reference to the field's id, so
 * renaming a field never breaks a view. Missing properties take their defaults; unknown ones are
 * refused. What the normaliser does not do: drop references to fields deleted later (the field
 * deletion command must clean views up).
 */
import { Type } from '@sinclair/typebox';
import { EngineError } from '../errors';
import type { Field } from '../fields/field';
import { findField } from '../filters/field-reference';
import { FilterGroupSchema, SortListSchema, isFilterGroupLike, type FilterCondition, type FilterGroup, type SortDirection, type SortSpec } from '../filters/filter-tree';
import { maxGroupLevels, resolveGroupBy } from '../grouping/resolve-group-by';
import { resolveFilter } from '../filters/resolve-filter';
import { resolveSorts } from '../filters/resolve-sorts';
import { layoutFieldTypes, type LayoutSetting } from './view-types';

export const rowHeights = ['short', 'medium', 'tall', 'extraTall'] as const;
export type RowHeight = (typeof rowHeights)[number];

export const minColumnWidth = 32;
export const maxColumnWidth = 2000;
export const maxFrozenColumnCount = 10;

export interface ViewConfig {
  filter: FilterGroup | null;
  sorts: SortSpec[];
  /** Ids of fields the view hides. */
  hiddenFieldIds: string[];
  /** Field ids in display order; fields not listed follow in table order. */
  fieldOrder: string[];
  /** Column width in pixels by field id; fields not listed use the grid's default. */
  columnWidths: Record<string, number>;
  /** Leading columns that stay in place while scrolling sideways (the primary field by default). */
  frozenColumnCount: number;
  rowHeight: RowHeight;
  /** Grid: up to three levels of grouping, outermost first (an empty list: no groups). */
  groupBy: Array<{ field: string; direction: SortDirection }>;
  /** Kanban: the single select or person field whose values are the columns. */
  groupFieldId: string | null;
  /** Calendar: the date a record is placed on. */
  dateFieldId: string | null;
  /** Gallery: the attachment field whose first image is a card's cover. */
  coverFieldId: string | null;
}

export const ViewConfigSchema = Type.Object(
  {
    filter: Type.Union([FilterGroupSchema, Type.Null()], { default: null }),
    sorts: Type.Array(SortListSchema.items, { default: [], maxItems: SortListSchema.maxItems }),
    hiddenFieldIds: Type.Array(Type.String(), { default: [] }),
    fieldOrder: Type.Array(Type.String(), { default: [] }),
    columnWidths: Type.Record(Type.String(), Type.Integer({ minimum: minColumnWidth, maximum: maxColumnWidth }), { default: {} }),
    frozenColumnCount: Type.Integer({ minimum: 0, maximum: maxFrozenColumnCount, default: 1 }),
    rowHeight: Type.Union(
      rowHeights.map((height) => Type.Literal(height)),
      { default: 'short' },
    ),
    groupBy: Type.Array(Type.Object({ field: Type.String(), direction: Type.Union([Type.Literal('asc'), Type.Literal('desc')]) }), {
      default: [],
      maxItems: maxGroupLevels,
      description: 'Grid: group levels, outermost first',
    }),
    groupFieldId: Type.Union([Type.String(), Type.Null()], { default: null, description: 'Kanban: a single select or person field' }),
    dateFieldId: Type.Union([Type.String(), Type.Null()], { default: null, description: 'Calendar: a date field' }),
    coverFieldId: Type.Union([Type.String(), Type.Null()], { default: null, description: 'Gallery: an attachment field' }),
  },
  { additionalProperties: false },
);

export function defaultViewConfig(): ViewConfig {
  return {
    filter: null,
    sorts: [],
    hiddenFieldIds: [],
    fieldOrder: [],
    columnWidths: {},
    frozenColumnCount: 1,
    rowHeight: 'short',
    groupBy: [],
    groupFieldId: null,
    dateFieldId: null,
    coverFieldId: null,
  };
}

export interface NormaliseViewConfigOptions {
  /** JSON path of the configuration in the caller's input. Default `config`. */
  path?: string;
}

function invalid(path: string, message: string): EngineError {
  return new EngineError('VALIDATION_FAILED', `${message} (at ${path})`, { path });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Field references → ids, each field once, in the order given. */
function fieldIdList(value: unknown, fields: readonly Field[], path: string): string[] {
  if (!Array.isArray(value)) throw invalid(path, 'Expected an array of field ids');
  const ids = value.map((reference: unknown, index) => findField(reference, fields, `${path}[${index}]`).id);
  return [...new Set(ids)];
}

function columnWidths(value: unknown, fields: readonly Field[], path: string): Record<string, number> {
  if (!isPlainObject(value)) throw invalid(path, 'Expected an object of widths by field id');
  const widths: Record<string, number> = {};
  for (const [reference, width] of Object.entries(value)) {
    const keyPath = `${path}[${JSON.stringify(reference)}]`;
    const id = findField(reference, fields, keyPath).id;
    if (typeof width !== 'number' || !Number.isInteger(width) || width < minColumnWidth || width > maxColumnWidth) {
      throw invalid(keyPath, `Expected a whole number of pixels from ${minColumnWidth} to ${maxColumnWidth}`);
    }
    widths[id] = width;
  }
  return widths;
}

/** A copy of a validated filter tree with every field reference replaced by the field's id. */
function filterWithIds(group: FilterGroup, fields: readonly Field[], path: string): FilterGroup {
  return {
    conjunction: group.conjunction,
    conditions: group.conditions.map((node, index) => {
      const nodePath = `${path}.conditions[${index}]`;
      if (isFilterGroupLike(node)) return filterWithIds(node as FilterGroup, fields, nodePath);
      const condition = node as FilterCondition;
      const copy: FilterCondition = { field: findField(condition.field, fields, `${nodePath}.field`).id, operator: condition.operator };
      if (condition.value !== undefined) copy.value = JSON.parse(JSON.stringify(condition.value)) as unknown;
      return copy;
    }),
  };
}

/** A layout setting: null, or a field (by id or name) of one of the types the setting accepts. */
function layoutField(setting: LayoutSetting) {
  return (value: unknown, fields: readonly Field[], path: string): string | null => {
    if (value === null) return null;
    const field = findField(value, fields, path);
    const accepted: readonly string[] = layoutFieldTypes[setting];
    if (!accepted.includes(field.type)) throw invalid(path, `"${field.name}" is a ${field.type} field; expected ${accepted.join(' or ')}`);
    return field.id;
  };
}

const readers: { readonly [K in keyof ViewConfig]: (value: unknown, fields: readonly Field[], path: string) => ViewConfig[K] } = {
  filter(value, fields, path) {
    if (value === null) return null;
    // Validates shape, fields, operators and operands; the clock and zone do not matter here.
    resolveFilter(value, fields, { now: new Date(), timeZone: 'UTC' }, { path });
    return filterWithIds(value as FilterGroup, fields, path);
  },
  sorts: (value, fields, path) =>
    resolveSorts(value ?? [], fields, { path }).map((sort) => ({ field: sort.target.field.id, direction: sort.direction })),
  hiddenFieldIds(value, fields, path) {
    const ids = fieldIdList(value, fields, path);
    const primary = fields.find((field) => field.isPrimary && ids.includes(field.id));
    if (primary) throw invalid(path, `The primary field "${primary.name}" cannot be hidden`);
    return ids;
  },
  fieldOrder: fieldIdList,
  columnWidths,
  frozenColumnCount(value, _fields, path) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > maxFrozenColumnCount) {
      throw invalid(path, `Expected a whole number from 0 to ${maxFrozenColumnCount}`);
    }
    return value;
  },
  rowHeight(value, _fields, path) {
    if (!(rowHeights as readonly unknown[]).includes(value)) throw invalid(path, `Expected one of ${rowHeights.join(', ')}`);
    return value as RowHeight;
  },
  groupBy(value, fields, path) {
    if (Array.isArray(value) && value.length === 0) return [];
    return resolveGroupBy(value, fields, { path }).map((level) => ({ field: level.target.field.id, direction: level.direction }));
  },
  groupFieldId: layoutField('groupFieldId'),
  dateFieldId: layoutField('dateFieldId'),
  coverFieldId: layoutField('coverFieldId'),
};

/**
 * Validates a view configuration (partial or whole; null for all defaults) against the table's
 * fields and returns it complete, with field ids in place of names. Throws VALIDATION_FAILED,
 * INVALID_FILTER or UNKNOWN_FIELD naming the JSON path.
 */
export function normaliseViewConfig(input: unknown, fields: readonly Field[], options: NormaliseViewConfigOptions = {}): ViewConfig {
  const path = options.path ?? 'config';
  const config = defaultViewConfig();
  if (input === null || input === undefined) return config;
  if (!isPlainObject(input)) throw invalid(path, 'Expected a view configuration object');
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(readers, key)) throw invalid(`${path}.${key}`, `Unexpected property "${key}"`);
  }
  const write = <K extends keyof ViewConfig>(key: K) => {
    if (input[key] !== undefined) config[key] = readers[key](input[key], fields, `${path}.${key}`);
  };
  (Object.keys(readers) as Array<keyof ViewConfig>).forEach(write);
  return config;
}

/** The fields a view shows, in its order: `fieldOrder` first, the rest in table order, hidden ones left out. */
export function visibleFields(config: Pick<ViewConfig, 'fieldOrder' | 'hiddenFieldIds'>, fields: readonly Field[]): Field[] {
  const byId = new Map(fields.map((field) => [field.id, field]));
  const ordered = config.fieldOrder.flatMap((id) => byId.get(id) ?? []);
  const rest = fields.filter((field) => !config.fieldOrder.includes(field.id));
  const hidden = new Set(config.hiddenFieldIds);
  return [...ordered, ...rest].filter((field) => !hidden.has(field.id));
}
