/** Facts about a formula the storage layer needs: which fields feed it, and whether it reads the clock. */
import { allNodes, type FormulaNode } from './ast';
import { lookupFormulaFunction } from './functions/registry';

/** Field refs (ids in stored form) in order of first appearance, each once — edges of the dependency graph. */
export function referencedFieldIds(ast: FormulaNode): string[] {
  const refs = new Set<string>();
  for (const node of allNodes(ast)) if (node.kind === 'field') refs.add(node.ref);
  return [...refs];
}

/** True when the formula calls NOW() or TODAY(): its values must be refreshed on a schedule. */
export function isTimeDependent(ast: FormulaNode): boolean {
  return allNodes(ast).some((node) => node.kind === 'call' && lookupFormulaFunction(node.name)?.timeDependent === true);
}
