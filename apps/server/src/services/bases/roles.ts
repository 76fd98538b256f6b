/**
 * Custom roles of a base (DESIGN §7): admins and owners create, change and delete them (the
 * route's `base:design`); their rules are checked against the base's tables, fields and views by
 * core before they are stored. A changed role applies to its members' next request: permissions
 * are keyed by the role's version (services/access/table-permissions.ts).
 */
import { EngineError, newId, normalizeRoleRules, type ApiRole, type RoleRules, type RoleRulesSchemaTable } from '@multitable/core';
import * as store from '@multitable/storage';
import { nowIso, type Platform } from '../../platform';

export type RoleView = ApiRole;

export interface RoleInput {
  name: string;
  description?: string | undefined;
  rules: unknown;
}

function present(role: store.CustomRoleRecord): RoleView {
  return { id: role.id, name: role.name, description: role.description, rules: role.rules as RoleRules, createdAt: role.createdAt, updatedAt: role.updatedAt };
}

function roleName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new EngineError('VALIDATION_FAILED', 'body.name: a role needs a name', { path: 'body.name' });
  return trimmed;
}

/** What rules are checked against: every table of the base with its fields and views. */
async function rulesSchema(db: store.Executor, baseId: string): Promise<RoleRulesSchemaTable[]> {
  const tables = await store.listTables(db, baseId);
  return Promise.all(
    tables.map(async (table) => ({
      id: table.id,
      fields: await store.listFields(db, table.id),
      // Roles list shared views: personal views are their owners' whatever their role.
      viewIds: (await store.listViews(db, table.id)).filter((view) => view.ownerId === null).map((view) => view.id),
    })),
  );
}

function notFound(roleId: string): EngineError {
  return new EngineError('NOT_FOUND', `Role ${roleId} not found`, { role: roleId });
}

export async function listRoles(platform: Platform, baseId: string): Promise<RoleView[]> {
  return (await store.listCustomRoles(platform.database.db, baseId)).map(present);
}

export async function getRole(platform: Platform, baseId: string, roleId: string): Promise<RoleView> {
  const role = await store.findCustomRole(platform.database.db, baseId, roleId);
  if (!role) throw notFound(roleId);
  return present(role);
}

export async function createRole(platform: Platform, baseId: string, input: RoleInput): Promise<RoleView> {
  const db = platform.database.db;
  const rules = normalizeRoleRules(input.rules, await rulesSchema(db, baseId), 'body.rules');
  const role = await store.insertCustomRole(db, {
    id: newId('role'),
    baseId,
    name: roleName(input.name),
    description: input.description ?? '',
    rules,
    createdAt: nowIso(platform),
  });
  return present(role);
}

export async function updateRole(platform: Platform, baseId: string, roleId: string, patch: Partial<RoleInput>): Promise<RoleView> {
  const db = platform.database.db;
  if (!(await store.findCustomRole(db, baseId, roleId))) throw notFound(roleId);
  const rules = patch.rules === undefined ? undefined : normalizeRoleRules(patch.rules, await rulesSchema(db, baseId), 'body.rules');
  const role = await store.updateCustomRole(db, baseId, roleId, {
    ...(patch.name !== undefined ? { name: roleName(patch.name) } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
    ...(rules !== undefined ? { rules } : {}),
    updatedAt: nowIso(platform),
  });
  if (!role) throw notFound(roleId);
  return present(role);
}

export async function deleteRole(platform: Platform, baseId: string, roleId: string): Promise<void> {
  await store.deleteCustomRole(platform.database, baseId, roleId);
}
