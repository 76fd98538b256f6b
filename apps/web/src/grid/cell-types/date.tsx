/**
 * Date (with or without time): shown as core formats it; edited with a calendar picker. A date
 * without time is sent as `YYYY-MM-DD`; with time, as an ISO instant.
 */
import { CalendarOutlined } from '@ant-design/icons';
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CellEditorProps, CellType } from './cell-type';
import { PopupEditorFrame, usePopupContainer } from './popup-editor-frame';
import { FormattedText } from './text';

function DateEditor(props: CellEditorProps) {
  const { t } = useTranslation();
  const { frame, popupContainer } = usePopupContainer();
  const withTime = props.field.options.includeTime === true;
  const initial = typeof props.initialValue === 'string' ? dayjs(props.initialValue) : null;
  const save = (picked: Dayjs | null) => {
    props.onValueChange(picked ? (withTime ? picked.toISOString() : picked.format('YYYY-MM-DD')) : null);
    props.stopEditing();
  };
  return (
    <PopupEditorFrame frame={frame} width={props.column.getActualWidth()} api={props.api}>
      <DatePicker
        autoFocus
        defaultOpen
        className="mt-popup-date"
        placeholder={t('grid.pickDate')}
        defaultValue={initial?.isValid() ? initial : null}
        showTime={withTime ? { format: 'HH:mm' } : false}
        format={withTime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD'}
        getPopupContainer={popupContainer}
        onChange={(picked) => save(picked)}
      />
    </PopupEditorFrame>
  );
}

export const dateCell: CellType = {
  icon: CalendarOutlined,
  Renderer: FormattedText,
  Editor: DateEditor,
  popupEditor: true,
  editorKeys: ['Enter', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'],
  width: 160,
};
