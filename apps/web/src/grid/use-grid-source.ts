/**
 * The rows the grid reads: a record source (./record-datasource.ts) for what the view reads —
 * filter, sorts, group-by — made anew, reading from the top, whenever that changes. The count
 * and rows follow this grid's own creates and deletes before any live update says so; in a
 * sorted or grouped view, where records land is the server's to say, so it reads again instead.
 * The row-number column widens with the count's digits.
 */
import type { GridApi } from 'ag-grid-community';
import { App } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiRecord } from '../api/records';
import { errorText } from '../pages/form-errors';
import { rowNumberColumnId, rowNumberWidth } from './column-defs';
import type { CellWriter } from './editing/cell-writer';
import { recordSource, type RecordCount, type RecordSourceQuery } from './record-datasource';

interface GridSourceOptions {
  baseId: string;
  tableId: string;
  query: RecordSourceQuery;
  api: GridApi<ApiRecord> | undefined;
  writer: CellWriter;
  onCount(count: RecordCount): void;
}

export function useGridSource({ baseId, tableId, query, api, writer, onCount }: GridSourceOptions) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [readCount, setReadCount] = useState(0);
  const [knownRows, setKnownRows] = useState(0);
  const count = useRef<RecordCount>({ count: 0, exact: false });

  const queryKey = JSON.stringify(query);
  const datasource = useMemo(
    () =>
      recordSource(baseId, tableId, JSON.parse(queryKey) as RecordSourceQuery, {
        onCount: (known) => {
          count.current = known;
          onCount(known);
          setKnownRows(known.count);
        },
        onError: (error) => void message.error({ content: errorText(error, t), key: 'grid-read' }),
        onGroupsTruncated: () => void message.warning({ content: t('group.truncated'), key: 'grid-groups' }),
        overlay: (record) => writer.overlay(record),
      }),
    // readCount: reading again from the top is asked for by making a new source.
    [baseId, tableId, queryKey, onCount, message, t, readCount, writer],
  );
  const grouped = query.groupBy.length > 0;
  const placedByServer = grouped || query.sorts.length > 0;
  const readAgain = () => setReadCount((reads) => reads + 1);

  /** Records this grid added (positive) or removed (negative). */
  const recount = (delta: number) => {
    if (!api || api.isDestroyed()) return;
    if (placedByServer) return readAgain();
    datasource.adjustCount(delta);
    if (count.current.exact) api.setRowCount(count.current.count, true);
    api.refreshInfiniteCache();
  };

  useEffect(() => {
    if (api && !api.isDestroyed()) api.setColumnWidths([{ key: rowNumberColumnId, newWidth: rowNumberWidth(knownRows) }]);
  }, [api, knownRows]);

  return {
    datasource,
    /** The count as last read (exact or a lower bound). */
    count,
    grouped,
    /** Sorted or grouped: new records do not simply come last. */
    placedByServer,
    readAgain,
    recount,
  };
}
