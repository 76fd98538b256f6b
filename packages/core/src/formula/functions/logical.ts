/**
 * Logical functions. IF, IFS, SWITCH, IFERROR and ISERROR are lazy: only the branch taken is
 * evaluated, so `IF({Qty} = 0, 0, {Total} / {Qty})` never divides by zero. Truth is
 * spreadsheet truthiness (blank, "", 0 and FALSE are false). AND, OR and XOR flatten lists, so
 * `AND({Lookup of checkboxes})` is true when every linked box is ticked. A condition that is an
 * error makes the result that error. IF without an else, and IFS/SWITCH with no match and no
 * default, give blank.
 */
import { toBoolean } from '../coerce';
import { valuesEqual } from '../operations';
import { unifyAll, type ValueKind } from '../value-kinds';
import { flattenValue, formulaError, isBlankValue, isFormulaError, type FormulaValue } from '../values';
import { param, type FunctionTable } from './function-definition';

function truthOfItems(args: readonly FormulaValue[]): boolean[] | FormulaValue {
  const truths: boolean[] = [];
  for (const arg of args) {
    for (const item of flattenValue(arg)) {
      const truth = toBoolean(item);
      if (typeof truth !== 'boolean') return truth;
      truths.push(truth);
    }
  }
  return truths;
}

function logicalFold(args: readonly FormulaValue[], fold: (truths: boolean[]) => boolean): FormulaValue {
  const truths = truthOfItems(args);
  return Array.isArray(truths) ? fold(truths as boolean[]) : truths;
}

/** Kinds of the arguments at positions `from`, `from + step`, … */
function kindsEvery(kinds: readonly ValueKind[], from: number, step: number): ValueKind[] {
  const picked: ValueKind[] = [];
  for (let i = from; i < kinds.length; i += step) picked.push(kinds[i]!);
  return picked;
}

export const logicalFunctions: FunctionTable = {
  IF: {
    params: [param.required('condition', 'boolean'), param.required('then', 'any'), param.optional('else', 'any')],
    result: (kinds) => unifyAll([kinds[1]!, kinds[2] ?? 'blank']),
    lazy: true,
    call(args) {
      const truth = toBoolean(args.value(0));
      if (typeof truth !== 'boolean') return truth;
      if (truth) return args.value(1);
      return args.count > 2 ? args.value(2) : null;
    },
  },
  IFS: {
    params: [param.required('condition', 'boolean'), param.required('value', 'any'), param.repeating('more', 'any', true)],
    result: (kinds) => unifyAll(kindsEvery(kinds, 1, 2)),
    checkCount: (count) => (count % 2 === 0 ? undefined : 'IFS takes pairs of a condition and a value'),
    lazy: true,
    call(args) {
      for (let i = 0; i + 1 < args.count; i += 2) {
        const truth = toBoolean(args.value(i));
        if (typeof truth !== 'boolean') return truth;
        if (truth) return args.value(i + 1);
      }
      return null;
    },
  },
  SWITCH: {
    params: [param.required('expression', 'any'), param.required('pattern', 'any'), param.required('result', 'any'), param.repeating('more', 'any', true)],
    result: (kinds) => unifyAll([...kindsEvery(kinds, 2, 2), ...(kinds.length % 2 === 0 ? [kinds.at(-1)!] : ['blank' as const])]),
    lazy: true,
    call(args, ctx) {
      const subject = args.value(0);
      if (isFormulaError(subject)) return subject;
      let i = 1;
      for (; i + 1 < args.count; i += 2) {
        const pattern = args.value(i);
        if (isFormulaError(pattern)) return pattern;
        if (valuesEqual(subject, pattern, ctx)) return args.value(i + 1);
      }
      return i < args.count ? args.value(i) : null;
    },
  },
  AND: { params: [param.repeating('conditions', 'list')], result: 'boolean', call: (args) => logicalFold(args, (truths) => truths.every(Boolean)) },
  OR: { params: [param.repeating('conditions', 'list')], result: 'boolean', call: (args) => logicalFold(args, (truths) => truths.some(Boolean)) },
  XOR: {
    params: [param.repeating('conditions', 'list')],
    result: 'boolean',
    call: (args) => logicalFold(args, (truths) => truths.filter(Boolean).length % 2 === 1),
  },
  NOT: {
    params: [param.required('condition', 'boolean')],
    result: 'boolean',
    call([value]) {
      const truth = toBoolean(value!);
      return typeof truth === 'boolean' ? !truth : truth;
    },
  },
  TRUE: { params: [], result: 'boolean', call: () => true },
  FALSE: { params: [], result: 'boolean', call: () => false },
  BLANK: { params: [], result: 'blank', call: () => null },
  ISBLANK: { params: [param.required('value', 'any')], result: 'boolean', call: ([value]) => isBlankValue(value!) },
  ERROR: {
    params: [param.optional('reason', 'text')],
    result: 'error',
    call: ([reason]) => formulaError('#ERROR', typeof reason === 'string' && reason !== '' ? reason : 'ERROR() was called'),
  },
  ISERROR: {
    params: [param.required('value', 'any')],
    result: 'boolean',
    lazy: true,
    call: (args) => isFormulaError(args.value(0)),
  },
  IFERROR: {
    params: [param.required('value', 'any'), param.required('fallback', 'any')],
    result: (kinds) => unifyAll([kinds[0]!, kinds[1]!]),
    lazy: true,
    call(args) {
      const value = args.value(0);
      return isFormulaError(value) ? args.value(1) : value;
    },
  },
};
