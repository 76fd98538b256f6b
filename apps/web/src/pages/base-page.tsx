/**
 * A base: its tables as tabs (create, rename, move, delete) and the selected table's grid.
 * The URL names the table (`#/bases/:baseId/tables/:tableId`); without one, the first table opens.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { getBase } from '../api/bases';
import { listTables } from '../api/tables';
import { TableGridView } from '../grid/table-grid-view';
import { AppHeader } from '../layout/app-header';
import { PageSpinner } from '../layout/page-spinner';
import { errorText } from './form-errors';
import { TableTabs } from './table-tabs';

export function BasePage() {
  const { t } = useTranslation();
  const { baseId = '', tableId } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const base = useQuery({ queryKey: ['base', baseId], queryFn: () => getBase(baseId) });
  const tables = useQuery({ queryKey: ['tables', baseId], queryFn: () => listTables(baseId) });
  const refreshTables = () => queryClient.invalidateQueries({ queryKey: ['tables', baseId] });

  const failure = base.error ?? tables.error;
  const table = tables.data?.find((candidate) => candidate.id === tableId);
  if (!tableId && tables.data?.[0]) return <Navigate to={`/bases/${baseId}/tables/${tables.data[0].id}`} replace />;

  return (
    <div className="mt-page mt-base-page">
      <AppHeader>
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/')} aria-label={t('base.back')} />
        <Typography.Text strong className="mt-base-title" data-testid="base-name">
          {base.data?.name}
        </Typography.Text>
      </AppHeader>
      {failure ? (
        <Result status="error" title={errorText(failure, t)} />
      ) : !base.data || !tables.data ? (
        <PageSpinner />
      ) : (
        <>
          <TableTabs baseId={baseId} tables={tables.data} activeTableId={table?.id} onChanged={refreshTables} />
          <div className="mt-table-area">
            {table ? (
              <TableGridView key={table.id} base={base.data} table={table} onSchemaChanged={refreshTables} />
            ) : tables.data.length === 0 ? (
              <Empty className="mt-base-empty" description={t('base.noTables')} />
            ) : (
              <Navigate to={`/bases/${baseId}`} replace />
            )}
          </div>
        </>
      )}
    </div>
  );
}
