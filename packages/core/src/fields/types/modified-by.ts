/**
 * Modified by: who modified the record, kept by storage in its `modified_by` system column and never
 * written by users. Value: a user id (`usr_…`). `cast` validates values read back and in tests:
 * a user id or `{ id }` the directory knows (loose: also an email or name). `present` gives
 * `{ id, name, email }`; sorted by the id text, as SQL orders the column.
 */
import { Type } from '@sinclair/typebox';
import { isBlank } from '../cast-helpers';
import type { FieldTypeDefinition } from '../field-type';
import { presentUser, resolveUser, userLabel } from '../people';
import { compareText } from '../text-helpers';

export type ModifiedByOptions = Record<string, never>;

export const modifiedBy: FieldTypeDefinition<ModifiedByOptions, string> = {
  type: 'modifiedBy',
  optionsSchema: Type.Object({}, { additionalProperties: false }),
  valueSchema: () => Type.String({ pattern: '^usr_[0-9a-z]{16}$' }),
  storage: { system: 'modifiedBy' },
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
