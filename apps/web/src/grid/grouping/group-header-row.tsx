/**
 * A group's header row, drawn across the grid: a caret that collapses or expands the group,
 * the grouped field's name, the group's value as the field's cells show it, and how many
 * records the group holds (the server's count). Nested levels are indented.
 */
import { CaretDownOutlined, CaretRightOutlined } from '@ant-design/icons';
import type { CustomCellRendererProps } from 'ag-grid-react';
import { useTranslation } from 'react-i18next';
import type { ApiRecord } from '../../api/records';
import { cellTypeOf } from '../../fields/registry';
import type { GridContext } from '../grid-context';
import { groupHeaderOf } from '../grid-row';

export function GroupHeaderRow(props: CustomCellRendererProps<ApiRecord, unknown, GridContext>) {
  const { t } = useTranslation();
  const header = groupHeaderOf(props.data);
  if (!header) return null;
  const field = props.context.fieldsById.get(header.fieldId);
  const { node, collapsed } = header;
  const Caret = collapsed ? CaretRightOutlined : CaretDownOutlined;
  const Renderer = field ? cellTypeOf(field).Renderer : undefined;
  return (
    <div
      className={`mt-group-header mt-group-level-${node.level}`}
      style={{ paddingLeft: 12 + node.level * 20 }}
      role="button"
      tabIndex={-1}
      aria-expanded={!collapsed}
      onClick={() => props.context.toggleGroup(node.path)}
      data-testid="group-header"
    >
      <Caret className="mt-group-caret" />
      {field && <span className="mt-group-field">{field.name}</span>}
      <span className="mt-group-value" data-testid="group-value">
        {node.key === null || node.key === undefined || !field || !Renderer ? (
          <span className="mt-group-empty">{t('group.empty')}</span>
        ) : (
          <Renderer value={node.key} field={field} recordId="" context={props.context} />
        )}
      </span>
      <span className="mt-group-count" data-testid="group-count">
        {t('group.count', { count: node.count })}
      </span>
    </div>
  );
}
