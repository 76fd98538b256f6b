/**
 * The filter tree and sort list as users and views store them: nested AND/OR groups of
 * `{ field, operator, value }` conditions, and `{ field, direction }` sorts. These are the
 * *input* shapes; `resolveFilter` / `resolveSorts` turn them into predicates and resolved sorts.
 *
 * The TypeBox schemas describe the shape for OpenAPI and ajv. The resolver does not rely on
 * them: it walks untrusted input itself so that every refusal names its JSON path and the
 * limits below hold before any recursion.
 */
import { Type, type Static } from '@sinclair/typebox';
import { operatorKeys, type OperatorKey } from './operator-keys';

/** Deepest nesting of groups a filter may have (the root group is depth 1). */
export const maxFilterDepth = 16;
/** Most conditions one filter tree may hold, over all its groups. */
export const maxFilterConditions = 200;
/** Most groups one filter tree may hold, the root included. */
export const maxFilterGroups = 100;
/** Most operand values (list items count one each) over a whole tree: keeps SQL parameter counts bounded. */
export const maxFilterOperandValues = 2000;
/** Most sort levels. */
export const maxSorts = 20;
/** Longest text operand, in UTF-16 units. */
export const maxTextOperandLength = 100_000;

export type Conjunction = 'and' | 'or';

export interface FilterCondition {
  /** A field id or a field's exact name (no trimming, case folding or Unicode normalisation). */
  field: string;
  operator: OperatorKey;
  /** Operand; its form depends on the operator and the field's type. Missing or empty = inactive. */
  value?: unknown;
}

export interface FilterGroup {
  conjunction: Conjunction;
  conditions: Array<FilterGroup | FilterCondition>;
}

export type SortDirection = 'asc' | 'desc';

export interface SortSpec {
  field: string;
  direction: SortDirection;
}

export const FilterConditionSchema = Type.Object(
  {
    field: Type.String({ minLength: 1 }),
    operator: Type.Union(operatorKeys.map((key) => Type.Literal(key))),
    value: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: false },
);

export const FilterGroupSchema = Type.Recursive(
  (Group) =>
    Type.Object(
      {
        conjunction: Type.Union([Type.Literal('and'), Type.Literal('or')]),
        conditions: Type.Array(Type.Union([Group, FilterConditionSchema]), { maxItems: maxFilterConditions }),
      },
      { additionalProperties: false },
    ),
  { $id: 'FilterGroup' },
);

export const SortSpecSchema = Type.Object(
  {
    field: Type.String({ minLength: 1 }),
    direction: Type.Union([Type.Literal('asc'), Type.Literal('desc')]),
  },
  { additionalProperties: false },
);

export const SortListSchema = Type.Array(SortSpecSchema, { maxItems: maxSorts });

// The static types above are written by hand (recursive types read better that way); these
// assignments make the compiler check that they agree with the schemas.
const conditionAgrees: Static<typeof FilterConditionSchema> extends FilterCondition ? true : false = true;
const sortAgrees: Static<typeof SortSpecSchema> extends SortSpec ? true : false = true;
void conditionAgrees;
void sortAgrees;

/** True for a node shaped like a group (has `conjunction` or `conditions`), false for a condition. */
export function isFilterGroupLike(node: object): boolean {
  return Object.hasOwn(node, 'conjunction') || Object.hasOwn(node, 'conditions');
}
