/**
 * The week layout: a column per day, Monday to Sunday, every record of the day in it — those
 * without a time first, then by time of day, each with its time.
 */
import { AddOnDay, CalendarChip, dayDropProps, type CalendarDaysProps } from './calendar-days';

export function WeekLayout(props: CalendarDaysProps) {
  return (
    <div className="mt-calendar-week" data-testid="calendar-week">
      {props.days.map((day) => (
        <div
          key={day}
          className={`mt-calendar-week-day${day === props.today ? ' mt-calendar-day-today' : ''}`}
          {...dayDropProps(day, props.movable, props.onMove)}
          data-testid="calendar-day"
          data-day={day}
        >
          <div className="mt-calendar-week-head">
            <span className="mt-calendar-weekday-name">{props.weekdayOf(day)}</span>
            <span className="mt-calendar-date">{Number(day.slice(8))}</span>
            {props.canAdd && <AddOnDay day={day} onAdd={props.onAdd} />}
          </div>
          <div className="mt-calendar-week-records">
            {props.entriesOf(day).map((entry) => (
              <CalendarChip key={entry.record.id} entry={entry} movable={props.movable} onOpen={props.onOpen} />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
