/**
 * Base roles, lowest first. The order is the permission ladder the server checks routes against
 * (read ≥ viewer, write ≥ editor, design/manage ≥ admin, own = owner). A member may instead hold
 * a custom role (`rol_…`, see ./custom-roles.ts): on the ladder it stands as an editor — it
 * reaches the record routes, never design or management — and its rules decide, per table,
 * what it may actually read and write.
 */
import { builtinRoles, isBaseRoleKey, isId, type BuiltinRole } from '@multitable/core';

/** Core's built-in roles: the permissions they grant are computed there (permissions/table-permission.ts). */
export const baseRoles = builtinRoles;

export type BaseRole = BuiltinRole;

/** What a member holds: a built-in role or a custom role's id. */
export type MemberRole = BaseRole | `rol_${string}`;

export const isBaseRole = isBaseRoleKey;

export function isMemberRole(value: unknown): value is MemberRole {
  return isBaseRole(value) || isId('role', value);
}

/** Where a member stands on the route ladder. */
export function ladderRole(role: MemberRole): BaseRole {
  return isBaseRole(role) ? role : 'editor';
}

/** True when `role` is at least `minimum` on the ladder. */
export function roleAtLeast(role: BaseRole, minimum: BaseRole): boolean {
  return baseRoles.indexOf(role) >= baseRoles.indexOf(minimum);
}
