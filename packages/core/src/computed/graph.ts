/**
 * The cross-table dependency graph of computed fields. Nodes are fields (of every table of a
 * base); an edge runs from each field a computed field reads to that computed field. A change
 * to some fields recalculates the computed fields reachable from them, in topological order,
 * so each is computed after everything it reads. Cycles are refused when a field is saved,
 * with the cycle named field by field.
 *
 * Record-level work (which records are affected) belongs to the executor in the server: this
 * module only orders fields. It is pure and cheap: a base has hundreds of fields, not millions.
 */
import { EngineError } from '../errors';
import type { Dependency, GraphField } from './dependency';

export interface DependencyGraph {
  readonly fields: ReadonlyMap<string, GraphField>;
  /** Fields that read `fieldId` directly, with how they read it. */
  dependentsOf(fieldId: string): ReadonlyArray<{ field: GraphField; dependency: Dependency }>;
  /**
   * Computed fields to recalculate after the given fields changed, dependencies first. A changed
   * field that is itself computed is included: for a link, a change of membership means its
   * titles must be computed again.
   */
  recalculationOrder(changedFieldIds: Iterable<string>): GraphField[];
  /** Every computed field in an order where each comes after what it reads (full refills). */
  topologicalOrder(): GraphField[];
}

/**
 * Every field a dependency makes its owner read: the source cell and, through links, the link
 * itself — except a link field reading its targets' titles through itself: its own membership
 * is what the link stores, not an input.
 */
function inputsOf(owner: GraphField, dependency: Dependency): string[] {
  if (dependency.kind === 'sameRecord') return [dependency.fieldId];
  const link = dependency.linkFieldId === owner.id ? [] : [dependency.linkFieldId];
  return dependency.targetFieldId ? [...link, dependency.targetFieldId] : link;
}

function cycleError(cycle: readonly GraphField[]): EngineError {
  const names = [...cycle, cycle[0]!].map((field) => field.name);
  return new EngineError('INVALID_FIELD_OPTIONS', `This would create a circular reference: ${names.join(' → ')}`, {
    cycle: cycle.map((field) => ({ id: field.id, name: field.name, tableId: field.tableId })),
    path: 'options',
  });
}

export function buildDependencyGraph(fields: readonly GraphField[]): DependencyGraph {
  const byId = new Map(fields.map((field) => [field.id, field]));
  const dependents = new Map<string, Array<{ field: GraphField; dependency: Dependency }>>();
  for (const field of fields) {
    for (const dependency of field.dependencies) {
      for (const input of inputsOf(field, dependency)) {
        if (!byId.has(input)) {
          throw new EngineError('INVALID_FIELD_OPTIONS', `Field "${field.name}" refers to a field that does not exist`, {
            field: field.name,
            missing: input,
            path: 'options',
          });
        }
        const list = dependents.get(input) ?? [];
        list.push({ field, dependency });
        dependents.set(input, list);
      }
    }
  }

  // Iterative depth-first search from the start fields along "is read by" edges; the reverse
  // post-order is a topological order of everything reachable. Never trust recursion depth.
  function order(starts: Iterable<string>): GraphField[] {
    const state = new Map<string, 'open' | 'done'>();
    const result: GraphField[] = [];
    for (const start of new Set(starts)) {
      if (state.has(start) || !byId.has(start)) continue;
      const path: GraphField[] = [byId.get(start)!];
      const stack: Array<{ id: string; next: number }> = [{ id: start, next: 0 }];
      state.set(start, 'open');
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        const children = dependents.get(top.id) ?? [];
        if (top.next < children.length) {
          const child = children[top.next++]!.field;
          const seen = state.get(child.id);
          if (seen === 'open') throw cycleError(path.slice(path.findIndex((f) => f.id === child.id)));
          if (seen === 'done') continue;
          state.set(child.id, 'open');
          stack.push({ id: child.id, next: 0 });
          path.push(child);
        } else {
          stack.pop();
          path.pop();
          state.set(top.id, 'done');
          const field = byId.get(top.id)!;
          if (field.dependencies.length > 0) result.push(field);
        }
      }
    }
    return result.reverse();
  }

  return {
    fields: byId,
    dependentsOf: (fieldId) => dependents.get(fieldId) ?? [],
    recalculationOrder: (changed) => order(changed),
    topologicalOrder: () => order(byId.keys()),
  };
}

/**
 * Checks that saving `candidate` (a new field, or new dependencies for an existing one) keeps
 * the graph acyclic; throws naming the cycle, e.g. `Total → Share → Total`.
 */
export function assertNoCycle(fields: readonly GraphField[], candidate: GraphField): void {
  const others = fields.filter((field) => field.id !== candidate.id);
  buildDependencyGraph([...others, candidate]).topologicalOrder();
}
