/** A table's working area: toolbar (add record, add field), the grid, and the record count. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Base } from '../api/bases';
import type { ApiTable } from '../api/tables';
import { AddFieldDialog } from './add-field-dialog';
import type { RecordCount } from './record-datasource';
import { TableGrid, type TableGridHandle } from './table-grid';

export function TableGridView({ base, table, onSchemaChanged }: { base: Base; table: ApiTable; onSchemaChanged(): Promise<unknown> }) {
  const { t } = useTranslation();
  const grid = useRef<TableGridHandle>(null);
  const [count, setCount] = useState<RecordCount | null>(null);
  const [addingField, setAddingField] = useState(false);
  const onCount = useCallback((known: RecordCount) => setCount(known), []);
  const countText = count && (count.exact ? t('grid.records', { count: count.count }) : t('grid.recordsAtLeast', { count: count.count }));

  return (
    <div className="mt-table-view">
      <div className="mt-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void grid.current?.addRecord()} data-testid="add-record">
          {t('grid.addRecord')}
        </Button>
        <Button icon={<PlusOutlined />} onClick={() => setAddingField(true)} data-testid="add-field">
          {t('grid.addField')}
        </Button>
      </div>
      <TableGrid ref={grid} base={base} table={table} onCount={onCount} />
      <div className="mt-status-bar">
        <Typography.Text type="secondary" data-testid="record-count">
          {countText}
        </Typography.Text>
      </div>
      <AddFieldDialog baseId={base.id} tableId={table.id} open={addingField} onClose={() => setAddingField(false)} onAdded={onSchemaChanged} />
    </div>
  );
}
