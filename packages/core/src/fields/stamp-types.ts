/**
 * The record's stamps — created / modified time and created / modified by — are four field types
 * that differ only in the system column they read. Each type file names its column; the shape
 * is built here once.
 */
import { Type, type Static } from '@sinclair/typebox';
import { isBlank } from './cast-helpers';
import { castDate, checkDateOptions, dateOperators, dateOptionsSchema, formatDateValue, utcInstantPattern, zoneOf } from './date-values';
import type { FieldTypeDefinition } from './field-type';
import { presentUser, resolveUser, userLabel } from './people';
import { compareText } from './text-helpers';

const timeStampOptionsSchema = dateOptionsSchema(true);
export type TimeStampOptions = Static<typeof timeStampOptionsSchema>;
export type UserStampOptions = Record<string, never>;

/**
 * When the record was created or modified. Value: a UTC instant `YYYY-MM-DDTHH:mm:ss.sssZ`,
 * whatever the display options say (`includeTime`, on by default, only changes what is shown).
 * `cast` validates values read back and in tests, with the input rules of a date field with time.
 */
export function timeStampType(type: string, system: 'createdTime' | 'modifiedTime'): FieldTypeDefinition<TimeStampOptions, string> {
  return {
    type,
    optionsSchema: timeStampOptionsSchema,
    checkOptions: checkDateOptions,
    valueSchema: () => Type.String({ pattern: utcInstantPattern, description: 'UTC instant YYYY-MM-DDTHH:mm:ss.sssZ' }),
    storage: { system },
    writable: false,
    cast: (input, options, ctx) => castDate(input, options, true, ctx),
    format: (value, options, ctx) => formatDateValue(value, options, zoneOf(options, ctx.timeZone)),
    operators: dateOperators,
    compare: compareText,
  };
}

/**
 * Who created or last modified the record. Value: a user id (`usr_…`). `cast` validates values
 * read back and in tests: a user id or `{ id }` the directory knows (loose: also an email or
 * name). `present` gives `{ id, name, email }`; sorted by the id text, as SQL orders the column.
 */
export function userStampType(type: string, system: 'createdBy' | 'modifiedBy'): FieldTypeDefinition<UserStampOptions, string> {
  return {
    type,
    optionsSchema: Type.Object({}, { additionalProperties: false }),
    valueSchema: () => Type.String({ pattern: '^usr_[0-9a-z]{16}$' }),
    storage: { system },
    writable: false,
    cast(input, _options, ctx) {
      if (isBlank(input)) return { ok: true, value: null };
      const resolved = resolveUser(input, ctx.users, ctx.typecast);
      return resolved.ok ? { ok: true, value: resolved.id } : resolved;
    },
    format: (value, _options, ctx) => userLabel(value, ctx.users),
    present: (value, _options, ctx) => presentUser(value, ctx.users),
    operators: ['is', 'isNot', 'isAnyOf', 'isNoneOf'],
    compare: compareText,
  };
}
