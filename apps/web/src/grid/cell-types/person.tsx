/**
 * Person: avatars with names; edited with a searchable list of the instance's users (one or
 * many, by the field's `multiple` option).
 */
import { UserOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CellEditorProps, CellRendererProps, CellType } from './cell-type';
import { PopupEditorFrame, usePopupContainer } from './popup-editor-frame';
import { UserAvatar } from './user-avatar';

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

function PersonEditor(props: CellEditorProps) {
  const { t } = useTranslation();
  const { frame, popupContainer } = usePopupContainer();
  const multiple = props.field.options.multiple !== false;
  const ids = presentedUsers(props.initialValue).map((user) => user.id);
  const options = props.context.users.map((user) => ({
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
  const save = (next: string | string[] | undefined) => {
    const chosen = next === undefined ? [] : Array.isArray(next) ? next : [next];
    props.onValueChange(chosen.map((id) => ({ id })));
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

export const personCell: CellType = {
  icon: UserOutlined,
  Renderer: PersonRenderer,
  Editor: PersonEditor,
  popupEditor: true,
  editorKeys: ['Enter', 'ArrowUp', 'ArrowDown', 'Backspace'],
  width: 220,
};
