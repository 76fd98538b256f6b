/**
 * Multiple select: coloured tags; edited with a searchable multi-pick list. Each pick is kept
 * in the editor; Tab or a click elsewhere saves, Esc cancels.
 */
import { UnorderedListOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellEditorProps, CellRendererProps, CellType, FieldEditorProps } from './cell-type';
import { ChoiceTag, choicesOf } from './choice-tag';
import { PopupEditorFrame, usePopupContainer } from './popup-editor-frame';
import { choiceOptions, useTypedSearch } from './single-select';
import { ChoicesEditor } from '../field-design/options/choices-editor';

function MultipleSelectRenderer({ value, field }: CellRendererProps) {
  if (!Array.isArray(value)) return null;
  const choices = choicesOf(field.options);
  return (
    <span className="mt-cell-tags">
      {value.map((name) => (
        <ChoiceTag key={String(name)} name={String(name)} choices={choices} />
      ))}
    </span>
  );
}

function MultipleSelectEditor(props: CellEditorProps) {
  const { t } = useTranslation();
  const { frame, popupContainer } = usePopupContainer();
  const [search, setSearch] = useTypedSearch(props);
  const [names, setNames] = useState<string[]>(() => (Array.isArray(props.initialValue) ? props.initialValue.map(String) : []));
  return (
    <PopupEditorFrame frame={frame} width={props.column.getActualWidth()} api={props.api}>
      <Select
        mode="multiple"
        autoFocus
        defaultOpen
        allowClear
        className="mt-popup-select"
        placeholder={t('grid.searchChoices')}
        value={names}
        options={choiceOptions(props.field, search)}
        showSearch={{ searchValue: search, onSearch: setSearch, optionFilterProp: 'value' }}
        getPopupContainer={popupContainer}
        tagRender={({ value }) => <ChoiceTag name={String(value)} choices={choicesOf(props.field.options)} />}
        onChange={(next: string[]) => {
          setNames(next);
          setSearch('');
          props.onValueChange(next);
        }}
      />
    </PopupEditorFrame>
  );
}

function MultipleSelectFieldEditor({ value, field, disabled, onSave }: FieldEditorProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  return (
    <Select
      mode="multiple"
      allowClear
      className="mt-field-select"
      placeholder={t('grid.searchChoices')}
      value={Array.isArray(value) ? value.map(String) : []}
      disabled={disabled}
      options={choiceOptions(field, search)}
      showSearch={{ searchValue: search, onSearch: setSearch, optionFilterProp: 'value' }}
      tagRender={({ value: name }) => <ChoiceTag name={String(name)} choices={choicesOf(field.options)} />}
      onChange={(next: string[]) => {
        setSearch('');
        onSave(next);
      }}
      data-testid="field-editor"
    />
  );
}

export const multipleSelectCell: CellType = {
  OptionsEditor: ChoicesEditor,
  icon: UnorderedListOutlined,
  Renderer: MultipleSelectRenderer,
  Editor: MultipleSelectEditor,
  FieldEditor: MultipleSelectFieldEditor,
  popupEditor: true,
  editorKeys: ['Enter', 'ArrowUp', 'ArrowDown', 'Backspace'],
  takesTypedText: true,
  width: 240,
};
