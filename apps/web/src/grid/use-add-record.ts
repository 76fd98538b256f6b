/**
 * The toolbar's "add record" for the grid: the record is created, counted and — where records
 * land last (no sort, no grouping) — scrolled to with its primary cell selected, ready to type.
 * In a sorted or grouped view its place is the server's to say: the grid reads again from the
 * top and the new record opens in the side panel to be filled in wherever it lands.
 */
import type { GridApi } from 'ag-grid-community';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { createRecord, type ApiRecord } from '../api/records';
import type { ApiTable } from '../api/tables';
import { errorText } from '../pages/form-errors';
import type { RecordCount, RecordSource } from './record-datasource';
import type { ExpandedRecord } from './record-panel/use-panel-record';
import { singleCell } from './selection/cell-range';
import { displayedFieldIds } from './selection/grid-columns';
import type { RangeTracker } from './selection/range-tracker';

interface AddRecordOptions {
  baseId: string;
  table: ApiTable;
  api: GridApi<ApiRecord> | undefined;
  datasource: RecordSource;
  count: { readonly current: RecordCount };
  ranges: RangeTracker;
  /** Sorted or grouped: new records do not simply come last. */
  placedByServer: boolean;
  readAgain(): void;
  expand(record: ExpandedRecord): void;
}

export function useAddRecord({ baseId, table, api, datasource, count, ranges, placedByServer, readAgain, expand }: AddRecordOptions) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return async () => {
    if (!api) return;
    try {
      const created = await createRecord(baseId, table.id);
      const known = count.current;
      if (placedByServer) {
        readAgain();
        expand({ id: created.id, loaded: created });
        return;
      }
      datasource.adjustCount(1);
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
  };
}
