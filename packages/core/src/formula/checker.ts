/**
 * The save-time check: infers a formula's result kind and refuses what can never work, with
 * INVALID_FORMULA naming the character. Refused: unknown fields and functions, wrong argument
 * counts, enum arguments outside their lists (date units, format specifiers, zones …), dates
 * in arithmetic (`{Due} + 1`: use DATEADD), numbers or booleans where a date is needed, literal
 * text that is no number or date where one is needed, and comparing a date with a number.
 * Everything else is left to run-time conversion, as in Airtable: a text field times 2 is fine
 * when the text holds a number.
 */
import type { CallNode, FormulaNode } from './ast';
import { numberToText, textToNumber } from './coerce';
import { parseDateText } from './date-coercion';
import { invalidFormula } from './formula-error';
import { maximumArguments, minimumArguments, parameterAt, type FormulaFunction, type Parameter } from './functions/function-definition';
import { formulaFunctionNames, lookupFormulaFunction } from './functions/registry';
import { formulaLimits } from './limits';
import { fieldReferenceText } from './printer';
import { describeValueKind, type ValueKind } from './value-kinds';

/** Kinds of referenced fields; undefined means there is no such field. */
export type FieldKindLookup = (ref: string) => ValueKind | undefined;

function literalText(node: FormulaNode): string | undefined {
  if (node.kind === 'text') return node.value;
  if (node.kind === 'number') return numberToText(node.value);
  if (node.kind === 'boolean') return node.value ? 'TRUE' : 'FALSE';
  return undefined;
}

/** The closest known function name, for "did you mean". */
function suggestion(name: string): string {
  const close = formulaFunctionNames.find((known) => known.replace(/_/g, '') === name.replace(/_/g, '') || known.startsWith(name) || name.startsWith(known));
  return close ? `; did you mean ${close}()?` : '';
}

function refuseNumberOperand(node: FormulaNode, kind: ValueKind, role: string): void {
  if (kind === 'date') throw invalidFormula(`${role} cannot be a date; use DATEADD or DATETIME_DIFF for date arithmetic`, node.start);
  if (node.kind === 'text' && node.value.trim() !== '' && textToNumber(node.value) === undefined) {
    throw invalidFormula(`${role} must be a number, and ${JSON.stringify(node.value.slice(0, 40))} is not one (use & to join text)`, node.start);
  }
}

function refuseDateOperand(node: FormulaNode, kind: ValueKind, role: string): void {
  if (kind === 'number' || kind === 'boolean') throw invalidFormula(`${role} must be a date, not a ${kind}`, node.start);
  if (node.kind === 'text' && node.value.trim() !== '' && typeof parseDateText(node.value, 'UTC', new Date(0)) === 'string') {
    throw invalidFormula(`${role} must be a date, and ${JSON.stringify(node.value.slice(0, 40))} is not one`, node.start);
  }
}

class Checker {
  constructor(private readonly kindOfField: FieldKindLookup) {}

  kindOf(node: FormulaNode, depth: number): ValueKind {
    if (depth > formulaLimits.maxDepth) throw invalidFormula(`The formula nests deeper than ${formulaLimits.maxDepth} levels`, node.start);
    switch (node.kind) {
      case 'number':
        return 'number';
      case 'text':
        return 'text';
      case 'boolean':
        return 'boolean';
      case 'field': {
        const kind = this.kindOfField(node.ref);
        if (kind === undefined) throw invalidFormula(`Unknown field ${fieldReferenceText(node.ref)}`, node.start, { field: node.ref });
        return kind;
      }
      case 'unary':
        refuseNumberOperand(node.operand, this.kindOf(node.operand, depth + 1), `The operand of ${node.operator}`);
        return 'number';
      case 'binary': {
        const left = this.kindOf(node.left, depth + 1);
        const right = this.kindOf(node.right, depth + 1);
        if (node.operator === '&') return 'text';
        if (['+', '-', '*', '/'].includes(node.operator)) {
          refuseNumberOperand(node.left, left, `The left side of ${node.operator}`);
          refuseNumberOperand(node.right, right, `The right side of ${node.operator}`);
          return 'number';
        }
        if ((left === 'date' && right === 'number') || (left === 'number' && right === 'date')) {
          throw invalidFormula(`${node.operator} cannot compare a date with a number`, node.start);
        }
        return 'boolean';
      }
      case 'call':
        return this.callKind(node, depth);
    }
  }

  private callKind(node: CallNode, depth: number): ValueKind {
    const fn = lookupFormulaFunction(node.name);
    if (!fn) throw invalidFormula(`Unknown function ${node.name}()${suggestion(node.name)}`, node.start, { function: node.name });
    this.checkCount(node, fn);
    const kinds = node.args.map((arg, index) => {
      const kind = this.kindOf(arg, depth + 1);
      this.checkArgument(node, arg, kind, parameterAt(fn, index)!);
      return kind;
    });
    return typeof fn.result === 'function' ? fn.result(kinds) : fn.result;
  }

  private checkCount(node: CallNode, fn: FormulaFunction): void {
    const count = node.args.length;
    const [min, max] = [minimumArguments(fn), maximumArguments(fn)];
    if (count < min || count > max) {
      const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
      throw invalidFormula(`${node.name}() takes ${expected} argument${expected === '1' ? '' : 's'}, not ${count}`, node.start, { function: node.name });
    }
    const problem = fn.checkCount?.(count);
    if (problem) throw invalidFormula(problem, node.start, { function: node.name });
  }

  private checkArgument(call: CallNode, arg: FormulaNode, kind: ValueKind, parameter: Parameter): void {
    const role = `${call.name}'s ${parameter.name}`;
    if (parameter.kind === 'field' && arg.kind !== 'field') throw invalidFormula(`${role} must be a {field}`, arg.start);
    if (parameter.kind === 'number') refuseNumberOperand(arg, kind, role);
    if (parameter.kind === 'date') refuseDateOperand(arg, kind, role);
    const literal = literalText(arg);
    const problem = literal !== undefined && parameter.choice ? parameter.choice(literal) : undefined;
    if (problem) throw invalidFormula(`${role}: ${problem}`, arg.start, { function: call.name, kind: describeValueKind(kind) });
  }
}

/**
 * The result kind of a formula tree whose field references `kindOfField` knows (refs are ids in
 * stored form). Throws INVALID_FORMULA for the problems listed in the module header.
 */
export function checkFormula(ast: FormulaNode, kindOfField: FieldKindLookup): ValueKind {
  return new Checker(kindOfField).kindOf(ast, 1);
}
