/**
 * Base roles, lowest first. The order is the permission ladder the server checks against
 * (read ≥ viewer, write ≥ editor, design/manage ≥ admin, own = owner).
 */
export const baseRoles = ['viewer', 'editor', 'admin', 'owner'] as const;

export type BaseRole = (typeof baseRoles)[number];

export function isBaseRole(value: unknown): value is BaseRole {
  return typeof value === 'string' && (baseRoles as readonly string[]).includes(value);
}

/** True when `role` is at least `minimum` on the ladder. */
export function roleAtLeast(role: BaseRole, minimum: BaseRole): boolean {
  return baseRoles.indexOf(role) >= baseRoles.indexOf(minimum);
}
