/**
 * One column of the board: its value as the stacking field's cells show it, the server's count,
 * its cards (read in pages of 50, with the view's filter and sorts), and a button that adds a
 * record already in the column. Cards dropped here are moved into it.
 */
import { PlusOutlined } from '@ant-design/icons';
import type { FilterGroup, SortSpec } from '@multitable/core';
import { useQuery } from '@tanstack/react-query';
import { Button, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listRecords, type ApiRecord } from '../../api/records';
import type { ApiField } from '../../api/tables';
import { cellTypeOf } from '../../grid/cell-types/registry';
import type { GridContext } from '../../grid/grid-context';
import { RecordCard } from '../cards/record-card';
import type { KanbanColumn as Column } from './kanban-model';

const pageSize = 50;

interface KanbanColumnProps {
  baseId: string;
  tableId: string;
  stackField: ApiField;
  column: Column;
  filter: FilterGroup;
  sorts: readonly SortSpec[];
  fields: readonly ApiField[];
  context: GridContext;
  /** Cards on their way into this column (shown before the server answers) or out of it. */
  movedIn: readonly ApiRecord[];
  movedOut: ReadonlySet<string>;
  canMove: boolean;
  canAdd: boolean;
  onDrop(recordId: string): void;
  onAdd(): void;
  onOpen(record: ApiRecord): void;
}

export function KanbanColumn(props: KanbanColumnProps) {
  const { t } = useTranslation();
  const { baseId, tableId, stackField, column, filter, sorts, context } = props;
  const [shownCount, setShownCount] = useState(pageSize);
  const [over, setOver] = useState(false);
  const cards = useQuery({
    queryKey: ['kanban', baseId, tableId, 'cards', stackField.id, column.key, JSON.stringify(filter), JSON.stringify(sorts), shownCount],
    queryFn: () => listRecords(baseId, tableId, { offset: 0, pageSize: shownCount }, { filter, sort: sorts }),
    placeholderData: (previous) => previous,
  });
  const Renderer = cellTypeOf(stackField).Renderer;
  const primary = props.fields.find((field) => field.isPrimary);
  const records = [...props.movedIn, ...(cards.data?.records ?? []).filter((record) => !props.movedOut.has(record.id))];
  const count = column.count + props.movedIn.length - (cards.data?.records ?? []).filter((record) => props.movedOut.has(record.id)).length;

  return (
    <section
      className={`mt-kanban-column${over ? ' mt-kanban-column-over' : ''}`}
      onDragOver={(event) => {
        if (!props.canMove) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const recordId = event.dataTransfer.getData('text/plain');
        if (recordId) props.onDrop(recordId);
      }}
      data-testid="kanban-column"
      data-column={column.key}
    >
      <header className="mt-kanban-column-head">
        <span className="mt-kanban-column-value">
          {column.value === null ? <span className="mt-group-empty">{t('group.empty')}</span> : <Renderer value={column.value} field={stackField} recordId="" context={context} />}
        </span>
        <span className="mt-group-count" data-testid="kanban-count">
          {count}
        </span>
      </header>
      <div className="mt-kanban-cards">
        {cards.isPending && <Spin size="small" />}
        {records.map((record) => (
          <RecordCard key={record.id} record={record} primary={primary} fields={props.fields} context={context} draggable={props.canMove} onOpen={() => props.onOpen(record)} />
        ))}
        {cards.data?.offset !== undefined && (
          <Button type="link" size="small" onClick={() => setShownCount((shown) => shown + pageSize)}>
            {t('kanban.showMore')}
          </Button>
        )}
      </div>
      {props.canAdd && (
        <Button type="text" size="small" icon={<PlusOutlined />} className="mt-kanban-add" onClick={props.onAdd} data-testid="kanban-add">
          {t('grid.addRecord')}
        </Button>
      )}
    </section>
  );
}
