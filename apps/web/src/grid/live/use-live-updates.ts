/**
 * Keeps an open grid in step with what others change, from the table's realtime messages:
 * - cells others updated are read again (a few records: each by id) and drawn in place, except
 *   cells the user's own change is on its way to;
 * - records created or deleted, or changed in ways the user may not be told in detail, make the
 *   grid count and read its rows again (coalesced, so a burst is one read);
 * - schema changes read the table's fields, views and permissions again, and the rows (a type
 *   change or a new formula changes what cells hold);
 * - after a lost connection comes back: first the user's waiting edits are sent, then all is read;
 *   the same when the grid opens with edits left waiting by an earlier page (kept in storage).
 */
import { useQueryClient } from '@tanstack/react-query';
import type { GridApi } from 'ag-grid-community';
import { useEffect, useRef } from 'react';
import { getRecord, type ApiRecord } from '../../api/records';
import { useTableRealtime } from '../../realtime/realtime-context';
import type { TableMessage } from '../../realtime/realtime-messages';
import type { CellWriter } from '../editing/cell-writer';
import type { RecordSource } from '../record-datasource';
import { recordOf } from '../grid-row';

/** Past this many updated records in one message, reading the rows again is cheaper. */
const maxRecordsReadOneByOne = 50;
const reloadAfterMs = 150;

interface LiveDeps {
  baseId: string;
  tableId: string;
  api: GridApi<ApiRecord> | undefined;
  writer: CellWriter;
  source: RecordSource;
  /** Records whose values changed, shown in the grid or not (the record panel reads again). */
  onRecordsChanged(): void;
}

export function useLiveUpdates(deps: LiveDeps): void {
  const queryClient = useQueryClient();
  const latest = useRef(deps);
  latest.current = deps;
  const reloadTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const reload = () => {
    clearTimeout(reloadTimer.current);
    reloadTimer.current = setTimeout(() => {
      const { api, source, onRecordsChanged } = latest.current;
      if (!api || api.isDestroyed()) return;
      void source.reload().then((rowCount) => {
        if (api.isDestroyed()) return;
        if (rowCount !== undefined) api.setRowCount(rowCount, true);
        api.refreshInfiniteCache();
        onRecordsChanged();
      }, () => undefined);
    }, reloadAfterMs);
  };

  const redraw = async (changes: Array<{ recordId: string; fieldIds: string[] }>) => {
    const { api, baseId, tableId, writer, onRecordsChanged } = latest.current;
    if (!api) return;
    const shown = changes.filter((change) => recordOf(api.getRowNode(change.recordId)?.data));
    if (shown.length > maxRecordsReadOneByOne) return reload();
    const read = await Promise.all(shown.map((change) => getRecord(baseId, tableId, change.recordId).then((record) => ({ change, record }), () => ({ change, record: undefined }))));
    if (api.isDestroyed()) return;
    for (const { change, record } of read) {
      const node = api.getRowNode(change.recordId);
      if (!node?.data) continue;
      // No longer readable (its scope changed): the rows are read again instead.
      if (!record) return reload();
      const fields = { ...node.data.fields };
      const redrawn = change.fieldIds.filter((fieldId) => !writer.isPending(change.recordId, fieldId));
      for (const fieldId of redrawn) {
        if (record.fields[fieldId] === undefined) delete fields[fieldId];
        else fields[fieldId] = record.fields[fieldId];
      }
      node.data.fields = fields;
      api.refreshCells({ rowNodes: [node], columns: redrawn, force: true });
    }
    // Records the grid does not hold may be open in the record panel, which reads them itself.
    if (read.length > 0 || shown.length < changes.length) onRecordsChanged();
  };

  const readSchema = () => {
    void queryClient.invalidateQueries({ queryKey: ['tables', latest.current.baseId] });
    void queryClient.invalidateQueries({ queryKey: ['permissions', latest.current.baseId] });
  };

  const handlers: { readonly [K in TableMessage['type']]?: (message: Extract<TableMessage, { type: K }>) => void } = {
    'records.updated': (message) => void redraw(message.changes),
    'records.created': reload,
    'records.deleted': reload,
    'records.changed': reload,
    'schema.changed': () => {
      readSchema();
      reload();
    },
  };

  const { api, writer } = deps;
  useEffect(() => {
    if (!api || writer.waitingCount === 0) return;
    void writer.sendWaiting().finally(reload);
    // `reload` reads the latest deps through a ref, so it need not be a dependency.
  }, [api, writer]);

  useTableRealtime(deps.tableId, {
    onMessage: (message) => (handlers[message.type] as ((message: TableMessage) => void) | undefined)?.(message),
    onResync: () => {
      void latest.current.writer.sendWaiting().finally(reload);
      readSchema();
    },
  });
}
