/**
 * The grid of one table: AG Grid Community's infinite row model over the records API, cells from
 * the cell-type registry, and what Community lacks built on browser events — a selected range,
 * TSV copy and paste, Delete to clear, undo and redo of the user's own edits. Every change goes
 * through the CellWriter (checked with core, saved in one batch, reverted if the server refuses).
 * The view decides the columns (order, widths), the row height, and what is read (filter, sorts,
 * group-by); moving or resizing a column hands the new order or width back to the view.
 */
import { useQuery } from '@tanstack/react-query';
import type { ViewConfig } from '@multitable/core';
import {
  AllCommunityModule,
  themeQuartz,
  type CellEditRequestEvent,
  type GridApi,
  type GridReadyEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { App } from 'antd';
import { useEffect, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Base } from '../api/bases';
import { createRecord, type ApiRecord } from '../api/records';
import type { ApiField, ApiTable } from '../api/tables';
import { listUsers } from '../api/users';
import { useSession } from '../auth/session';
import { useLanguage } from '../i18n/i18n';
import { errorText } from '../pages/form-errors';
import { userDirectory, type CellEnvironment } from './cell-values';
import { useGridClipboard } from './clipboard/use-grid-clipboard';
import { rowNumberColumnId, rowNumberWidth } from './column-defs';
import { useViewColumns } from './view-columns';
import { CellErrorBubble, type CellError } from './editing/cell-error-bubble';
import { CellWriter } from './editing/cell-writer';
import { waitingKey } from './editing/waiting-batches';
import { handleGridKey } from './editing/grid-keys';
import { editorClass, type GridContext } from './grid-context';
import { recordSource, type RecordCount, type RecordSourceQuery } from './record-datasource';
import { GroupHeaderRow } from './grouping/group-header-row';
import { useLiveUpdates } from './live/use-live-updates';
import { groupHeaderOf } from './grid-row';
import { rowHeightPixels } from '../views/view-settings';
import { RecordPanel } from './record-panel/record-panel';
import { singleCell } from './selection/cell-range';
import { RangeTracker } from './selection/range-tracker';
import { displayedFieldIds } from './selection/grid-columns';

const modules = [AllCommunityModule];

const theme = themeQuartz.withParams({
  accentColor: '#1677ff',
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 500,
  headerBackgroundColor: '#f7f8fa',
  headerTextColor: '#4e5969',
  borderColor: '#e5e6eb',
  columnBorder: true,
  wrapperBorder: false,
  wrapperBorderRadius: 0,
  rowHoverColor: '#f5f8ff',
  oddRowBackgroundColor: '#ffffff',
  cellHorizontalPadding: 10,
  spacing: 6,
});

export interface TableGridHandle {
  addRecord(): Promise<void>;
}

interface TableGridProps {
  base: Base;
  table: ApiTable;
  /** The fields the view shows, in its order. */
  fields: readonly ApiField[];
  config: ViewConfig;
  query: RecordSourceQuery;
  mayEdit(fieldId: string): boolean;
  onCount(count: RecordCount): void;
  /** The user moved a column: the shown fields' new order. */
  onFieldOrder(fieldIds: string[]): void;
  onColumnWidth(fieldId: string, width: number): void;
  /** Saves how many leading fields stay in place; absent when the user may not change the view. */
  onFrozenCount?(count: number): void;
  /** How many edits wait for the connection to come back. */
  onWaiting(count: number): void;
  ref?: Ref<TableGridHandle>;
}

export function TableGrid({ base, table, fields, config, query, mayEdit, onCount, onFieldOrder, onColumnWidth, onFrozenCount, onWaiting, ref }: TableGridProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const userId = useSession().user?.id;
  const users = useQuery({ queryKey: ['users'], queryFn: listUsers });
  const [api, setApi] = useState<GridApi<ApiRecord> | undefined>(undefined);
  const [cellError, setCellError] = useState<CellError | null>(null);
  // The record in the side panel; `loaded` stands in while the grid has not read it (a new record).
  const [expanded, setExpanded] = useState<{ id: string; loaded?: ApiRecord } | null>(null);
  const [readCount, setReadCount] = useState(0);
  const [knownRows, setKnownRows] = useState(0);
  const [storedVersion, setStoredVersion] = useState(0);
  const wrapper = useRef<HTMLDivElement>(null);
  const count = useRef<RecordCount>({ count: 0, exact: false });

  const fieldsById = useMemo(() => new Map(table.fields.map((field) => [field.id, field])), [table.fields]);
  const env = useMemo<CellEnvironment>(
    () => ({ users: userDirectory(users.data ?? []), timeZone: base.timeZone, locale: language.intl }),
    [users.data, base.timeZone, language.intl],
  );

  // Records this grid added or removed (set below, once the source is known).
  const recount = useRef<(delta: number) => void>(() => {});
  // The writer lives as long as the grid; it reads the latest fields, users and grid through refs.
  const latest = useRef({ fieldsById, env, api, mayEdit, onWaiting, message });
  latest.current = { fieldsById, env, api, mayEdit, onWaiting, message };
  const writer = useMemo(
    () =>
      new CellWriter({
        baseId: base.id,
        tableId: table.id,
        fields: () => latest.current.fieldsById,
        mayEdit: (fieldId) => latest.current.mayEdit(fieldId),
        env: () => latest.current.env,
        grid: () => latest.current.api,
        showError: (cell, text) => setCellError({ ...cell, message: text }),
        onStored: () => setStoredVersion((version) => version + 1),
        onWaiting: (waiting) => latest.current.onWaiting(waiting),
        onRecordsRemoved: (recordIds) => recount.current(-recordIds.length),
        onWaitingRefused: (text) => void latest.current.message.error(t('realtime.waitingRefused', { message: text })),
        // Edits made offline outlive the page: kept per user and base, sent when it opens again.
        ...(userId ? { waitingStore: { storage: window.localStorage, key: waitingKey(userId, base.id) } } : {}),
        messages: {
          readOnly: (field) => t('grid.readOnly', { field: field.name }),
          notAllowed: (field) => t('grid.notAllowed', { field: field.name }),
          invalid: (field, reason) => t('grid.invalid', { field: field.name, reason }),
        },
      }),
    [base.id, table.id, userId, t],
  );

  const typedAhead = useRef('');
  const context = useMemo<GridContext>(
    () => ({
      baseId: base.id,
      env,
      users: users.data ?? [],
      fieldsById,
      writer,
      takeTypedAhead: () => {
        const typed = typedAhead.current;
        typedAhead.current = '';
        return typed;
      },
      expandRecord: (recordId) => setExpanded({ id: recordId }),
      toggleGroup: (path) => toggleGroup.current(path),
    }),
    [base.id, env, users.data, fieldsById, writer],
  );

  const ranges = useMemo(() => new RangeTracker(() => latest.current.api), []);
  const { columns, onColumnMoved, onColumnResized } = useViewColumns({ fields, config, ranges, mayEdit, onFieldOrder, onColumnWidth, onFrozenCount });

  // A new source (and a fresh read from the top) whenever what is read changes.
  const queryKey = JSON.stringify(query);
  const datasource = useMemo(
    () =>
      recordSource(base.id, table.id, JSON.parse(queryKey) as RecordSourceQuery, {
        onCount: (known) => {
          count.current = known;
          onCount(known);
          setKnownRows(known.count);
        },
        onError: (error) => void message.error({ content: errorText(error, t), key: 'grid-read' }),
        onGroupsTruncated: () => void message.warning({ content: t('group.truncated'), key: 'grid-groups' }),
        overlay: (record) => writer.overlay(record),
      }),
    // readCount: a create in a sorted or grouped view reads again from the top.
    [base.id, table.id, queryKey, onCount, message, t, readCount, writer],
  );
  const grouped = query.groupBy.length > 0;
  // The count and rows follow this grid's own creates and deletes before any live update says so.
  recount.current = (delta) => {
    if (!api || api.isDestroyed()) return;
    // Sorted or grouped, where records land is the server's to say: read again from the top.
    if (grouped || query.sorts.length > 0) return setReadCount((reads) => reads + 1);
    datasource.adjustCount(delta);
    if (count.current.exact) api.setRowCount(count.current.count, true);
    api.refreshInfiniteCache();
  };

  // The row-number column widens with the count's digits, leaving room for the expand button.
  useEffect(() => {
    if (api && !api.isDestroyed()) api.setColumnWidths([{ key: rowNumberColumnId, newWidth: rowNumberWidth(knownRows) }]);
  }, [api, knownRows]);

  useLiveUpdates({ baseId: base.id, tableId: table.id, api, writer, source: datasource, onRecordsChanged: () => setStoredVersion((version) => version + 1) });

  const collapsed = useRef(new Set<string>());
  useEffect(() => {
    collapsed.current = new Set();
  }, [datasource]);
  const toggleGroup = useRef<(path: string) => void>(() => {});
  toggleGroup.current = (path) => {
    const next = new Set(collapsed.current);
    if (!next.delete(path)) next.add(path);
    collapsed.current = next;
    void datasource.setCollapsed(next).then((rowCount) => {
      if (rowCount === undefined || !api) return;
      api.setRowCount(rowCount, true);
      api.refreshInfiniteCache();
    });
  };

  const onCellEditRequest = (event: CellEditRequestEvent<ApiRecord>) => {
    const fieldId = event.colDef.colId;
    if (!event.data || !fieldId) return;
    void writer.write([{ recordId: event.data.id, fieldId, input: event.newValue }]);
  };

  const isEditing = () => (api?.getEditingCells().length ?? 0) > 0;

  const history = async (direction: 'undo' | 'redo') => {
    const outcome = await (direction === 'undo' ? writer.undo() : writer.redo());
    if (outcome === 'none') void message.info(direction === 'undo' ? t('grid.nothingToUndo') : t('grid.nothingToRedo'));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (api) handleGridKey(event, { api, writer, ranges, fieldsById, history: (direction) => void history(direction) });
  };

  const { onCopy, onPaste } = useGridClipboard({
    baseId: base.id,
    tableId: table.id,
    api,
    ranges,
    writer,
    fieldsById,
    env,
    knowsLastRow: () => !grouped && count.current.exact,
    onRecordsAdded: (added) => recount.current(added),
  });

  useImperativeHandle(
    ref,
    () => ({
      async addRecord() {
        if (!api) return;
        try {
          const created = await createRecord(base.id, table.id);
          const known = count.current;
          // Sorted or grouped, the new record's place is the server's to say: read again, and
          // open the record so that it can be filled in wherever it lands.
          if (grouped || query.sorts.length > 0) {
            setReadCount((reads) => reads + 1);
            setExpanded({ id: created.id, loaded: created });
            return;
          }
          datasource.adjustCount(1);
          api.refreshInfiniteCache();
          if (!known.exact) return;
          // New records come last (the table's row order), so the new one is row `count`.
          api.setRowCount(known.count + 1, true);
          api.ensureIndexVisible(known.count, 'bottom');
          const primary = table.primaryFieldId;
          api.setFocusedCell(known.count, primary);
          ranges.set(singleCell({ row: known.count, column: displayedFieldIds(api).indexOf(primary) }));
        } catch (error) {
          void message.error(errorText(error, t));
        }
      },
    }),
    [api, base.id, table.id, table.primaryFieldId, message, t, grouped, query.sorts.length, datasource],
  );

  useEffect(() => {
    if (!cellError) return;
    const timer = setTimeout(() => setCellError(null), 8000);
    return () => clearTimeout(timer);
  }, [cellError]);

  return (
    <div
      ref={wrapper}
      className="mt-grid-wrapper"
      data-testid="grid"
      onKeyDownCapture={(event) => {
        ranges.noteInput(event.shiftKey);
        setCellError(null);
        // An edit has started but its editor is not drawn yet: keep the keys for it.
        const printable = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
        if (printable && isEditing() && !(document.activeElement instanceof Element && document.activeElement.closest(`.${editorClass}`))) {
          typedAhead.current += event.key;
          event.preventDefault();
        }
      }}
      onPointerDownCapture={(event) => {
        ranges.noteInput(event.shiftKey);
        setCellError(null);
      }}
      onKeyDown={onKeyDown}
      onCopy={onCopy}
      onPaste={onPaste}
    >
      <AgGridReact<ApiRecord>
        key={language.key}
        modules={modules}
        containerStyle={{ height: '100%', width: '100%' }}
        theme={theme}
        localeText={language.agGrid}
        columnDefs={columns}
        context={context}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={100}
        maxBlocksInCache={200}
        getRowId={(params) => params.data.id}
        rowHeight={rowHeightPixels[config.rowHeight]}
        headerHeight={36}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        enterNavigatesVerticallyAfterEdit
        onCellFocused={(event) => ranges.onCellFocused(event)}
        onColumnMoved={onColumnMoved}
        onColumnResized={onColumnResized}
        isFullWidthRow={(params) => groupHeaderOf(params.rowNode.data) !== undefined}
        fullWidthCellRenderer={GroupHeaderRow}
        onCellEditingStopped={() => (typedAhead.current = '')}
        onBodyScroll={() => setCellError(null)}
        onGridReady={(event: GridReadyEvent<ApiRecord>) => setApi(event.api)}
      />
      <CellErrorBubble error={cellError} wrapper={wrapper.current} />
      <RecordPanel
        baseId={base.id}
        tableId={table.id}
        fields={table.fields}
        record={expanded ? (api?.getRowNode(expanded.id)?.data ?? expanded.loaded) : undefined}
        version={storedVersion}
        context={context}
        onClose={() => setExpanded(null)}
      />
    </div>
  );
}
