/**
 * Regular expressions for REGEX_MATCH, REGEX_EXTRACT and REGEX_REPLACE, on re2js: a JavaScript
 * port of RE2, the engine (and syntax) Airtable's regex functions use. RE2 matches in time linear
 * in the input — no catastrophic backtracking, whatever the pattern — because it has no
 * backreferences or lookaround; patterns using them are refused with RE2's message. On top of
 * that, pattern length, compiled program size, input length and replacement length are capped
 * (../limits.ts), and each run is charged to the evaluation's step budget in proportion to input
 * length × program size (RE2's worst case), *before* it runs: 100,000 steps buy about 6.4 × 10⁶
 * units, about 100 ms of the slowest (capturing) matcher on a 2-core CI machine. Compiled patterns are cached.
 */
import { RE2JS } from 're2js';
import { formulaLimits } from '../limits';
import { formulaError, type FormulaError } from '../values';

const maxProgramSize = 10_000;
const cache = new Map<string, RE2JS | FormulaError>();
const cacheSize = 200;

/** The compiled pattern, or #ERROR naming what is wrong with it. */
export function compileRegex(pattern: string): RE2JS | FormulaError {
  const cached = cache.get(pattern);
  if (cached) return cached;
  let compiled: RE2JS | FormulaError;
  if (pattern.length > formulaLimits.maxRegexLength) {
    compiled = formulaError('#LIMIT', `the regular expression is longer than ${formulaLimits.maxRegexLength} characters`);
  } else {
    try {
      const regex = RE2JS.compile(pattern);
      compiled = regex.programSize() > maxProgramSize ? formulaError('#LIMIT', 'the regular expression is too complex') : regex;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      compiled = formulaError('#ERROR', `invalid regular expression (RE2 syntax; no backreferences or lookaround): ${message}`);
    }
  }
  if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
  cache.set(pattern, compiled);
  return compiled;
}

export function checkRegexInput(text: string): FormulaError | undefined {
  if (text.length <= formulaLimits.maxRegexInput) return undefined;
  return formulaError('#LIMIT', `regular expressions run on at most ${formulaLimits.maxRegexInput} characters`);
}

/** Steps to charge before running `regex` over `text`: its worst-case work, input length × program size, per 64. */
export function regexCost(regex: RE2JS, text: string): number {
  return Math.ceil(((text.length + 1) * regex.programSize()) / 64);
}

/** Pieces of a replacement: literal text, or a group number (0 = the whole match). */
type ReplacementPart = string | number;

/**
 * Parses a replacement: `$0` or `$&` is the whole match, `$1`…`$99` a group (two digits only
 * when that group exists), `$$` a dollar sign; any other `$` is literal.
 */
function parseReplacement(replacement: string, groupCount: number): ReplacementPart[] {
  const parts: ReplacementPart[] = [];
  let literal = '';
  for (const piece of replacement.split(/(\$\$|\$&|\$\d{1,2})/)) {
    let group: number | undefined;
    let rest = '';
    if (piece === '$$') literal += '$';
    else if (piece === '$&') group = 0;
    else if (/^\$\d{1,2}$/.test(piece)) {
      const digits = piece.slice(1);
      if (Number(digits) <= groupCount) group = Number(digits);
      else if (digits.length === 2 && Number(digits[0]) <= groupCount) [group, rest] = [Number(digits[0]), digits[1]!];
      else literal += piece;
    } else literal += piece;
    if (group === undefined) continue;
    if (literal) parts.push(literal);
    parts.push(group);
    literal = rest;
  }
  if (literal) parts.push(literal);
  return parts;
}

/** Replaces every match; #LIMIT when the result would pass the text limit. `onMatch` is charged per match. */
export function replaceAllMatches(regex: RE2JS, text: string, replacement: string, onMatch: () => void): string | FormulaError {
  if (replacement.length > formulaLimits.maxReplacementLength) {
    return formulaError('#LIMIT', `the replacement is longer than ${formulaLimits.maxReplacementLength} characters`);
  }
  const matcher = regex.matcher(text);
  const parts = parseReplacement(replacement, matcher.groupCount());
  let result = '';
  let copiedUpTo = 0;
  while (matcher.find()) {
    onMatch();
    result += text.slice(copiedUpTo, matcher.start());
    for (const part of parts) result += typeof part === 'string' ? part : (matcher.group(part) ?? '');
    copiedUpTo = matcher.end();
    if (result.length > formulaLimits.maxTextLength) break;
  }
  result += text.slice(copiedUpTo);
  if (result.length > formulaLimits.maxTextLength) {
    return formulaError('#LIMIT', `the text would be longer than ${formulaLimits.maxTextLength} characters`);
  }
  return result;
}
