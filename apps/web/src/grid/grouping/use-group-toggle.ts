/**
 * Collapsing and expanding groups of a grouped grid. The collapsed groups (by path) belong to the
 * record source they were made in: a new source (another filter, sort or grouping) starts with
 * every group open. Collapsing changes how many rows there are, so the grid is told the new count.
 */
import type { GridApi } from 'ag-grid-community';
import { useEffect, useRef } from 'react';
import type { ApiRecord } from '../../api/records';
import type { RecordSource } from '../record-datasource';

export function useGroupToggle(datasource: RecordSource, api: GridApi<ApiRecord> | undefined): (path: string) => void {
  const collapsed = useRef(new Set<string>());
  useEffect(() => {
    collapsed.current = new Set();
  }, [datasource]);
  const toggle = useRef<(path: string) => void>(() => {});
  toggle.current = (path) => {
    const next = new Set(collapsed.current);
    if (!next.delete(path)) next.add(path);
    collapsed.current = next;
    void datasource.setCollapsed(next).then((rowCount) => {
      if (rowCount === undefined || !api) return;
      api.setRowCount(rowCount, true);
      api.refreshInfiniteCache();
    });
  };
  // Stable, for the grid's context; it calls the latest toggle.
  const stable = useRef((path: string) => toggle.current(path));
  return stable.current;
}
