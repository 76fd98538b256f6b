/**
 * Value kinds: what the checker knows about a value before evaluation. A formula's result kind
 * decides the formula field's display options; the kinds of referenced fields come from the
 * caller through FormulaReferenceResolver.kindOf, so this module never needs field types.
 * `blank` is the kind of BLANK(), `error` of ERROR(), `any` means "could be anything".
 */

export type ScalarKind = 'text' | 'number' | 'boolean' | 'date' | 'blank' | 'error' | 'any';
export type ValueKind = ScalarKind | { readonly list: ValueKind };

export const scalarValueKinds: readonly ScalarKind[] = ['text', 'number', 'boolean', 'date', 'blank', 'error', 'any'];

export function listKindOf(kind: ValueKind): ValueKind {
  return { list: kind };
}

export function isListKind(kind: ValueKind): kind is { readonly list: ValueKind } {
  return typeof kind === 'object';
}

/** `text`, `list<number>`, `list<list<text>>`. */
export function describeValueKind(kind: ValueKind): string {
  return isListKind(kind) ? `list<${describeValueKind(kind.list)}>` : kind;
}

export function sameValueKind(a: ValueKind, b: ValueKind): boolean {
  return describeValueKind(a) === describeValueKind(b);
}

/** The innermost element kind of nested lists (`list<list<text>>` → `text`). */
export function innermostKind(kind: ValueKind): ValueKind {
  let inner = kind;
  while (isListKind(inner)) inner = inner.list;
  return inner;
}

/** The kind of an element of `kind` when used as a list (a scalar is a one-element list). */
export function elementKind(kind: ValueKind): ValueKind {
  return isListKind(kind) ? kind.list : kind;
}

/**
 * The kind of a value that is either `a` or `b` (IF branches, SWITCH results): blank and error
 * give way to the other kind, lists unify element-wise, and different kinds make `any`.
 */
export function unifyValueKinds(a: ValueKind, b: ValueKind): ValueKind {
  if (sameValueKind(a, b)) return a;
  if (a === 'blank' || a === 'error') return b;
  if (b === 'blank' || b === 'error') return a;
  if (isListKind(a) && isListKind(b)) return listKindOf(unifyValueKinds(a.list, b.list));
  return 'any';
}

export function unifyAll(kinds: readonly ValueKind[]): ValueKind {
  return kinds.reduce<ValueKind>((result, kind) => unifyValueKinds(result, kind), 'blank');
}
