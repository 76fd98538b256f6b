/**
 * Live updates of a card layout (kanban, calendar, gallery): any change to the table's records
 * re-reads the layout's records; a change to the schema (fields, or the view's own settings
 * saved elsewhere) re-reads the tables and the caller's permissions, as the grid does.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useTableRealtime } from '../../realtime/realtime-context';

export function useLayoutRealtime(baseId: string, tableId: string, reread: () => Promise<unknown>): void {
  const queryClient = useQueryClient();
  const readSchema = () => {
    void queryClient.invalidateQueries({ queryKey: ['tables', baseId] });
    void queryClient.invalidateQueries({ queryKey: ['permissions', baseId] });
  };
  useTableRealtime(tableId, {
    onMessage: (incoming) => {
      if (incoming.type.startsWith('records.')) void reread();
      if (incoming.type === 'schema.changed') readSchema();
    },
    onResync: () => {
      void reread();
      readSchema();
    },
  });
}
