/**
 * Person: avatars with names; edited with a searchable list of the instance's users (one or
 * many, by the field's `multiple` option).
 */
import { CloseOutlined, UserOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../api/users';
import type { CellEditorProps, CellRendererProps, CellType, FieldEditorProps } from './cell-type';
import { PopupEditorFrame, usePopupContainer } from './popup-editor-frame';
import { UserAvatar } from './user-avatar';
import { PersonOptionsEditor } from '../field-design/options/person-options';

interface PresentedUser {
  id: string;
  name: string;
  email: string;
}

function presentedUsers(value: unknown): PresentedUser[] {
  return Array.isArray(value) ? (value as PresentedUser[]) : [];
}

function PersonRenderer({ value }: CellRendererProps) {
  return (
    <span className="mt-cell-people">
      {presentedUsers(value).map((user) => (
        <span key={user.id} className="mt-person">
          <UserAvatar user={user} />
          <span className="mt-person-name">{user.name || user.email}</span>
        </span>
      ))}
    </span>
  );
}

/** The people a person picker offers, searched by name and email. */
function peopleOptions(users: readonly UserSummary[]) {
  return users.map((user) => ({
    value: user.id,
    search: `${user.name} ${user.email}`,
    label: (
      <span className="mt-person">
        <UserAvatar user={user} />
        <span className="mt-person-name">{user.name}</span>
        <span className="mt-person-email">{user.email}</span>
      </span>
    ),
  }));
}

/** A picker's answer (one id, several, or none) as the input core's person cast reads. */
function pickedPeople(next: string | string[] | undefined): Array<{ id: string }> {
  const chosen = next === undefined ? [] : Array.isArray(next) ? next : [next];
  return chosen.map((id) => ({ id }));
}

function PersonEditor(props: CellEditorProps) {
  const { t } = useTranslation();
  const { frame, popupContainer } = usePopupContainer();
  const multiple = props.field.options.multiple !== false;
  const ids = presentedUsers(props.initialValue).map((user) => user.id);
  const options = peopleOptions(props.context.users);
  const save = (next: string | string[] | undefined) => {
    props.onValueChange(pickedPeople(next));
    if (!multiple) props.stopEditing();
  };
  return (
    <PopupEditorFrame frame={frame} width={props.column.getActualWidth()} api={props.api}>
      <Select
        {...(multiple ? { mode: 'multiple' as const } : {})}
        autoFocus
        defaultOpen
        allowClear
        className="mt-popup-select"
        placeholder={t('grid.searchPeople')}
        defaultValue={multiple ? ids : ids[0]}
        options={options}
        showSearch={{ optionFilterProp: 'search' }}
        getPopupContainer={popupContainer}
        onChange={save}
      />
    </PopupEditorFrame>
  );
}

function ChosenPerson({ id, users, children }: { id: string; users: readonly UserSummary[]; children?: ReactNode }) {
  const user = users.find((candidate) => candidate.id === id) ?? { id, name: id, email: '' };
  return (
    <span className="mt-person mt-person-chosen">
      <UserAvatar user={user} />
      <span className="mt-person-name">{user.name || user.email}</span>
      {children}
    </span>
  );
}

function PersonFieldEditor({ value, field, context, disabled, onSave }: FieldEditorProps) {
  const { t } = useTranslation();
  const multiple = field.options.multiple !== false;
  const ids = presentedUsers(value).map((user) => user.id);
  return (
    <Select
      {...(multiple ? { mode: 'multiple' as const } : {})}
      allowClear
      className="mt-field-select"
      placeholder={t('grid.searchPeople')}
      value={multiple ? ids : ids[0]}
      disabled={disabled}
      options={peopleOptions(context.users)}
      showSearch={{ optionFilterProp: 'search' }}
      // Chosen people as avatar and name only (the list shows their emails to tell them apart).
      labelRender={({ value: id }) => <ChosenPerson id={String(id)} users={context.users} />}
      tagRender={({ value: id, closable, onClose }) => (
        <ChosenPerson id={String(id)} users={context.users}>
          {closable && !disabled && <CloseOutlined className="mt-person-remove" onClick={onClose} />}
        </ChosenPerson>
      )}
      onChange={(next: string | string[] | undefined) => onSave(pickedPeople(next))}
      data-testid="field-editor"
    />
  );
}

export const personCell: CellType = {
  OptionsEditor: PersonOptionsEditor,
  icon: UserOutlined,
  Renderer: PersonRenderer,
  Editor: PersonEditor,
  FieldEditor: PersonFieldEditor,
  popupEditor: true,
  editorKeys: ['Enter', 'ArrowUp', 'ArrowDown', 'Backspace'],
  width: 220,
};
