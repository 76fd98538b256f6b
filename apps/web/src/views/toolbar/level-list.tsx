/**
 * An ordered list of `{ field, direction }` levels — the sorts of a view, or its group-by — with
 * a field picker and a direction picker per level. Directions read the way the field's values
 * order ("A → Z", "1 → 9", "Oldest → newest").
 */
import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import type { SortDirection } from '@multitable/core';
import { Button, Dropdown, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiField } from '../../api/tables';
import { FieldOption, fieldOptions } from '../filter/filter-builder';
import { profileOf } from '../filter/filter-model';

export interface Level {
  field: string;
  direction: SortDirection;
}

/** Which words name the two directions, by how the field is queried. */
const directionWords: Readonly<Record<string, string>> = { number: 'number', date: 'date', boolean: 'boolean' };

function directionLabels(field: ApiField | undefined, t: (key: string) => string) {
  const words = directionWords[profileOf(field ?? ({} as ApiField))?.values ?? ''] ?? 'text';
  return [
    { value: 'asc', label: t(`sort.directions.${words}.asc`) },
    { value: 'desc', label: t(`sort.directions.${words}.desc`) },
  ];
}

interface LevelListProps {
  levels: readonly Level[];
  /** Fields a level may name. */
  fields: readonly ApiField[];
  max: number;
  addLabel: string;
  emptyText: string;
  testId: string;
  onChange(levels: Level[]): void;
}

export function LevelList({ levels, fields, max, addLabel, emptyText, testId, onChange }: LevelListProps) {
  const { t } = useTranslation();
  const unused = fields.filter((field) => !levels.some((level) => level.field === field.id));
  const set = (index: number, level: Level) => onChange(levels.map((old, at) => (at === index ? level : old)));
  return (
    <div className="mt-level-list" data-testid={testId}>
      {levels.length === 0 && <div className="mt-level-empty">{emptyText}</div>}
      {levels.map((level, index) => {
        const field = fields.find((candidate) => candidate.id === level.field);
        const choosable = [...(field ? [field] : []), ...unused];
        return (
          <div key={level.field} className="mt-level-row" data-testid={`${testId}-level`}>
            <Select
              className="mt-level-field"
              value={level.field}
              showSearch={{ optionFilterProp: 'name' }}
              options={fieldOptions(choosable)}
              onChange={(fieldId: string) => set(index, { ...level, field: fieldId })}
              popupMatchSelectWidth={false}
              data-testid={`${testId}-field`}
            />
            <Select
              className="mt-level-direction"
              value={level.direction}
              options={directionLabels(field, t)}
              onChange={(direction: SortDirection) => set(index, { ...level, direction })}
              data-testid={`${testId}-direction`}
            />
            <Button type="text" size="small" icon={<CloseOutlined />} aria-label={t('filter.remove')} onClick={() => onChange(levels.filter((_, at) => at !== index))} data-testid={`${testId}-remove`} />
          </div>
        );
      })}
      {levels.length < max && unused.length > 0 && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: unused.map((field) => ({ key: field.id, label: <FieldOption field={field} /> })),
            onClick: ({ key }) => onChange([...levels, { field: key, direction: 'asc' }]),
            className: 'mt-level-add-menu',
          }}
        >
          <Button type="link" size="small" icon={<PlusOutlined />} className="mt-level-add" data-testid={`${testId}-add`}>
            {addLabel}
          </Button>
        </Dropdown>
      )}
    </div>
  );
}
