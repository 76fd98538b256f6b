/**
 * Date values shared by the date type and the created / modified time types: display options,
 * placing readings in a time zone, and display text.
 *
 * Two canonical forms, both fixed-width so that text order is time order in SQL:
 * - a calendar date `YYYY-MM-DD` (a date field without time: no zone, no instant), and
 * - a UTC instant `YYYY-MM-DDTHH:mm:ss.sssZ` (exactly `Date.prototype.toISOString`'s form).
 * Years are 1..9999. Local times that do not exist (a DST gap) move forward by the gap, and
 * ambiguous ones (the repeated hour when clocks fall back) take the earlier instant — the rule
 * of Temporal's "compatible" disambiguation and of most calendars.
 */
import { Type } from '@sinclair/typebox';
import { DateTime, IANAZone } from 'luxon';
import { isTimeZone } from '../time-zones';
import type { OperatorKey } from '../filters/operator-keys';
import { describeInput } from './cast-helpers';
import { parseIsoDate, parseLooseDate, type ParsedDate, type WallClock } from './date-parsing';
import type { CastContext, CastResult, OptionsCheck } from './field-type';

export const dateFormats = ['iso', 'chinese', 'us', 'european'] as const;
export const timeFormats = ['24h', '12h'] as const;

export interface DateDisplayOptions {
  includeTime: boolean;
  /** IANA zone; '' means the base's zone (`ctx.timeZone`). */
  timeZone: string;
  dateFormat: (typeof dateFormats)[number];
  timeFormat: (typeof timeFormats)[number];
}

/** Options schema of the date-like types; `includeTime` defaults differ (off for date, on for created/modified time). */
export function dateOptionsSchema(includeTimeByDefault: boolean) {
  return Type.Object(
    {
      includeTime: Type.Boolean({ default: includeTimeByDefault }),
      timeZone: Type.String({ default: '', description: "IANA time zone; '' uses the base's zone" }),
      dateFormat: Type.Union(
        dateFormats.map((format) => Type.Literal(format)),
        { default: 'iso' },
      ),
      timeFormat: Type.Union(
        timeFormats.map((format) => Type.Literal(format)),
        { default: '24h' },
      ),
    },
    { additionalProperties: false },
  );
}

/** The zone must be a real IANA zone; it is stored in its canonical spelling (`asia/shanghai` → `Asia/Shanghai`). */
export function checkDateOptions<Options extends DateDisplayOptions>(options: Options): OptionsCheck<Options> {
  if (options.timeZone === '') return { ok: true, options };
  if (!isTimeZone(options.timeZone)) {
    return { ok: false, path: 'timeZone', reason: `"${options.timeZone}" is not an IANA time zone (e.g. Asia/Shanghai)` };
  }
  const canonical = new Intl.DateTimeFormat('en-US', { timeZone: options.timeZone }).resolvedOptions().timeZone;
  return { ok: true, options: { ...options, timeZone: canonical } };
}

export function zoneOf(options: Pick<DateDisplayOptions, 'timeZone'>, fallback: string): string {
  return options.timeZone === '' ? fallback : options.timeZone;
}

export const calendarDatePattern = '^\\d{4}-\\d{2}-\\d{2}$';
export const utcInstantPattern = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$';

const firstMillis = new Date('0001-01-01T00:00:00.000Z').getTime();
const lastMillis = new Date('9999-12-31T23:59:59.999Z').getTime();

/** The instant a wall-clock time has in `zone`, disambiguated as the module header says. */
export function wallClockToMillis(wallClock: WallClock, zone: string): number {
  const { year, month, day, time } = wallClock;
  const asUtc = DateTime.fromObject({ year, month, day, ...time }, { zone: 'UTC' }).toMillis();
  const tz = IANAZone.create(zone);
  const hour = 3_600_000;
  // The offsets in force around that time; a wall clock has 0 (gap), 1 or 2 (overlap) true readings.
  const offsets = new Set([tz.offset(asUtc - 6 * hour), tz.offset(asUtc + 6 * hour), tz.offset(asUtc)]);
  const readings = [...offsets].map((offset) => asUtc - offset * 60_000).filter((millis) => asUtc - tz.offset(millis) * 60_000 === millis);
  if (readings.length > 0) return Math.min(...readings);
  return DateTime.fromObject({ year, month, day, ...time }, { zone }).toMillis();
}

