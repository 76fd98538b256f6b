/**
 * Checkbox. Value: a boolean. An empty cell (null) and `false` both mean unchecked — filters
 * must treat them alike — but `false` given is kept as `false`. Strict input is a boolean. Loose
 * input also reads 1/0 and the words people type: true / yes / y / on / 1 / ✓ / ✔ / x /
 * checked / 是 / 对 / 真 for checked; false / no / n / off / 0 / '' / 否 / 错 / 假 / unchecked
 * for unchecked (any case, full-width folded). Anything else is refused, not guessed.
 * Formatted as `✓` when checked and '' when not, which reads back as the same value.
 */
import { Type } from '@sinclair/typebox';
import { describeInput, looseText } from '../cast-helpers';
import type { FieldTypeDefinition } from '../field-type';

export type CheckboxOptions = Record<string, never>;

const checkedWords = new Set(['true', 'yes', 'y', 'on', '1', '✓', '✔', '☑', 'x', 'checked', '是', '对', '真']);
const uncheckedWords = new Set(['false', 'no', 'n', 'off', '0', '', '否', '错', '假', 'unchecked']);

export const checkbox: FieldTypeDefinition<CheckboxOptions, boolean> = {
  type: 'checkbox',
  optionsSchema: Type.Object({}, { additionalProperties: false }),
  valueSchema: () => Type.Boolean(),
  storage: { kind: 'boolean' },
  writable: true,
  cast(input, _options, ctx) {
    if (input === null || input === undefined) return { ok: true, value: null };
    if (typeof input === 'boolean') return { ok: true, value: input };
    if (!ctx.typecast) {
      if (typeof input === 'string' && input.trim() === '') return { ok: true, value: null };
      return { ok: false, reason: `expected true or false, got ${describeInput(input)}` };
    }
    if (input === 1 || input === 0) return { ok: true, value: input === 1 };
    if (typeof input === 'string') {
      const word = looseText(input).toLowerCase();
      if (checkedWords.has(word)) return { ok: true, value: true };
      if (uncheckedWords.has(word)) return { ok: true, value: false };
    }
    return { ok: false, reason: `${describeInput(input)} is neither checked nor unchecked` };
  },
  format: (value) => (value ? '✓' : ''),
  operators: ['is'],
  compare: (a, b) => Number(a) - Number(b),
};
