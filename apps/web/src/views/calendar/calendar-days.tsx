/**
 * What the month and the week layouts share: a record's chip (its time when the date has one,
 * then its title; drags to another day, opens on click), a day's "+" (a new record on that
 * day), and a day cell's drop handling. The layouts only arrange days.
 */
import { PlusOutlined } from '@ant-design/icons';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiRecord } from '../../api/records';

/** A record as a calendar shows it. */
export interface CalendarEntry {
  record: ApiRecord;
  title: string;
  /** Its time of day, formatted; undefined for a date without a time. */
  time: string | undefined;
}

/** What a layout needs to draw days: their records, and what the user may do with them. */
export interface CalendarDaysProps {
  days: readonly string[];
  today: string;
  entriesOf(day: string): readonly CalendarEntry[];
  /** Records may be dragged to another day. */
  movable: boolean;
  /** Records may be added (the role may add, and may write the date). */
  canAdd: boolean;
  /** A weekday's name, in the UI's language. */
  weekdayOf(day: string): string;
  onMove(recordId: string, day: string): void;
  onAdd(day: string): void;
  onOpen(recordId: string): void;
}

export function CalendarChip({ entry, movable, onOpen }: { entry: CalendarEntry; movable: boolean; onOpen(recordId: string): void }) {
  const { record, title, time } = entry;
  return (
    <div
      className="mt-calendar-chip"
      draggable={movable}
      onDragStart={(event) => event.dataTransfer.setData('text/plain', record.id)}
      onClick={() => onOpen(record.id)}
      role="button"
      tabIndex={0}
      onKeyDown={(event) => event.key === 'Enter' && onOpen(record.id)}
      data-testid="calendar-record"
      data-record={record.id}
    >
      {time && (
        <span className="mt-calendar-time" data-testid="calendar-time">
          {time}
        </span>
      )}
      {title || '—'}
    </div>
  );
}

export function AddOnDay({ day, onAdd }: { day: string; onAdd(day: string): void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="mt-calendar-add" aria-label={t('calendar.addOn', { date: day })} onClick={() => onAdd(day)} data-testid="calendar-add">
      <PlusOutlined />
    </button>
  );
}

/** Drop handling of a day: a dragged record moves there when records may move. */
export function dayDropProps(day: string, movable: boolean, onMove: (recordId: string, day: string) => void) {
  return {
    onDragOver: (event: DragEvent) => movable && event.preventDefault(),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      const recordId = event.dataTransfer.getData('text/plain');
      if (recordId) onMove(recordId, day);
    },
  };
}
