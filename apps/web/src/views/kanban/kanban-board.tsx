/**
 * A view laid out as a kanban board: a column per value of the stacking field (single select or
 * person), cards for the records the view shows. Dragging a card to another column writes that
 * column's value into the record (the card moves at once; if the server refuses, it goes back
 * and the reason is shown). When the view has no sort, cards are in the table's manual order
 * (Airtable's): dropping a card between two others moves it there for everyone; with a sort, a
 * drop only changes the column. Changes by others arrive through the table's realtime messages.
 */
import type { ViewConfig } from '@multitable/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Empty } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Base } from '../../api/bases';
import { createRecord, groupCounts, moveRecord, updateRecords, type ApiRecord, type RecordPage } from '../../api/records';
import type { ApiField, ApiTable } from '../../api/tables';
import { useCardContext } from '../cards/use-card-context';
import { useLayoutRealtime } from '../cards/use-layout-realtime';
import { errorText } from '../../pages/form-errors';
import { RecordPanel } from '../../grid/record-panel/record-panel';
import { KanbanColumn } from './kanban-column';
import { columnFilter, columnValue, kanbanColumns, type CardPlacement, type KanbanColumn as Column } from './kanban-model';

interface KanbanBoardProps {
  base: Base;
  table: ApiTable;
  config: ViewConfig;
  stackField: ApiField | undefined;
  /** The fields the view shows, in its order. */
  fields: readonly ApiField[];
  mayEdit(fieldId: string): boolean;
  canAdd: boolean;
}

export function KanbanBoard({ base, table, config, stackField, fields, mayEdit, canAdd }: KanbanBoardProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [moves, setMoves] = useState<ReadonlyMap<string, { record: ApiRecord; to: string }>>(new Map());
  const boardKey = ['kanban', base.id, table.id];
  const reread = useCallback(() => queryClient.invalidateQueries({ queryKey: ['kanban', base.id, table.id] }), [queryClient, base.id, table.id]);
  const { context, env, openId, setOpenId, version } = useCardContext(base, table, mayEdit, reread);

  useLayoutRealtime(base.id, table.id, reread);

  const groups = useQuery({
    queryKey: [...boardKey, 'groups', stackField?.id, JSON.stringify(config.filter)],
    queryFn: () => groupCounts(base.id, table.id, [{ field: stackField!.id, direction: 'asc' }], { filter: config.filter }),
    enabled: stackField !== undefined,
    placeholderData: (previous) => previous,
  });

  /** A card as last read, wherever it is on the board. */
  const cardById = (recordId: string): ApiRecord | undefined => {
    for (const [, page] of queryClient.getQueriesData<RecordPage>({ queryKey: [...boardKey, 'cards'] })) {
      const found = page?.records.find((record) => record.id === recordId);
      if (found) return found;
    }
    return moves.get(recordId)?.record;
  };

  if (!stackField) return <Empty className="mt-kanban-empty" description={t('kanban.noStackField')} />;
  const columns = kanbanColumns(stackField, groups.data?.groups ?? [], env);

  /** A card dropped into `column`: into its stacking value (from another column), then into its place. */
  const drop = async (recordId: string, column: Column, { fromHere, placement }: { fromHere: boolean; placement: CardPlacement | null }) => {
    if (!fromHere && !(await move(recordId, column))) return;
    if (!placement) return;
    try {
      await moveRecord(base.id, table.id, recordId, placement);
    } catch (error) {
      void message.error(errorText(error, t));
    }
    await reread();
  };

  /** Writes the column's value into the record; false when the server refused. */
  const move = async (recordId: string, column: Column): Promise<boolean> => {
    const record = cardById(recordId);
    if (!record) return false;
    const value = columnValue(stackField, column, env);
    const moved = { ...record, fields: { ...record.fields, [stackField.id]: column.value ?? undefined } };
    setMoves((current) => new Map(current).set(recordId, { record: moved, to: column.key }));
    try {
      await updateRecords(base.id, table.id, [{ id: recordId, fields: { [stackField.id]: value } }]);
      await reread();
      return true;
    } catch (error) {
      void message.error(errorText(error, t));
      return false;
    } finally {
      setMoves((current) => {
        const next = new Map(current);
        next.delete(recordId);
        return next;
      });
    }
  };

  const add = async (column: Column) => {
    try {
      const created = await createRecord(base.id, table.id, column.value === null ? {} : { [stackField.id]: columnValue(stackField, column, env) });
      await reread();
      setOpenId(created.id);
    } catch (error) {
      void message.error(errorText(error, t));
    }
  };

  const movedOut = new Set(moves.keys());
  return (
    <div className="mt-kanban" data-testid="kanban">
      {columns.map((column) => (
        <KanbanColumn
          key={column.key}
          baseId={base.id}
          tableId={table.id}
          stackField={stackField}
          column={column}
          filter={columnFilter(stackField, column, config.filter, env)}
          sorts={config.sorts}
          fields={fields.filter((field) => field.id !== stackField.id)}
          context={context}
          movedIn={[...moves.values()].filter((entry) => entry.to === column.key).map((entry) => entry.record)}
          movedOut={movedOut}
          canMove={mayEdit(stackField.id)}
          ordered={config.sorts.length === 0}
          canAdd={canAdd}
          onDrop={(recordId, where) => void drop(recordId, column, where)}
          onAdd={() => void add(column)}
          onOpen={(record) => setOpenId(record.id)}
        />
      ))}
      <RecordPanel
        baseId={base.id}
        tableId={table.id}
        fields={table.fields}
        record={openId ? cardById(openId) : undefined}
        version={version}
        context={context}
        onClose={() => setOpenId(null)}
      />
    </div>
  );
}
