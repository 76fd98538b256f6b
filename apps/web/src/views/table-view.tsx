/**
 * A table's working area: its views as tabs, the toolbar (add record, add field, and the view's
 * settings), the grid as the view shows it, and the record count.
 *
 * The view's settings come from the tables query; a change shows at once (the grid reads with
 * the settings it is given) and is saved to the view when the user may design the table.
 * What the user's role allows comes from `GET …/permissions`.
 */
import { PlusOutlined } from '@ant-design/icons';
import { visibleFields, type ViewConfig } from '@multitable/core';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Typography } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Base } from '../api/bases';
import { tablePermissions } from '../api/permissions';
import type { ApiTable, ApiView } from '../api/tables';
import { listUsers } from '../api/users';
import { FieldDesignContext } from '../field-design/field-design-context';
import { useFieldDesign } from '../field-design/use-field-design';
import type { GroupLevel, RecordCount, RecordSourceQuery } from '../grid/record-datasource';
import { TableGrid, type TableGridHandle } from '../grid/table-grid';
import { errorText } from '../pages/form-errors';
import { PresenceAvatars } from '../realtime/presence-avatars';
import { ViewToolbar } from './toolbar/view-toolbar';
import { CalendarView } from './calendar/calendar-view';
import { GalleryView } from './gallery/gallery-view';
import { KanbanBoard } from './kanban/kanban-board';
import { layoutFieldOf, layoutOf } from './layouts';
import './layouts.css';
import { LayoutFieldSelect } from './toolbar/layout-field-select';
import { useViewActions } from './use-view-actions';
import { mayChangeView, ViewTabs } from './view-tabs';
import { configOf, groupByOf } from './view-settings';

interface TableViewProps {
  base: Base;
  table: ApiTable;
  viewId: string | undefined;
  onOpenView(viewId: string): void;
  onSchemaChanged(): Promise<unknown>;
}

