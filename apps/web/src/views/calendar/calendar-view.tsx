/**
 * A view laid out as a month calendar: each record on the day of the date field the view names
 * (`dateFieldId`), under the view's filter and sorts. Dragging a record to another day moves
 * its date there (a date with a time keeps its time of day); a click opens the record. The
 * month's records are read in one request of at most 1,000; past that the calendar says so.
 */
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { FilterGroup, ViewConfig } from '@multitable/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Base } from '../../api/bases';
import { listRecords, updateRecords, type ApiRecord } from '../../api/records';
import type { ApiField, ApiTable } from '../../api/tables';
import { cellText, isWritable } from '../../grid/cell-values';
import { RecordPanel } from '../../grid/record-panel/record-panel';
import { useLanguage } from '../../i18n/i18n';
import { errorText } from '../../pages/form-errors';
import { useTableRealtime } from '../../realtime/realtime-context';
import { useCardContext } from '../cards/use-card-context';
import { addMonths, dayOf, daysBetween, monthGrid, todayIn } from './month-grid';

const maxRecords = 1000;
const chipsPerDay = 4;

interface CalendarViewProps {
  base: Base;
  table: ApiTable;
  config: ViewConfig;
  dateField: ApiField | undefined;
  mayEdit(fieldId: string): boolean;
}

export function CalendarView({ base, table, config, dateField, mayEdit }: CalendarViewProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const reread = useCallback(() => queryClient.invalidateQueries({ queryKey: ['calendar', base.id, table.id] }), [queryClient, base.id, table.id]);
  const { context, openId, setOpenId, version } = useCardContext(base, table, mayEdit, reread);
  useTableRealtime(table.id, {
    onMessage: (incoming) => {
      if (incoming.type.startsWith('records.')) void reread();
    },
    onResync: () => void reread(),
  });

  const today = todayIn(base.timeZone);
  const [month, setMonth] = useState(today.slice(0, 7));
  const grid = useMemo(() => monthGrid(month), [month]);
  const zone = (typeof dateField?.options.timeZone === 'string' && dateField.options.timeZone) || base.timeZone;
  const filter: FilterGroup | null = dateField
    ? {
        conjunction: 'and',
        conditions: [
          ...(config.filter ? [config.filter] : []),
          { field: dateField.id, operator: 'isOnOrAfter', value: grid.days[0] },
          { field: dateField.id, operator: 'isOnOrBefore', value: grid.days.at(-1) },
        ],
      }
    : null;
  const records = useQuery({
    queryKey: ['calendar', base.id, table.id, JSON.stringify(filter), JSON.stringify(config.sorts)],
    queryFn: () => listRecords(base.id, table.id, { offset: 0, pageSize: maxRecords }, { filter, sort: config.sorts }),
    enabled: dateField !== undefined,
    placeholderData: (previous) => previous,
  });

  if (!dateField) return <Empty className="mt-kanban-empty" description={t('calendar.noDateField')} />;
  const primary = table.fields.find((field) => field.isPrimary);
  const byDay = new Map<string, ApiRecord[]>();
  for (const record of records.data?.records ?? []) {
    const day = dayOf(record.fields[dateField.id], zone);
    if (day) byDay.set(day, [...(byDay.get(day) ?? []), record]);
  }
  const movable = isWritable(dateField) && mayEdit(dateField.id);

  const moveTo = async (recordId: string, day: string) => {
    const record = records.data?.records.find((candidate) => candidate.id === recordId);
    const old = record?.fields[dateField.id];
    const oldDay = dayOf(old, zone);
    if (!record || typeof old !== 'string' || !oldDay || oldDay === day) return;
    // A day stays a day; an instant moves by whole days and keeps its time of day.
    const value = /^\d{4}-\d{2}-\d{2}$/.test(old) ? day : new Date(Date.parse(old) + daysBetween(oldDay, day) * 86_400_000).toISOString();
    try {
      await updateRecords(base.id, table.id, [{ id: recordId, fields: { [dateField.id]: value } }]);
      await reread();
    } catch (error) {
      void message.error(errorText(error, t));
    }
  };

  const monthTitle = new Intl.DateTimeFormat(language.intl, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  const weekdays = grid.days.slice(0, 7).map((day) => new Intl.DateTimeFormat(language.intl, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)));
  const open = records.data?.records.find((record) => record.id === openId);

  return (
    <div className="mt-calendar" data-testid="calendar">
      <div className="mt-calendar-head">
        <Typography.Title level={5} className="mt-calendar-title" data-testid="calendar-month">
          {monthTitle}
        </Typography.Title>
        <Button size="small" icon={<LeftOutlined />} aria-label={t('calendar.previous')} onClick={() => setMonth(addMonths(month, -1))} data-testid="calendar-previous" />
        <Button size="small" onClick={() => setMonth(today.slice(0, 7))}>
          {t('calendar.today')}
        </Button>
        <Button size="small" icon={<RightOutlined />} aria-label={t('calendar.next')} onClick={() => setMonth(addMonths(month, 1))} data-testid="calendar-next" />
      </div>
      {records.data?.offset !== undefined && <Alert type="warning" showIcon title={t('calendar.tooMany', { max: maxRecords })} className="mt-calendar-warning" />}
      <div className="mt-calendar-grid">
        {weekdays.map((weekday) => (
          <div key={weekday} className="mt-calendar-weekday">
            {weekday}
          </div>
        ))}
        {grid.days.map((day) => {
          const dayRecords = byDay.get(day) ?? [];
          const classes = ['mt-calendar-day', day.startsWith(month) ? '' : 'mt-calendar-day-other', day === today ? 'mt-calendar-day-today' : ''].filter(Boolean).join(' ');
          return (
            <div
              key={day}
              className={classes}
              onDragOver={(event) => movable && event.preventDefault()}
              onDrop={(event) => {
                event.preventDefault();
                const recordId = event.dataTransfer.getData('text/plain');
                if (recordId) void moveTo(recordId, day);
              }}
              data-testid="calendar-day"
              data-day={day}
            >
              <span className="mt-calendar-date">{Number(day.slice(8))}</span>
              {dayRecords.slice(0, chipsPerDay).map((record) => (
                <div
                  key={record.id}
                  className="mt-calendar-chip"
                  draggable={movable}
                  onDragStart={(event) => event.dataTransfer.setData('text/plain', record.id)}
                  onClick={() => setOpenId(record.id)}
                  role="button"
                  tabIndex={0}
                  onKeyDown={(event) => event.key === 'Enter' && setOpenId(record.id)}
                  data-testid="calendar-record"
                >
                  {(primary && cellText(primary, record.fields[primary.id], context.env)) || '—'}
                </div>
              ))}
              {dayRecords.length > chipsPerDay && <span className="mt-calendar-more">{t('calendar.more', { count: dayRecords.length - chipsPerDay })}</span>}
            </div>
          );
        })}
      </div>
      <RecordPanel baseId={base.id} tableId={table.id} fields={table.fields} record={open} version={version} context={context} onClose={() => setOpenId(null)} />
    </div>
  );
}
