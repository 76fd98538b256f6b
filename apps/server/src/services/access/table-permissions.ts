/**
 * The caller's effective permission on a table — the one question every read and write path asks
 * (DESIGN §7). Built-in roles answer from the table's fields alone. A custom role needs its rules
 * and the whole base (computed fields across tables, ./computed-readability in core), so its
 * answer for every table is computed once per role version and base schema version and kept:
 * the role is read on every request, so a changed or revoked role applies to the next one.
 */
import {
  builtinTablePermission,
  hideUnreadableComputed,
  isBaseRoleKey,
  ruleTablePermission,
  type Field,
  type RoleRules,
  type TablePermission,
} from '@multitable/core';
import * as store from '@multitable/storage';
import { buildBaseSchema, readBaseDefinition } from '../data/recalculation/base-schema';
import { buildFormatContext } from '../data/format-context';
import type { Caller } from './caller';

export interface PermissionScope {
  db: store.Executor;
  baseId: string;
  schemaVersion: string;
  timeZone: string;
  usersVersion: string;
}

const maxKept = 500;
const kept = new Map<string, ReadonlyMap<string, TablePermission>>();

function keep(key: string, permissions: ReadonlyMap<string, TablePermission>): void {
  if (kept.size >= maxKept) kept.delete(kept.keys().next().value!);
  kept.set(key, permissions);
}

/** Every table's permission under a custom role's rules. */
async function customPermissions(scope: PermissionScope, rules: RoleRules): Promise<Map<string, TablePermission>> {
  const { db, baseId, schemaVersion } = scope;
  const definition = await readBaseDefinition(db, baseId, schemaVersion);
  const { tables } = definition;
  const fields = definition.fieldLists.flat();
  const schema = buildBaseSchema(definition, { now: new Date(0), timeZone: scope.timeZone, format: await buildFormatContext(db, scope) });
  const byRule = new Map(tables.map((table) => [table.id, ruleTablePermission(rules, table.id, fields.filter((field) => field.tableId === table.id))]));
  return hideUnreadableComputed(byRule, {
    fields: schema.fieldsById,
    dependenciesOf: (fieldId) => schema.dependencies.get(fieldId) ?? [],
    linkedTableIdOf: (field) => (field.type === 'link' ? store.linkedTableIdOf(field) : undefined),
  });
}

/** No access at all: a custom role that is gone (a member can only hold an existing one; this is the fail-closed answer). */
function noAccess(tableId: string, fields: readonly Field[]): TablePermission {
  return ruleTablePermission({ tables: {}, dashboards: [] }, tableId, fields);
}

export async function tablePermission(scope: PermissionScope, caller: Caller, tableId: string, fields: readonly Field[]): Promise<TablePermission> {
  if (isBaseRoleKey(caller.memberRole)) return builtinTablePermission(caller.memberRole, tableId, fields);
  // Only the version is read on every request; the rules only when the permissions are not kept.
  const seen = scope.db.isTransaction ? undefined : caller.seen;
  const version = seen ? seen.roleVersion : await store.findCustomRoleVersion(scope.db, scope.baseId, caller.memberRole);
  if (version === undefined) return noAccess(tableId, fields);
  const key = `${scope.baseId}:${scope.schemaVersion}:${caller.memberRole}:${version}`;
  let permissions = kept.get(key);
  if (!permissions) {
    const role = await store.findCustomRole(scope.db, scope.baseId, caller.memberRole);
    if (!role) return noAccess(tableId, fields);
    permissions = await customPermissions(scope, role.rules as RoleRules);
    if (!scope.db.isTransaction && role.version === version) keep(key, permissions);
  }
  return permissions.get(tableId) ?? noAccess(tableId, fields);
}
