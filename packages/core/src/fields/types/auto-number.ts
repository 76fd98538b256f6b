/**
 * Auto number: the record's sequence number, assigned by storage in its `auto_number` system
 * column and never written by users. Value: a positive integer. `cast` validates values read back
 * and in tests (loose: also digits in text, full-width folded: `１２`).
 */
import { Type } from '@sinclair/typebox';
import { describeInput, isBlank, parseLooseNumber } from '../cast-helpers';
import type { FieldTypeDefinition } from '../field-type';
import { compareNumbers, numberOperators } from '../number-helpers';

export type AutoNumberOptions = Record<string, never>;

export const autoNumber: FieldTypeDefinition<AutoNumberOptions, number> = {
  type: 'autoNumber',
  optionsSchema: Type.Object({}, { additionalProperties: false }),
  valueSchema: () => Type.Integer({ minimum: 1 }),
  storage: { system: 'autoNumber' },
  writable: false,
  cast(input, _options, ctx) {
    if (isBlank(input)) return { ok: true, value: null };
    const value = typeof input === 'string' && ctx.typecast ? parseLooseNumber(input)?.value : input;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      return { ok: false, reason: `${describeInput(input)} is not an auto number (a positive integer)` };
    }
    return { ok: true, value };
  },
  format: (value) => String(value),
  operators: numberOperators,
  compare: compareNumbers,
};
