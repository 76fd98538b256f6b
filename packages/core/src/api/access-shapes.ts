/** Bases, members, custom roles and effective permissions as the REST API sends them. */
import type { FieldAccess, RecordScope, RoleRules } from '../permissions/role-rules';
import type { BuiltinRole } from '../permissions/table-permission';

/** What a member holds: a built-in role or a custom role's id. */
export type ApiMemberRole = BuiltinRole | `rol_${string}`;

export interface ApiBase {
  id: string;
  name: string;
  timeZone: string;
  createdAt: string;
  /** The caller's role in the base. */
  role: ApiMemberRole;
}

export interface ApiMember {
  userId: string;
  email: string;
  name: string;
  role: ApiMemberRole;
  createdAt: string;
}

export interface ApiRole {
  id: string;
  name: string;
  description: string;
  rules: RoleRules;
  createdAt: string;
  updatedAt: string;
}

/** The caller's effective permissions on one table, after every rule is applied. */
export interface ApiTablePermissions {
  tableId: string;
  role: string;
  access: 'read' | 'edit';
  canAdd: boolean;
  canDelete: boolean;
  /** May change fields, views and the table. */
  canDesign: boolean;
  readScope: RecordScope;
  editScope: RecordScope;
  /** Field id → read or edit, for every field the caller can read (the others do not exist). */
  fields: Record<string, Exclude<FieldAccess, 'hidden'>>;
  views: 'all' | string[];
}
