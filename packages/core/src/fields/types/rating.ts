/**
 * Rating. Value: an integer 1..max (0 or nothing is an empty cell). Strict input is such an
 * integer; fractions, negatives and values above the maximum are refused. Loose input also reads
 * text (`４`, `" 3 "`), star strings (`★★★` = 3, `☆` ignored) and rounds fractions half up
 * (`3.5` → 4) — but is never clamped: above the maximum is still refused, not silently lowered.
 */
import { Type, type Static } from '@sinclair/typebox';
import { describeInput, looseText, parseLooseNumber } from '../cast-helpers';
import type { FieldTypeDefinition } from '../field-type';
import { compareNumbers, numberOperators } from '../number-helpers';

export const ratingIcons = ['star', 'heart', 'thumb', 'flag'] as const;

const optionsSchema = Type.Object(
  {
    max: Type.Integer({ minimum: 1, maximum: 10, default: 5 }),
    icon: Type.Union(
      ratingIcons.map((icon) => Type.Literal(icon)),
      { default: 'star' },
    ),
  },
  { additionalProperties: false },
);

export type RatingOptions = Static<typeof optionsSchema>;

function readRating(input: unknown, typecast: boolean): number | string {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return `${input} is not a rating`;
    if (Number.isInteger(input) || !typecast) return input;
    return Math.round(input);
  }
  if (typeof input !== 'string' || !typecast) return `expected an integer rating, got ${describeInput(input)}`;
  const text = looseText(input);
  if (/^[★☆⭐]+$/u.test(text)) return [...text].filter((char) => char !== '☆').length;
  const parsed = parseLooseNumber(text);
  if (!parsed || parsed.percent) return `${describeInput(input)} is not a rating`;
  return Math.round(parsed.value);
}

export const rating: FieldTypeDefinition<RatingOptions, number> = {
  type: 'rating',
  optionsSchema,
  valueSchema: (options) => Type.Integer({ minimum: 1, maximum: options.max }),
  storage: { kind: 'integer' },
  writable: true,
  cast(input, options, ctx) {
    if (input === null || input === undefined) return { ok: true, value: null };
    if (typeof input === 'string' && input.trim() === '') return { ok: true, value: null };
    const value = readRating(input, ctx.typecast);
    if (typeof value === 'string') return { ok: false, reason: value };
    if (!Number.isInteger(value)) return { ok: false, reason: `${value} is not a whole number; a rating is 1 to ${options.max}` };
    if (value === 0) return { ok: true, value: null };
    if (value < 0) return { ok: false, reason: `${value} is negative; a rating is 1 to ${options.max}` };
    if (value > options.max) return { ok: false, reason: `${value} is above the maximum rating of ${options.max}` };
    return { ok: true, value };
  },
  format: (value) => String(value),
  operators: numberOperators,
  compare: compareNumbers,
};
