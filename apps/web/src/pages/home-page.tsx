/** Home: the bases the user belongs to, as cards — open, create, rename, delete. */
import { AppstoreOutlined, DeleteOutlined, EditOutlined, MoreOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Dropdown, Empty, Result, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { createBase, deleteBase, listBases, renameBase, type Base } from '../api/bases';
import { AppHeader } from '../layout/app-header';
import { NameDialog } from '../layout/name-dialog';
import { PageSpinner } from '../layout/page-spinner';
import { useLanguage } from '../i18n/i18n';
import { errorText } from './form-errors';

type Dialog = { kind: 'create' } | { kind: 'rename'; base: Base } | null;

function browserTimeZone(): string | undefined {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
}

export function HomePage() {
  const { t } = useTranslation();
  const { intl } = useLanguage();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const bases = useQuery({ queryKey: ['bases'], queryFn: listBases });
  const [dialog, setDialog] = useState<Dialog>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['bases'] });
  const remove = useMutation({ mutationFn: deleteBase, onSuccess: refresh, onError: (error) => void message.error(errorText(error, t)) });

  const confirmDelete = (base: Base) =>
    modal.confirm({
      title: t('home.deleteConfirm', { name: base.name }),
      content: t('home.deleteWarning'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(base.id),
    });

  const dateFormat = new Intl.DateTimeFormat(intl, { dateStyle: 'medium' });

  return (
    <div className="mt-page">
      <AppHeader />
      <main className="mt-home">
        <div className="mt-home-heading">
          <Typography.Title level={3}>{t('home.title')}</Typography.Title>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="create-base">
            {t('home.create')}
          </Button>
        </div>
        {bases.isPending && <PageSpinner />}
        {bases.isError && <Result status="error" title={errorText(bases.error, t)} extra={<Button onClick={() => bases.refetch()}>{t('common.retry')}</Button>} />}
        {bases.data?.length === 0 && <Empty description={t('home.empty')} className="mt-home-empty" />}
        <div className="mt-base-cards">
          {bases.data?.map((base) => (
            <Card
              key={base.id}
              hoverable
              className="mt-base-card"
              data-testid="base-card"
              onClick={() => navigate(`/bases/${base.id}`)}
            >
              <div className="mt-base-card-body">
                <div className="mt-base-icon">
                  <AppstoreOutlined />
                </div>
                <div className="mt-base-card-text">
                  <Typography.Text strong ellipsis className="mt-base-name">
                    {base.name}
                  </Typography.Text>
                  <Typography.Text type="secondary" className="mt-base-meta">
                    {t('home.created', { date: dateFormat.format(new Date(base.createdAt)) })}
                  </Typography.Text>
                  <Tag className="mt-base-role">{t(`home.role_${base.role}`)}</Tag>
                </div>
                <div onClick={(event) => event.stopPropagation()}>
                  <Dropdown
                    trigger={['click']}
                    menu={{
                      items: [
                        { key: 'rename', icon: <EditOutlined />, label: t('common.rename'), disabled: base.role === 'editor' || base.role === 'viewer' },
                        { key: 'delete', icon: <DeleteOutlined />, label: t('common.delete'), danger: true, disabled: base.role !== 'owner' },
                      ],
                      onClick: ({ key }) => (key === 'rename' ? setDialog({ kind: 'rename', base }) : confirmDelete(base)),
                    }}
                  >
                    <Button type="text" icon={<MoreOutlined />} aria-label={t('common.rename')} data-testid="base-menu" />
                  </Dropdown>
                </div>
              </div>
            </Card>
          ))}
        </div>
      </main>
      <NameDialog
        open={dialog !== null}
        title={dialog?.kind === 'rename' ? t('home.renameTitle') : t('home.createTitle')}
        okText={dialog?.kind === 'rename' ? t('common.save') : t('common.create')}
        initialName={dialog?.kind === 'rename' ? dialog.base.name : ''}
        onClose={() => setDialog(null)}
        onSubmit={async (name) => {
          if (dialog?.kind === 'rename') await renameBase(dialog.base.id, name);
          else {
            const timeZone = browserTimeZone();
            const base = await createBase({ name, ...(timeZone ? { timeZone } : {}) });
            navigate(`/bases/${base.id}`);
          }
          await refresh();
        }}
      />
    </div>
  );
}
