/**
 * AG Grid's infinite row model over the records API: `startRow`/`endRow` blocks become
 * `offset`/`pageSize` reads with the view's filter and sorts as the grid has them.
 *
 * Ungrouped, the first block also asks the server how many records match, so the grid
 * knows its full height at once and can scroll straight to the last of a million records; if
 * the count cannot be had, the last row becomes known once a block comes back short.
 *
 * Grouped, the rows come from the server's group counts (./grouping/group-layout.ts): records
 * are read sorted by the group levels, and each block is the headers and record runs it covers.
 */
import type { FilterGroup, SortSpec } from '@multitable/core';
import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import { countRecords, groupCounts, listRecords, type ApiRecord } from '../api/records';
import { GroupLayout, groupTree } from './grouping/group-layout';
import { groupRow, type NumberedRecord } from './grid-row';

export interface RecordCount {
  count: number;
  exact: boolean;
}

export interface GroupLevel {
  field: string;
  direction: 'asc' | 'desc';
}

export interface RecordSourceQuery {
  filter: FilterGroup | null;
  sorts: readonly SortSpec[];
  groupBy: readonly GroupLevel[];
}

export interface RecordSourceEvents {
  onCount(count: RecordCount): void;
  onError(error: unknown): void;
  /** The server has more groups than it answers: the grid shows the first ones only. */
  onGroupsTruncated?(): void;
  /** A record as the grid should show it (the user's edits still waiting to be sent drawn over). */
  overlay?(record: ApiRecord): ApiRecord;
}

export interface RecordSource extends IDatasource {
  /** Records added or removed by this client, known before the next read. */
  adjustCount(delta: number): void;
  /** Collapses or expands groups; resolves to the new row count (undefined when ungrouped). */
  setCollapsed(paths: ReadonlySet<string>): Promise<number | undefined>;
  /** The number of records so far known. */
  count(): RecordCount;
  /**
   * Forgets what it knew of the whole (the count, the groups) after others changed records;
   * resolves to the new row count, which the grid sets before reading its blocks again.
   */
  reload(): Promise<number | undefined>;
}

export function recordSource(baseId: string, tableId: string, query: RecordSourceQuery, events: RecordSourceEvents, collapsed: ReadonlySet<string> = new Set()): RecordSource {
  return query.groupBy.length > 0 ? groupedSource(baseId, tableId, query, events, collapsed) : flatSource(baseId, tableId, query, events);
}

function flatSource(baseId: string, tableId: string, query: RecordSourceQuery, events: RecordSourceEvents): RecordSource {
  let known: RecordCount = { count: 0, exact: false };
  let counted: Promise<void> | undefined;
  const report = (next: RecordCount) => {
    known = next;
    events.onCount(known);
  };
  const countOnce = () =>
    (counted ??= countRecords(baseId, tableId, { filter: query.filter }).then(
      (count) => report({ count, exact: true }),
      () => undefined, // the short last block tells the count instead
    ));
  return {
    getRows(params: IGetRowsParams) {
      const pageSize = params.endRow - params.startRow;
      Promise.all([listRecords(baseId, tableId, { offset: params.startRow, pageSize }, { filter: query.filter, sort: query.sorts }), countOnce()])
        .then(([page]) => {
          const seen = params.startRow + page.records.length;
          if (page.offset === undefined) report({ count: seen, exact: true });
          else if (seen > known.count) report({ count: seen, exact: known.exact });
          params.successCallback(events.overlay ? page.records.map(events.overlay) : page.records, known.exact ? known.count : -1);
        })
        .catch((error: unknown) => {
          params.failCallback();
          events.onError(error);
        });
    },
    adjustCount(delta) {
      report({ count: Math.max(0, known.count + delta), exact: known.exact });
    },
    setCollapsed: async () => undefined,
    count: () => known,
    async reload() {
      counted = undefined;
      await countOnce();
      return known.exact ? known.count : undefined;
    },
  };
}

function groupedSource(baseId: string, tableId: string, query: RecordSourceQuery, events: RecordSourceEvents, initiallyCollapsed: ReadonlySet<string>): RecordSource {
  const groupSorts = query.groupBy.map((level) => ({ field: level.field, direction: level.direction }));
  // Records are read in group order (the group levels sort first), then the view's own order.
  const sort = [...groupSorts, ...query.sorts.filter((spec) => !groupSorts.some((level) => level.field === spec.field))];
  let collapsed = initiallyCollapsed;
  let known: RecordCount = { count: 0, exact: false };
  let groups: Promise<GroupLayout> | undefined;
  const layoutOnce = () =>
    (groups ??= groupCounts(baseId, tableId, groupSorts, { filter: query.filter }).then((answer) => {
      if (answer.truncated) events.onGroupsTruncated?.();
      const layout = new GroupLayout(groupTree(answer.groups, query.groupBy.length), collapsed);
      known = { count: layout.recordCount, exact: !answer.truncated };
      events.onCount(known);
      return layout;
    }));
  // Drop a failed read so that the next block asks again.
  const layout = () => layoutOnce().catch((error: unknown) => ((groups = undefined), Promise.reject(error)));

  return {
    getRows(params: IGetRowsParams) {
      void (async () => {
        try {
          const current = await layout();
          const { items, runs } = current.itemsBetween(params.startRow, params.endRow);
          const byOffset = new Map<number, ApiRecord>();
          for (const run of runs) {
            const page = await listRecords(baseId, tableId, { offset: run.offset, pageSize: run.length }, { filter: query.filter, sort });
            page.records.forEach((record, index) => byOffset.set(run.offset + index, events.overlay?.(record) ?? record));
          }
          const rows = items.map((item) => {
            if (item.kind === 'group') {
              return groupRow({ node: item.node, fieldId: query.groupBy[item.node.level]!.field, collapsed: item.collapsed });
            }
            // A record deleted since the counts were read leaves a gap: an empty row, not a shifted one.
            const record = byOffset.get(item.offset) ?? { id: `mt-missing:${item.offset}`, createdTime: '', fields: {} };
            return { ...record, ordinal: item.ordinal } satisfies NumberedRecord;
          });
          params.successCallback(rows, current.rowCount);
        } catch (error) {
          params.failCallback();
          events.onError(error);
        }
      })();
    },
    adjustCount(delta) {
      known = { count: Math.max(0, known.count + delta), exact: known.exact };
      events.onCount(known);
    },
    async setCollapsed(paths) {
      collapsed = paths;
      const current = await layout();
      groups = Promise.resolve(new GroupLayout(current.groups, collapsed));
      return (await groups).rowCount;
    },
    count: () => known,
    async reload() {
      groups = undefined;
      return (await layout()).rowCount;
    },
  };
}
