import { describe, expect, it } from 'vitest';
import type { Dependency } from '../computed/dependency';
import type { Field } from '../fields/field';
import { hideUnreadableComputed, type ComputedSchema } from './computed-readability';
import { ruleTablePermission, type TablePermission } from './table-permission';
import type { RoleRules, TableRule } from './role-rules';

const field = (id: string, tableId: string, type: Field['type'] = 'singleLineText', options: Record<string, unknown> = {}): Field => ({
  id,
  tableId,
  name: id,
  type,
  options,
  description: '',
  isPrimary: false,
});

// Visits —link→ Patients. Visits: Patient (link), Name via (lookup of Name), Secret via (lookup of Secret),
// Count (count), Echo (formula of Name via). Patients: Name (primary), Secret.
const fields = [
  field('fld_name', 'tbl_patients'),
  field('fld_secret', 'tbl_patients'),
  field('fld_title', 'tbl_visits'),
  field('fld_patient', 'tbl_visits', 'link', { linkedTableId: 'tbl_patients' }),
  field('fld_namevia', 'tbl_visits', 'lookup'),
  field('fld_secretvia', 'tbl_visits', 'lookup'),
  field('fld_count', 'tbl_visits', 'count'),
  field('fld_echo', 'tbl_visits', 'formula'),
];
const dependencies: Record<string, Dependency[]> = {
  fld_patient: [{ kind: 'viaLink', linkFieldId: 'fld_patient', targetFieldId: 'fld_name' }],
  fld_namevia: [{ kind: 'viaLink', linkFieldId: 'fld_patient', targetFieldId: 'fld_name' }],
  fld_secretvia: [{ kind: 'viaLink', linkFieldId: 'fld_patient', targetFieldId: 'fld_secret' }],
  fld_count: [{ kind: 'viaLink', linkFieldId: 'fld_patient', targetFieldId: null }],
  fld_echo: [{ kind: 'sameRecord', fieldId: 'fld_namevia' }],
};
const schema: ComputedSchema = {
  fields: new Map(fields.map((f) => [f.id, f])),
  dependenciesOf: (id) => dependencies[id] ?? [],
  linkedTableIdOf: (f) => (f.type === 'link' ? String(f.options.linkedTableId) : undefined),
};

function permissionsUnder(tables: Record<string, Partial<TableRule> & Pick<TableRule, 'access'>>): Map<string, TablePermission> {
  const full: RoleRules = { tables: {}, dashboards: 'all' };
  for (const [id, rule] of Object.entries(tables)) {
    full.tables[id] = { canAdd: false, canDelete: false, fields: {}, otherFields: 'read', views: 'all', ...rule };
  }
  const byTable = new Map<string, TablePermission>();
  for (const tableId of ['tbl_patients', 'tbl_visits']) byTable.set(tableId, ruleTablePermission(full, tableId, fields.filter((f) => f.tableId === tableId)));
  return hideUnreadableComputed(byTable, schema);
}

const visible = (permissions: Map<string, TablePermission>) =>
  fields.filter((f) => (permissions.get(f.tableId)!.fields.get(f.id) ?? 'hidden') !== 'hidden').map((f) => f.id);

describe('computed fields under a custom role', () => {
  it('shows every computed field when everything it reads is readable', () => {
    expect(visible(permissionsUnder({ tbl_patients: { access: 'read' }, tbl_visits: { access: 'read' } }))).toEqual(fields.map((f) => f.id));
  });

  it('hides a lookup of a hidden field', () => {
    const permissions = permissionsUnder({ tbl_patients: { access: 'read', fields: { fld_secret: 'hidden' } }, tbl_visits: { access: 'read' } });
    expect(visible(permissions)).toEqual(['fld_name', 'fld_title', 'fld_patient', 'fld_namevia', 'fld_count', 'fld_echo']);
  });

  it('hides a link whose titles are hidden, and everything read through it or from it', () => {
    const permissions = permissionsUnder({ tbl_patients: { access: 'read', fields: { fld_name: 'hidden' } }, tbl_visits: { access: 'read' } });
    expect(visible(permissions)).toEqual(['fld_secret', 'fld_title']);
  });

  it('hides everything read through a link to a table seen only in part or not at all', () => {
    const partly = permissionsUnder({ tbl_patients: { access: 'read', readScope: { type: 'createdByMe' } }, tbl_visits: { access: 'read' } });
    expect(visible(partly)).toEqual(['fld_name', 'fld_secret', 'fld_title']);
    const none = permissionsUnder({ tbl_visits: { access: 'edit' } });
    expect(visible(none)).toEqual(['fld_title']);
  });

  it('keeps the level a rule gives a readable computed field', () => {
    const permissions = permissionsUnder({ tbl_patients: { access: 'read' }, tbl_visits: { access: 'edit', otherFields: 'edit' } });
    expect(permissions.get('tbl_visits')!.fields.get('fld_patient')).toBe('edit');
    expect(permissions.get('tbl_patients')!.fields.get('fld_name')).toBe('read');
  });
});
