/** The row-number cell: the row's number, and on hover a button that expands the record. */
import { ExpandAltOutlined } from '@ant-design/icons';
import type { CustomCellRendererProps } from 'ag-grid-react';
import { useTranslation } from 'react-i18next';
import type { ApiRecord } from '../../api/records';
import type { GridContext } from '../grid-context';
import { ordinalOf } from '../grid-row';

export function RowNumberCell(props: CustomCellRendererProps<ApiRecord, unknown, GridContext>) {
  const { t } = useTranslation();
  const record = props.data;
  return (
    <span className="mt-row-number-cell">
      <span className="mt-row-number-value">{(record && ordinalOf(record)) ?? (props.node.rowIndex ?? 0) + 1}</span>
      {record && (
        <button
          type="button"
          className="mt-row-expand"
          title={t('grid.expand')}
          aria-label={t('grid.expand')}
          data-testid="expand-record"
          tabIndex={-1}
          onClick={() => props.context.expandRecord(record.id)}
        >
          <ExpandAltOutlined />
        </button>
      )}
    </span>
  );
}
