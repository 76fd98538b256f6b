/**
 * COUNTIF / SUMIF conditions, as Excel and Feishu Bitable read them:
 * - a number, boolean or date condition matches items equal to it (`=` semantics);
 * - text starting with `>=`, `<=`, `<>`, `!=`, `>`, `<` or `=` compares with the rest
 *   (`">5"`, `"<>done"`), numerically when the rest reads as a number;
 * - other text matches items whose text equals it ignoring case, where `*` stands for any run of
 *   characters and `?` for one, and `~*`, `~?` are literal (matched by RE2 in linear time, each
 *   item charged to the step budget, so `*a*a*a*b` cannot backtrack);
 * - blank or "" matches blank items.
 */
import { RE2JS } from 're2js';
import { textToNumber, valueToText } from '../coerce';
import type { DateSettings } from '../date-coercion';
import { compareValues, valuesEqual } from '../operations';
import { isBlankValue, isFormulaError, type FormulaError, type FormulaScalar, type FormulaValue } from '../values';
import type { CallContext } from './function-definition';
import { compileRegex, regexCost } from './safe-regex';

export type Criterion = (item: FormulaScalar) => boolean;

const comparators: readonly (readonly [string, (order: number) => boolean])[] = [
  ['>=', (order) => order >= 0],
  ['<=', (order) => order <= 0],
  ['<>', (order) => order !== 0],
  ['!=', (order) => order !== 0],
  ['>', (order) => order > 0],
  ['<', (order) => order < 0],
  ['=', (order) => order === 0],
];

/** RE2 pattern for a wildcard condition: `*` any run, `?` one character, `~*` and `~?` literal; whole text, any case. */
function wildcardPattern(text: string): string {
  let source = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '~' && (text[i + 1] === '*' || text[i + 1] === '?')) {
      source += RE2JS.quote(text[i + 1]!);
      i++;
    } else if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else source += RE2JS.quote(char);
  }
  return `(?is)^${source}$`;
}

/** The test a condition stands for, or the error of a wildcard pattern too long to compile. */
export function criterionOf(condition: FormulaValue, ctx: CallContext): Criterion | FormulaError {
  const settings: DateSettings = ctx;
  if (isBlankValue(condition)) return (item) => isBlankValue(item);
  if (typeof condition !== 'string') return (item) => !isBlankValue(item) && valuesEqual(item, condition, settings);
  const operator = comparators.find(([symbol]) => condition.startsWith(symbol));
  if (operator) {
    const [symbol, test] = operator;
    const rest = condition.slice(symbol.length).trim();
    const operand: FormulaValue = textToNumber(rest) ?? rest;
    const notEqual = symbol === '<>' || symbol === '!=';
    if (rest === '') return (item) => (symbol === '=' ? isBlankValue(item) : notEqual && !isBlankValue(item));
    return (item) => {
      if (isBlankValue(item)) return notEqual;
      const order = typeof operand === 'string' ? compareCaseless(item, operand, settings) : compareValues(item, operand, settings);
      return order !== undefined && test(order);
    };
  }
  const numeric = textToNumber(condition);
  if (numeric !== undefined) return (item) => !isBlankValue(item) && valuesEqual(item, numeric, settings);
  const pattern = compileRegex(wildcardPattern(condition));
  if (isFormulaError(pattern)) return pattern;
  return (item) => {
    if (isBlankValue(item)) return false;
    const text = valueToText(item);
    ctx.charge(regexCost(pattern, text));
    return pattern.matcher(text).matches();
  };
}

function compareCaseless(item: FormulaScalar, operand: string, settings: DateSettings): number | undefined {
  return typeof item === 'string' ? compareValues(item.toLowerCase(), operand.toLowerCase(), settings) : compareValues(item, operand, settings);
}
