/**
 * The syntax tree of a formula. Every node carries its span in the source text (`start`
 * inclusive, `end` exclusive, UTF-16 offsets) so refusals can point at it and references can be
 * rewritten in place. A field node's `ref` is a field *name* in display text and a field *id* in
 * stored text (see ./references.ts); the tree itself does not know which.
 */

export const binaryOperators = ['=', '!=', '<', '>', '<=', '>=', '&', '+', '-', '*', '/'] as const;
export type BinaryOperator = (typeof binaryOperators)[number];
export type UnaryOperator = '-' | '+';

/**
 * Binding strength, as in Excel and Airtable: comparisons bind loosest, then `&`, then `+ -`,
 * then `* /`; a unary sign binds tighter than any binary operator. All binary operators are
 * left-associative (`1-2-3` is `(1-2)-3`).
 */
export const binaryPrecedence: Readonly<Record<BinaryOperator, number>> = {
  '=': 1,
  '!=': 1,
  '<': 1,
  '>': 1,
  '<=': 1,
  '>=': 1,
  '&': 2,
  '+': 3,
  '-': 3,
  '*': 4,
  '/': 4,
};
export const unaryPrecedence = 5;

interface Span {
  readonly start: number;
  readonly end: number;
}

export interface NumberNode extends Span {
  readonly kind: 'number';
  readonly value: number;
}
export interface TextNode extends Span {
  readonly kind: 'text';
  readonly value: string;
}
export interface BooleanNode extends Span {
  readonly kind: 'boolean';
  readonly value: boolean;
}
/** `{Name}` or a bare identifier that is not a call (`Price * 2`). */
export interface FieldNode extends Span {
  readonly kind: 'field';
  readonly ref: string;
}
export interface UnaryNode extends Span {
  readonly kind: 'unary';
  readonly operator: UnaryOperator;
  readonly operand: FormulaNode;
}
export interface BinaryNode extends Span {
  readonly kind: 'binary';
  readonly operator: BinaryOperator;
  readonly left: FormulaNode;
  readonly right: FormulaNode;
}
/** A function call; `name` is upper-cased (function names are case-insensitive). */
export interface CallNode extends Span {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly FormulaNode[];
}

export type FormulaNode = NumberNode | TextNode | BooleanNode | FieldNode | UnaryNode | BinaryNode | CallNode;

/** The direct children of a node, left to right. */
export function childrenOf(node: FormulaNode): readonly FormulaNode[] {
  if (node.kind === 'unary') return [node.operand];
  if (node.kind === 'binary') return [node.left, node.right];
  if (node.kind === 'call') return node.args;
  return [];
}

/** Every node of the tree, parents before children, without recursion (hand-built trees may be deep). */
export function allNodes(root: FormulaNode): FormulaNode[] {
  const found: FormulaNode[] = [];
  const stack: FormulaNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    found.push(node);
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return found;
}
