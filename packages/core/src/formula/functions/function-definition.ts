/**
 * The shape of a formula function: what the checker needs (parameters, result kind, enum
 * arguments) and what the evaluator runs, in one typed record per category (./text.ts,
 * ./numeric.ts …) combined in ./registry.ts.
 *
 * Most functions are *strict*: the evaluator evaluates every argument first and, if one is an
 * error, returns that error without calling the function. *Lazy* functions (IF, IFERROR,
 * ISERROR …) receive their arguments unevaluated and decide what to evaluate.
 */
import type { DateSettings } from '../date-coercion';
import type { ValueKind } from '../value-kinds';
import type { FormulaValue } from '../values';

/**
 * What an argument should be. The checker refuses only what can never work (a number or a
 * boolean as a date, literal text that is no number or date where one is needed); everything
 * else is converted at run time. `field` means the argument must be written as a {field}.
 */
export type ParameterKind = 'any' | 'text' | 'number' | 'boolean' | 'date' | 'list' | 'field';

export interface Parameter {
  readonly name: string;
  readonly kind: ParameterKind;
  readonly optional?: boolean;
  /** The last parameter may repeat: SUM(number, …). */
  readonly repeats?: boolean;
  /**
   * For enum-like text (date units, format specifiers, zones): the problem with a value, or
   * undefined when it is allowed. The checker runs it on literal text; implementations run it on
   * computed text through the same parsing helpers.
   */
  readonly choice?: (text: string) => string | undefined;
}

/** What a function call can see besides its arguments. */
export interface CallContext extends DateSettings {
  readonly recordId: string;
  /** Epoch milliseconds of the record's creation and last change; undefined when unknown. */
  readonly createdTime: number | undefined;
  readonly lastModifiedTime: number | undefined;
  /** When one field of the record last changed, for LAST_MODIFIED_TIME({Field}); undefined when unknown. */
  fieldModifiedTime(fieldId: string): number | undefined;
  /** Adds work units to the evaluation's count; past the budget, evaluation stops with #LIMIT. */
  charge(units: number): void;
}

export interface LazyArguments {
  readonly count: number;
  /** Evaluates argument `index` (once; later calls return the same value). */
  value(index: number): FormulaValue;
  /** The field id argument `index` is written as, or undefined when it is not a {field}. */
  fieldId(index: number): string | undefined;
}

interface FunctionShape {
  readonly params: readonly Parameter[];
  /** The result kind, fixed or computed from the argument kinds. */
  readonly result: ValueKind | ((args: readonly ValueKind[]) => ValueKind);
  /** Reads the clock (NOW, TODAY): results must be refreshed over time. */
  readonly timeDependent?: boolean;
  /** A rule on the argument count the parameter list cannot express (IFS takes pairs). */
  readonly checkCount?: (count: number) => string | undefined;
}

export type FormulaFunction = FunctionShape &
  (
    | { readonly lazy?: false; call(args: readonly FormulaValue[], ctx: CallContext): FormulaValue }
    | { readonly lazy: true; call(args: LazyArguments, ctx: CallContext): FormulaValue }
  );

export type FunctionTable = Readonly<Record<string, FormulaFunction>>;

/** Fewest arguments a call needs. */
export function minimumArguments(fn: FormulaFunction): number {
  return fn.params.filter((param) => !param.optional).length;
}

/** Most arguments a call may have (Infinity when the last parameter repeats). */
export function maximumArguments(fn: FormulaFunction): number {
  return fn.params.at(-1)?.repeats ? Infinity : fn.params.length;
}

/** The parameter argument `index` binds to (a repeating last parameter takes the rest). */
export function parameterAt(fn: FormulaFunction, index: number): Parameter | undefined {
  if (index < fn.params.length) return fn.params[index];
  const last = fn.params.at(-1);
  return last?.repeats ? last : undefined;
}

/** Shorthands for parameter lists. */
export const param = {
  required: (name: string, kind: ParameterKind, choice?: Parameter['choice']): Parameter => ({ name, kind, ...(choice ? { choice } : {}) }),
  optional: (name: string, kind: ParameterKind, choice?: Parameter['choice']): Parameter => ({ name, kind, optional: true, ...(choice ? { choice } : {}) }),
  repeating: (name: string, kind: ParameterKind, optional = false): Parameter => ({ name, kind, repeats: true, optional }),
};
