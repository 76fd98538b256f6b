/**
 * Multiple select. Value: a non-empty array of choice names, without duplicates (the first
 * occurrence wins), in the order given. Strict input is an array of names; unknown names are
 * refused, naming the first. With typecast unknown names become new choices (see ../choices.ts),
 * a lone string is read as a list split on `,` `，` `、` `;` and line breaks — unless the whole
 * string is itself a choice name — and numbers are read as their text.
 * Sorted by the JSON text of the array (`JSON.stringify`, code point order), which is what
 * ordering the stored JSON column as text gives in SQL.
 */
import { Type } from '@sinclair/typebox';
import { describeInput, isBlank, splitList } from '../cast-helpers';
import { checkSelectOptions, choiceNamesSchema, nameAfterChoiceChanges, resolveChoiceNames, selectOptionsSchema, type SelectOptions } from '../choices';
import type { FieldTypeDefinition } from '../field-type';
import { compareText, readTextInput } from '../text-helpers';

export type MultipleSelectOptions = SelectOptions;

function readNames(input: unknown, options: SelectOptions, typecast: boolean): string[] | string {
  let items: unknown[];
  if (Array.isArray(input)) items = input;
  else if (!typecast) return `expected an array of choice names, got ${describeInput(input)}`;
  else if (typeof input === 'string') {
    const whole = input.trim();
    items = options.choices.some((choice) => choice.name === whole) ? [whole] : splitList(input);
  } else items = [input];
  const names: string[] = [];
  for (const [index, item] of items.entries()) {
    const read = readTextInput(item, typecast);
    if (!read.ok) return `[${index}]: ${read.reason}`;
    if (read.text === null) {
      if (typecast) continue;
      return `[${index}] is an empty choice name`;
    }
    names.push(read.text.trim());
  }
  return names;
}

export const multipleSelect: FieldTypeDefinition<MultipleSelectOptions, string[]> = {
  type: 'multipleSelect',
  optionsSchema: selectOptionsSchema,
  checkOptions: checkSelectOptions,
  valueSchema: (options) => Type.Array(choiceNamesSchema(options), { minItems: 1, uniqueItems: true }),
  storage: { kind: 'json' },
  writable: true,
  cast(input, options, ctx) {
    if (isBlank(input)) return { ok: true, value: null };
    const names = readNames(input, options, ctx.typecast);
    if (typeof names === 'string') return { ok: false, reason: names };
    const unique = [...new Set(names)];
    if (unique.length === 0) return { ok: true, value: null };
    const resolved = resolveChoiceNames(unique, options, ctx.typecast);
    if (!resolved.ok) return resolved;
    return resolved.added.length > 0 ? { ok: true, value: resolved.names, options: resolved.options } : { ok: true, value: resolved.names };
  },
  format: (value) => value.join(', '),
  followsChoices: {
    operator: 'hasAnyOf',
    rewrite(value, changes) {
      const names = [...new Set(value.flatMap((name) => nameAfterChoiceChanges(name, changes) ?? []))];
      return names.length > 0 ? names : null;
    },
  },
  operators: ['hasAnyOf', 'hasAllOf', 'hasNoneOf', 'isExactly', 'isEmpty', 'isNotEmpty'],
  compare: (a, b) => compareText(JSON.stringify(a), JSON.stringify(b)),
};
