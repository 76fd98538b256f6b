/**
 * Date, optionally with time. Value: `YYYY-MM-DD` when `includeTime` is false (a calendar date,
 * no zone), otherwise a UTC instant `YYYY-MM-DDTHH:mm:ss.sssZ`. Both are fixed-width, so stored
 * text sorts chronologically. `timeZone` ('' = the base's) is where wall-clock input is placed and
 * where times are shown. Strict input is ISO 8601; loose input is described in ../date-parsing.ts.
 */
import { Type, type Static } from '@sinclair/typebox';
import { castDate, checkDateOptions, dateOperators, dateOptionsSchema, formatDateValue, calendarDatePattern, utcInstantPattern, zoneOf } from '../date-values';
import type { FieldTypeDefinition } from '../field-type';
import { compareText } from '../text-helpers';

const optionsSchema = dateOptionsSchema(false);

export type DateOptions = Static<typeof optionsSchema>;

export const date: FieldTypeDefinition<DateOptions, string> = {
  type: 'date',
  optionsSchema,
  checkOptions: checkDateOptions,
  valueSchema: (options) =>
    options.includeTime
      ? Type.String({ pattern: utcInstantPattern, description: 'UTC instant YYYY-MM-DDTHH:mm:ss.sssZ' })
      : Type.String({ pattern: calendarDatePattern, description: 'calendar date YYYY-MM-DD' }),
  storage: { kind: 'text' },
  writable: true,
  cast: (input, options, ctx) => castDate(input, options, options.includeTime, ctx),
  format: (value, options, ctx) => formatDateValue(value, options, zoneOf(options, ctx.timeZone)),
  operators: dateOperators,
  compare: compareText,
};
