/**
 * The table tabs of a base. Each tab's menu (right-click or the caret) renames, moves or deletes
 * its table; the "+" tab creates one with a primary text field.
 */
import { DeleteOutlined, DownOutlined, EditOutlined, LeftOutlined, PlusOutlined, RightOutlined, TableOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { createTable, deleteTable, updateTable, type ApiTable } from '../api/tables';
import { NameDialog } from '../layout/name-dialog';
import { errorText } from './form-errors';

type Dialog = { kind: 'create' } | { kind: 'rename'; table: ApiTable } | null;

interface TableTabsProps {
  baseId: string;
  tables: ApiTable[];
  activeTableId: string | undefined;
  /** Owners and admins create, rename, move and delete tables; others only open them. */
  canDesign: boolean;
  onChanged(): Promise<unknown>;
}

export function TableTabs({ baseId, tables, activeTableId, canDesign, onChanged }: TableTabsProps) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const open = (tableId: string) => navigate(`/bases/${baseId}/tables/${tableId}`);

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      await onChanged();
    } catch (error) {
      void message.error(errorText(error, t));
    }
  };

  const menuOf = (table: ApiTable, index: number): MenuProps => ({
    items: [
      { key: 'rename', icon: <EditOutlined />, label: t('common.rename') },
      { key: 'left', icon: <LeftOutlined />, label: t('base.moveLeft'), disabled: index === 0 },
      { key: 'right', icon: <RightOutlined />, label: t('base.moveRight'), disabled: index === tables.length - 1 },
      { type: 'divider' },
      { key: 'delete', icon: <DeleteOutlined />, label: t('common.delete'), danger: true },
    ],
    onClick: ({ key, domEvent }) => {
      domEvent.stopPropagation();
      if (key === 'rename') setDialog({ kind: 'rename', table });
      if (key === 'left') void run(() => updateTable(baseId, table.id, { move: { before: tables[index - 1]!.id } }));
      if (key === 'right') void run(() => updateTable(baseId, table.id, { move: { after: tables[index + 1]!.id } }));
      if (key === 'delete') {
        modal.confirm({
          title: t('base.deleteConfirm', { name: table.name }),
          okText: t('common.delete'),
          okButtonProps: { danger: true },
          cancelText: t('common.cancel'),
          onOk: () =>
            run(async () => {
              await deleteTable(baseId, table.id);
              if (table.id === activeTableId) navigate(`/bases/${baseId}`);
            }),
        });
      }
    },
  });

  return (
    <nav className="mt-table-tabs" role="tablist">
      {tables.map((table, index) => {
        const active = table.id === activeTableId;
        return (
          <Dropdown key={table.id} menu={menuOf(table, index)} trigger={['contextMenu']} disabled={!canDesign}>
            <div
              role="tab"
              aria-selected={active}
              tabIndex={0}
              className={`mt-table-tab${active ? ' mt-table-tab-active' : ''}`}
              onClick={() => open(table.id)}
              onKeyDown={(event) => event.key === 'Enter' && open(table.id)}
              data-testid="table-tab"
            >
              <TableOutlined />
              <span className="mt-table-tab-name">{table.name}</span>
              {active && canDesign && (
                <Dropdown menu={menuOf(table, index)} trigger={['click']}>
                  <DownOutlined className="mt-table-tab-caret" data-testid="table-tab-menu" onClick={(event) => event.stopPropagation()} />
                </Dropdown>
              )}
            </div>
          </Dropdown>
        );
      })}
      {canDesign && (
        <Button type="text" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="add-table">
          {t('base.addTable')}
        </Button>
      )}
      <NameDialog
        open={dialog !== null}
        title={dialog?.kind === 'rename' ? t('base.renameTitle') : t('base.createTitle')}
        okText={dialog?.kind === 'rename' ? t('common.save') : t('common.create')}
        initialName={dialog?.kind === 'rename' ? dialog.table.name : t('base.defaultTableName', { n: tables.length + 1 })}
        onClose={() => setDialog(null)}
        onSubmit={async (name) => {
          if (dialog?.kind === 'rename') {
            await updateTable(baseId, dialog.table.id, { name });
            await onChanged();
          } else {
            const created = await createTable(baseId, { name, fields: [{ name: t('base.defaultPrimaryField'), type: 'singleLineText' }], firstView: { name: t('base.defaultFirstView') } });
            // The list first: a table the page does not know yet would send it back to the first table.
            await onChanged();
            open(created.id);
          }
        }}
      />
    </nav>
  );
}
