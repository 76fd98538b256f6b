/**
 * Reading dates people and programs send. Produces either a wall-clock reading (no offset given:
 * the caller places it in the field's zone) or an exact instant. Strict input is ISO 8601
 * (`2026-03-05`, `2026-03-05T14:30`, `2026-03-05T14:30:00.000+08:00`, `…Z`). Loose input adds
 * `2026年3月5日 14:30`, `2026/3/5`, `2026.3.5`, day/month orders (`3/5/2026`), month names
 * (`Mar 5, 2026`), 12-hour times (`2:30 PM`, `下午2点30分`), RFC 2822 / HTTP dates, epoch
 * milliseconds, full-width digits and `today`/`今天`, `yesterday`/`昨天`, `tomorrow`/`明天`, `now`/`现在`.
 * Calendar validity (2026-02-30) is checked here; time zones are applied in ./date-values.ts.
 */
import { DateTime } from 'luxon';
import { describeInput, looseText } from './cast-helpers';

export type DateOrder = 'iso' | 'chinese' | 'us' | 'european';

export interface WallClock {
  year: number;
  month: number;
  day: number;
  /** Absent when only a date was given. */
  time?: { hour: number; minute: number; second: number; millisecond: number };
}

export type ParsedDate = { kind: 'wallClock'; wallClock: WallClock } | { kind: 'instant'; millis: number };

/** Text or a refusal reason. */
type Parse<T> = T | string;

const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

function validWallClock(wallClock: WallClock, input: unknown): Parse<WallClock> {
  const { year, month, day, time } = wallClock;
  if (year < 1 || year > 9999) return `${describeInput(input)}: the year must be 1 to 9999`;
  if (!DateTime.fromObject({ year, month, day }, { zone: 'UTC' }).isValid) return `${describeInput(input)} is not a valid date`;
  if (time && (time.hour > 23 || time.minute > 59 || time.second > 59)) return `${describeInput(input)} is not a valid time`;
  return wallClock;
}

