/** A column header: the field type's icon and the field's name. */
import type { CustomHeaderProps } from 'ag-grid-react';
import type { ApiField } from '../api/tables';
import { cellTypeOf } from './cell-types/registry';

export function FieldHeader(props: CustomHeaderProps & { field: ApiField }) {
  const Icon = cellTypeOf(props.field).icon;
  return (
    <div className="mt-field-header" title={props.field.description || props.field.name}>
      <Icon className="mt-field-header-icon" />
      <span className="mt-field-header-name">{props.field.name}</span>
    </div>
  );
}
