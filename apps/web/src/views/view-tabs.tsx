/**
 * The views of a table as a row of tabs. Each tab's menu (right-click or the caret) renames,
 * duplicates or deletes its view (a table keeps at least one); "New view" adds a grid view.
 * Only designers (owners, admins, roles that may design the table) see the menus and the button.
 */
import { AppstoreOutlined, CalendarOutlined, CopyOutlined, DeleteOutlined, DownOutlined, EditOutlined, PlusOutlined, ProjectOutlined, TableOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiView } from '../api/tables';
import { NameDialog } from '../layout/name-dialog';
import { errorText } from '../pages/form-errors';
import type { ViewActions } from './use-view-actions';
import { layoutOf, layoutTypes, type LayoutType } from './layouts';
import { configOf } from './view-settings';

type Dialog = { kind: 'create'; layout: LayoutType } | { kind: 'rename'; view: ApiView } | { kind: 'duplicate'; view: ApiView } | null;

const layoutIcons: { readonly [K in LayoutType]: typeof TableOutlined } = { grid: TableOutlined, kanban: ProjectOutlined, calendar: CalendarOutlined, gallery: AppstoreOutlined };

interface ViewTabsProps {
  views: readonly ApiView[];
  activeViewId: string;
  canDesign: boolean;
  actions: ViewActions;
  onOpen(viewId: string): void;
}

/** The first name not taken, counting from `from`: "Grid view 2", "Triage copy 2". */
function freeName(wanted: (n: number) => string, views: readonly ApiView[], from = 1): string {
  const taken = new Set(views.map((view) => view.name));
  for (let n = from; ; n += 1) if (!taken.has(wanted(n))) return wanted(n);
}

export function ViewTabs({ views, activeViewId, canDesign, actions, onOpen }: ViewTabsProps) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);

  const menuOf = (view: ApiView): MenuProps => ({
    items: [
      { key: 'rename', icon: <EditOutlined />, label: t('common.rename') },
      { key: 'duplicate', icon: <CopyOutlined />, label: t('views.duplicate') },
      { type: 'divider' },
      { key: 'delete', icon: <DeleteOutlined />, label: t('common.delete'), danger: true, disabled: views.length <= 1 },
    ],
    onClick: ({ key, domEvent }) => {
      domEvent.stopPropagation();
      if (key === 'rename') setDialog({ kind: 'rename', view });
      if (key === 'duplicate') setDialog({ kind: 'duplicate', view });
      if (key === 'delete') {
        modal.confirm({
          title: t('views.deleteConfirm', { name: view.name }),
          okText: t('common.delete'),
          okButtonProps: { danger: true },
          cancelText: t('common.cancel'),
          onOk: async () => {
            try {
              await actions.remove(view);
              if (view.id === activeViewId) onOpen(views.find((other) => other.id !== view.id)!.id);
            } catch (error) {
              void message.error(errorText(error, t));
            }
          },
        });
      }
    },
  });

  const initialName =
    dialog?.kind === 'rename'
      ? dialog.view.name
      : dialog?.kind === 'duplicate'
        ? freeName((n) => t(n === 1 ? 'views.copyName' : 'views.copyNameN', { name: dialog.view.name, n }), views)
        : freeName((n) => t(`views.defaultNames.${dialog?.kind === 'create' ? dialog.layout : 'grid'}`, { n }), views, views.length + 1);

  return (
    <nav className="mt-view-tabs" role="tablist" aria-label={t('views.title')}>
      {views.map((view) => {
        const active = view.id === activeViewId;
        const Icon = layoutIcons[layoutOf(view)];
        const tab = (
          <div
            key={view.id}
            role="tab"
            aria-selected={active}
            tabIndex={0}
            className={`mt-view-tab${active ? ' mt-view-tab-active' : ''}`}
            onClick={() => onOpen(view.id)}
            onKeyDown={(event) => event.key === 'Enter' && onOpen(view.id)}
            data-testid="view-tab"
          >
            <Icon />
            <span className="mt-view-tab-name">{view.name}</span>
            {active && canDesign && (
              <Dropdown menu={menuOf(view)} trigger={['click']}>
                <DownOutlined className="mt-view-tab-caret" data-testid="view-tab-menu" onClick={(event) => event.stopPropagation()} />
              </Dropdown>
            )}
          </div>
        );
        return canDesign ? (
          <Dropdown key={view.id} menu={menuOf(view)} trigger={['contextMenu']}>
            {tab}
          </Dropdown>
        ) : (
          tab
        );
      })}
      {canDesign && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: layoutTypes.map((layout) => {
              const Icon = layoutIcons[layout];
              return { key: layout, icon: <Icon />, label: t(`views.layouts.${layout}`) };
            }),
            onClick: ({ key }) => setDialog({ kind: 'create', layout: key as LayoutType }),
          }}
        >
          <Button type="text" size="small" icon={<PlusOutlined />} data-testid="add-view">
            {t('views.add')}
          </Button>
        </Dropdown>
      )}
      <NameDialog
        open={dialog !== null}
        title={dialog?.kind === 'rename' ? t('views.renameTitle') : dialog?.kind === 'duplicate' ? t('views.duplicateTitle') : t(`views.createTitles.${dialog?.kind === 'create' ? dialog.layout : 'grid'}`)}
        okText={dialog?.kind === 'rename' ? t('common.save') : t('common.create')}
        initialName={initialName}
        onClose={() => setDialog(null)}
        onSubmit={async (name) => {
          if (dialog?.kind === 'rename') return actions.rename(dialog.view, name);
          const created =
            dialog?.kind === 'duplicate'
              ? await actions.create(name, layoutOf(dialog.view), configOf(dialog.view))
              : await actions.create(name, dialog?.kind === 'create' ? dialog.layout : 'grid');
          onOpen(created.id);
        }}
      />
    </nav>
  );
}
