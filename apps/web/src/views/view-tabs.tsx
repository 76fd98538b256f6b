/**
 * The views of a table as a row of tabs. Each tab's menu (right-click or the caret) renames,
 * duplicates, locks or unlocks, and deletes its view (a table keeps at least one shared view);
 * "New view" adds one. Shared views are changed by designers (owners, admins, roles that may
 * design the table); everyone may add personal views, which only they see and change. A locked
 * view is renamed or deleted only once unlocked.
 */
import {
  AppstoreOutlined,
  CalendarOutlined,
  CopyOutlined,
  DeleteOutlined,
  DownOutlined,
  EditOutlined,
  LockOutlined,
  PlusOutlined,
  ProjectOutlined,
  TableOutlined,
  UnlockOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, Tooltip, type MenuProps } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiView } from '../api/tables';
import { NameDialog } from '../layout/name-dialog';
import { errorText } from '../pages/form-errors';
import type { ViewActions } from './use-view-actions';
import { layoutOf, layoutTypes, type LayoutType } from './layouts';
import { configOf } from './view-settings';

type Dialog = { kind: 'create'; layout: LayoutType; personal: boolean } | { kind: 'rename'; view: ApiView } | { kind: 'duplicate'; view: ApiView } | null;

const layoutIcons: { readonly [K in LayoutType]: typeof TableOutlined } = { grid: TableOutlined, kanban: ProjectOutlined, calendar: CalendarOutlined, gallery: AppstoreOutlined };

interface ViewTabsProps {
  views: readonly ApiView[];
  activeViewId: string;
  canDesign: boolean;
  actions: ViewActions;
  onOpen(viewId: string): void;
}

/** Whether the signed-in user may change this view: their own personal views, shared ones when they design. */
export function mayChangeView(view: ApiView, canDesign: boolean): boolean {
  return view.personal || canDesign;
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
  // The open view when a deletion is answered, which may no longer be the one open when it was asked.
  const openViewId = useRef(activeViewId);
  openViewId.current = activeViewId;

  const sharedCount = views.filter((view) => !view.personal).length;
  const menuOf = (view: ApiView): MenuProps => ({
    items: [
      { key: 'rename', icon: <EditOutlined />, label: t('common.rename'), disabled: view.locked },
      { key: 'duplicate', icon: <CopyOutlined />, label: view.personal || !canDesign ? t('views.duplicatePersonal') : t('views.duplicate') },
      view.locked ? { key: 'unlock', icon: <UnlockOutlined />, label: t('views.unlock') } : { key: 'lock', icon: <LockOutlined />, label: t('views.lock') },
      { type: 'divider' },
      { key: 'delete', icon: <DeleteOutlined />, label: t('common.delete'), danger: true, disabled: view.locked || (!view.personal && sharedCount <= 1) },
    ],
    onClick: ({ key, domEvent }) => {
      domEvent.stopPropagation();
      if (key === 'rename') setDialog({ kind: 'rename', view });
      if (key === 'duplicate') setDialog({ kind: 'duplicate', view });
      if (key === 'lock' || key === 'unlock') actions.setLocked(view, key === 'lock').catch((error: unknown) => void message.error(errorText(error, t)));
      if (key === 'delete') {
        modal.confirm({
          title: t('views.deleteConfirm', { name: view.name }),
          okText: t('common.delete'),
          okButtonProps: { danger: true },
          cancelText: t('common.cancel'),
          onOk: async () => {
            try {
              await actions.remove(view);
              if (view.id === openViewId.current) onOpen(views.find((other) => other.id !== view.id)!.id);
            } catch (error) {
              void message.error(errorText(error, t));
            }
          },
        });
      }
    },
  });

  const layoutItems = (prefix: string) =>
    layoutTypes.map((layout) => {
      const Icon = layoutIcons[layout];
      return { key: `${prefix}${layout}`, icon: <Icon />, label: t(`views.layouts.${layout}`), 'data-testid': `add-view-${prefix}${layout}` };
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
        const changeable = mayChangeView(view, canDesign);
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
            data-view-id={view.id}
          >
            <Icon />
            <span className="mt-view-tab-name">{view.name}</span>
            {view.personal && (
              <Tooltip title={t('views.personalHint')}>
                <UserOutlined className="mt-view-tab-badge" aria-label={t('views.personal')} data-testid="view-personal" />
              </Tooltip>
            )}
            {view.locked && (
              <Tooltip title={t('views.lockedHint')}>
                <LockOutlined className="mt-view-tab-badge" aria-label={t('views.locked')} data-testid="view-locked" />
              </Tooltip>
            )}
            {active && changeable && (
              <Dropdown menu={menuOf(view)} trigger={['click']}>
                <DownOutlined className="mt-view-tab-caret" data-testid="view-tab-menu" onClick={(event) => event.stopPropagation()} />
              </Dropdown>
            )}
          </div>
        );
        return changeable ? (
          <Dropdown key={view.id} menu={menuOf(view)} trigger={['contextMenu']}>
            {tab}
          </Dropdown>
        ) : (
          tab
        );
      })}
      <Dropdown
        trigger={['click']}
        menu={{
          // Designers add shared views, and personal ones from the group below; others add personal views only.
          items: canDesign
            ? [...layoutItems(''), { type: 'divider' }, { type: 'group', label: t('views.personalGroup'), children: layoutItems('personal:') }]
            : layoutItems('personal:'),
          onClick: ({ key }) => setDialog({ kind: 'create', layout: key.replace('personal:', '') as LayoutType, personal: key.startsWith('personal:') }),
        }}
      >
        <Button type="text" size="small" icon={<PlusOutlined />} data-testid="add-view">
          {t('views.add')}
        </Button>
      </Dropdown>
      <NameDialog
        open={dialog !== null}
        title={dialog?.kind === 'rename' ? t('views.renameTitle') : dialog?.kind === 'duplicate' ? t('views.duplicateTitle') : t(`views.createTitles.${dialog?.kind === 'create' ? dialog.layout : 'grid'}`)}
        okText={dialog?.kind === 'rename' ? t('common.save') : t('common.create')}
        initialName={initialName}
        onClose={() => setDialog(null)}
        onSubmit={async (name) => {
          if (dialog?.kind === 'rename') return actions.rename(dialog.view, name);
          // A copy is shared when its maker designs the table and copies a shared view; else it is theirs.
          const created =
            dialog?.kind === 'duplicate'
              ? await actions.create(name, layoutOf(dialog.view), { config: configOf(dialog.view), personal: dialog.view.personal || !canDesign })
              : await actions.create(name, dialog?.kind === 'create' ? dialog.layout : 'grid', { personal: dialog?.kind === 'create' && dialog.personal });
          onOpen(created.id);
        }}
      />
    </nav>
  );
}
