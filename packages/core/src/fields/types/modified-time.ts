/**
 * Modified time: when the record was modified, kept by storage in its `modified_time` system column
 * and never written by users. Value: a UTC instant `YYYY-MM-DDTHH:mm:ss.sssZ`, whatever the
 * display options say (`includeTime`, on by default, only changes what is shown). `cast` validates
 * values read back and in tests, with the same input rules as a date field with time.
 */
import { Type, type Static } from '@sinclair/typebox';
import { castDate, checkDateOptions, dateOperators, dateOptionsSchema, formatDateValue, utcInstantPattern, zoneOf } from '../date-values';
import type { FieldTypeDefinition } from '../field-type';
import { compareText } from '../text-helpers';

const optionsSchema = dateOptionsSchema(true);

export type ModifiedTimeOptions = Static<typeof optionsSchema>;

export const modifiedTime: FieldTypeDefinition<ModifiedTimeOptions, string> = {
  type: 'modifiedTime',
  optionsSchema,
  checkOptions: checkDateOptions,
  valueSchema: () => Type.String({ pattern: utcInstantPattern, description: 'UTC instant YYYY-MM-DDTHH:mm:ss.sssZ' }),
  storage: { system: 'modifiedTime' },
  writable: false,
  cast: (input, options, ctx) => castDate(input, options, true, ctx),
  format: (value, options, ctx) => formatDateValue(value, options, zoneOf(options, ctx.timeZone)),
  operators: dateOperators,
  compare: compareText,
};
