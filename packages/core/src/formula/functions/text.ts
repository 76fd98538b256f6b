/**
 * Text functions, with Airtable's names and argument orders. Positions are 1-based and count
 * code points (./characters.ts). Any value is accepted as text (numbers as a spreadsheet shows
 * them, blank as ""). FIND is case-sensitive and gives 0 when absent; SEARCH ignores case and
 * gives blank when absent (Airtable's difference between the two). Regex functions use RE2
 * syntax, as Airtable's do (./safe-regex.ts); REGEX_EXTRACT gives blank when nothing matches.
 */
import { checkedText, textTooLong, toCount, toNumber, valueToText } from '../coerce';
import { formulaLimits } from '../limits';
import { formulaError, isFormulaError, type FormulaError, type FormulaValue } from '../values';
import { codePointIndexOf, codePointLength, codePoints, foldCase, offsetOfCodePoint } from './characters';
import { param, type FunctionTable } from './function-definition';
import { checkRegexInput, compileRegex, regexCost, replaceAllMatches } from './safe-regex';

const text = (value: FormulaValue | undefined): string => (value === undefined ? '' : valueToText(value));

/** A 1-based start position argument: at least 1, or #VALUE. */
function startPosition(value: FormulaValue | undefined, what: string): number | FormulaError {
  if (value === undefined || value === null) return 1;
  const number = toNumber(value);
  if (typeof number !== 'number') return number;
  if (number < 1) return formulaError('#VALUE', `${what} must be 1 or more (got ${number})`);
  return Math.floor(number);
}

/** 1-based code-point position of `needle` in `haystack` from `start`, or 0. */
function findPosition(haystack: string, needle: string, start: number, ignoreCase: boolean): number {
  if (start - 1 > codePointLength(haystack)) return 0;
  const from = offsetOfCodePoint(haystack, start - 1);
  const offset = ignoreCase ? foldCase(haystack).indexOf(foldCase(needle), from) : haystack.indexOf(needle, from);
  return offset < 0 ? 0 : codePointIndexOf(haystack, offset) + 1;
}

