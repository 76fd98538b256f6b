/**
 * A column header: the field type's icon and the field's name, and the field's menu (./field-menu)
 * behind a caret shown on hover, or on a right click anywhere on the header. For people who may
 * design the table, a double click opens the field dialog, as in Bitable.
 */
import { DownOutlined } from '@ant-design/icons';
import { Dropdown } from 'antd';
import type { CustomHeaderProps } from 'ag-grid-react';
import { useTranslation } from 'react-i18next';
import type { ApiField } from '../api/tables';
import { useFieldDesignActions } from '../field-design/field-design-context';
import { cellTypeOf } from '../fields/registry';
import { fieldMenu, type FieldMenuColumn } from './field-menu';

export function FieldHeader(props: CustomHeaderProps & { field: ApiField; menu: FieldMenuColumn }) {
  const { t } = useTranslation();
  const design = useFieldDesignActions();
  const Icon = cellTypeOf(props.field).icon;
  const menu = fieldMenu({ ...props.menu, field: props.field, ...(design ? { design } : {}) }, t);
  const header = (
    <div className="mt-field-header" title={props.field.description || props.field.name} data-testid="field-header" onDoubleClick={design ? () => design.edit(props.field) : undefined}>
      <Icon className="mt-field-header-icon" />
      <span className="mt-field-header-name">{props.field.name}</span>
      {menu && (
        <Dropdown menu={menu} trigger={['click']}>
          <DownOutlined
            className="mt-field-header-caret"
            role="button"
            aria-label={t('grid.fieldMenu')}
            data-testid="field-menu"
            // The header's own click would otherwise start a column drag or a sort.
            onMouseDown={(event) => event.stopPropagation()}
            onClick={(event) => event.stopPropagation()}
          />
        </Dropdown>
      )}
    </div>
  );
  return menu ? (
    <Dropdown menu={menu} trigger={['contextMenu']}>
      {header}
    </Dropdown>
  ) : (
    header
  );
}
