/**
 * Display form ↔ stored form. People write `{Field Name}`; formulas are stored with field ids
 * (`{fld_…}`), so renaming a field never breaks a formula. Both directions rewrite only the
 * reference tokens and keep the rest of the text — spacing, line breaks, quotes — as written;
 * bare-name references (`Price * 2`) are stored braced. An unknown name is refused; an unknown
 * id (a deleted field) is shown as the id, so the formula visibly needs fixing.
 *
 * Names are matched exactly (case, spaces and look-alike characters count).
 */
import { allNodes, type FieldNode } from './ast';
import { invalidFormula } from './formula-error';
import { parseFormula } from './parser';
import { fieldReferenceText } from './printer';
import type { ValueKind } from './value-kinds';

/**
 * What the formula module asks about fields, implemented by the formula field type over the
 * table's fields. The formula module never imports field types; this is its only view of them.
 */
export interface FormulaReferenceResolver {
  /** Id of the field with exactly this name, or undefined. */
  idOfName(name: string): string | undefined;
  /** Name of the field with this id, or undefined. */
  nameOfId(id: string): string | undefined;
  /** Value kind of the field with this id (what its cells hold in a formula), or undefined. */
  kindOf(id: string): ValueKind | undefined;
}

/** A resolver over a list of fields — for callers with the fields at hand, and for tests. */
export function formulaResolverForFields(fields: readonly { id: string; name: string; kind: ValueKind }[]): FormulaReferenceResolver {
  const byName = new Map(fields.map((field) => [field.name, field]));
  const byId = new Map(fields.map((field) => [field.id, field]));
  return {
    idOfName: (name) => byName.get(name)?.id,
    nameOfId: (id) => byId.get(id)?.name,
    kindOf: (id) => byId.get(id)?.kind,
  };
}

function rewriteReferences(text: string, rewrite: (node: FieldNode) => string): string {
  const fields = allNodes(parseFormula(text))
    .filter((node): node is FieldNode => node.kind === 'field')
    .sort((a, b) => a.start - b.start);
  let result = '';
  let copiedUpTo = 0;
  for (const node of fields) {
    result += text.slice(copiedUpTo, node.start) + rewrite(node);
    copiedUpTo = node.end;
  }
  return result + text.slice(copiedUpTo);
}

/** Display text → stored text (names → ids). Throws INVALID_FORMULA on syntax errors and unknown names. */
export function toStoredFormula(text: string, resolver: Pick<FormulaReferenceResolver, 'idOfName'>): string {
  return rewriteReferences(text, (node) => {
    const id = resolver.idOfName(node.ref);
    if (id === undefined) throw invalidFormula(`Unknown field ${fieldReferenceText(node.ref)}`, node.start, { field: node.ref });
    return fieldReferenceText(id);
  });
}

/** Stored text → display text (ids → names). Unknown ids stay as they are. */
export function toDisplayFormula(stored: string, resolver: Pick<FormulaReferenceResolver, 'nameOfId'>): string {
  return rewriteReferences(stored, (node) => {
    const name = resolver.nameOfId(node.ref);
    return fieldReferenceText(name ?? node.ref);
  });
}
