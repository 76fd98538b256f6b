/**
 * Single select. Value: the name of one of the field's choices (trimmed). Strict input is a
 * choice name; a name not among the choices is refused, naming it. With typecast an unknown
 * name becomes a new choice (new id, next palette colour), returned in the CastResult's
 * `options` for the caller to save; numbers are read as their text and a one-element array as
 * its element (so a multiple select with one value converts cleanly).
 * Sorted by name, code point order, as SQL orders the stored text.
 */
import { describeInput } from '../cast-helpers';
import { checkSelectOptions, choiceNamesSchema, nameAfterChoiceChanges, resolveChoiceNames, selectOptionsSchema, type SelectOptions } from '../choices';
import type { FieldTypeDefinition } from '../field-type';
import { compareText, readTextInput } from '../text-helpers';

export type SingleSelectOptions = SelectOptions;

function unwrapSingle(input: unknown, typecast: boolean): unknown {
  if (typecast && Array.isArray(input) && input.length <= 1) return input[0] ?? null;
  return input;
}

export const singleSelect: FieldTypeDefinition<SingleSelectOptions, string> = {
  type: 'singleSelect',
  optionsSchema: selectOptionsSchema,
  checkOptions: checkSelectOptions,
  valueSchema: choiceNamesSchema,
  storage: { kind: 'text' },
  writable: true,
  cast(input, options, ctx) {
    const single = unwrapSingle(input, ctx.typecast);
    if (Array.isArray(single)) return { ok: false, reason: `expected one choice, got ${single.length}: ${describeInput(single)}` };
    const read = readTextInput(single, ctx.typecast);
    if (!read.ok || read.text === null) return read.ok ? { ok: true, value: null } : read;
    const resolved = resolveChoiceNames([read.text.trim()], options, ctx.typecast);
    if (!resolved.ok) return resolved;
    const value = resolved.names[0]!;
    return resolved.added.length > 0 ? { ok: true, value, options: resolved.options } : { ok: true, value };
  },
  format: (value) => value,
  followsChoices: { operator: 'isAnyOf', rewrite: nameAfterChoiceChanges },
  operators: ['is', 'isNot', 'isAnyOf', 'isNoneOf', 'isEmpty', 'isNotEmpty'],
  compare: compareText,
};
