/**
 * "My effective permissions" on a table, for the web app to show and hide controls: what the
 * caller's role grants after every rule is applied (computed fields hidden with their sources
 * included). Fields the caller cannot read are not listed — as everywhere, they do not exist.
 */
import type { ApiTablePermissions, FieldAccess } from '@multitable/core';
import type { Platform } from '../../platform';
import type { Caller } from './caller';
import { loadReadableTable } from './readable-table';

export type EffectivePermissions = ApiTablePermissions;

export async function effectivePermissions(platform: Platform, caller: Caller, tableKey: string): Promise<EffectivePermissions> {
  const { permission, fields } = await loadReadableTable(platform, caller, tableKey);
  const fieldAccess: Record<string, Exclude<FieldAccess, 'hidden'>> = {};
  for (const field of fields) fieldAccess[field.id] = permission.fields.get(field.id) === 'edit' ? 'edit' : 'read';
  return {
    tableId: permission.tableId,
    role: caller.memberRole,
    access: permission.access === 'edit' ? 'edit' : 'read',
    canAdd: permission.canAdd,
    canDelete: permission.canDelete,
    canDesign: permission.canDesign,
    readScope: permission.readScope,
    editScope: permission.editScope,
    fields: fieldAccess,
    views: permission.views === 'all' ? 'all' : [...permission.views],
  };
}
