/**
 * The grid's copy and paste handlers: the browser's clipboard events on the grid's wrapper,
 * turned into TSV by ./grid-clipboard and written through the cell writer — or, for a paste
 * that runs past the last row, through ./paste-new-records. Nothing happens while a cell is
 * being edited (its editor takes the clipboard) or with no selection.
 */
import type { GridApi } from 'ag-grid-community';
import { App } from 'antd';
import type { ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiRecord } from '../../api/records';
import type { ApiField } from '../../api/tables';
import type { CellEnvironment } from '../cell-values';
import type { CellWriter } from '../editing/cell-writer';
import type { RangeTracker } from '../selection/range-tracker';
import { copiedText, maxPasteCells, planPaste } from './grid-clipboard';
import { pasteWithNewRecords } from './paste-new-records';

interface ClipboardDeps {
  baseId: string;
  tableId: string;
  api: GridApi<ApiRecord> | undefined;
  ranges: RangeTracker;
  writer: CellWriter;
  fieldsById: ReadonlyMap<string, ApiField>;
  env: CellEnvironment;
  /** Whether the grid knows its last row (flat, with an exact count): only then may a paste add records. */
  knowsLastRow(): boolean;
  /** The paste added this many records (the grid's count and rows follow). */
  onRecordsAdded(count: number): void;
}

export function useGridClipboard({ baseId, tableId, api, ranges, writer, fieldsById, env, knowsLastRow, onRecordsAdded }: ClipboardDeps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isEditing = () => (api?.getEditingCells().length ?? 0) > 0;

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
    const plan = planPaste(api, selected, event.clipboardData.getData('text/plain'), fieldsById, knowsLastRow());
    if (plan.kind === 'tooLarge') return void message.warning(t('grid.pasteTooLarge', { max: maxPasteCells }));
    if (plan.kind === 'tooManyRows') return void message.warning(t('grid.pasteTooManyRows', { max: plan.max }));
    if (plan.kind === 'empty') return;
    if (plan.rowsMissing) void message.warning(t('grid.pastedRowsMissing'));
    ranges.set({ anchor: { row: plan.target.top, column: plan.target.left }, focus: { row: plan.target.bottom, column: plan.target.right } });
    if (plan.newRows.length === 0) return void writer.write(plan.inputs);
    void pasteWithNewRecords({ baseId, tableId, writer, fields: fieldsById }, plan.inputs, plan.newRows).then((outcome) => {
      if (outcome.kind === 'written') {
        onRecordsAdded(outcome.created);
        void message.success(t('grid.pasteAddedRows', { count: outcome.created }));
      } else if (outcome.kind === 'refused') void message.error(t('grid.pasteRowsRefused', { message: outcome.message }));
      else if (outcome.kind === 'offline') void message.error(t('grid.pasteRowsOffline'));
    });
  };

  return { onCopy, onPaste };
}
