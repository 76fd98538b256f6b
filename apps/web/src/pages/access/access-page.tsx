/**
 * A base's people and permissions, for its owners and admins: members with their roles, and the
 * custom roles' rules per table. Reached from the base page's header.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Result, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { getBase } from '../../api/bases';
import { listTables } from '../../api/tables';
import { AppHeader } from '../../layout/app-header';
import { PageSpinner } from '../../layout/page-spinner';
import { errorText } from '../form-errors';
import { MembersTab } from './members-tab';
import { RolesTab } from './roles-tab';

export function AccessPage() {
  const { t } = useTranslation();
  const { baseId = '' } = useParams();
  const navigate = useNavigate();
  const base = useQuery({ queryKey: ['base', baseId], queryFn: () => getBase(baseId) });
  const tables = useQuery({ queryKey: ['tables', baseId], queryFn: () => listTables(baseId) });
  const failure = base.error ?? tables.error;

  return (
    <div className="mt-page">
      <AppHeader>
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(`/bases/${baseId}`)} aria-label={t('access.back')} />
        <Typography.Text strong className="mt-base-title">
          {base.data ? t('access.title', { base: base.data.name }) : ''}
        </Typography.Text>
      </AppHeader>
      {failure ? (
        <Result status="error" title={errorText(failure, t)} />
      ) : !base.data || !tables.data ? (
        <PageSpinner />
      ) : (
        <div className="mt-access">
          <Tabs
            items={[
              { key: 'members', label: t('access.members'), children: <MembersTab baseId={baseId} /> },
              { key: 'roles', label: t('access.roles'), children: <RolesTab baseId={baseId} tables={tables.data} /> },
            ]}
          />
        </div>
      )}
    </div>
  );
}
