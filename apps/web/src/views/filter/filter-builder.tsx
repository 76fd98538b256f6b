/**
 * The filter builder: core's filter tree edited in place — conditions of field, operator and
 * operand, joined by AND or OR, and condition groups nested inside (two levels, as Airtable
 * offers). Every change hands the whole tree to `onChange`.
 */
import { DeleteOutlined, HolderOutlined, PlusOutlined } from '@ant-design/icons';
import type { Conjunction, FilterCondition, FilterGroup, OperatorKey } from '@multitable/core';
import { Button, Select } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiField } from '../../api/tables';
import type { UserSummary } from '../../api/users';
import { cellTypeOf } from '../../fields/registry';
import { builderMaxDepth, editGroupAt, isGroup, newCondition, operandKindOf, operatorsFor, queryableFields, takesList, withOperator } from './filter-model';
import { operandEditors } from './operand-editors';

interface BuilderProps {
  fields: readonly ApiField[];
  users: readonly UserSummary[];
}

export function FieldOption({ field }: { field: ApiField }) {
  const Icon = cellTypeOf(field).icon;
  return (
    <span className="mt-field-option">
      <Icon className="mt-field-option-icon" />
      <span className="mt-field-option-name">{field.name}</span>
    </span>
  );
}

export function fieldOptions(fields: readonly ApiField[]) {
  return fields.map((field) => ({ value: field.id, label: <FieldOption field={field} />, name: field.name }));
}

function ConditionRow({ condition, fields, users, onChange }: BuilderProps & { condition: FilterCondition; onChange(next: FilterCondition): void }) {
  const { t } = useTranslation();
  const field = fields.find((candidate) => candidate.id === condition.field);
  if (!field) return <span className="mt-filter-missing">{t('filter.unknownField')}</span>;
  const kind = operandKindOf(field, condition.operator);
  const Editor = kind === 'none' ? undefined : operandEditors[kind];
  return (
    <>
      <Select
        className="mt-filter-field"
        value={field.id}
        showSearch={{ optionFilterProp: 'name' }}
        options={fieldOptions(queryableFields(fields))}
        onChange={(fieldId: string) => onChange(newCondition(fields.find((candidate) => candidate.id === fieldId)!))}
        popupMatchSelectWidth={false}
        data-testid="filter-field"
      />
      <Select
        className="mt-filter-operator"
        value={condition.operator}
        options={operatorsFor(field).map((key) => ({ value: key, label: t(`filter.operators.${key}`) }))}
        onChange={(operator: OperatorKey) => onChange(withOperator(field, condition, operator))}
        popupMatchSelectWidth={false}
        data-testid="filter-operator"
      />
      <div className="mt-filter-operand-cell" data-testid="filter-value">
        {Editor && (
          <Editor
            key={`${field.id}/${kind}`}
            field={field}
            many={takesList(condition.operator)}
            value={condition.value}
            users={users}
            onChange={(value) => onChange(value === undefined ? { field: condition.field, operator: condition.operator } : { ...condition, value })}
          />
        )}
      </div>
    </>
  );
}

type TreeEdit = (edit: (root: FilterGroup) => FilterGroup) => void;

interface GroupEditorProps extends BuilderProps {
  group: FilterGroup;
  /** Indexes of the nested groups from the root down to this one. */
  path: number[];
  change: TreeEdit;
}

function GroupEditor({ group, path, change, fields, users }: GroupEditorProps) {
  const { t } = useTranslation();
  const depth = path.length;
  const firstField = queryableFields(fields)[0];
  const edit = (update: (own: FilterGroup) => FilterGroup) => change((root) => editGroupAt(root, path, update));
  const setNode = (index: number, node: FilterGroup | FilterCondition) => edit((own) => ({ ...own, conditions: own.conditions.map((old, at) => (at === index ? node : old)) }));
  const removeNode = (index: number) => edit((own) => ({ ...own, conditions: own.conditions.filter((_, at) => at !== index) }));
  const add = (node: FilterGroup | FilterCondition) => edit((own) => ({ ...own, conditions: [...own.conditions, node] }));

  const joiner = (index: number) => {
    if (index === 0) return <span className="mt-filter-joiner-text">{t('filter.where')}</span>;
    if (index > 1) return <span className="mt-filter-joiner-text">{t(`filter.conjunctions.${group.conjunction}`)}</span>;
    return (
      <Select
        className="mt-filter-joiner"
        value={group.conjunction}
        options={(['and', 'or'] as Conjunction[]).map((key) => ({ value: key, label: t(`filter.conjunctions.${key}`) }))}
        onChange={(conjunction: Conjunction) => edit((own) => ({ ...own, conjunction }))}
        data-testid="filter-conjunction"
      />
    );
  };

  return (
    <div className="mt-filter-group" data-testid={depth === 0 ? 'filter-builder' : 'filter-group'}>
      {group.conditions.map((node, index) => (
        <div key={index} className="mt-filter-row" data-testid={isGroup(node) ? undefined : 'filter-condition'}>
          <div className="mt-filter-joiner-cell">{joiner(index)}</div>
          {isGroup(node) ? (
            <div className="mt-filter-nested">
              <GroupEditor group={node} path={[...path, index]} change={change} fields={fields} users={users} />
            </div>
          ) : (
            <ConditionRow condition={node} fields={fields} users={users} onChange={(next) => setNode(index, next)} />
          )}
          <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('filter.remove')} title={t('filter.remove')} onClick={() => removeNode(index)} data-testid="filter-remove" />
        </div>
      ))}
      {group.conditions.length === 0 && depth === 0 && <div className="mt-filter-empty">{t('filter.empty')}</div>}
      {firstField && (
        <div className="mt-filter-actions">
          <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => add(newCondition(firstField))} data-testid={depth === 0 ? 'filter-add' : 'filter-group-add'}>
            {t('filter.addCondition')}
          </Button>
          {depth < builderMaxDepth - 1 && (
            <Button type="link" size="small" icon={<HolderOutlined />} onClick={() => add({ conjunction: 'and', conditions: [newCondition(firstField)] })} data-testid="filter-add-group">
              {t('filter.addGroup')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * The builder keeps the tree it edits (it is opened afresh each time, from the view's filter):
 * each change applies to the latest tree and is handed on whole.
 */
export function FilterBuilder({ filter, onChange, ...props }: BuilderProps & { filter: FilterGroup | null; onChange(next: FilterGroup): void }) {
  const latest = useRef<FilterGroup>(filter ?? { conjunction: 'and', conditions: [] });
  const [tree, setTree] = useState(latest.current);
  const change: TreeEdit = (edit) => {
    latest.current = edit(latest.current);
    setTree(latest.current);
    onChange(latest.current);
  };
  return <GroupEditor group={tree} path={[]} change={change} {...props} />;
}
