/**
 * Duration. Value: a non-negative number of seconds (fractions allowed), stored as given;
 * `format` only changes the display (`h:mm` rounds to the minute, `h:mm:ss.SS` to 1/100 s).
 * Hours are not wrapped at 24 (`26:00`).
 *
 * Strict input is a finite number of seconds ≥ 0. Loose input, and what a person may type:
 * - a JSON number: seconds, always;
 * - `1:30` is 1 h 30 min in every format, `1:30:15` is h:mm:ss, `1:30.5` (a fraction on the
 *   second part) is m:ss.S;
 * - a bare number in text (`90`) is minutes in the `h:mm` format and seconds in the others —
 *   the smallest unit the format shows;
 * - units: `1h 30m`, `1.5h`, `90min`, `45s`, `2d`, `1小时30分`, `30分钟`, `15秒`, `1天`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { describeInput, looseText, shiftDecimal } from '../cast-helpers';
import type { FieldTypeDefinition } from '../field-type';
import { compareNumbers, numberOperators } from '../number-helpers';

export const durationFormats = ['h:mm', 'h:mm:ss', 'h:mm:ss.S', 'h:mm:ss.SS', 'h:mm:ss.SSS'] as const;

const optionsSchema = Type.Object(
  {
    format: Type.Union(
      durationFormats.map((format) => Type.Literal(format)),
      { default: 'h:mm' },
    ),
  },
  { additionalProperties: false },
);

export type DurationOptions = Static<typeof optionsSchema>;

const unitSeconds: ReadonlyArray<[RegExp, number]> = [
  [/^(d|days?|天)$/i, 86_400],
  [/^(h|hrs?|hours?|小时|小時|时|時|钟头)$/i, 3_600],
  [/^(m|mins?|minutes?|分钟|分鐘|分)$/i, 60],
  [/^(s|secs?|seconds?|秒钟|秒)$/i, 1],
  [/^(ms|毫秒)$/i, 0.001],
];

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

function secondsOfUnit(unit: string): number | undefined {
  return unitSeconds.find(([pattern]) => pattern.test(unit))?.[1];
}

/** `1h 30m`, `1小时30分`: a sequence of number-unit pairs. */
function parseUnits(text: string): number | undefined {
  const pairs = [...text.matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+|[\u4e00-\u9fff]+)\s*/giy)];
  if (pairs.length === 0 || pairs.map((pair) => pair[0]).join('') !== text) return undefined;
  let total = 0;
  for (const [, amount, unit] of pairs) {
    const seconds = secondsOfUnit(unit!);
    if (seconds === undefined) return undefined;
    total += Number(amount) * seconds;
  }
  return total;
}

/** `1:30` (h:mm), `1:30:15` (h:mm:ss), `1:30.5` (m:ss.S). */
function parseClock(text: string): number | undefined {
  const hoursMinutesSeconds = /^(\d+):([0-5]?\d):([0-5]?\d(?:\.\d+)?)$/.exec(text);
  if (hoursMinutesSeconds) {
    const [, hours, minutes, seconds] = hoursMinutesSeconds;
    return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
  }
  const minutesFraction = /^(\d+):([0-5]?\d\.\d+)$/.exec(text);
  if (minutesFraction) return Number(minutesFraction[1]) * 60 + Number(minutesFraction[2]);
  const hoursMinutes = /^(\d+):([0-5]?\d)$/.exec(text);
  if (hoursMinutes) return Number(hoursMinutes[1]) * 3600 + Number(hoursMinutes[2]) * 60;
  return undefined;
}

function parseDurationText(input: string, options: DurationOptions): number | undefined {
  const text = looseText(input).replace(/：/g, ':');
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * (options.format === 'h:mm' ? 60 : 1);
  return parseClock(text) ?? parseUnits(text);
}

export const duration: FieldTypeDefinition<DurationOptions, number> = {
  type: 'duration',
  optionsSchema,
  valueSchema: () => Type.Number({ minimum: 0 }),
  storage: { kind: 'number' },
  writable: true,
  cast(input, options, ctx) {
    if (input === null || input === undefined) return { ok: true, value: null };
    if (typeof input === 'string' && input.trim() === '') return { ok: true, value: null };
    let seconds: number | undefined;
    if (typeof input === 'number') seconds = input;
    else if (typeof input === 'string' && ctx.typecast) seconds = parseDurationText(input, options);
    else return { ok: false, reason: `expected a number of seconds, got ${describeInput(input)}` };
    if (seconds === undefined) return { ok: false, reason: `${describeInput(input)} is not a duration` };
    if (!Number.isFinite(seconds)) return { ok: false, reason: `${describeInput(input)} is not a finite duration` };
    if (seconds < 0) return { ok: false, reason: `${describeInput(input)} is negative; a duration is zero or more seconds` };
    return { ok: true, value: seconds === 0 ? 0 : seconds };
  },
  format(value, options) {
    if (options.format === 'h:mm') {
      const totalMinutes = Math.round(value / 60);
      return `${Math.floor(totalMinutes / 60)}:${String(totalMinutes % 60).padStart(2, '0')}`;
    }
    const fractionDigits = options.format.length - 'h:mm:ss'.length - 1;
    const ticksPerSecond = 10 ** Math.max(fractionDigits, 0);
    const ticks = Math.round(shiftDecimal(value, Math.max(fractionDigits, 0)));
    const wholeSeconds = Math.floor(ticks / ticksPerSecond);
    const clock = `${Math.floor(wholeSeconds / 3600)}:${pad2(Math.floor(wholeSeconds / 60) % 60)}:${pad2(wholeSeconds % 60)}`;
    return fractionDigits > 0 ? `${clock}.${String(ticks % ticksPerSecond).padStart(fractionDigits, '0')}` : clock;
  },
  operators: numberOperators,
  compare: compareNumbers,
};
