/**
 * DATETIME_FORMAT and DATETIME_PARSE format strings: moment.js specifiers, as Airtable uses
 * (`YYYY-MM-DD`, `M/D/YYYY h:mm A`, `LL`, `[Week] W`). Text in [brackets], punctuation, digits,
 * spaces and non-Latin letters (`YYYY年M月D日`) are literal; a Latin letter that is no specifier
 * is refused (moment would print it as is, which hides typos like `YYYY-MM-DD at HH:mm` where
 * `a` prints am/pm) — except `T`, the ISO separator. Names are English.
 */
import { DateTime } from 'luxon';

const tokenPattern =
  /\[[^\]]*\]|Mo|MMMM|MMM|MM|M|Qo|Q|DDDD|DDDo|DDD|Do|DD|D|dddd|ddd|do|dd|d|e|E|wo|ww|w|Wo|WW|W|YYYYYY|YYYY|YY|Y|gggg|gg|GGGG|GG|A|a|HH|H|hh|h|kk|k|mm|m|ss|s|S{1,9}|ZZ|Z|zz|z|X|x|LTS|LT|LLLL|LLL|LL|L|llll|lll|ll|l|[\s\S]/gu;

const maxFormatLength = 200;

function tokens(format: string): string[] {
  return format.match(tokenPattern) ?? [];
}

const isSpecifier = (token: string): boolean => /^[A-Za-z]/.test(token) && token !== 'T';

const renderers: Readonly<Record<string, (moment: DateTime) => string>> = {
  M: (t) => String(t.month),
  Mo: (t) => ordinal(t.month),
  MM: (t) => pad(t.month, 2),
  MMM: (t) => t.toFormat('MMM'),
  MMMM: (t) => t.toFormat('MMMM'),
  Q: (t) => String(t.quarter),
  Qo: (t) => ordinal(t.quarter),
  D: (t) => String(t.day),
  Do: (t) => ordinal(t.day),
  DD: (t) => pad(t.day, 2),
  DDD: (t) => String(t.ordinal),
  DDDo: (t) => ordinal(t.ordinal),
  DDDD: (t) => pad(t.ordinal, 3),
  d: (t) => String(t.weekday % 7),
  do: (t) => ordinal(t.weekday % 7),
  dd: (t) => t.toFormat('ccc').slice(0, 2),
  ddd: (t) => t.toFormat('ccc'),
  dddd: (t) => t.toFormat('cccc'),
  e: (t) => String(t.weekday % 7),
  E: (t) => String(t.weekday),
  w: (t) => String(localWeek(t).week),
  wo: (t) => ordinal(localWeek(t).week),
  ww: (t) => pad(localWeek(t).week, 2),
  W: (t) => String(t.weekNumber),
  Wo: (t) => ordinal(t.weekNumber),
  WW: (t) => pad(t.weekNumber, 2),
  Y: (t) => String(t.year),
  YY: (t) => pad(t.year % 100, 2),
  YYYY: (t) => pad(t.year, 4),
  YYYYYY: (t) => `+${pad(t.year, 6)}`,
  gg: (t) => pad(localWeek(t).year % 100, 2),
  gggg: (t) => pad(localWeek(t).year, 4),
  GG: (t) => pad(t.weekYear % 100, 2),
  GGGG: (t) => pad(t.weekYear, 4),
  A: (t) => (t.hour < 12 ? 'AM' : 'PM'),
  a: (t) => (t.hour < 12 ? 'am' : 'pm'),
  H: (t) => String(t.hour),
  HH: (t) => pad(t.hour, 2),
  h: (t) => String(t.hour % 12 || 12),
  hh: (t) => pad(t.hour % 12 || 12, 2),
  k: (t) => String(t.hour || 24),
  kk: (t) => pad(t.hour || 24, 2),
  m: (t) => String(t.minute),
  mm: (t) => pad(t.minute, 2),
  s: (t) => String(t.second),
  ss: (t) => pad(t.second, 2),
  Z: (t) => t.toFormat('ZZ'),
  ZZ: (t) => t.toFormat('ZZZ'),
  z: (t) => t.offsetNameShort ?? t.toFormat('ZZ'),
  zz: (t) => t.offsetNameShort ?? t.toFormat('ZZ'),
  X: (t) => String(Math.floor(t.toMillis() / 1000)),
  x: (t) => String(t.toMillis()),
};

