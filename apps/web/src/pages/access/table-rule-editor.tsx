/**
 * One table's rule in a custom role: access (none / read / edit); which records it reads and
 * edits (all, those whose person field holds the member, or those the member created); whether
 * it may add and delete records; each field hidden, read-only or editable; and which views it
 * sees. Field access never exceeds the table's (a read-only table has no editable fields).
 */
import { fieldAccessCap, fieldAccessLevels, tableAccessLevels, type FieldAccess, type RecordScope, type TableAccess, type TableRule } from '@multitable/core';
import { Checkbox, Radio, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiField, ApiTable } from '../../api/tables';
import { FieldOption } from '../../views/filter/filter-builder';
import { profileOf } from '../../views/filter/filter-model';

export const noAccess: TableRule = { access: 'none', canAdd: false, canDelete: false, fields: {}, otherFields: 'read', views: 'all' };

/** Fields that can hold the member: person fields and "created by" (their profile accepts "me"). */
function memberFields(fields: readonly ApiField[]): ApiField[] {
  return fields.filter((field) => profileOf(field)?.acceptsMe === true);
}

/** `filter`: a scope written through the API as a filter, shown and kept as it is (the editor does not build one). */
type ScopeChoice = 'all' | 'createdByMe' | 'filter' | `personField:${string}`;

function choiceOf(scope: RecordScope | undefined): ScopeChoice {
  if (!scope || scope.type === 'all') return 'all';
  if (scope.type === 'filter') return 'filter';
  return scope.type === 'createdByMe' ? 'createdByMe' : `personField:${scope.fieldId}`;
}

function scopeOf(choice: ScopeChoice, current: RecordScope | undefined): RecordScope {
  if (choice === 'filter') return current ?? { type: 'all' };
  if (choice === 'all') return { type: 'all' };
  if (choice === 'createdByMe') return { type: 'createdByMe' };
  return { type: 'personField', fieldId: choice.slice('personField:'.length) };
}

function ScopeSelect({ table, scope, onChange, testId }: { table: ApiTable; scope: RecordScope | undefined; onChange(scope: RecordScope): void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Select<ScopeChoice>
      className="mt-scope-select"
      value={choiceOf(scope)}
      onChange={(choice) => onChange(scopeOf(choice, scope))}
      popupMatchSelectWidth={false}
      data-testid={testId}
      options={[
        { value: 'all', label: t('access.scopes.all') },
        { value: 'createdByMe', label: t('access.scopes.createdByMe') },
        ...memberFields(table.fields).map((field) => ({ value: `personField:${field.id}` as ScopeChoice, label: t('access.scopes.personField', { field: field.name }) })),
        ...(scope?.type === 'filter' ? [{ value: 'filter' as ScopeChoice, label: t('access.scopes.filter') }] : []),
      ]}
    />
  );
}

export function TableRuleEditor({ table, rule, onChange }: { table: ApiTable; rule: TableRule; onChange(rule: TableRule): void }) {
  const { t } = useTranslation();
  const cap = fieldAccessCap(rule.access);
  const set = (patch: Partial<TableRule>) => onChange({ ...rule, ...patch });
  const fieldAccess = (field: ApiField): FieldAccess => {
    const wanted = rule.fields[field.id] ?? rule.otherFields;
    return fieldAccessLevels.indexOf(wanted) <= fieldAccessLevels.indexOf(cap) ? wanted : cap;
  };

  return (
    <div className="mt-table-rule" data-testid="table-rule">
      <div className="mt-rule-row">
        <span className="mt-rule-label">{t('access.tableAccess')}</span>
        <Segmented<TableAccess>
          value={rule.access}
          options={tableAccessLevels.map((level) => ({ value: level, label: t(`access.tableLevels.${level}`) }))}
          // Fields not named follow the table: editable in an editable table, read-only in a readable one.
          onChange={(access) => set({ access, otherFields: access === 'edit' ? 'edit' : 'read', ...(access !== 'edit' ? { canAdd: false, canDelete: false } : {}) })}
          data-testid="table-access"
        />
      </div>
      {rule.access !== 'none' && (
        <>
          <div className="mt-rule-row">
            <span className="mt-rule-label">{t('access.readScope')}</span>
            <ScopeSelect table={table} scope={rule.readScope} onChange={(readScope) => set({ readScope })} testId="read-scope" />
          </div>
          {rule.access === 'edit' && (
            <>
              <div className="mt-rule-row">
                <span className="mt-rule-label">{t('access.editScope')}</span>
                <ScopeSelect table={table} scope={rule.editScope} onChange={(editScope) => set({ editScope })} testId="edit-scope" />
              </div>
              <div className="mt-rule-row">
                <span className="mt-rule-label">{t('access.records')}</span>
                <Checkbox checked={rule.canAdd} onChange={(event) => set({ canAdd: event.target.checked })} data-testid="can-add">
                  {t('access.canAdd')}
                </Checkbox>
                <Checkbox checked={rule.canDelete} onChange={(event) => set({ canDelete: event.target.checked })} data-testid="can-delete">
                  {t('access.canDelete')}
                </Checkbox>
              </div>
            </>
          )}
          <div className="mt-rule-row mt-rule-row-top">
            <span className="mt-rule-label">{t('access.fields')}</span>
            <div className="mt-field-rules">
              {table.fields.map((field) => (
                <div key={field.id} className="mt-field-rule" data-testid="field-rule">
                  <FieldOption field={field} />
                  <Radio.Group
                    size="small"
                    optionType="button"
                    value={fieldAccess(field)}
                    onChange={(event) => set({ fields: { ...rule.fields, [field.id]: event.target.value as FieldAccess } })}
                    options={fieldAccessLevels.map((level) => ({
                      value: level,
                      label: t(`access.fieldLevels.${level}`),
                      disabled: fieldAccessLevels.indexOf(level) > fieldAccessLevels.indexOf(cap) || (field.isPrimary && level === 'hidden'),
                    }))}
                  />
                </div>
              ))}
            </div>
          </div>
          <div className="mt-rule-row">
            <span className="mt-rule-label">{t('access.views')}</span>
            <Select
              className="mt-views-select"
              mode="multiple"
              allowClear
              placeholder={t('access.allViews')}
              value={rule.views === 'all' ? [] : rule.views}
              options={table.views.map((view) => ({ value: view.id, label: view.name }))}
              onChange={(views: string[]) => set({ views: views.length === 0 ? 'all' : views })}
              data-testid="rule-views"
            />
          </div>
        </>
      )}
    </div>
  );
}