/** Places a reading in `zone` and writes the canonical form: a calendar date or a UTC instant. */
export function toDateValue(parsed: ParsedDate, withTime: boolean, zone: string, input: unknown): string | { reason: string } {
  let millis: number;
  if (parsed.kind === 'wallClock') {
    const { year, month, day, time } = parsed.wallClock;
    if (!withTime) return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    millis = wallClockToMillis({ year, month, day, time }, zone);
  } else {
    millis = parsed.millis;
  }
  if (!(millis >= firstMillis && millis <= lastMillis)) return { reason: `${describeInput(input)} is outside the years 1 to 9999` };
  if (withTime) return new Date(millis).toISOString();
  const local = DateTime.fromMillis(millis, { zone });
  if (local.year < 1 || local.year > 9999) return { reason: `${describeInput(input)} is outside the years 1 to 9999` };
  return local.toISODate()!;
}

/**
 * Casts date input for a field whose values carry a time (`withTime`) or are calendar dates.
 * Strict input is an ISO 8601 string; loose input is anything `parseLooseDate` reads. A reading
 * without an offset is in the field's zone, else the base's.
 */
export function castDate<Options extends DateDisplayOptions>(
  input: unknown,
  options: Options,
  withTime: boolean,
  ctx: CastContext,
): CastResult<string, Options> {
  if (input === null || input === undefined) return { ok: true, value: null };
  if (typeof input === 'string' && input.trim() === '') return { ok: true, value: null };
  const zone = zoneOf(options, ctx.timeZone);
  if (!isTimeZone(zone)) return { ok: false, reason: `"${zone}" is not an IANA time zone` };
  let parsed: ParsedDate | string;
  if (ctx.typecast) parsed = parseLooseDate(input, options.dateFormat, ctx.now, zone);
  else if (typeof input === 'string') parsed = parseIsoDate(input);
  else parsed = `expected an ISO 8601 date string, got ${describeInput(input)}`;
  if (typeof parsed === 'string') return { ok: false, reason: parsed };
  const value = toDateValue(parsed, withTime, zone, input);
  return typeof value === 'string' ? { ok: true, value } : { ok: false, reason: value.reason };
}

const datePatterns: Record<DateDisplayOptions['dateFormat'], string> = {
  iso: 'yyyy-MM-dd',
  chinese: "yyyy'年'M'月'd'日'",
  us: 'MM/dd/yyyy',
  european: 'dd/MM/yyyy',
};

function timeText(moment: DateTime, options: DateDisplayOptions): string {
  if (options.timeFormat === '24h') return moment.toFormat('HH:mm');
  if (options.dateFormat === 'chinese') return `${moment.hour < 12 ? '上午' : '下午'}${moment.toFormat('h:mm')}`;
  return moment.setLocale('en-US').toFormat('h:mm a');
}

/**
 * Display text: the date per `dateFormat` and, for instants when `includeTime`, the time per
 * `timeFormat`, both in `zone`. Calendar dates are shown as they are, never shifted by a zone.
 */
export function formatDateValue(value: string, options: DateDisplayOptions, zone: string): string {
  const calendarDate = value.length === 10;
  const moment = calendarDate ? DateTime.fromISO(value, { zone: 'UTC' }) : DateTime.fromISO(value, { zone: 'UTC' }).setZone(zone);
  if (!moment.isValid) return value;
  const datePart = moment.toFormat(datePatterns[options.dateFormat]);
  return calendarDate || !options.includeTime ? datePart : `${datePart} ${timeText(moment, options)}`;
}

export const dateOperators: readonly OperatorKey[] = [
  'is',
  'isBefore',
  'isAfter',
  'isOnOrBefore',
  'isOnOrAfter',
  'isWithin',
  'isEmpty',
  'isNotEmpty',
];
