/**
 * Phone number. Value: the number as typed, trimmed: digits with `+ - ( ) .` and spaces, a `+`
 * only in front, at least 3 digits, and optionally an extension (`ext. 12`, `x12`, `#12`, `转12`).
 * No country rules: hospitals store internal extensions and foreign numbers alike.
 * Loose input also folds full-width digits and punctuation (`１３８－…`) and reads numbers as text.
 */
import { Type } from '@sinclair/typebox';
import { describeInput, toHalfWidth } from '../cast-helpers';
import type { FieldTypeDefinition } from '../field-type';
import { compareText, readTextInput, textOperators } from '../text-helpers';

export type PhoneOptions = Record<string, never>;

export const maxPhoneLength = 64;
const phonePattern = /^(\+?[\d\s().-]+?)(?:\s*(?:ext\.?|x|#|转|轉)\s*(\d{1,10}))?$/i;

export const phone: FieldTypeDefinition<PhoneOptions, string> = {
  type: 'phone',
  optionsSchema: Type.Object({}, { additionalProperties: false }),
  valueSchema: () => Type.String({ minLength: 3, maxLength: maxPhoneLength }),
  storage: { kind: 'text' },
  writable: true,
  cast(input, _options, ctx) {
    const read = readTextInput(input, ctx.typecast);
    if (!read.ok || read.text === null) return read.ok ? { ok: true, value: null } : read;
    const text = (ctx.typecast ? toHalfWidth(read.text) : read.text).trim().replace(/\s+/g, ' ');
    if (text.length > maxPhoneLength) return { ok: false, reason: `a phone number has at most ${maxPhoneLength} characters` };
    const match = phonePattern.exec(text);
    if (!match || (match[1]!.match(/\d/g)?.length ?? 0) < 3) {
      return { ok: false, reason: `${describeInput(read.text)} is not a phone number (digits, + - ( ) . and spaces, at least 3 digits)` };
    }
    return { ok: true, value: text };
  },
  format: (value) => value,
  operators: textOperators,
  compare: compareText,
};