export const textFunctions: FunctionTable = {
  CONCATENATE: {
    params: [param.repeating('text', 'text')],
    result: 'text',
    call: (args) => checkedText(args.map(text).join('')),
  },
  LEFT: {
    params: [param.required('text', 'text'), param.optional('count', 'number')],
    result: 'text',
    call([value, count]) {
      const n = count === undefined ? 1 : toCount(count, 'LEFT count');
      return typeof n === 'number' ? text(value).slice(0, offsetOfCodePoint(text(value), n)) : n;
    },
  },
  RIGHT: {
    params: [param.required('text', 'text'), param.optional('count', 'number')],
    result: 'text',
    call([value, count]) {
      const n = count === undefined ? 1 : toCount(count, 'RIGHT count');
      if (typeof n !== 'number') return n;
      const all = text(value);
      const length = codePointLength(all);
      return all.slice(offsetOfCodePoint(all, Math.max(0, length - n)));
    },
  },
  MID: {
    params: [param.required('text', 'text'), param.required('start', 'number'), param.required('count', 'number')],
    result: 'text',
    call([value, start, count]) {
      const from = startPosition(start, 'MID start');
      if (typeof from !== 'number') return from;
      const n = toCount(count!, 'MID count');
      if (typeof n !== 'number') return n;
      const all = text(value);
      const begin = offsetOfCodePoint(all, from - 1);
      return all.slice(begin, begin + offsetOfCodePoint(all.slice(begin), n));
    },
  },
  LEN: { params: [param.required('text', 'text')], result: 'number', call: ([value]) => codePointLength(text(value)) },
  LOWER: { params: [param.required('text', 'text')], result: 'text', call: ([value]) => text(value).toLowerCase() },
  UPPER: { params: [param.required('text', 'text')], result: 'text', call: ([value]) => checkedText(text(value).toUpperCase()) },
  TRIM: { params: [param.required('text', 'text')], result: 'text', call: ([value]) => text(value).trim() },
  FIND: {
    params: [param.required('needle', 'text'), param.required('haystack', 'text'), param.optional('start', 'number')],
    result: 'number',
    call([needle, haystack, start]) {
      const from = startPosition(start, 'FIND start');
      return typeof from === 'number' ? findPosition(text(haystack), text(needle), from, false) : from;
    },
  },
  SEARCH: {
    params: [param.required('needle', 'text'), param.required('haystack', 'text'), param.optional('start', 'number')],
    result: 'number',
    call([needle, haystack, start]) {
      const from = startPosition(start, 'SEARCH start');
      if (typeof from !== 'number') return from;
      const found = findPosition(text(haystack), text(needle), from, true);
      return found === 0 ? null : found;
    },
  },
  SUBSTITUTE: {
    params: [param.required('text', 'text'), param.required('old', 'text'), param.required('new', 'text'), param.optional('occurrence', 'number')],
    result: 'text',
    call([value, oldValue, newValue, occurrence], ctx) {
      const [all, old, replacement] = [text(value), text(oldValue), text(newValue)];
      if (old === '') return all;
      const pieces = all.split(old);
      ctx.charge(pieces.length);
      if (occurrence !== undefined && occurrence !== null) {
        const nth = startPosition(occurrence, 'SUBSTITUTE occurrence');
        if (typeof nth !== 'number') return nth;
        if (nth >= pieces.length) return all;
        return checkedText(pieces.slice(0, nth).join(old) + replacement + pieces.slice(nth).join(old));
      }
      const length = all.length + (pieces.length - 1) * (replacement.length - old.length);
      return length > formulaLimits.maxTextLength ? textTooLong() : pieces.join(replacement);
    },
  },
  REPLACE: {
    params: [param.required('text', 'text'), param.required('start', 'number'), param.required('count', 'number'), param.required('replacement', 'text')],
    result: 'text',
    call([value, start, count, replacement]) {
      const from = startPosition(start, 'REPLACE start');
      if (typeof from !== 'number') return from;
      const n = toCount(count!, 'REPLACE count');
      if (typeof n !== 'number') return n;
      const chars = codePoints(text(value));
      return checkedText(chars.slice(0, from - 1).join('') + text(replacement) + chars.slice(from - 1 + n).join(''));
    },
  },
  REPT: {
    params: [param.required('text', 'text'), param.required('times', 'number')],
    result: 'text',
    call([value, times]) {
      const n = toCount(times!, 'REPT times');
      if (typeof n !== 'number') return n;
      const unit = text(value);
      return unit.length * n > formulaLimits.maxTextLength ? textTooLong() : unit.repeat(n);
    },
  },
  T: {
    params: [param.required('value', 'any')],
    result: 'text',
    call: ([value]) => (typeof value === 'string' ? value : null),
  },
  ENCODE_URL_COMPONENT: {
    params: [param.required('text', 'text')],
    result: 'text',
    call([value]) {
      try {
        return checkedText(encodeURIComponent(text(value)));
      } catch {
        return formulaError('#VALUE', 'the text contains an unpaired UTF-16 surrogate');
      }
    },
  },
  REGEX_MATCH: {
    params: [param.required('text', 'text'), param.required('pattern', 'text')],
    result: 'boolean',
    call([value, pattern], ctx) {
      const regex = compileRegex(text(pattern));
      if (isFormulaError(regex)) return regex;
      const input = text(value);
      const tooLong = checkRegexInput(input);
      if (tooLong) return tooLong;
      ctx.charge(regexCost(regex, input));
      return regex.matcher(input).find();
    },
  },
  REGEX_EXTRACT: {
    params: [param.required('text', 'text'), param.required('pattern', 'text')],
    result: 'text',
    call([value, pattern], ctx) {
      const regex = compileRegex(text(pattern));
      if (isFormulaError(regex)) return regex;
      const input = text(value);
      const tooLong = checkRegexInput(input);
      if (tooLong) return tooLong;
      ctx.charge(regexCost(regex, input));
      const matcher = regex.matcher(input);
      return matcher.find() ? matcher.group() : null;
    },
  },
  REGEX_REPLACE: {
    params: [param.required('text', 'text'), param.required('pattern', 'text'), param.required('replacement', 'text')],
    result: 'text',
    call([value, pattern, replacement], ctx) {
      const regex = compileRegex(text(pattern));
      if (isFormulaError(regex)) return regex;
      const input = text(value);
      const tooLong = checkRegexInput(input);
      if (tooLong) return tooLong;
      ctx.charge(regexCost(regex, input));
      return replaceAllMatches(regex, input, text(replacement), () => ctx.charge(1));
    },
  },
};
