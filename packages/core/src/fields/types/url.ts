/**
 * URL. Value: an absolute `http:`, `https:`, `mailto:` or `tel:` URL, trimmed, scheme lower-cased.
 * Anything a browser could run or that reads local data (`javascript:`, `data:`, `vbscript:`,
 * `file:`, …) is refused at write time (RELIABILITY A4.3), however disguised: the scheme is read
 * from the very start of the text, and control characters, whitespace, quotes, angle brackets and
 * backslashes are refused anywhere (browsers drop tabs and newlines inside schemes, so
 * `java\tscript:` would otherwise run; `&#106;avascript:` has no scheme and is refused as relative).
 * Loose input folds full-width characters (so `ｊａｖａｓｃｒｉｐｔ:` is caught as `javascript:`),
 * percent-encodes inner spaces, and reads a bare host (`example.com/x`) as `https://example.com/x`.
 */
import { Type } from '@sinclair/typebox';
import { describeInput, toHalfWidth } from '../cast-helpers';
import type { FieldTypeDefinition } from '../field-type';
import { compareText, readTextInput, textOperators } from '../text-helpers';

export type UrlOptions = Record<string, never>;

export const allowedUrlSchemes = ['http', 'https', 'mailto', 'tel'] as const;
export const maxUrlLength = 4096;

// C0 and C1 controls, whitespace (including Unicode spaces), quotes, angle brackets, backslash, backtick.
const forbiddenCharacter = /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff"'<>\\`]/;
const schemePrefix = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
const hostPart = /^(?:\[[0-9a-fA-F:.]+\]|[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*)(?::\d{1,5})?$/u;
const bareHost = /^(?:[\p{L}\p{N}-]+\.)+\p{L}{2,63}(?::\d{1,5})?(?:[/?#]|$)/u;

/** Why `url` (scheme already lower-cased) is not an allowed absolute URL, or undefined when it is. */
function problemWith(url: string): string | undefined {
  if (url.length > maxUrlLength) return `a URL has at most ${maxUrlLength} characters`;
  if (forbiddenCharacter.test(url)) return 'a URL cannot contain spaces, control characters, quotes, < > or \\';
  const scheme = schemePrefix.exec(url)?.[1];
  if (scheme === undefined) return 'a URL must start with http://, https://, mailto: or tel:';
  if (!(allowedUrlSchemes as readonly string[]).includes(scheme)) {
    return `the "${scheme}:" scheme is not allowed; use http, https, mailto or tel`;
  }
  const rest = url.slice(scheme.length + 1);
  if (scheme === 'http' || scheme === 'https') {
    const authorityMatch = /^\/\/([^/?#]*)/.exec(rest);
    if (!authorityMatch) return `${scheme}: URLs need a host (${scheme}://example.com)`;
    const host = authorityMatch[1]!.slice(authorityMatch[1]!.lastIndexOf('@') + 1);
    if (!hostPart.test(host)) return `"${host}" is not a host name`;
    return undefined;
  }
  if (scheme === 'mailto') return /^[^@]+@[^@]+/.test(rest) ? undefined : 'a mailto: URL needs an address';
  return /\d/.test(rest) ? undefined : 'a tel: URL needs a number';
}

function looseUrl(text: string): string {
  let url = toHalfWidth(text).trim().replace(/ /g, '%20');
  const scheme = schemePrefix.exec(url)?.[1]?.toLowerCase();
  const isAllowedScheme = scheme !== undefined && (allowedUrlSchemes as readonly string[]).includes(scheme);
  if (!isAllowedScheme && bareHost.test(url)) url = `https://${url}`;
  else if (url.startsWith('//') && bareHost.test(url.slice(2))) url = `https:${url}`;
  return url;
}

function lowerCaseScheme(url: string): string {
  return url.replace(schemePrefix, (prefix) => prefix.toLowerCase());
}

export const url: FieldTypeDefinition<UrlOptions, string> = {
  type: 'url',
  optionsSchema: Type.Object({}, { additionalProperties: false }),
  // No `format: 'uri'`: hosts like 例子.中国 are IRIs, which ajv's uri format refuses.
  valueSchema: () => Type.String({ pattern: '^(https?|mailto|tel):', maxLength: maxUrlLength }),
  storage: { kind: 'text' },
  writable: true,
  cast(input, _options, ctx) {
    const read = readTextInput(input, ctx.typecast);
    if (!read.ok || read.text === null) return read.ok ? { ok: true, value: null } : read;
    const value = lowerCaseScheme(ctx.typecast ? looseUrl(read.text) : read.text.trim());
    const problem = problemWith(value);
    return problem ? { ok: false, reason: `${describeInput(read.text)}: ${problem}` } : { ok: true, value };
  },
  format: (value) => value,
  operators: textOperators,
  compare: compareText,
};
