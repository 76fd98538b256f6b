/**
 * Computed fields under a custom role: a link, lookup, rollup, count or formula is readable only
 * when every cell it reads is — its same-record inputs are readable, the link it goes through is,
 * and the linked table is readable in full (all records, the read field not hidden). Stored
 * values are computed over every linked record, so a linked table the caller sees only part of
 * would otherwise leak through a count, a sum or a title; such fields are hidden instead, which
 * also keeps filters, sorts and groups on them from becoming an oracle (RELIABILITY A1.5, A1.6).
 */
import type { Dependency } from '../computed/dependency';
import type { Field } from '../fields/field';
import type { FieldAccess } from './role-rules';
import type { TablePermission } from './table-permission';

export interface ComputedSchema {
  /** Every field of the base by id. */
  fields: ReadonlyMap<string, Field>;
  /** What a computed field reads; empty for stored fields. */
  dependenciesOf(fieldId: string): readonly Dependency[];
  /** The table a link field points at. */
  linkedTableIdOf(field: Field): string | undefined;
}

/**
 * Hides the computed fields whose inputs the caller cannot read, across tables, until nothing
 * changes (a chain of lookups hides from its source outwards). Takes and returns one permission per table.
 */
export function hideUnreadableComputed(permissions: ReadonlyMap<string, TablePermission>, schema: ComputedSchema): Map<string, TablePermission> {
  const access = new Map<string, FieldAccess>();
  for (const permission of permissions.values()) for (const [fieldId, level] of permission.fields) access.set(fieldId, level);
  const readable = (fieldId: string) => (access.get(fieldId) ?? 'hidden') !== 'hidden';
  const wholeTableReadable = (tableId: string | undefined) => {
    const permission = tableId === undefined ? undefined : permissions.get(tableId);
    return permission !== undefined && permission.access !== 'none' && permission.readScope.type === 'all';
  };
  const dependencyReadable = (field: Field, dependency: Dependency): boolean => {
    if (dependency.kind === 'sameRecord') return readable(dependency.fieldId);
    const link = schema.fields.get(dependency.linkFieldId);
    if (!link) return false;
    if (link.id !== field.id && !readable(link.id)) return false;
    if (!wholeTableReadable(schema.linkedTableIdOf(link))) return false;
    return dependency.targetFieldId === null || readable(dependency.targetFieldId);
  };

  for (let changed = true; changed; ) {
    changed = false;
    for (const [fieldId, level] of access) {
      if (level === 'hidden') continue;
      const field = schema.fields.get(fieldId);
      if (!field) continue;
      if (schema.dependenciesOf(fieldId).every((dependency) => dependencyReadable(field, dependency))) continue;
      access.set(fieldId, 'hidden');
      changed = true;
    }
  }

  const result = new Map<string, TablePermission>();
  for (const [tableId, permission] of permissions) {
    result.set(tableId, { ...permission, fields: new Map([...permission.fields.keys()].map((fieldId) => [fieldId, access.get(fieldId)!])) });
  }
  return result;
}
