/**
 * Single line text. Value: a string without line breaks (breaks in loose input become spaces).
 * Leading and trailing whitespace is kept as typed; a string of only whitespace is empty.
 */
import { Type } from '@sinclair/typebox';
import type { FieldTypeDefinition } from '../field-type';
import { compareText, readTextInput, textOperators } from '../text-helpers';

export type SingleLineTextOptions = Record<string, never>;

export const singleLineText: FieldTypeDefinition<SingleLineTextOptions, string> = {
  type: 'singleLineText',
  optionsSchema: Type.Object({}, { additionalProperties: false }),
  valueSchema: () => Type.String({ minLength: 1 }),
  storage: { kind: 'text' },
  writable: true,
  cast(input, _options, ctx) {
    const read = readTextInput(input, ctx.typecast);
    if (!read.ok || read.text === null) return read.ok ? { ok: true, value: null } : read;
    let text = read.text;
    if (/[\r\n]/.test(text)) {
      if (!ctx.typecast) return { ok: false, reason: 'single line text cannot contain line breaks' };
      text = text.replace(/\r\n|\r|\n/g, ' ');
    }
    return { ok: true, value: text };
  },
  format: (value) => value,
  operators: textOperators,
  compare: compareText,
};
