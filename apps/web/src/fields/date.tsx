/**
 * Date (with or without time): shown as core formats it; edited with a calendar picker (with a
 * time column when the field's format has time) in the field's or the base's time zone — see
 * ./date-in-zone.ts.
 */
import { CalendarOutlined } from '@ant-design/icons';
import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiField } from '../api/tables';
import type { CellEditorProps, CellType, FieldEditorProps } from './cell-type';
import type { CellEnvironment } from '../grid/cell-values';
import { hasTime, pickedInput, pickerValue, todayPick } from './date-in-zone';
import { PopupEditorFrame, usePopupContainer } from './popup-editor-frame';
import { FormattedText } from './text';
import { DateOptionsEditor } from '../field-design/options/date-options';

/**
 * Picker settings of a field: a time column when it has time. antd's own "today" and "now" are
 * the browser's, so they are off; a date-only picker offers the zone's today instead.
 */
function pickerProps(field: ApiField, env: CellEnvironment, today: { text: string; pick(day: Dayjs): void }) {
  const withTime = hasTime(field);
  return {
    showTime: withTime ? { format: 'HH:mm' } : false,
    showNow: false,
    format: withTime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD',
    ...(withTime
      ? {}
      : {
          renderExtraFooter: () => (
            <a className="mt-date-today" data-testid="date-today" onClick={() => today.pick(todayPick(field, env))}>
              {today.text}
            </a>
          ),
        }),
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
        {...pickerProps(props.field, props.context.env, { text: t('grid.today'), pick: save })}
        getPopupContainer={popupContainer}
        onChange={(picked) => save(picked)}
      />
    </PopupEditorFrame>
  );
}

function DateFieldEditor({ value, field, context, disabled, onSave }: FieldEditorProps) {
  const { t } = useTranslation();
  // Held here so that picking "today" from the footer closes the picker as a pick does.
  const [open, setOpen] = useState(false);
  const pickToday = (today: Dayjs) => {
    setOpen(false);
    onSave(pickedInput(today, field));
  };
  return (
    <DatePicker
      className="mt-field-date"
      placeholder={t('grid.pickDate')}
      value={pickerValue(value, field, context.env)}
      disabled={disabled}
      open={open}
      onOpenChange={setOpen}
      {...pickerProps(field, context.env, { text: t('grid.today'), pick: pickToday })}
      onChange={(picked) => onSave(pickedInput(picked, field))}
      data-testid="field-editor"
    />
  );
}

export const dateCell: CellType = {
  OptionsEditor: DateOptionsEditor,
  icon: CalendarOutlined,
  Renderer: FormattedText,
  Editor: DateEditor,
  FieldEditor: DateFieldEditor,
  popupEditor: true,
  editorKeys: ['Enter', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'],
  width: 160,
};
