/**
 * The interpreter: walks a syntax tree and computes a value for one record. Nothing is compiled
 * to JavaScript (no eval, no Function constructor, no vm module): functions are looked up by
 * name in the registry's own properties.
 *
 * Evaluation never throws. A failure inside the formula is an error value (`#DIV/0`, `#VALUE`,
 * `#ERROR` …) that flows through operators and strict functions to the result. Work is bounded:
 * each node costs a step, functions add steps for the items and text they handle, and past the
 * budget (default 100,000) the result is `#LIMIT`; so is a tree deeper than 64 (the parser never
 * builds one, but a hand-built tree could be). The step count is returned so callers can watch it.
 */
import { isTimeZone } from '../time-zones';
import type { CallNode, FormulaNode } from './ast';
import type { CompiledFormula } from './compile';
import type { CallContext, LazyArguments } from './functions/function-definition';
import { maximumArguments, minimumArguments } from './functions/function-definition';
import { lookupFormulaFunction } from './functions/registry';
import { toFormulaValue } from './inputs';
import { formulaLimits } from './limits';
import { applyBinary, applyUnary, checkedNumber } from './operations';
import type { ValueKind } from './value-kinds';
import { flattenValue, formulaError, isFormulaError, isFormulaList, type FormulaValue } from './values';

/** A moment as an ISO string, a Date or epoch milliseconds. */
export type FormulaMoment = string | Date | number;

export interface EvaluationContext {
  /** Cell values of the record by field id (canonical cell JSON; see ./inputs.ts). Missing ids are blank. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly recordId: string;
  readonly createdTime?: FormulaMoment;
  readonly lastModifiedTime?: FormulaMoment;
  /** Per-field change times, for LAST_MODIFIED_TIME({Field}). */
  readonly fieldModifiedTimes?: Readonly<Record<string, FormulaMoment>>;
  /** The clock, injected: NOW() and TODAY() read it. */
  readonly now: Date;
  /** The base's IANA zone. */
  readonly timeZone: string;
  /** Steps allowed; defaults to formulaLimits.stepBudget. */
  readonly stepBudget?: number;
  /**
   * Items read from a list cell; defaults to formulaLimits.maxListLength. A rollup reads all its
   * linked values (and raises the step budget to match): the limits bound what a formula builds,
   * not how many records a link holds.
   */
  readonly inputListLimit?: number;
}

export interface FormulaEvaluation {
  readonly value: FormulaValue;
  /** Steps used, never more than the budget. */
  readonly steps: number;
}

class LimitExceeded {
  constructor(readonly reason: string) {}
}

function millisOf(moment: FormulaMoment | undefined): number | undefined {
  if (moment === undefined) return undefined;
  const millis = typeof moment === 'number' ? moment : typeof moment === 'string' ? Date.parse(moment) : moment.getTime();
  return Number.isFinite(millis) ? millis : undefined;
}

/** Work units a value stands for: list items and kilobytes of text. */
function sizeOf(value: FormulaValue): number {
  if (typeof value === 'string') return Math.floor(value.length / 1000);
  if (isFormulaList(value)) return flattenValue(value).length;
  return 0;
}

/** Results past the size limits become #LIMIT; numbers are checked. */
function normalized(value: FormulaValue): FormulaValue {
  if (typeof value === 'number') return checkedNumber(value);
  if (typeof value === 'string' && value.length > formulaLimits.maxTextLength) return formulaError('#LIMIT', `the text is longer than ${formulaLimits.maxTextLength} characters`);
  if (isFormulaList(value) && value.length > formulaLimits.maxListLength) return formulaError('#LIMIT', `the list has more than ${formulaLimits.maxListLength} items`);
  return value;
}

class Evaluation implements CallContext {
  steps = 0;
  readonly recordId: string;
  readonly createdTime: number | undefined;
  readonly lastModifiedTime: number | undefined;
  readonly now: Date;
  readonly timeZone: string;
  private readonly budget: number;
  private readonly cells = new Map<string, FormulaValue>();

  constructor(
    private readonly context: EvaluationContext,
    private readonly fieldKinds: ReadonlyMap<string, ValueKind>,
  ) {
    this.recordId = String(context.recordId);
    this.createdTime = millisOf(context.createdTime);
    this.lastModifiedTime = millisOf(context.lastModifiedTime);
    this.now = context.now;
    this.timeZone = context.timeZone;
    this.budget = context.stepBudget ?? formulaLimits.stepBudget;
  }

