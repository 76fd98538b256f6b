/**
 * A stored formula made ready to run: parsed once, checked, with what the storage layer needs
 * (result kind, referenced field ids, whether it reads the clock) and the kinds the evaluator
 * uses to read cells. Compile when a formula field is saved (refusals are INVALID_FORMULA) and
 * once per fill; evaluate per record with ./evaluator.ts. `prepareFormula` is the save-time
 * entry point for text a person typed: its refusals point into that text, not the stored form.
 */
import { isTimeDependent, referencedFieldIds } from './analysis';
import type { FormulaNode } from './ast';
import { checkFormula } from './checker';
import { parseFormula } from './parser';
import { toStoredFormula, type FormulaReferenceResolver } from './references';
import type { ValueKind } from './value-kinds';

export interface CompiledFormula {
  /** The stored text (field references by id). */
  readonly source: string;
  readonly ast: FormulaNode;
  readonly resultKind: ValueKind;
  readonly referencedFieldIds: readonly string[];
  readonly timeDependent: boolean;
  /** Kind of each referenced field, by id. */
  readonly fieldKinds: ReadonlyMap<string, ValueKind>;
}

export function compileFormula(stored: string, resolver: Pick<FormulaReferenceResolver, 'kindOf'>): CompiledFormula {
  const ast = parseFormula(stored);
  const fieldKinds = new Map<string, ValueKind>();
  const resultKind = checkFormula(ast, (id) => {
    const kind = resolver.kindOf(id);
    if (kind !== undefined) fieldKinds.set(id, kind);
    return kind;
  });
  return { source: stored, ast, resultKind, referencedFieldIds: referencedFieldIds(ast), timeDependent: isTimeDependent(ast), fieldKinds };
}

/**
 * Display text → stored text and compiled formula, checking the text as typed so that every
 * INVALID_FORMULA position points into it (the stored form's ids are longer than names).
 */
export function prepareFormula(text: string, resolver: FormulaReferenceResolver): { stored: string; compiled: CompiledFormula } {
  checkFormula(parseFormula(text), (name) => {
    const id = resolver.idOfName(name);
    return id === undefined ? undefined : resolver.kindOf(id);
  });
  const stored = toStoredFormula(text, resolver);
  return { stored, compiled: compileFormula(stored, resolver) };
}
