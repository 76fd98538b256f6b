/**
 * Date (with or without time): shown as core formats it; edited with a calendar picker (with a
 * time column when the field's format has time) in the field's or the base's time zone — see
 * ./date-in-zone.ts.
 */
import { CalendarOutlined } from '@ant-design/icons';
import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ApiField } from '../api/tables';
import type { CellEditorProps, CellType, FieldEditorProps } from './cell-type';
import { hasTime, pickedInput, pickerValue } from './date-in-zone';
import { PopupEditorFrame, usePopupContainer } from './popup-editor-frame';
import { FormattedText } from './text';

/** Picker settings of a field: a time column when it has time; no "now" (that would be the browser's). */
function pickerProps(field: ApiField) {
  const withTime = hasTime(field);
  return {
    showTime: withTime ? { format: 'HH:mm' } : false,
    showNow: false,
    format: withTime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD',
  } as const;
}

function DateEditor(props: CellEditorProps) {
  const { t } = useTranslation();
  const { frame, popupContainer } = usePopupContainer();
  const save = (picked: Dayjs | null) => {
    props.onValueChange(pickedInput(picked, props.field));
    props.stopEditing();
  };
  return (
    <PopupEditorFrame frame={frame} width={props.column.getActualWidth()} api={props.api}>
      <DatePicker
        autoFocus
        defaultOpen
        className="mt-popup-date"
        placeholder={t('grid.pickDate')}
        defaultValue={pickerValue(props.initialValue, props.field, props.context.env)}
        {...pickerProps(props.field)}
        getPopupContainer={popupContainer}
        onChange={(picked) => save(picked)}
      />
    </PopupEditorFrame>
  );
}

function DateFieldEditor({ value, field, context, disabled, onSave }: FieldEditorProps) {
  const { t } = useTranslation();
  return (
    <DatePicker
      className="mt-field-date"
      placeholder={t('grid.pickDate')}
      value={pickerValue(value, field, context.env)}
      disabled={disabled}
      {...pickerProps(field)}
      onChange={(picked) => onSave(pickedInput(picked, field))}
      data-testid="field-editor"
    />
  );
}

export const dateCell: CellType = {
  icon: CalendarOutlined,
  Renderer: FormattedText,
  Editor: DateEditor,
  FieldEditor: DateFieldEditor,
  popupEditor: true,
  editorKeys: ['Enter', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'],
  width: 160,
};
