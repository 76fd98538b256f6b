/**
 * Number. Value: a finite JS number, stored as given (not rounded); `precision` and `format`
 * only change how it is shown. Percent and progress values are fractions: 0.5 shows as `50%`.
 *
 * Strict input is a finite number. Loose input also reads text (see `parseLooseNumber`): ` 1,234.5 `,
 * `１２３`, `¥1,234.50`, `$12`, `1e3`, `(12)` = -12, and `50%` = 0.5. In a percent or progress
 * field a loose string without `%` is a percent as typed (`"50"` → 0.5); a JSON number is always
 * the stored value.
 */
import { Type, type Static } from '@sinclair/typebox';
import { compareNumbers, numberOperators } from '../number-helpers';
import { describeInput, formatGrouped, parseLooseNumber, roundDecimal, shiftDecimal } from '../cast-helpers';
import type { FieldTypeDefinition } from '../field-type';

export const numberFormats = ['plain', 'currency', 'percent', 'progress'] as const;

const optionsSchema = Type.Object(
  {
    precision: Type.Integer({ minimum: 0, maximum: 8, default: 2 }),
    format: Type.Union(
      numberFormats.map((format) => Type.Literal(format)),
      { default: 'plain' },
    ),
    currencySymbol: Type.String({ maxLength: 8, default: '¥' }),
    allowNegative: Type.Boolean({ default: true }),
  },
  { additionalProperties: false },
);

export type NumberOptions = Static<typeof optionsSchema>;

function isFraction(options: NumberOptions): boolean {
  return options.format === 'percent' || options.format === 'progress';
}

function readNumber(input: unknown, options: NumberOptions, typecast: boolean): number | string {
  if (typeof input === 'number') return Number.isFinite(input) ? input : `${input} is not a finite number`;
  if (typeof input !== 'string' || !typecast) return `expected a number, got ${describeInput(input)}`;
  const parsed = parseLooseNumber(input);
  if (!parsed) return `${describeInput(input)} is not a number`;
  return isFraction(options) && !parsed.percent ? shiftDecimal(parsed.value, -2) : parsed.value;
}

export const number: FieldTypeDefinition<NumberOptions, number> = {
  type: 'number',
  optionsSchema,
  valueSchema: (options) => (options.allowNegative ? Type.Number() : Type.Number({ minimum: 0 })),
  storage: { kind: 'number' },
  writable: true,
  cast(input, options, ctx) {
    if (input === null || input === undefined) return { ok: true, value: null };
    if (typeof input === 'string' && input.trim() === '') return { ok: true, value: null };
    const value = readNumber(input, options, ctx.typecast);
    if (typeof value === 'string') return { ok: false, reason: value };
    if (value < 0 && !options.allowNegative) return { ok: false, reason: `${value} is negative and this field allows no negative numbers` };
    return { ok: true, value: value === 0 ? 0 : value };
  },
  format(value, options) {
    switch (options.format) {
      case 'currency': {
        const negative = roundDecimal(value, options.precision) < 0;
        return `${negative ? '-' : ''}${options.currencySymbol}${formatGrouped(Math.abs(value), options.precision)}`;
      }
      case 'percent':
      case 'progress':
        return `${formatGrouped(shiftDecimal(value, 2), options.precision)}%`;
      default:
        return formatGrouped(value, options.precision);
    }
  },
  operators: numberOperators,
  compare: compareNumbers,
};
