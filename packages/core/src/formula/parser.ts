/**
 * Formula text → syntax tree: a hand-written Pratt parser over ./lexer.ts tokens, with Excel's
 * operator precedence (./ast.ts). Refusals are INVALID_FORMULA naming the character.
 *
 * Depth is bounded twice, so no input makes the parser or a later tree walk recurse deeply:
 * nesting (parentheses, unary signs, call arguments, right operands) is counted *before* each
 * recursive step and refused past `formulaLimits.maxDepth`; and the depth of every node built is
 * checked too, which catches long left-leaning chains (`1+1+1+…`) the loop builds without recursing.
 *
 * Identifiers followed by `(` are calls; `TRUE` and `FALSE` alone are booleans; any other bare
 * identifier is a field reference, as in Airtable (`Price * 2` means `{Price} * 2`).
 */
import { binaryPrecedence, childrenOf, unaryPrecedence, type BinaryOperator, type FormulaNode } from './ast';
import { invalidFormula } from './formula-error';
import { tokenize, type Token } from './lexer';
import { formulaLimits } from './limits';

/** "Unexpected …" for a token: its text, or that the formula stopped there. */
function unexpected(token: Token, text: string): string {
  if (token.kind === 'end') return 'The formula ends too early';
  return `Unexpected ${JSON.stringify(text.slice(token.start, Math.min(token.end, token.start + 30)))}`;
}

class Parser {
  private index = 0;
  private readonly depths = new WeakMap<FormulaNode, number>();

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  parseFormula(): FormulaNode {
    if (this.peek().kind === 'end') throw invalidFormula('The formula is empty', 0);
    const node = this.parseExpression(0, 1);
    const next = this.peek();
    if (next.kind !== 'end') throw invalidFormula(`${unexpected(next, this.text)}; expected an operator or the end of the formula`, next.start);
    return node;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private advance(): Token {
    const token = this.tokens[this.index]!;
    if (token.kind !== 'end') this.index++;
    return token;
  }

  /** Records a node's depth (1 + its deepest child) and refuses trees deeper than the limit. */
  private built<Node extends FormulaNode>(node: Node): Node {
    let depth = 1;
    for (const child of childrenOf(node)) depth = Math.max(depth, (this.depths.get(child) ?? 1) + 1);
    if (depth > formulaLimits.maxDepth) {
      throw invalidFormula(`The formula nests deeper than ${formulaLimits.maxDepth} levels; split it or use CONCATENATE/SUM for long chains`, node.start);
    }
    this.depths.set(node, depth);
    return node;
  }

  private parseExpression(minPrecedence: number, nesting: number): FormulaNode {
    if (nesting > formulaLimits.maxDepth) {
      throw invalidFormula(`The formula nests deeper than ${formulaLimits.maxDepth} levels`, this.peek().start);
    }
    let left = this.parsePrefix(nesting);
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'operator') return left;
      const operator: BinaryOperator = token.operator;
      const precedence = binaryPrecedence[operator];
      if (precedence <= minPrecedence) return left;
      this.advance();
      const right = this.parseExpression(precedence, nesting + 1);
      left = this.built({ kind: 'binary', operator, left, right, start: left.start, end: right.end });
    }
  }

  private parsePrefix(nesting: number): FormulaNode {
    const token = this.advance();
    switch (token.kind) {
      case 'number':
        return this.built({ kind: 'number', value: token.value, start: token.start, end: token.end });
      case 'text':
        return this.built({ kind: 'text', value: token.value, start: token.start, end: token.end });
      case 'field':
        return this.built({ kind: 'field', ref: token.name, start: token.start, end: token.end });
      case 'identifier':
        return this.parseIdentifier(token, nesting);
      case 'operator': {
        if (token.operator !== '-' && token.operator !== '+') break;
        const operand = this.parseExpression(unaryPrecedence, nesting + 1);
        return this.built({ kind: 'unary', operator: token.operator, operand, start: token.start, end: operand.end });
      }
      case '(': {
        const inner = this.parseExpression(0, nesting + 1);
        this.expectClose(token, 'to close the parenthesis opened', false);
        return inner;
      }
      default:
        break;
    }
    throw invalidFormula(`${unexpected(token, this.text)}; expected a value, a {field}, a function call or (`, token.start);
  }

  private parseIdentifier(token: Token & { kind: 'identifier' }, nesting: number): FormulaNode {
    const upper = token.name.toUpperCase();
    if (this.peek().kind !== '(') {
      if (upper === 'TRUE' || upper === 'FALSE') return this.built({ kind: 'boolean', value: upper === 'TRUE', start: token.start, end: token.end });
      return this.built({ kind: 'field', ref: token.name, start: token.start, end: token.end });
    }
    const open = this.advance();
    const args: FormulaNode[] = [];
    if (this.peek().kind === ')') {
      const close = this.advance();
      return this.built({ kind: 'call', name: upper, args, start: token.start, end: close.end });
    }
    for (;;) {
      args.push(this.parseExpression(0, nesting + 1));
      const next = this.peek();
      if (next.kind === ',') {
        this.advance();
        continue;
      }
      const close = this.expectClose(open, `to close the arguments of ${upper} opened`, true);
      return this.built({ kind: 'call', name: upper, args, start: token.start, end: close.end });
    }
  }

  private expectClose(opener: Token, purpose: string, commaAllowed: boolean): Token {
    const token = this.peek();
    if (token.kind === ')') return this.advance();
    const expected = commaAllowed ? '"," or ")"' : '")"';
    throw invalidFormula(
      `${unexpected(token, this.text)}; expected ${expected} ${purpose} at character ${opener.start + 1}`,
      token.start,
    );
  }
}

/** Parses formula text (display or stored form) into a syntax tree. Throws INVALID_FORMULA. */
export function parseFormula(text: string): FormulaNode {
  if (typeof text !== 'string') throw invalidFormula('The formula must be text', 0);
  return new Parser(text, tokenize(text)).parseFormula();
}
