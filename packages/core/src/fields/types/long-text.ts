/**
 * Long text. Value: a string whose line breaks are kept, normalised to LF (CRLF and lone CR
 * become LF, so text typed on Windows and pasted from old Macs compares equal). Whitespace is
 * kept as typed; a string of only whitespace is empty.
 */
import { Type } from '@sinclair/typebox';
import type { FieldTypeDefinition } from '../field-type';
import { compareText, readTextInput, textOperators } from '../text-helpers';

export type LongTextOptions = Record<string, never>;

export const longText: FieldTypeDefinition<LongTextOptions, string> = {
  type: 'longText',
  optionsSchema: Type.Object({}, { additionalProperties: false }),
  valueSchema: () => Type.String({ minLength: 1 }),
  storage: { kind: 'text' },
  writable: true,
  cast(input, _options, ctx) {
    const read = readTextInput(input, ctx.typecast);
    if (!read.ok) return read;
    return { ok: true, value: read.text === null ? null : read.text.replace(/\r\n?/g, '\n') };
  },
  format: (value) => value,
  operators: textOperators,
  compare: compareText,
};