function offsetMinutes(offset: string): number | undefined {
  if (offset === 'Z' || offset === 'z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  if (Number(match[2]) > 18 || Number(match[3] ?? 0) > 59) return undefined;
  return match[1] === '-' ? -minutes : minutes;
}

/** A wall clock plus an optional offset becomes a reading: an instant when the offset is known. */
function withOffset(wallClock: WallClock, offset: string | undefined, input: unknown): Parse<ParsedDate> {
  const valid = validWallClock(wallClock, input);
  if (typeof valid === 'string') return valid;
  if (offset === undefined) return { kind: 'wallClock', wallClock: valid };
  const minutes = offsetMinutes(offset);
  if (minutes === undefined) return `${describeInput(input)} has an invalid UTC offset "${offset}"`;
  const { year, month, day, time = { hour: 0, minute: 0, second: 0, millisecond: 0 } } = valid;
  const utc = DateTime.fromObject({ year, month, day, ...time }, { zone: 'UTC' }).toMillis();
  return { kind: 'instant', millis: utc - minutes * 60_000 };
}

function milliseconds(fraction: string | undefined): number {
  return fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
}

/** Strict ISO 8601 date or date-time. */
export function parseIsoDate(text: string): Parse<ParsedDate> {
  const match = isoPattern.exec(text.trim());
  if (!match) return `${describeInput(text)} is not an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:mm:ss.sssZ)`;
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const time =
    hour === undefined
      ? undefined
      : { hour: Number(hour), minute: Number(minute), second: Number(second ?? 0), millisecond: milliseconds(fraction) };
  return withOffset({ year: Number(year), month: Number(month), day: Number(day), time }, offset, text);
}

const morningWords = /^(上午|早上|凌晨|早晨)/;
const afternoonWords = /^(下午|晚上|中午|傍晚)/;

/** The time part after a loose date: `14:30`, `14:30:15.5`, `2:30 PM`, `下午2点30分`, `14时`, with an optional offset. */
function parseLooseTime(rest: string): Parse<{ time?: WallClock['time']; offset?: string }> {
  let text = rest.trim().replace(/^[Tt]\s*/, '');
  if (text === '') return {};
  let offset: string | undefined;
  const offsetMatch = /\s*(Z|z|[+-]\d{2}(?::?\d{2})?)$/.exec(text);
  if (offsetMatch) {
    offset = offsetMatch[1];
    text = text.slice(0, offsetMatch.index).trim();
  }
  let meridiem: 'am' | 'pm' | undefined;
  if (morningWords.test(text)) meridiem = 'am';
  else if (afternoonWords.test(text)) meridiem = 'pm';
  text = text.replace(morningWords, '').replace(afternoonWords, '').trim();
  const suffix = /\s*([ap])\.?m\.?$/i.exec(text);
  if (suffix) {
    meridiem = suffix[1]!.toLowerCase() === 'a' ? 'am' : 'pm';
    text = text.slice(0, suffix.index).trim();
  }
  const clock =
    /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/.exec(text) ??
    /^(\d{1,2})[时點点](?:(\d{1,2})分(?:钟)?)?(?:(\d{1,2})秒)?()$/.exec(text) ??
    (meridiem ? /^(\d{1,2})()()()$/.exec(text) : null);
  if (!clock) return `"${rest.trim()}" is not a time`;
  let hour = Number(clock[1]);
  if (meridiem) {
    if (hour < 1 || hour > 12) return `"${rest.trim()}" is not a 12-hour time`;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  return {
    time: { hour, minute: Number(clock[2] || 0), second: Number(clock[3] || 0), millisecond: milliseconds(clock[4] || undefined) },
    offset,
  };
}

const relativeDays: Record<string, number> = { today: 0, 今天: 0, yesterday: -1, 昨天: -1, tomorrow: 1, 明天: 1 };
const monthNameFormats = ['MMM d, yyyy', 'MMMM d, yyyy', 'MMM d yyyy', 'MMMM d yyyy', 'd MMM yyyy', 'd MMMM yyyy'];

/** Year-first (`2026-3-5`, `2026/3/5`, `2026.3.5`, `2026年3月5日`) or year-last (`3/5/2026`) dates, then a time. */
function parseNumericDate(text: string, order: DateOrder, input: unknown): Parse<ParsedDate> | undefined {
  const yearFirst =
    /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(.*)$/.exec(text) ?? /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])(.*)$/.exec(text);
  let year: number, month: number, day: number, rest: string;
  if (yearFirst) {
    const parts = yearFirst.length === 5 ? yearFirst.slice(1) : [yearFirst[1], yearFirst[3], yearFirst[4], yearFirst[5]];
    [year, month, day] = parts.slice(0, 3).map(Number) as [number, number, number];
    rest = parts[3] ?? '';
  } else {
    const yearLast = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\d])(.*)$/.exec(text);
    if (!yearLast) return undefined;
    const [first, second] = [Number(yearLast[1]), Number(yearLast[3])];
    year = Number(yearLast[4]);
    rest = yearLast[5] ?? '';
    const monthFirst = order === 'us' || (order !== 'european' && (second > 12 || first === second));
    const dayFirst = order === 'european' || (order !== 'us' && first > 12);
    if (!monthFirst && !dayFirst) {
      return `${describeInput(input)} is ambiguous (day/month or month/day?); write YYYY-MM-DD or set the field's date format to us or european`;
    }
    [month, day] = monthFirst ? [first, second] : [second, first];
  }
  const time = parseLooseTime(rest);
  if (typeof time === 'string') return time;
  return withOffset({ year, month, day, time: time.time }, time.offset, input);
}

/**
 * Loose date input. `order` settles `3/5/2026`: month first for `us`, day first for `european`;
 * for `iso` and `chinese` only an unambiguous reading (one number above 12) is accepted.
 */
export function parseLooseDate(input: unknown, order: DateOrder, now: Date, zone: string): Parse<ParsedDate> {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || !Number.isInteger(input)) return `${input} is not a time in epoch milliseconds`;
    return { kind: 'instant', millis: input };
  }
  if (typeof input !== 'string') return `expected a date, got ${describeInput(input)}`;
  const text = looseText(input).replace(/\s+/g, ' ');
  const lower = text.toLowerCase();
  if (lower === 'now' || lower === '现在') return { kind: 'instant', millis: now.getTime() };
  const offsetDays = relativeDays[lower];
  if (offsetDays !== undefined) {
    const day = DateTime.fromJSDate(now, { zone }).plus({ days: offsetDays });
    return { kind: 'wallClock', wallClock: { year: day.year, month: day.month, day: day.day } };
  }
  const iso = parseIsoDate(text);
  if (typeof iso !== 'string') return iso;
  const numeric = parseNumericDate(text, order, input);
  if (numeric !== undefined) return numeric;
  for (const format of monthNameFormats) {
    const named = DateTime.fromFormat(text, format, { locale: 'en-US', zone: 'UTC' });
    if (named.isValid) return withOffset({ year: named.year, month: named.month, day: named.day }, undefined, input);
  }
  const rfc = DateTime.fromRFC2822(text);
  if (rfc.isValid) return { kind: 'instant', millis: rfc.toMillis() };
  const http = DateTime.fromHTTP(text);
  if (http.isValid) return { kind: 'instant', millis: http.toMillis() };
  return `${describeInput(input)} is not a date`;
}
