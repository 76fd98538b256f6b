/**
 * The grid's CellWriter. It lives as long as the grid (its undo history and waiting edits with
 * it) and reads the latest fields, users and grid through a ref, so it is not rebuilt when those
 * change. Refusals are shown at their cell; counts of waiting edits go to the caller.
 */
import type { GridApi } from 'ag-grid-community';
import { App } from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiRecord } from '../../api/records';
import type { ApiField } from '../../api/tables';
import { useSession } from '../../auth/session';
import type { CellEnvironment } from '../cell-values';
import type { CellError } from './cell-error-bubble';
import { CellWriter } from './cell-writer';
import { persistentWaiting, writerMessages } from './writer-setup';

interface GridWriterOptions {
  baseId: string;
  tableId: string;
  fieldsById: ReadonlyMap<string, ApiField>;
  env: CellEnvironment;
  api: GridApi<ApiRecord> | undefined;
  mayEdit(fieldId: string): boolean;
  onWaiting(count: number): void;
  showError(error: CellError): void;
  /** The server stored a change (the record panel reads its history again). */
  onStored(): void;
  /** An undo deleted records this grid had added. */
  onRecordsRemoved(count: number): void;
}

export function useGridWriter(options: GridWriterOptions): CellWriter {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const userId = useSession().user?.id;
  const latest = useRef({ ...options, message });
  latest.current = { ...options, message };
  const { baseId, tableId } = options;
  return useMemo(
    () =>
      new CellWriter({
        baseId,
        tableId,
        fields: () => latest.current.fieldsById,
        mayEdit: (fieldId) => latest.current.mayEdit(fieldId),
        env: () => latest.current.env,
        grid: () => latest.current.api,
        showError: (cell, text) => latest.current.showError({ ...cell, message: text }),
        onStored: () => latest.current.onStored(),
        onWaiting: (waiting) => latest.current.onWaiting(waiting),
        onRecordsRemoved: (recordIds) => latest.current.onRecordsRemoved(recordIds.length),
        onWaitingRefused: (text) => void latest.current.message.error(t('realtime.waitingRefused', { message: text })),
        ...persistentWaiting(userId, baseId),
        messages: writerMessages(t),
      }),
    [baseId, tableId, userId, t],
  );
}