  charge(units: number): void {
    if (!(units > 0)) return;
    if (this.steps + units > this.budget) {
      this.steps = this.budget;
      throw new LimitExceeded(`the formula needs more than ${this.budget} steps for this record`);
    }
    this.steps += units;
  }

  fieldModifiedTime(fieldId: string): number | undefined {
    const times = this.context.fieldModifiedTimes;
    return times && Object.hasOwn(times, fieldId) ? millisOf(times[fieldId]) : undefined;
  }

  evaluate(node: FormulaNode, depth: number): FormulaValue {
    this.charge(1);
    if (depth > formulaLimits.maxDepth) throw new LimitExceeded(`the formula nests deeper than ${formulaLimits.maxDepth} levels`);
    switch (node.kind) {
      case 'number':
        return checkedNumber(node.value);
      case 'text':
        return normalized(node.value);
      case 'boolean':
        return node.value;
      case 'field':
        return this.fieldValue(node.ref);
      case 'unary':
        return applyUnary(node.operator, this.evaluate(node.operand, depth + 1));
      case 'binary': {
        const left = this.evaluate(node.left, depth + 1);
        if (isFormulaError(left)) return left;
        const right = this.evaluate(node.right, depth + 1);
        this.charge(sizeOf(left) + sizeOf(right));
        return applyBinary(node.operator, left, right, this);
      }
      case 'call':
        return this.call(node, depth);
    }
  }

  private fieldValue(id: string): FormulaValue {
    const cached = this.cells.get(id);
    if (cached !== undefined) return cached;
    const values = this.context.values;
    const input = Object.hasOwn(values, id) ? values[id] : null;
    const value = toFormulaValue(input, this.fieldKinds.get(id) ?? 'any', this, 0, this.context.inputListLimit);
    this.charge(sizeOf(value));
    this.cells.set(id, value);
    return value;
  }

  private call(node: CallNode, depth: number): FormulaValue {
    const fn = lookupFormulaFunction(node.name);
    if (!fn) return formulaError('#ERROR', `unknown function ${node.name}`);
    const count = node.args.length;
    if (count < minimumArguments(fn) || count > maximumArguments(fn) || fn.checkCount?.(count) !== undefined) {
      return formulaError('#ERROR', `${node.name} cannot take ${count} arguments`);
    }
    try {
      if (fn.lazy) return normalized(fn.call(this.lazyArguments(node, depth), this));
      const values: FormulaValue[] = [];
      for (const arg of node.args) {
        const value = this.evaluate(arg, depth + 1);
        if (isFormulaError(value)) return value;
        this.charge(sizeOf(value));
        values.push(value);
      }
      return normalized(fn.call(values, this));
    } catch (error) {
      if (error instanceof LimitExceeded) throw error;
      return formulaError('#ERROR', `internal error in ${node.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private lazyArguments(node: CallNode, depth: number): LazyArguments {
    const memo = new Map<number, FormulaValue>();
    return {
      count: node.args.length,
      value: (index) => {
        if (memo.has(index)) return memo.get(index)!;
        const arg = node.args[index];
        const value = arg === undefined ? null : this.evaluate(arg, depth + 1);
        memo.set(index, value);
        return value;
      },
      fieldId: (index) => {
        const arg = node.args[index];
        return arg?.kind === 'field' ? arg.ref : undefined;
      },
    };
  }
}

/**
 * Evaluates a compiled formula (field kinds known) or a bare syntax tree (every field read as
 * `any`) for one record. Never throws.
 */
export function evaluateFormula(formula: CompiledFormula | FormulaNode, context: EvaluationContext): FormulaEvaluation {
  const [ast, kinds] = 'ast' in formula ? [formula.ast, formula.fieldKinds] : [formula, new Map<string, ValueKind>()];
  if (typeof context.timeZone !== 'string' || !isTimeZone(context.timeZone)) {
    return { value: formulaError('#ERROR', `the base time zone ${JSON.stringify(String(context.timeZone))} is not an IANA zone`), steps: 0 };
  }
  const evaluation = new Evaluation(context, kinds);
  try {
    return { value: evaluation.evaluate(ast, 1), steps: evaluation.steps };
  } catch (error) {
    if (error instanceof LimitExceeded) return { value: formulaError('#LIMIT', error.reason), steps: evaluation.steps };
    return { value: formulaError('#ERROR', `internal error: ${error instanceof Error ? error.message : String(error)}`), steps: evaluation.steps };
  }
}
