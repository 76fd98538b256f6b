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
import { AllCommunityModule, type CellEditRequestEvent, type GridApi, type GridReadyEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { App } from 'antd';
import { useEffect, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Base } from '../api/bases';
import type { ApiRecord } from '../api/records';
import type { ApiField, ApiTable } from '../api/tables';
import { listUsers } from '../api/users';
import { useLanguage } from '../i18n/i18n';
import { rowHeightPixels } from '../views/view-settings';
import { userDirectory, type CellEnvironment } from './cell-values';
import { useGridClipboard } from './clipboard/use-grid-clipboard';
import { CellErrorBubble, type CellError } from './editing/cell-error-bubble';
import { handleGridKey } from './editing/grid-keys';
import { useGridWriter } from './editing/use-grid-writer';
import { useTypingStart } from './editing/use-typing-start';
import type { GridContext } from './grid-context';
import { groupHeaderOf } from './grid-row';
import { gridTheme } from './grid-theme';
import { GroupHeaderRow } from './grouping/group-header-row';
import { useGroupToggle } from './grouping/use-group-toggle';
import { useLiveUpdates } from './live/use-live-updates';
import type { RecordCount, RecordSourceQuery } from './record-datasource';
import { RecordPanel } from './record-panel/record-panel';
import { usePanelRecord, type ExpandedRecord } from './record-panel/use-panel-record';
import { RangeTracker } from './selection/range-tracker';
import { useAddRecord } from './use-add-record';
import { useGridSource } from './use-grid-source';
import { useViewColumns } from './view-columns';

const modules = [AllCommunityModule];

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
  const users = useQuery({ queryKey: ['users'], queryFn: listUsers });
  const [api, setApi] = useState<GridApi<ApiRecord> | undefined>(undefined);
  const [cellError, setCellError] = useState<CellError | null>(null);
  const [expanded, setExpanded] = useState<ExpandedRecord | null>(null);
  const [storedVersion, setStoredVersion] = useState(0);
  const wrapper = useRef<HTMLDivElement>(null);

  const fieldsById = useMemo(() => new Map(table.fields.map((field) => [field.id, field])), [table.fields]);
  const env = useMemo<CellEnvironment>(
    () => ({ users: userDirectory(users.data ?? []), timeZone: base.timeZone, locale: language.intl }),
    [users.data, base.timeZone, language.intl],
  );

  // Records this grid added or removed (set once the source is known).
  const recount = useRef<(delta: number) => void>(() => {});
  const writer = useGridWriter({
    baseId: base.id,
    tableId: table.id,
    fieldsById,
    env,
    api,
    mayEdit,
    onWaiting,
    showError: setCellError,
    onStored: () => setStoredVersion((version) => version + 1),
    onRecordsRemoved: (removed) => recount.current(-removed),
  });

  const { datasource, count, grouped, placedByServer, readAgain, recount: recountRows } = useGridSource({ baseId: base.id, tableId: table.id, query, api, writer, onCount });
  recount.current = recountRows;

  const toggleGroup = useGroupToggle(datasource, api);
  const typing = useTypingStart({ api, fieldsById });
  const context = useMemo<GridContext>(
    () => ({
      baseId: base.id,
      env,
      users: users.data ?? [],
      fieldsById,
      writer,
      takeTypedAhead: typing.takeTypedAhead,
      expandRecord: (recordId) => setExpanded({ id: recordId }),
      toggleGroup,
    }),
    [base.id, env, users.data, fieldsById, writer, typing.takeTypedAhead, toggleGroup],
  );

  const latestApi = useRef(api);
  latestApi.current = api;
  const ranges = useMemo(() => new RangeTracker(() => latestApi.current), []);
  const { columns, onColumnMoved, onColumnResized, onDragEnded } = useViewColumns({ fields, config, ranges, mayEdit, onFieldOrder, onColumnWidth, onFrozenCount });

  useLiveUpdates({ baseId: base.id, tableId: table.id, api, writer, source: datasource, onRecordsChanged: () => setStoredVersion((version) => version + 1) });

  const onCellEditRequest = (event: CellEditRequestEvent<ApiRecord>) => {
    const fieldId = event.colDef.colId;
    if (!event.data || !fieldId) return;
    void writer.write([{ recordId: event.data.id, fieldId, input: event.newValue }]);
  };

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

  const addRecord = useAddRecord({
    baseId: base.id,
    table,
    api,
    datasource,
    count,
    ranges,
    placedByServer,
    readAgain,
    expand: setExpanded,
  });
  useImperativeHandle(ref, () => ({ addRecord }), [addRecord]);

  const panelRecord = usePanelRecord({
    baseId: base.id,
    tableId: table.id,
    expanded,
    inGrid: expanded ? api?.getRowNode(expanded.id)?.data : undefined,
    version: storedVersion,
    onGone: () => setExpanded(null),
  });

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
        typing.onKeyDownCapture(event);
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
        theme={gridTheme}
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
        onDragStopped={onDragEnded}
        onDragCancelled={onDragEnded}
        isFullWidthRow={(params) => groupHeaderOf(params.rowNode.data) !== undefined}
        fullWidthCellRenderer={GroupHeaderRow}
        onCellEditingStopped={typing.onEditingStopped}
        onBodyScroll={() => setCellError(null)}
        onGridReady={(event: GridReadyEvent<ApiRecord>) => setApi(event.api)}
      />
      {typing.imeCatcher}
      <CellErrorBubble error={cellError} wrapper={wrapper.current} />
      <RecordPanel
        baseId={base.id}
        tableId={table.id}
        fields={table.fields}
        record={panelRecord}
        version={storedVersion}
        context={context}
        onClose={() => setExpanded(null)}
      />
    </div>
  );
}
