/**
 * Small parsing helpers shared by the field types' `cast`: blank detection, full-width → half-width
 * folding (Chinese IMEs type `１２３`, `，`, `％`), text hygiene both SQL dialects need, and the loose
 * number grammar used by number, rating, duration and auto number. Pure functions, no field knowledge.
 */

/** True for null, undefined, '' and whitespace-only strings: the inputs every type treats as an empty cell. */
export function isBlank(input: unknown): boolean {
  return input === null || input === undefined || (typeof input === 'string' && input.trim() === '');
}

/**
 * Folds full-width ASCII (U+FF01–U+FF5E) to ASCII, the ideographic space to a space, `￥` to `¥`
 * and the minus sign `−` to `-`. Other characters (CJK text) are kept.
 */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000\uFFE5\u2212]/g, (char) => {
    if (char === '\u3000') return ' ';
    if (char === '\uFFE5') return '¥';
    if (char === '\u2212') return '-';
    return String.fromCharCode(char.charCodeAt(0) - 0xfee0);
  });
}

/** Trimmed, half-width text of a loose string input. */
export function looseText(text: string): string {
  return toHalfWidth(text).trim();
}

const lonelySurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text both dialects can store: PostgreSQL refuses NUL in text and JSON, and lone UTF-16
 * surrogates are not UTF-8. Strict input with them is refused; loose input has NUL removed and
 * lone surrogates replaced by U+FFFD.
 */
export function cleanText(text: string, typecast: boolean): { ok: true; text: string } | { ok: false; reason: string } {
  const hasNul = text.includes('\u0000');
  const hasLonelySurrogate = text.search(lonelySurrogate) !== -1;
  if (!hasNul && !hasLonelySurrogate) return { ok: true, text };
  if (!typecast) {
    return { ok: false, reason: hasNul ? 'text cannot contain the NUL character' : 'text contains an unpaired UTF-16 surrogate' };
  }
  return { ok: true, text: text.replaceAll('\u0000', '').replace(lonelySurrogate, '\uFFFD') };
}

/** A number read from loose text; `percent` when it carried a `%` sign (the value is then already divided by 100). */
export interface LooseNumber {
  value: number;
  percent: boolean;
}

const currencyPrefixes = ['¥', '$', '€', '£', '₹', '₩', '₽', 'US$', 'HK$', 'RMB', 'CNY', 'USD'];
const currencySuffixes = ['元', '¥', '€', 'RMB', 'CNY', 'USD'];
// Digits with correctly placed thousands commas (or none), an optional fraction and exponent.
const numberBody = /^(?:(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d{1,4}))?$/;

function stripAffix(text: string, affixes: readonly string[], at: 'start' | 'end'): [string, boolean] {
  for (const affix of affixes) {
    const matches = at === 'start' ? text.toUpperCase().startsWith(affix) : text.toUpperCase().endsWith(affix);
    if (matches) return [(at === 'start' ? text.slice(affix.length) : text.slice(0, -affix.length)).trim(), true];
  }
  return [text, false];
}

function stripSign(text: string): [string, number] {
  if (text.startsWith('-')) return [text.slice(1).trim(), -1];
  if (text.startsWith('+')) return [text.slice(1).trim(), 1];
  return [text, 1];
}

/**
 * Reads a number typed by a person: ` 1,234.5 `, `１２３`, `-12`, `+3`, `1e3`, `50%` (→ 0.5),
 * `¥1,234.50`, `$12`, `12元`, and `(12)` meaning -12 (the accounting habit of spreadsheets).
 * Thousands commas must sit in groups of three, so `1,5` (a European decimal) is refused rather
 * than read as 15. Returns undefined when the text is not a finite number.
 */
export function parseLooseNumber(input: string): LooseNumber | undefined {
  let text = looseText(input);
  let sign = 1;
  const accounting = /^\((.*)\)$/.exec(text);
  if (accounting) {
    text = accounting[1]!.trim();
    sign = -1;
  }
  let innerSign: number;
  [text, innerSign] = stripSign(text);
  let hasCurrency: boolean;
  [text, hasCurrency] = stripAffix(text, currencyPrefixes, 'start');
  if (hasCurrency && innerSign === 1) [text, innerSign] = stripSign(text);
  if (accounting && innerSign === -1) return undefined; // "(-12)" has no sensible reading
  sign *= innerSign;
  let percent = false;
  if (text.endsWith('%')) {
    percent = true;
    text = text.slice(0, -1).trim();
  } else if (!hasCurrency) {
    [text] = stripAffix(text, currencySuffixes, 'end');
  }
  const match = numberBody.exec(text);
  if (!match) return undefined;
  const [, whole, fraction, bareFraction, exponent] = match;
  const mantissa = whole !== undefined ? `${whole.replaceAll(',', '')}.${fraction ?? ''}` : `0.${bareFraction}`;
  // Shift the decimal point in the text, not by dividing, so `14.2%` is exactly 0.142.
  const power = Number(exponent ?? 0) - (percent ? 2 : 0);
  const value = sign * Number(`${mantissa}0e${power}`);
  if (!Number.isFinite(value)) return undefined;
  return { value: value === 0 ? 0 : value, percent };
}

/** `value` × 10^places computed on the decimal text, so 0.145 → 14.5 exactly (not 14.499999999999998). */
export function shiftDecimal(value: number, places: number): number {
  if (!Number.isFinite(value)) return value;
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/** `value` rounded half away from zero to `places` decimals, computed on the decimal text (1.005 → 1.01). */
export function roundDecimal(value: number, places: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const rounded = sign * shiftDecimal(Math.round(shiftDecimal(Math.abs(value), places)), -places);
  return rounded === 0 ? 0 : rounded;
}

/** `1234567.5` with 2 places → `1,234,567.50`. Falls back to plain text past 1e21, where digits stop being exact. */
export function formatGrouped(value: number, places: number): string {
  const rounded = roundDecimal(value, places);
  if (Math.abs(rounded) >= 1e21) return String(rounded);
  const [whole, fraction] = Math.abs(rounded).toFixed(places).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Splits loose list text on `,`, `，`, `、`, `;`, `；` and line breaks, dropping empty pieces. */
export function splitList(text: string): string[] {
  return text
    .split(/[,，、;；\r\n]+/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
}

/** The first `limit` characters of a value for an error message, so refusals name what was wrong. */
export function describeInput(input: unknown, limit = 40): string {
  let text: string;
  try {
    text = typeof input === 'string' ? JSON.stringify(input) : (JSON.stringify(input) ?? String(input));
  } catch {
    text = String(input);
  }
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}
