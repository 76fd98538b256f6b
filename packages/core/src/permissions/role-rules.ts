/**
 * A custom role's rules (DESIGN §7, Bitable's "advanced permissions") as admins write them and
 * the API stores them: per table, access, record scopes for reading and editing, add / delete,
 * per-field rules and the views the role sees; and the dashboards it sees.
 *
 * Everything a role does not name is denied: a table without a rule is `none`, so a table
 * created after the role was saved stays invisible to it until an admin decides. Fields a table
 * rule does not name get `otherFields` (default `read`): rules are keyed by field id, so a field
 * deleted and re-created under the same name starts from that default, never the old rule.
 */
import { Type, type Static } from '@sinclair/typebox';
import { FilterGroupSchema } from '../filters/filter-tree';

/** What a role may do with a table, lowest first. */
export const tableAccessLevels = ['none', 'read', 'edit'] as const;
export type TableAccess = (typeof tableAccessLevels)[number];

/** What a role may do with one field, lowest first. */
export const fieldAccessLevels = ['hidden', 'read', 'edit'] as const;
export type FieldAccess = (typeof fieldAccessLevels)[number];

/** The lower of two field access levels. */
export function lowerFieldAccess(a: FieldAccess, b: FieldAccess): FieldAccess {
  return fieldAccessLevels.indexOf(a) <= fieldAccessLevels.indexOf(b) ? a : b;
}

/** The field access a table access level allows at most. */
export function fieldAccessCap(access: TableAccess): FieldAccess {
  return access === 'edit' ? 'edit' : access === 'read' ? 'read' : 'hidden';
}

export const RecordScopeSchema = Type.Union([
  Type.Object({ type: Type.Literal('all') }, { additionalProperties: false }),
  Type.Object(
    { type: Type.Literal('personField'), fieldId: Type.String({ description: 'A person or created-by field: records where it holds the caller' }) },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('createdByMe') }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('filter'), filter: FilterGroupSchema }, { additionalProperties: false, description: "A filter; 'me' stands for the caller" }),
]);
export type RecordScope = Static<typeof RecordScopeSchema>;

const FieldAccessSchema = Type.Union(fieldAccessLevels.map((level) => Type.Literal(level)));

export const TableRuleSchema = Type.Object(
  {
    access: Type.Union(tableAccessLevels.map((level) => Type.Literal(level))),
    canAdd: Type.Boolean({ default: false }),
    canDelete: Type.Boolean({ default: false }),
    readScope: Type.Optional(RecordScopeSchema),
    editScope: Type.Optional(RecordScopeSchema),
    fields: Type.Record(Type.String(), FieldAccessSchema, { default: {}, description: 'Field id → hidden / read / edit' }),
    otherFields: Type.Union(fieldAccessLevels.map((level) => Type.Literal(level)), { default: 'read', description: 'Fields the rule does not name' }),
    views: Type.Union([Type.Literal('all'), Type.Array(Type.String())], { default: 'all', description: "'all' or the view ids the role sees" }),
  },
  { additionalProperties: false },
);
export type TableRule = Static<typeof TableRuleSchema>;

export const RoleRulesSchema = Type.Object(
  {
    tables: Type.Record(Type.String(), TableRuleSchema, { default: {}, description: 'Table id → rule; tables not named are not accessible' }),
    dashboards: Type.Union([Type.Literal('all'), Type.Array(Type.String())], { default: 'all', description: "'all' or the dashboard ids the role sees" }),
  },
  { additionalProperties: false },
);
export type RoleRules = Static<typeof RoleRulesSchema>;

export const allRecords: RecordScope = { type: 'all' };