/** moment's English long-date formats. */
const localizedFormats: Readonly<Record<string, string>> = {
  LT: 'h:mm A',
  LTS: 'h:mm:ss A',
  L: 'MM/DD/YYYY',
  LL: 'MMMM D, YYYY',
  LLL: 'MMMM D, YYYY h:mm A',
  LLLL: 'dddd, MMMM D, YYYY h:mm A',
  l: 'M/D/YYYY',
  ll: 'MMM D, YYYY',
  lll: 'MMM D, YYYY h:mm A',
  llll: 'ddd, MMM D, YYYY h:mm A',
};

function pad(value: number, width: number): string {
  return String(Math.abs(value)).padStart(width, '0');
}

function ordinal(value: number): string {
  const tens = value % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][value % 10] ?? 'th');
  return `${value}${suffix}`;
}

/** moment's English (US) week: weeks start on Sunday and week 1 holds January 1st; a week belongs to the year of its Saturday. */
function localWeek(moment: DateTime): { week: number; year: number } {
  const saturday = moment.startOf('day').plus({ days: 6 - (moment.weekday % 7) });
  return { week: Math.floor((saturday.ordinal - 1) / 7) + 1, year: saturday.year };
}

/** Why a format string cannot be used, or undefined. */
export function formatProblem(format: string): string | undefined {
  if (format.length > maxFormatLength) return `a date format is at most ${maxFormatLength} characters`;
  for (const token of tokens(format)) {
    if (token.startsWith('[') || !isSpecifier(token)) continue;
    if (!Object.hasOwn(renderers, token) && !Object.hasOwn(localizedFormats, token) && !/^S+$/.test(token)) {
      return `"${token}" is not a date format specifier (put literal text in [brackets])`;
    }
  }
  return undefined;
}

function renderToken(token: string, moment: DateTime): string {
  if (token.startsWith('[')) return token.slice(1, -1);
  if (!isSpecifier(token)) return token;
  if (Object.hasOwn(renderers, token)) return renderers[token]!(moment);
  if (Object.hasOwn(localizedFormats, token)) return formatDateTime(moment, localizedFormats[token]!);
  if (/^S+$/.test(token)) return pad(moment.millisecond, 3).padEnd(token.length, '0').slice(0, token.length);
  return token;
}

/** A date in its zone as text; call `formatProblem` first — unknown letters are printed as is. */
export function formatDateTime(moment: DateTime, format: string): string {
  const english = moment.setLocale('en-US');
  return tokens(format)
    .map((token) => renderToken(token, english))
    .join('');
}

/** moment tokens → luxon tokens for reading; lenient widths (MM reads "3" too) as moment does. */
const parseTokens: Readonly<Record<string, string>> = {
  YYYY: 'yyyy',
  YY: 'yy',
  Y: 'y',
  M: 'M',
  MM: 'M',
  MMM: 'MMM',
  MMMM: 'MMMM',
  D: 'd',
  DD: 'd',
  H: 'H',
  HH: 'H',
  h: 'h',
  hh: 'h',
  m: 'm',
  mm: 'm',
  s: 's',
  ss: 's',
  A: 'a',
  a: 'a',
  Z: 'ZZ',
  ZZ: 'ZZZ',
  X: 'X',
  x: 'x',
  ddd: 'EEE',
  dddd: 'EEEE',
};

function luxonLiteral(text: string): string {
  return text === '' ? '' : `'${text.replaceAll("'", "''")}'`;
}

/** The luxon format for reading with a moment format, or the reason it cannot read. */
export function parsingFormat(format: string): string | { problem: string } {
  const problem = formatProblem(format);
  if (problem) return { problem };
  let result = '';
  for (const token of tokens(format)) {
    if (token.startsWith('[')) result += luxonLiteral(token.slice(1, -1));
    else if (!isSpecifier(token)) result += luxonLiteral(token);
    else if (Object.hasOwn(parseTokens, token)) result += parseTokens[token];
    else if (/^S+$/.test(token)) result += 'u';
    else return { problem: `"${token}" cannot be used to read dates` };
  }
  return result;
}
