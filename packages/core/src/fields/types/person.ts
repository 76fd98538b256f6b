/**
 * Person. Value: a non-empty array of user ids (`usr_…`), without duplicates, in the order
 * given — an array even when `multiple` is false, so switching the option needs no migration.
 * Strict input: a user id, an array of ids, `{ id }` objects, each a user the directory knows;
 * more than one user when `multiple` is false is refused. Loose input also takes emails and
 * display names (the directory's `byText`), `{ email }`, and comma-separated text.
 * `notify` tells automations to tell people when they are assigned; it does not affect values.
 * `present` gives `[{ id, name, email }]`. Sorted by the JSON text of the id array, as SQL
 * orders the stored JSON column as text.
 */
import { Type, type Static } from '@sinclair/typebox';
import { isBlank, splitList } from '../cast-helpers';
import type { FieldTypeDefinition } from '../field-type';
import { presentUser, resolveUser, userLabel } from '../people';
import { compareText } from '../text-helpers';

const optionsSchema = Type.Object(
  {
    multiple: Type.Boolean({ default: true }),
    notify: Type.Boolean({ default: true }),
  },
  { additionalProperties: false },
);

export type PersonOptions = Static<typeof optionsSchema>;

export const person: FieldTypeDefinition<PersonOptions, string[]> = {
  type: 'person',
  optionsSchema,
  valueSchema: (options) =>
    Type.Array(Type.String({ pattern: '^usr_[0-9a-z]{16}$' }), { minItems: 1, uniqueItems: true, ...(options.multiple ? {} : { maxItems: 1 }) }),
  storage: { kind: 'json' },
  writable: true,
  cast(input, options, ctx) {
    if (isBlank(input)) return { ok: true, value: null };
    let items: unknown[] = Array.isArray(input) ? input : [input];
    if (ctx.typecast) items = items.flatMap((item) => (typeof item === 'string' ? splitList(item) : [item]));
    const ids: string[] = [];
    for (const item of items) {
      if (isBlank(item)) continue;
      const resolved = resolveUser(item, ctx.users, ctx.typecast);
      if (!resolved.ok) return resolved;
      if (!ids.includes(resolved.id)) ids.push(resolved.id);
    }
    if (ids.length === 0) return { ok: true, value: null };
    if (ids.length > 1 && !options.multiple) return { ok: false, reason: `this field holds one person, got ${ids.length}` };
    return { ok: true, value: ids };
  },
  format: (value, _options, ctx) => value.map((id) => userLabel(id, ctx.users)).join(', '),
  present: (value, _options, ctx) => value.map((id) => presentUser(id, ctx.users)),
  operators: ['hasAnyOf', 'hasAllOf', 'hasNoneOf', 'isExactly', 'isEmpty', 'isNotEmpty'],
  compare: (a, b) => compareText(JSON.stringify(a), JSON.stringify(b)),
};
