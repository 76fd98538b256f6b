/**
 * Syntax tree → formula text, with only the parentheses precedence requires. Field names are
 * written in braces with `}` and `\` escaped, strings in double quotes with escapes, so
 * `parseFormula(printFormula(tree))` gives the same tree back. Used for canonical display of
 * generated formulas and by the grammar fuzz tests.
 */
import { binaryPrecedence, unaryPrecedence, type FormulaNode } from './ast';

/** `{…}` text for a field name or id: `}` and `\` are escaped (see ./lexer.ts). */
export function fieldReferenceText(ref: string): string {
  return `{${ref.replace(/[\\}]/g, (char) => `\\${char}`)}}`;
}

const stringEscapes: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A double-quoted formula string literal for `value`. */
export function formulaTextLiteral(value: string): string {
  return `"${value.replace(/[\\"\n\r\t]/g, (char) => stringEscapes[char]!)}"`;
}

function numberText(value: number): string {
  if (Number.isNaN(value)) return '(0/0)';
  if (value === Infinity) return '(1/0)';
  if (value === -Infinity) return '(-1/0)';
  return value < 0 || Object.is(value, -0) ? `(-${String(-value)})` : String(value);
}

function precedenceOf(node: FormulaNode): number {
  if (node.kind === 'binary') return binaryPrecedence[node.operator];
  if (node.kind === 'unary') return unaryPrecedence;
  return Infinity;
}

function wrapped(node: FormulaNode, needsParentheses: boolean): string {
  const text = printFormula(node);
  return needsParentheses ? `(${text})` : text;
}

export function printFormula(node: FormulaNode): string {
  switch (node.kind) {
    case 'number':
      return numberText(node.value);
    case 'text':
      return formulaTextLiteral(node.value);
    case 'boolean':
      return node.value ? 'TRUE' : 'FALSE';
    case 'field':
      return fieldReferenceText(node.ref);
    case 'unary':
      return `${node.operator}${wrapped(node.operand, precedenceOf(node.operand) < unaryPrecedence || node.operand.kind === 'unary')}`;
    case 'binary': {
      const precedence = binaryPrecedence[node.operator];
      const left = wrapped(node.left, precedenceOf(node.left) < precedence);
      const right = wrapped(node.right, precedenceOf(node.right) <= precedence);
      return `${left} ${node.operator} ${right}`;
    }
    case 'call':
      return `${node.name}(${node.args.map(printFormula).join(', ')})`;
  }
}
