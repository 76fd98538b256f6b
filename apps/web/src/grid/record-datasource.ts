/**
 * AG Grid's infinite row model reads the records API in blocks: `startRow`/`endRow` become
 * `offset`/`pageSize`. The API never counts the table (counting a big table is slow); the last
 * row is known once a block comes back short or without a next offset, and the grid then stops
 * growing its scroll area. `onCount` reports what is known: the exact count or "at least".
 */
import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import { listRecords } from '../api/records';

export interface RecordCount {
  count: number;
  exact: boolean;
}

export function recordDatasource(baseId: string, tableId: string, onCount: (count: RecordCount) => void, onError: (error: unknown) => void): IDatasource {
  let known: RecordCount = { count: 0, exact: false };
  return {
    getRows(params: IGetRowsParams) {
      const pageSize = params.endRow - params.startRow;
      listRecords(baseId, tableId, { offset: params.startRow, pageSize })
        .then((page) => {
          const reachedEnd = page.offset === undefined;
          const seen = params.startRow + page.records.length;
          if (reachedEnd) known = { count: seen, exact: true };
          else if (!known.exact && seen > known.count) known = { count: seen, exact: false };
          onCount(known);
          params.successCallback(page.records, reachedEnd ? seen : -1);
        })
        .catch((error: unknown) => {
          params.failCallback();
          onError(error);
        });
    },
  };
}
