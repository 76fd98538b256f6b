/**
 * The grid of one table: AG Grid Community's infinite row model over the records API, cells from
 * the cell-type registry, and what Community lacks built on browser events — a selected range,
 * TSV copy and paste, Delete to clear, undo and redo of the user's own edits. Every change goes
 * through the CellWriter (checked with core, saved in one batch, reverted if the server refuses).
 */
import { useQuery } from '@tanstack/react-query';
import {
  AllCommunityModule,
  themeQuartz,
  type CellEditRequestEvent,
  type GridApi,
  type GridReadyEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { App } from 'antd';
import { useEffect, useImperativeHandle, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Base } from '../api/bases';
import { createRecord, type ApiRecord } from '../api/records';
import type { ApiTable } from '../api/tables';
import { listUsers } from '../api/users';
import { useLanguage } from '../i18n/i18n';
import { errorText } from '../pages/form-errors';
import { userDirectory, type CellEnvironment } from './cell-values';
import { copiedText, maxPasteCells, planPaste } from './clipboard/grid-clipboard';
import { columnDefs } from './column-defs';
import { CellErrorBubble, type CellError } from './editing/cell-error-bubble';
import { CellWriter } from './editing/cell-writer';
import { handleGridKey } from './editing/grid-keys';
import { editorClass, type GridContext } from './grid-context';
import { recordDatasource, type RecordCount } from './record-datasource';
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
  onCount(count: RecordCount): void;
  ref?: Ref<TableGridHandle>;
}

export function TableGrid({ base, table, onCount, ref }: TableGridProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const users = useQuery({ queryKey: ['users'], queryFn: listUsers });
  const [api, setApi] = useState<GridApi<ApiRecord> | undefined>(undefined);
  const [cellError, setCellError] = useState<CellError | null>(null);
  const [expandedRecordId, setExpandedRecordId] = useState<string | null>(null);
  const [storedVersion, setStoredVersion] = useState(0);
  const wrapper = useRef<HTMLDivElement>(null);
  const count = useRef<RecordCount>({ count: 0, exact: false });

  const fieldsById = useMemo(() => new Map(table.fields.map((field) => [field.id, field])), [table.fields]);
  const env = useMemo<CellEnvironment>(
    () => ({ users: userDirectory(users.data ?? []), timeZone: base.timeZone, locale: language.intl }),
    [users.data, base.timeZone, language.intl],
  );

  // The writer lives as long as the grid; it reads the latest fields, users and grid through refs.
  const latest = useRef({ fieldsById, env, api });
  latest.current = { fieldsById, env, api };
  const writer = useMemo(
    () =>
      new CellWriter({
        baseId: base.id,
        tableId: table.id,
        fields: () => latest.current.fieldsById,
        env: () => latest.current.env,
        grid: () => latest.current.api,
        showError: (cell, text) => setCellError({ ...cell, message: text }),
        onStored: () => setStoredVersion((version) => version + 1),
        messages: {
          readOnly: (field) => t('grid.readOnly', { field: field.name }),
          invalid: (field, reason) => t('grid.invalid', { field: field.name, reason }),
        },
      }),
    [base.id, table.id, t],
  );

  const typedAhead = useRef('');
  const context = useMemo<GridContext>(
    () => ({
      env,
      users: users.data ?? [],
      fieldsById,
      writer,
      takeTypedAhead: () => {
        const typed = typedAhead.current;
        typedAhead.current = '';
        return typed;
      },
      expandRecord: setExpandedRecordId,
    }),
    [env, users.data, fieldsById, writer],
  );

  const ranges = useMemo(() => new RangeTracker(() => latest.current.api), []);
  const columns = useMemo(() => columnDefs(table.fields, { inRange: (rowIndex, fieldId) => ranges.contains(rowIndex, fieldId) }), [table.fields, ranges]);

  const datasource = useMemo(
    () =>
      recordDatasource(
        base.id,
        table.id,
        (known) => {
          count.current = known;
          onCount(known);
        },
        (error) => void message.error(errorText(error, t)),
      ),
    [base.id, table.id, onCount, message, t],
  );

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

  const onCopy = (event: ClipboardEvent<HTMLDivElement>) => {
    const selected = ranges.current();
    if (!api || isEditing() || !selected) return;
    event.preventDefault();
    event.clipboardData.setData('text/plain', copiedText(api, selected, fieldsById, env));
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    const selected = ranges.current();
    if (!api || isEditing() || !selected) return;
    event.preventDefault();
    const plan = planPaste(api, selected, event.clipboardData.getData('text/plain'), fieldsById);
    if (plan.kind === 'tooLarge') return void message.warning(t('grid.pasteTooLarge', { max: maxPasteCells }));
    if (plan.kind === 'empty') return;
    if (plan.rowsMissing) void message.warning(t('grid.pastedRowsMissing'));
    ranges.set({ anchor: { row: plan.target.top, column: plan.target.left }, focus: { row: plan.target.bottom, column: plan.target.right } });
    void writer.write(plan.inputs);
  };

  useImperativeHandle(
    ref,
    () => ({
      async addRecord() {
        if (!api) return;
        try {
          await createRecord(base.id, table.id);
          const known = count.current;
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
    [api, base.id, table.id, table.primaryFieldId, message, t],
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
        rowHeight={36}
        headerHeight={36}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        enterNavigatesVerticallyAfterEdit
        onCellFocused={(event) => ranges.onCellFocused(event)}
        onCellEditingStopped={() => (typedAhead.current = '')}
        onBodyScroll={() => setCellError(null)}
        onGridReady={(event: GridReadyEvent<ApiRecord>) => setApi(event.api)}
      />
      <CellErrorBubble error={cellError} wrapper={wrapper.current} />
      <RecordPanel
        baseId={base.id}
        tableId={table.id}
        fields={table.fields}
        record={expandedRecordId ? (api?.getRowNode(expandedRecordId)?.data ?? undefined) : undefined}
        version={storedVersion}
        context={context}
        onClose={() => setExpandedRecordId(null)}
      />
    </div>
  );
}
