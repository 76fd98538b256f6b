/** Checkbox: a box that toggles on click, Space or Enter — no editor in between. */
import { CheckSquareOutlined } from '@ant-design/icons';
import { Checkbox } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CellRendererProps, CellType, FieldEditorProps } from './cell-type';

function CheckboxRenderer({ value, field, recordId, context }: CellRendererProps) {
  const { t } = useTranslation();
  const checked = value === true;
  return (
    <span className="mt-cell-checkbox">
      <Checkbox
        checked={checked}
        tabIndex={-1}
        aria-label={checked ? t('grid.checked') : t('grid.unchecked')}
        onChange={() => void context.writer.write([{ recordId, fieldId: field.id, input: !checked }])}
      />
    </span>
  );
}

function CheckboxFieldEditor({ value, disabled, onSave }: FieldEditorProps) {
  const { t } = useTranslation();
  const checked = value === true;
  return <Checkbox checked={checked} disabled={disabled} aria-label={checked ? t('grid.checked') : t('grid.unchecked')} onChange={() => onSave(!checked)} data-testid="field-editor" />;
}

export const checkboxCell: CellType = {
  icon: CheckSquareOutlined,
  Renderer: CheckboxRenderer,
  FieldEditor: CheckboxFieldEditor,
  toggle: (value) => value !== true,
  align: 'center',
  width: 110,
};
