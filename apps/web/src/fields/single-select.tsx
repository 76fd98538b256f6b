/**
 * Single select: a coloured tag; edited with a searchable list of the choices. Typing a name
 * that is not a choice offers it as a new one (core's typecast adds it on save).
 */
import { CheckCircleOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellEditorProps, CellRendererProps, CellType, FieldEditorProps } from './cell-type';
import { ChoiceTag, choicesOf } from './choice-tag';
import { PopupEditorFrame, usePopupContainer } from './popup-editor-frame';
import { ChoicesEditor } from '../field-design/options/choices-editor';

function SingleSelectRenderer({ value, field }: CellRendererProps) {
  if (typeof value !== 'string') return null;
  return <ChoiceTag name={value} choices={choicesOf(field.options)} />;
}

/** Options for a choice picker: the field's choices, plus the search text as a new choice when it names none. */
export function choiceOptions(field: CellEditorProps['field'], search: string) {
  const choices = choicesOf(field.options);
  const options = choices.map((choice) => ({ value: choice.name, label: <ChoiceTag name={choice.name} choices={choices} /> }));
  const typed = search.trim();
  if (typed && !choices.some((choice) => choice.name === typed)) {
    options.push({ value: typed, label: <ChoiceTag name={typed} choices={[]} /> });
  }
  return options;
}

export function initialSearch(props: CellEditorProps): string {
  return props.eventKey && props.eventKey.length === 1 ? props.eventKey : '';
}

/** The search text a picker starts with: the key that opened it, then the keys typed ahead. */
export function useTypedSearch(props: CellEditorProps): [string, (search: string) => void] {
  const [search, setSearch] = useState(() => initialSearch(props));
  useEffect(() => {
    const typed = props.context.takeTypedAhead();
    if (typed) setSearch((current) => current + typed);
    // Only once, at the start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return [search, setSearch];
}

function SingleSelectEditor(props: CellEditorProps) {
  const { t } = useTranslation();
  const { frame, popupContainer } = usePopupContainer();
  const [search, setSearch] = useTypedSearch(props);
  const current = typeof props.initialValue === 'string' ? props.initialValue : undefined;
  return (
    <PopupEditorFrame frame={frame} width={props.column.getActualWidth()} api={props.api}>
      <Select
        autoFocus
        defaultOpen
        allowClear
        className="mt-popup-select"
        placeholder={t('grid.searchChoices')}
        value={current}
        options={choiceOptions(props.field, search)}
        showSearch={{ searchValue: search, onSearch: setSearch, optionFilterProp: 'value' }}
        getPopupContainer={popupContainer}
        onChange={(value: string | undefined) => {
          props.onValueChange(value ?? null);
          props.stopEditing();
        }}
      />
    </PopupEditorFrame>
  );
}

function SingleSelectFieldEditor({ value, field, disabled, onSave }: FieldEditorProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  return (
    <Select
      allowClear
      className="mt-field-select"
      placeholder={t('grid.searchChoices')}
      value={typeof value === 'string' ? value : undefined}
      disabled={disabled}
      options={choiceOptions(field, search)}
      showSearch={{ searchValue: search, onSearch: setSearch, optionFilterProp: 'value' }}
      onChange={(next: string | undefined) => {
        setSearch('');
        onSave(next ?? null);
      }}
      data-testid="field-editor"
    />
  );
}

export const singleSelectCell: CellType = {
  OptionsEditor: ChoicesEditor,
  icon: CheckCircleOutlined,
  Renderer: SingleSelectRenderer,
  Editor: SingleSelectEditor,
  FieldEditor: SingleSelectFieldEditor,
  popupEditor: true,
  editorKeys: ['Enter', 'ArrowUp', 'ArrowDown'],
  takesTypedText: true,
};
