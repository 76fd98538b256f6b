/**
 * The record the side panel shows. While the grid holds the record's row, that row (which the
 * grid's live updates keep current). Once the record leaves the grid — an edit made it no longer
 * match the view's filter, or its row is not read — the panel reads the record itself and reads it
 * again after each stored change, so it stays open and current. Meanwhile it shows what it showed
 * last. Only a record that is gone (deleted) closes the panel.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { ApiError } from '../../api/client';
import { getRecord, type ApiRecord } from '../../api/records';

export interface ExpandedRecord {
  id: string;
  /** The record as created, until the grid or a read has it (a new record in a sorted view). */
  loaded?: ApiRecord;
}

interface PanelRecordOptions {
  baseId: string;
  tableId: string;
  expanded: ExpandedRecord | null;
  /** The grid's row of the record, if the grid holds it. */
  inGrid: ApiRecord | undefined;
  /** Changes whenever a change was stored or reported live: the panel's own read is repeated. */
  version: number;
  /** The record no longer exists. */
  onGone(): void;
}

export function usePanelRecord({ baseId, tableId, expanded, inGrid, version, onGone }: PanelRecordOptions): ApiRecord | undefined {
  const id = expanded?.id;
  const read = useQuery({
    queryKey: ['record', baseId, tableId, id, version],
    queryFn: () => getRecord(baseId, tableId, id!),
    enabled: id !== undefined && inGrid === undefined,
    retry: false,
  });
  const gone = read.error instanceof ApiError && read.error.status === 404;
  const latestGone = useRef(onGone);
  latestGone.current = onGone;
  useEffect(() => {
    if (gone) latestGone.current();
  }, [gone]);

  const last = useRef<ApiRecord | undefined>(undefined);
  if (id === undefined || gone) return (last.current = undefined);
  const shown = inGrid ?? (read.data?.id === id ? read.data : undefined) ?? (last.current?.id === id ? last.current : expanded?.loaded);
  last.current = shown;
  return shown;
}
