/**
 * A record scope as a predicate: the same language as every filter, so storage compiles it to
 * the query's WHERE (reads) and core's evaluator checks it on the rows a write touches. A scope
 * that no longer resolves — its person field was deleted or changed type, its filter names a
 * field that is gone — matches no record: permissions fail closed.
 */
import { isEngineError } from '../errors';
import type { Field } from '../fields/field';
import type { FilterGroup } from '../filters/filter-tree';
import { alwaysFalse, alwaysTrue, type Predicate } from '../filters/predicate';
import { resolveFilter, type ResolveContext } from '../filters/resolve-filter';
import type { RecordScope } from './role-rules';

/** Field types a `personField` scope may name, with the operator that asks "holds me". */
const holdsMe: Readonly<Record<string, { operator: 'hasAnyOf' | 'is'; value: unknown }>> = {
  person: { operator: 'hasAnyOf', value: ['me'] },
  createdBy: { operator: 'is', value: 'me' },
  modifiedBy: { operator: 'is', value: 'me' },
};

export function isPersonScopeField(field: Pick<Field, 'type'>): boolean {
  return Object.hasOwn(holdsMe, field.type);
}

/** Stands for the row's `created_by` column in "records I created" (a table need not show it as a field). */
function createdByColumn(tableId: string): Field {
  return { id: 'fld_createdbyscope', tableId, name: 'created by', type: 'createdBy', options: {}, description: '', isPrimary: false };
}

function holdsCaller(field: Field, ctx: ResolveContext): Predicate {
  const test = holdsMe[field.type]!;
  const tree: FilterGroup = { conjunction: 'and', conditions: [{ field: field.id, operator: test.operator, value: test.value }] };
  return resolveFilter(tree, [field], ctx, { requireOperands: true });
}

type ScopeOf<T extends RecordScope['type']> = Extract<RecordScope, { type: T }>;
type ScopeLowering = { readonly [T in RecordScope['type']]: (scope: ScopeOf<T>, tableId: string, fields: readonly Field[], ctx: ResolveContext) => Predicate };

/** One entry per scope kind: a new kind of scope is a schema member in role-rules.ts and a line here. */
const scopeLowerings: ScopeLowering = {
  all: () => alwaysTrue,
  createdByMe: (_scope, tableId, _fields, ctx) => holdsCaller(createdByColumn(tableId), ctx),
  personField: (scope, _tableId, fields, ctx) => {
    const field = fields.find((candidate) => candidate.id === scope.fieldId);
    return field && isPersonScopeField(field) ? holdsCaller(field, ctx) : alwaysFalse;
  },
  filter: (scope, _tableId, fields, ctx) => {
    try {
      return resolveFilter(scope.filter, fields, ctx, { requireOperands: true });
    } catch (error) {
      if (isEngineError(error)) return alwaysFalse;
      throw error;
    }
  },
};

/**
 * The predicate of `scope` on a table with `fields` (all of them, hidden ones included: a scope
 * is the admin's rule, not the caller's query), for the caller `ctx.me`.
 */
export function recordScopePredicate(scope: RecordScope, tableId: string, fields: readonly Field[], ctx: ResolveContext): Predicate {
  if (scope.type === 'all') return alwaysTrue;
  if (ctx.me === undefined) return alwaysFalse;
  const lower = scopeLowerings[scope.type] as (scope: RecordScope, tableId: string, fields: readonly Field[], ctx: ResolveContext) => Predicate;
  return lower(scope, tableId, fields, ctx);
}
