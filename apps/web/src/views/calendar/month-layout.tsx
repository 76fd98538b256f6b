/** The month layout: whole weeks around the month, a few chips a day and how many more. */
import { useTranslation } from 'react-i18next';
import { AddOnDay, CalendarChip, dayDropProps, type CalendarDaysProps } from './calendar-days';

const chipsPerDay = 4;

export function MonthLayout({ month, ...props }: CalendarDaysProps & { month: string }) {
  const { t } = useTranslation();
  return (
    <div className="mt-calendar-grid">
      {props.days.slice(0, 7).map((day) => (
        <div key={day} className="mt-calendar-weekday">
          {props.weekdayOf(day)}
        </div>
      ))}
      {props.days.map((day) => {
        const entries = props.entriesOf(day);
        const classes = ['mt-calendar-day', day.startsWith(month) ? '' : 'mt-calendar-day-other', day === props.today ? 'mt-calendar-day-today' : ''].filter(Boolean).join(' ');
        return (
          <div key={day} className={classes} {...dayDropProps(day, props.movable, props.onMove)} data-testid="calendar-day" data-day={day}>
            <div className="mt-calendar-day-head">
              {props.canAdd && <AddOnDay day={day} onAdd={props.onAdd} />}
              <span className="mt-calendar-date">{Number(day.slice(8))}</span>
            </div>
            {entries.slice(0, chipsPerDay).map((entry) => (
              <CalendarChip key={entry.record.id} entry={entry} movable={props.movable} onOpen={props.onOpen} />
            ))}
            {entries.length > chipsPerDay && <span className="mt-calendar-more">{t('calendar.more', { count: entries.length - chipsPerDay })}</span>}
          </div>
        );
      })}
    </div>
  );
}
