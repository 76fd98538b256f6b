/**
 * A view laid out as a calendar, by month or by week: each record on the day of the date field
 * the view names (`dateFieldId`), read in the base's time zone (or the field's own), under the
 * view's filter and sorts. Dragging a record to another day moves its date there (a date with a
 * time keeps its time of day); a day's "+" adds a record on that day and opens it; a click opens
 * a record. The days shown are read in one request of at most 1,000; past that the calendar says so.
 */
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { FilterGroup, ViewConfig } from '@multitable/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Segmented, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Base } from '../../api/bases';
import { createRecord, listRecords, updateRecords, type ApiRecord } from '../../api/records';
import type { ApiField, ApiTable } from '../../api/tables';
import { cellText, isWritable } from '../../grid/cell-values';
import { RecordPanel } from '../../grid/record-panel/record-panel';
import { useLanguage } from '../../i18n/i18n';
import { errorText } from '../../pages/form-errors';
import { useCardContext } from '../cards/use-card-context';
import { useLayoutRealtime } from '../cards/use-layout-realtime';
import type { CalendarEntry } from './calendar-days';
import { calendarModeNames, calendarModes, type CalendarModeName } from './calendar-modes';
import { todayIn } from './month-grid';
import { MonthLayout } from './month-layout';
import { rescheduled } from './reschedule';
import { byTimeOfDay, placeOf, type CalendarPlace } from './week-grid';
import { WeekLayout } from './week-layout';

const maxRecords = 1000;

interface CalendarViewProps {
  base: Base;
  table: ApiTable;
  config: ViewConfig;
  dateField: ApiField | undefined;
  mayEdit(fieldId: string): boolean;
  canAdd: boolean;
}

export function CalendarView({ base, table, config, dateField, mayEdit, canAdd }: CalendarViewProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const reread = useCallback(() => queryClient.invalidateQueries({ queryKey: ['calendar', base.id, table.id] }), [queryClient, base.id, table.id]);
  const { context, openId, setOpenId, version } = useCardContext(base, table, mayEdit, reread);
  useLayoutRealtime(base.id, table.id, reread);

  const today = todayIn(base.timeZone);
  const [mode, setMode] = useState<CalendarModeName>('month');
  const [cursor, setCursor] = useState(today);
  /** A record just added: shown in the panel even when the view's filter leaves it out. */
  const [added, setAdded] = useState<ApiRecord | null>(null);
  const days = useMemo(() => calendarModes[mode].days(cursor), [mode, cursor]);
  const zone = (typeof dateField?.options.timeZone === 'string' && dateField.options.timeZone) || base.timeZone;
  const filter: FilterGroup | null = dateField
    ? {
        conjunction: 'and',
        conditions: [
          ...(config.filter ? [config.filter] : []),
          { field: dateField.id, operator: 'isOnOrAfter', value: days[0] },
          { field: dateField.id, operator: 'isOnOrBefore', value: days.at(-1) },
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
  const timeFormat = new Intl.DateTimeFormat(language.intl, { hour: '2-digit', minute: '2-digit', hour12: dateField.options.timeFormat === '12h', timeZone: zone });
  const byDay = new Map<string, Array<CalendarEntry & { place: CalendarPlace }>>();
  for (const record of records.data?.records ?? []) {
    const value = record.fields[dateField.id];
    const place = placeOf(value, zone);
    if (!place) continue;
    const entry = {
      record,
      place,
      title: primary ? cellText(primary, record.fields[primary.id], context.env) : '',
      time: place.minutes === undefined ? undefined : timeFormat.format(new Date(value as string)),
    };
    byDay.set(place.day, [...(byDay.get(place.day) ?? []), entry]);
  }
  for (const entries of byDay.values()) entries.sort((a, b) => byTimeOfDay(a.place, b.place));
  const writesDate = isWritable(dateField) && mayEdit(dateField.id);

  const moveTo = async (recordId: string, day: string) => {
    const record = records.data?.records.find((candidate) => candidate.id === recordId);
    const old = record?.fields[dateField.id];
    if (!record || typeof old !== 'string' || placeOf(old, zone)?.day === day) return;
    try {
      await updateRecords(base.id, table.id, [{ id: recordId, fields: { [dateField.id]: rescheduled(old, day, zone) } }]);
      await reread();
    } catch (error) {
      void message.error(errorText(error, t));
    }
  };

  const addOn = async (day: string) => {
    try {
      const created = await createRecord(base.id, table.id, { [dateField.id]: day });
      await reread();
      setAdded(created);
      setOpenId(created.id);
    } catch (error) {
      void message.error(errorText(error, t));
    }
  };

  const dateText = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(language.intl, { ...options, timeZone: 'UTC' });
  const at = (day: string) => new Date(`${day}T00:00:00Z`);
  const title =
    mode === 'month'
      ? dateText({ year: 'numeric', month: 'long' }).format(at(cursor))
      : dateText({ year: 'numeric', month: 'short', day: 'numeric' }).formatRange(at(days[0]!), at(days.at(-1)!));
  const weekday = dateText({ weekday: 'short' });
  const open = records.data?.records.find((record) => record.id === openId) ?? (added?.id === openId ? added : undefined);
  const layoutProps = {
    days,
    today,
    entriesOf: (day: string) => byDay.get(day) ?? [],
    movable: writesDate,
    canAdd: canAdd && writesDate,
    weekdayOf: (day: string) => weekday.format(at(day)),
    onMove: (recordId: string, day: string) => void moveTo(recordId, day),
    onAdd: (day: string) => void addOn(day),
    onOpen: setOpenId,
  };

  return (
    <div className="mt-calendar" data-testid="calendar">
      <div className="mt-calendar-head">
        <Typography.Title level={5} className="mt-calendar-title" data-testid="calendar-month">
          {title}
        </Typography.Title>
        <Button
          size="small"
          icon={<LeftOutlined />}
          aria-label={t(mode === 'month' ? 'calendar.previous' : 'calendar.previousWeek')}
          onClick={() => setCursor(calendarModes[mode].step(cursor, -1))}
          data-testid="calendar-previous"
        />
        <Button size="small" onClick={() => setCursor(today)} data-testid="calendar-today">
          {t('calendar.today')}
        </Button>
        <Button
          size="small"
          icon={<RightOutlined />}
          aria-label={t(mode === 'month' ? 'calendar.next' : 'calendar.nextWeek')}
          onClick={() => setCursor(calendarModes[mode].step(cursor, 1))}
          data-testid="calendar-next"
        />
        <Segmented<CalendarModeName>
          size="small"
          className="mt-calendar-modes"
          value={mode}
          options={calendarModeNames.map((name) => ({ value: name, label: t(`calendar.${name}`) }))}
          onChange={(next) => {
            // A week of the month shown: today's when the month is this one, else its first.
            if (next === 'week' && mode === 'month' && cursor.slice(0, 7) === today.slice(0, 7)) setCursor(today);
            setMode(next);
          }}
          data-testid="calendar-mode"
        />
      </div>
      {records.data?.offset !== undefined && (
        <Alert type="warning" showIcon title={t(mode === 'month' ? 'calendar.tooMany' : 'calendar.tooManyWeek', { max: maxRecords })} className="mt-calendar-warning" />
      )}
      {mode === 'month' ? <MonthLayout month={cursor.slice(0, 7)} {...layoutProps} /> : <WeekLayout {...layoutProps} />}
      <RecordPanel baseId={base.id} tableId={table.id} fields={table.fields} record={open} version={version} context={context} onClose={() => setOpenId(null)} />
    </div>
  );
}
