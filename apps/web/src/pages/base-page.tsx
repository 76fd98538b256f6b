/**
 * A base: its tables as tabs (create, rename, move, delete) and the selected table's views.
 * The URL names the table and view (`#/bases/:baseId/tables/:tableId/views/:viewId`); without
 * them, the first table and its first view open.
 */
import { ArrowLeftOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { getBase } from '../api/bases';
import { listTables } from '../api/tables';
import { TableView } from '../views/table-view';
import { ConnectionBanner } from '../realtime/connection-banner';
import { RealtimeProvider } from '../realtime/realtime-context';
import { AppHeader } from '../layout/app-header';
import { PageSpinner } from '../layout/page-spinner';
import { errorText } from './form-errors';
import { TableTabs } from './table-tabs';

export function BasePage() {
  const { t } = useTranslation();
  const { baseId = '', tableId, viewId } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const base = useQuery({ queryKey: ['base', baseId], queryFn: () => getBase(baseId) });
  const tables = useQuery({ queryKey: ['tables', baseId], queryFn: () => listTables(baseId) });
  const refreshTables = () => queryClient.invalidateQueries({ queryKey: ['tables', baseId] });

  const failure = base.error ?? tables.error;
  const designsBase = base.data?.role === 'owner' || base.data?.role === 'admin';
  const table = tables.data?.find((candidate) => candidate.id === tableId);
  if (!tableId && tables.data?.[0]) return <Navigate to={`/bases/${baseId}/tables/${tables.data[0].id}`} replace />;

  return (
    <RealtimeProvider baseId={baseId}>
      <div className="mt-page mt-base-page">
        <AppHeader>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/')} aria-label={t('base.back')} />
          <Typography.Text strong className="mt-base-title" data-testid="base-name">
            {base.data?.name}
          </Typography.Text>
          {designsBase && (
            <Button type="text" icon={<TeamOutlined />} onClick={() => navigate(`/bases/${baseId}/access`)} className="mt-header-access" data-testid="open-access">
              {t('access.open')}
            </Button>
          )}
        </AppHeader>
        {failure ? (
          <Result status="error" title={errorText(failure, t)} />
        ) : !base.data || !tables.data ? (
          <PageSpinner />
        ) : (
          <>
            <ConnectionBanner />
            <TableTabs baseId={baseId} tables={tables.data} activeTableId={table?.id} canDesign={designsBase} onChanged={refreshTables} />
            <div className="mt-table-area">
              {table ? (
                <TableView
                  key={table.id}
                  base={base.data}
                  table={table}
                  viewId={viewId}
                  onOpenView={(id) => navigate(`/bases/${baseId}/tables/${table.id}/views/${id}`)}
                  onSchemaChanged={refreshTables}
                />
              ) : tables.data.length === 0 ? (
                <Empty className="mt-base-empty" description={t('base.noTables')} />
              ) : (
                <Navigate to={`/bases/${baseId}`} replace />
              )}
            </div>
          </>
        )}
      </div>
    </RealtimeProvider>
  );
}
