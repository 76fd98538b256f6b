/**
 * One column of the board: its value as the stacking field's cells show it, the server's count,
 * its cards (read in pages of 50, with the view's filter and sorts), and a button that adds a
 * record already in the column. Cards dropped here are moved into it; when the view has no sort
 * the cards are in the table's manual order, and a line shows where a dragged card will land.
 */
import { PlusOutlined } from '@ant-design/icons';
import type { FilterGroup, SortSpec } from '@multitable/core';
import { useQuery } from '@tanstack/react-query';
import { Button, Spin } from 'antd';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { listRecords, type ApiRecord } from '../../api/records';
import type { ApiField } from '../../api/tables';
import { cellTypeOf } from '../../fields/registry';
import type { GridContext } from '../../grid/grid-context';
import { RecordCard } from '../cards/record-card';
import { dropPlacement, type CardPlacement, type KanbanColumn as Column } from './kanban-model';

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
  /** The view has no sort: cards show, and are dropped, in the table's manual order. */
  ordered: boolean;
  canAdd: boolean;
  /** A card dropped here: whether it came from this column, and where it goes in the manual order (null: its place stays). */
  onDrop(recordId: string, drop: { fromHere: boolean; placement: CardPlacement | null }): void;
  onAdd(): void;
  onOpen(record: ApiRecord): void;
}

export function KanbanColumn(props: KanbanColumnProps) {
  const { t } = useTranslation();
  const { baseId, tableId, stackField, column, filter, sorts, context } = props;
  const [shownCount, setShownCount] = useState(pageSize);
  const [over, setOver] = useState(false);
  /** Where a dragged card would land among the shown cards (ordered views only). */
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const cards = useQuery({
    queryKey: ['kanban', baseId, tableId, 'cards', stackField.id, column.key, JSON.stringify(filter), JSON.stringify(sorts), shownCount],
    queryFn: () => listRecords(baseId, tableId, { offset: 0, pageSize: shownCount }, { filter, sort: sorts }),
    placeholderData: (previous) => previous,
  });
  const Renderer = cellTypeOf(stackField).Renderer;
  const primary = props.fields.find((field) => field.isPrimary);
  const records = [...props.movedIn, ...(cards.data?.records ?? []).filter((record) => !props.movedOut.has(record.id))];
  const ids = records.map((record) => record.id);
  /** The index the pointer is at: before the first card whose middle is below it. */
  const indexAt = (event: DragEvent<HTMLElement>) => {
    const cards = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-testid="record-card"]')];
    const below = cards.findIndex((card) => {
      const box = card.getBoundingClientRect();
      return event.clientY < box.top + box.height / 2;
    });
    return below === -1 ? cards.length : below;
  };
  const count = column.count + props.movedIn.length - (cards.data?.records ?? []).filter((record) => props.movedOut.has(record.id)).length;

  return (
    <section
      className={`mt-kanban-column${over ? ' mt-kanban-column-over' : ''}`}
      onDragOver={(event) => {
        if (!props.canMove) return;
        event.preventDefault();
        setOver(true);
        if (props.ordered) setDropIndex(indexAt(event));
      }}
      onDragLeave={(event) => {
        if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
        setOver(false);
        setDropIndex(null);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        setDropIndex(null);
        const recordId = event.dataTransfer.getData('text/plain');
        if (!recordId) return;
        const placement = props.ordered ? dropPlacement(ids, recordId, indexAt(event)) : null;
        props.onDrop(recordId, { fromHere: ids.includes(recordId), placement });
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
      <div className="mt-record-cards">
        {cards.isPending && <Spin size="small" />}
        {records.map((record, index) => (
          <RecordCard
            key={record.id}
            record={record}
            primary={primary}
            fields={props.fields}
            context={context}
            draggable={props.canMove}
            dropBefore={dropIndex === index}
            onOpen={() => props.onOpen(record)}
          />
        ))}
        {dropIndex !== null && dropIndex === records.length && records.length > 0 && <div className="mt-card-drop-line" />}
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