export function TableView({ base, table, viewId, onOpenView, onSchemaChanged }: TableViewProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const grid = useRef<TableGridHandle>(null);
  const [count, setCount] = useState<RecordCount | null>(null);
  const [waiting, setWaiting] = useState(0);
  const onCount = useCallback((known: RecordCount) => setCount(known), []);
  const actions = useViewActions(base.id, table.id);
  const users = useQuery({ queryKey: ['users'], queryFn: listUsers });
  const permissions = useQuery({ queryKey: ['permissions', base.id, table.id], queryFn: () => tablePermissions(base.id, table.id) });

  const view: ApiView | undefined = table.views.find((candidate) => candidate.id === viewId) ?? table.views[0];
  const config = useMemo(() => (view ? configOf(view) : undefined), [view]);
  const fieldIds = useMemo(() => new Set(table.fields.map((field) => field.id)), [table.fields]);
  const [groupBy, setGroupBy] = useState<{ viewId: string; levels: GroupLevel[] } | null>(null);
  const levels = useMemo(() => (view ? (groupBy?.viewId === view.id ? groupBy.levels : groupByOf(view, fieldIds)) : []), [view, groupBy, fieldIds]);

  const canDesign = permissions.data?.canDesign ?? false;
  // Settings are saved where the user may change the view: their personal views, shared ones when they design — and not while it is locked.
  const savesView = view !== undefined && mayChangeView(view, canDesign) && !view.locked;
  const canAdd = permissions.data?.canAdd ?? false;
  const fieldAccess = permissions.data?.fields;
  const mayEdit = useCallback((fieldId: string) => fieldAccess?.[fieldId] === 'edit', [fieldAccess]);

  const layout = view ? layoutOf(view) : 'grid';
  const layoutField = config ? layoutFieldOf(layout, config, table.fields) : undefined;

  const shown = useMemo(() => (config ? visibleFields(config, table.fields.map((field) => ({ ...field, tableId: table.id }))) : []), [config, table.fields, table.id]);
  const query = useMemo<RecordSourceQuery>(() => ({ filter: config?.filter ?? null, sorts: config?.sorts ?? [], groupBy: levels }), [config?.filter, config?.sorts, levels]);

  const saveConfig = useCallback(
    (patch: Partial<ViewConfig>) => {
      if (!view || !savesView) return;
      actions.saveConfig(view, patch).catch((error: unknown) => void message.error(errorText(error, t)));
    },
    [view, savesView, actions, message, t],
  );
  const onFieldOrder = useCallback(
    (order: string[]) => saveConfig({ fieldOrder: [...order, ...(config?.hiddenFieldIds ?? [])] }),
    [saveConfig, config?.hiddenFieldIds],
  );
  const onColumnWidth = useCallback((fieldId: string, width: number) => saveConfig({ columnWidths: { ...config?.columnWidths, [fieldId]: width } }), [saveConfig, config?.columnWidths]);
  const onFrozenCount = useCallback((frozenColumnCount: number) => saveConfig({ frozenColumnCount }), [saveConfig]);
  const fieldDesign = useFieldDesign({ base, table, config, saveConfig, savesView, onSchemaChanged });

  if (!view || !config) return null;
  const countText = count && (count.exact ? t('grid.records', { count: count.count }) : t('grid.recordsAtLeast', { count: count.count }));

  return (
    <div className="mt-table-view">
      <ViewTabs views={table.views} activeViewId={view.id} canDesign={canDesign} actions={actions} onOpen={onOpenView} />
      <div className="mt-toolbar">
        {canAdd && layout === 'grid' && (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => void grid.current?.addRecord()} data-testid="add-record">
            {t('grid.addRecord')}
          </Button>
        )}
        {canDesign && (
          <Button size="small" icon={<PlusOutlined />} onClick={fieldDesign.actions.add} data-testid="add-field">
            {t('grid.addField')}
          </Button>
        )}
        {((canAdd && layout === 'grid') || canDesign) && <div className="mt-toolbar-divider" />}
        <LayoutFieldSelect layout={layout} fields={table.fields} config={config} canDesign={savesView} onConfig={saveConfig} />
        <ViewToolbar
          board={layout !== 'grid'}
          fields={table.fields}
          config={config}
          groupBy={levels}
          lockedReason={savesView ? undefined : view.locked ? t('views.lockedHint') : t('views.designOnly')}
          users={users.data ?? []}
          onConfig={saveConfig}
          onGroupBy={(next) => {
            setGroupBy({ viewId: view.id, levels: next });
            saveConfig({ groupBy: next });
          }}
        />
        <PresenceAvatars tableId={table.id} />
      </div>
      {permissions.data && layout === 'kanban' && (
        <KanbanBoard base={base} table={table} config={config} stackField={layoutField} fields={shown} mayEdit={mayEdit} canAdd={canAdd} />
      )}
      {permissions.data && layout === 'calendar' && (
        <CalendarView base={base} table={table} config={config} dateField={layoutField} mayEdit={mayEdit} canAdd={canAdd} />
      )}
      {permissions.data && layout === 'gallery' && (
        <GalleryView base={base} table={table} config={config} fields={shown} mayEdit={mayEdit} canAdd={canAdd} onCount={(records) => setCount({ count: records, exact: true })} />
      )}
      {permissions.data && layout === 'grid' && (
        <FieldDesignContext.Provider value={canDesign ? fieldDesign.actions : undefined}>
          <TableGrid
            key={view.id}
            ref={grid}
            base={base}
            table={table}
            fields={shown}
            config={config}
            query={query}
            mayEdit={mayEdit}
            onCount={onCount}
            onFieldOrder={onFieldOrder}
            onColumnWidth={onColumnWidth}
            {...(savesView ? { onFrozenCount } : {})}
            onWaiting={setWaiting}
          />
        </FieldDesignContext.Provider>
      )}
      <div className="mt-status-bar">
        {(layout === 'grid' || layout === 'gallery') && (
          <Typography.Text type="secondary" data-testid="record-count">
            {countText}
          </Typography.Text>
        )}
        {waiting > 0 && (
          <Typography.Text type="warning" className="mt-waiting" data-testid="edits-waiting">
            {t('realtime.waiting', { count: waiting })}
          </Typography.Text>
        )}
      </div>
      {fieldDesign.dialogs}
    </div>
  );
}
