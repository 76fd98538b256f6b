/**
 * What one caller may do with one table: the effective permission every read and write path
 * asks (DESIGN §7). Built-in roles give it directly; a custom role's rules give it after one
 * more step — computed fields are readable only when everything they read is (see
 * ./computed-readability.ts), so a lookup never shows what its source hides.
 */
import type { Field } from '../fields/field';
import { allRecords, fieldAccessCap, lowerFieldAccess, type FieldAccess, type RecordScope, type RoleRules, type TableAccess } from './role-rules';

export interface TablePermission {
  tableId: string;
  access: TableAccess;
  canAdd: boolean;
  canDelete: boolean;
  /** Design the table — fields, views, the table itself: owners and admins only. */
  canDesign: boolean;
  readScope: RecordScope;
  /** Records the caller may edit are those in both scopes. */
  editScope: RecordScope;
  /** Every field of the table with what the caller may do with it. */
  fields: ReadonlyMap<string, FieldAccess>;
  /** The views the caller sees: 'all' or their ids. */
  views: 'all' | readonly string[];
  /** Granted by a built-in role: the whole table, including what no longer exists (deleted fields in history). */
  builtin: boolean;
}

/** The built-in roles, lowest first (storage keeps the same ladder for route checks). */
export const builtinRoles = ['viewer', 'editor', 'admin', 'owner'] as const;
export type BuiltinRole = (typeof builtinRoles)[number];

export function isBaseRoleKey(value: unknown): value is BuiltinRole {
  return typeof value === 'string' && (builtinRoles as readonly string[]).includes(value);
}

interface BuiltinGrant {
  access: TableAccess;
  manageRecords: boolean;
  canDesign: boolean;
}

const builtinGrants: Readonly<Record<BuiltinRole, BuiltinGrant>> = {
  viewer: { access: 'read', manageRecords: false, canDesign: false },
  editor: { access: 'edit', manageRecords: true, canDesign: false },
  admin: { access: 'edit', manageRecords: true, canDesign: true },
  owner: { access: 'edit', manageRecords: true, canDesign: true },
};

export function builtinTablePermission(role: BuiltinRole, tableId: string, fields: readonly Field[]): TablePermission {
  const grant = builtinGrants[role];
  const fieldAccess = fieldAccessCap(grant.access);
  return {
    tableId,
    access: grant.access,
    canAdd: grant.manageRecords,
    canDelete: grant.manageRecords,
    canDesign: grant.canDesign,
    readScope: allRecords,
    editScope: allRecords,
    fields: new Map(fields.map((field) => [field.id, fieldAccess])),
    views: 'all',
    builtin: true,
  };
}

/** A table's permission straight from a custom role's rule, before computed fields are checked. */
export function ruleTablePermission(rules: RoleRules, tableId: string, fields: readonly Field[]): TablePermission {
  const rule = rules.tables[tableId];
  if (!rule || rule.access === 'none') {
    return {
      tableId,
      access: 'none',
      canAdd: false,
      canDelete: false,
      canDesign: false,
      readScope: allRecords,
      editScope: allRecords,
      fields: new Map(fields.map((field) => [field.id, 'hidden' as const])),
      views: [],
      builtin: false,
    };
  }
  const cap = fieldAccessCap(rule.access);
  const editable = rule.access === 'edit';
  return {
    tableId,
    access: rule.access,
    canAdd: editable && rule.canAdd,
    canDelete: editable && rule.canDelete,
    canDesign: false,
    readScope: rule.readScope ?? allRecords,
    editScope: rule.editScope ?? allRecords,
    fields: new Map(fields.map((field) => [field.id, lowerFieldAccess(rule.fields[field.id] ?? rule.otherFields, cap)])),
    views: rule.views,
    builtin: false,
  };
}

export function canReadField(permission: TablePermission, fieldId: string): boolean {
  const access = permission.fields.get(fieldId);
  return access !== undefined && access !== 'hidden';
}

/** The fields of the table the caller may read, in the table's order. */
export function readableFields<F extends Field>(permission: TablePermission, fields: readonly F[]): F[] {
  return fields.filter((field) => canReadField(permission, field.id));
}
