/**
 * Parts of a date, in its zone (the base's unless SET_TIMEZONE): YEAR, MONTH (1–12), DAY,
 * HOUR (0–23), MINUTE, SECOND; WEEKDAY (0–6, Sunday = 0, or Monday = 0 with "Monday");
 * WEEKNUM as Excel's WEEKNUM (week 1 holds January 1st, weeks start on Sunday or "Monday", so
 * December 31st can be week 53). A blank date gives blank.
 */
import type { DateTime } from 'luxon';
import { localDateTime } from '../date-coercion';
import { isFormulaError, type FormulaValue } from '../values';
import { choiceOf, datesOf, isChoiceError } from './date-arguments';
import { parseWeekStart, weekStartProblem } from './date-units';
import { param, type CallContext, type FormulaFunction, type FunctionTable } from './function-definition';

function part(read: (moment: DateTime) => number): FormulaFunction {
  return {
    params: [param.required('date', 'date')],
    result: 'number',
    call([value], ctx) {
      const dates = datesOf([value], ctx);
      return dates === null || isFormulaError(dates) ? dates : read(localDateTime(dates[0]!, ctx));
    },
  };
}

/** Weekday 0–6 counted from the week's first day. */
function weekdayFrom(moment: DateTime, start: 'sunday' | 'monday'): number {
  return start === 'sunday' ? moment.weekday % 7 : moment.weekday - 1;
}

function withWeekStart(read: (moment: DateTime, start: 'sunday' | 'monday') => number) {
  return ([value, startValue]: readonly FormulaValue[], ctx: CallContext): FormulaValue => {
    const start = choiceOf(startValue, parseWeekStart, weekStartProblem, 'sunday');
    if (isChoiceError(start)) return start;
    const dates = datesOf([value], ctx);
    return dates === null || isFormulaError(dates) ? dates : read(localDateTime(dates[0]!, ctx), start);
  };
}

const weekParams = [param.required('date', 'date'), param.optional('startDayOfWeek', 'text', weekStartProblem)];

export const datePartFunctions: FunctionTable = {
  YEAR: part((moment) => moment.year),
  MONTH: part((moment) => moment.month),
  DAY: part((moment) => moment.day),
  HOUR: part((moment) => moment.hour),
  MINUTE: part((moment) => moment.minute),
  SECOND: part((moment) => moment.second),
  WEEKDAY: { params: weekParams, result: 'number', call: withWeekStart(weekdayFrom) },
  WEEKNUM: {
    params: weekParams,
    result: 'number',
    call: withWeekStart((moment, start) => {
      const firstDay = moment.startOf('year');
      return Math.floor((moment.ordinal - 1 + weekdayFrom(firstDay, start)) / 7) + 1;
    }),
  },
};
