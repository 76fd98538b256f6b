/** Every field type, with its icon and translated name from the web's registry, searchable by either name. */
import { fieldTypeKeys, type FieldTypeKey } from '@multitable/core';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { cellTypeOf } from '../fields/registry';

export function TypeSelect({ value, onChange }: { value: FieldTypeKey; onChange(type: FieldTypeKey): void }) {
  const { t } = useTranslation();
  return (
    <Select
      value={value}
      onChange={onChange}
      data-testid="field-type"
      showSearch={{ optionFilterProp: 'search' }}
      listHeight={320}
      options={fieldTypeKeys.map((key) => {
        const Icon = cellTypeOf({ type: key }).icon;
        const label = t(`fieldTypes.${key}`);
        return {
          value: key,
          search: `${label} ${key}`,
          label: (
            <span className="mt-type-option">
              <Icon /> {label}
            </span>
          ),
        };
      })}
    />
  );
}
