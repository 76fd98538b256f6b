/**
 * List functions, for lookup and link values. A scalar argument counts as a one-item list.
 * ARRAYJOIN(values, [separator = ", "]); ARRAYUNIQUE keeps the first of equal items (same kind
 * and value); ARRAYCOMPACT drops blanks and empty text (keeps 0 and FALSE); ARRAYFLATTEN flattens
 * nested lists; ARRAYSLICE(values, start, [end]) is 1-based with end included, and negative
 * positions count from the end (-1 is the last item).
 * COUNTIF(values, condition) counts items meeting the condition; SUMIF(values, condition,
 * [sumValues]) adds the items meeting it — or, given `sumValues`, the items of `sumValues` at the
 * same positions — as Excel's COUNTIF/SUMIF over a range. Conditions: ./criteria.ts.
 */
import { checkedText, numberToText, textToNumber, toNumber, valueToText } from '../coerce';
import { formulaLimits } from '../limits';
import { checkedNumber } from '../operations';
import { elementKind, innermostKind, listKindOf } from '../value-kinds';
import { flattenValue, formulaError, isBlankValue, isFormulaDate, isFormulaError, isFormulaList, type FormulaScalar, type FormulaValue } from '../values';
import { criterionOf } from './criteria';
import { param, type FunctionTable } from './function-definition';

function itemsOf(value: FormulaValue | undefined): readonly FormulaValue[] {
  if (value === undefined || value === null) return [];
  return isFormulaList(value) ? value : [value];
}

function checkedList(items: FormulaValue[]): FormulaValue {
  if (items.length > formulaLimits.maxListLength) return formulaError('#LIMIT', `the list would have more than ${formulaLimits.maxListLength} items`);
  return items;
}

/** A key equal for items a person would call the same: kind and value. */
function identityKey(item: FormulaValue): string {
  if (item === null) return 'blank';
  if (typeof item === 'number') return `n:${numberToText(item)}`;
  if (typeof item === 'string') return `t:${item}`;
  if (typeof item === 'boolean') return `b:${item}`;
  if (isFormulaDate(item)) return `d:${item.millis}`;
  return `l:${valueToText(item)}`;
}

function numberOrZero(item: FormulaScalar): number {
  if (typeof item === 'number') return item;
  if (typeof item === 'string') return textToNumber(item) ?? 0;
  return 0;
}

export const arrayFunctions: FunctionTable = {
  ARRAYJOIN: {
    params: [param.required('values', 'list'), param.optional('separator', 'text')],
    result: 'text',
    call([values, separator]) {
      const joiner = separator === undefined ? ', ' : valueToText(separator);
      return checkedText(flattenValue(values!).map(valueToText).join(joiner));
    },
  },
  ARRAYUNIQUE: {
    params: [param.required('values', 'list')],
    result: (kinds) => listKindOf(elementKind(kinds[0]!)),
    call([values]) {
      const seen = new Set<string>();
      return itemsOf(values).filter((item) => {
        const key = identityKey(item);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    },
  },
  ARRAYCOMPACT: {
    params: [param.required('values', 'list')],
    result: (kinds) => listKindOf(elementKind(kinds[0]!)),
    call: ([values]) => itemsOf(values).filter((item) => !isBlankValue(item)),
  },
  ARRAYFLATTEN: {
    params: [param.required('values', 'list')],
    result: (kinds) => listKindOf(innermostKind(kinds[0]!)),
    call: ([values]) => checkedList(values === null ? [] : flattenValue(values!)),
  },
  ARRAYSLICE: {
    params: [param.required('values', 'list'), param.required('start', 'number'), param.optional('end', 'number')],
    result: (kinds) => listKindOf(elementKind(kinds[0]!)),
    call([values, startValue, endValue]) {
      const items = itemsOf(values);
      const start = toNumber(startValue!);
      if (typeof start !== 'number') return start;
      const end = endValue === undefined || endValue === null ? -1 : toNumber(endValue);
      if (typeof end !== 'number') return end;
      const position = (n: number) => (n < 0 ? items.length + Math.trunc(n) : Math.max(Math.trunc(n), 1) - 1);
      return items.slice(position(start), position(end) + 1);
    },
  },
  COUNTIF: {
    params: [param.required('values', 'list'), param.required('condition', 'any')],
    result: 'number',
    call([values, condition], ctx) {
      const matches = criterionOf(condition!, ctx);
      if (isFormulaError(matches)) return matches;
      const items = flattenValue(values!);
      ctx.charge(items.length);
      return items.filter(matches).length;
    },
  },
  SUMIF: {
    params: [param.required('values', 'list'), param.required('condition', 'any'), param.optional('sumValues', 'list')],
    result: 'number',
    call([values, condition, sumValues], ctx) {
      const matches = criterionOf(condition!, ctx);
      if (isFormulaError(matches)) return matches;
      const items = flattenValue(values!);
      const addends = sumValues === undefined ? items : flattenValue(sumValues);
      ctx.charge(items.length);
      let total = 0;
      items.forEach((item, index) => {
        if (matches(item)) total += numberOrZero(addends[index] ?? null);
      });
      return checkedNumber(total);
    },
  },
};
