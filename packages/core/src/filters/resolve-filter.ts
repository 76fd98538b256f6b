/**
 * The filter resolver: untrusted filter tree in, predicate out.
 *
 * It checks the shape (at most 16 levels, 200 conditions, 100 groups — before recursing),
 * finds each field exactly by id or name, refuses an operator the field's type does not offer,
 * checks and normalises each operand, and lowers every condition to predicates
 * (./predicate.ts) that the in-memory evaluator and the SQL compiler both implement.
 *
 * A condition whose operand is missing or empty (null, '', []) is inactive, as in the filter
 * builders of Airtable and Bitable; a group with no active condition is inactive too, and an
 * inactive tree matches every record. Pass `requireOperands` where a half-written condition
 * must be an error instead (permission rules, automation conditions).
 */
import type { Field } from '../fields/field';
import { getFieldType } from '../fields/registry';
import { findField } from './field-reference';
import {
  isFilterGroupLike,
  maxFilterConditions,
  maxFilterDepth,
  maxFilterGroups,
  maxFilterOperandValues,
} from './filter-tree';
import { invalidFilter, isEmptyOperand, type LoweringInput, type ResolveContext } from './operand-context';
import { operatorKeys, type OperatorKey } from './operator-keys';
import { operators } from './operators';
import { alwaysTrue, and, or, type Predicate } from './predicate';
import { queryProfileOf, targetOf } from './query-profiles';

export type { ResolveContext } from './operand-context';

export interface ResolveFilterOptions {
  /** JSON path of the tree in the caller's input, used in error details. Default `filter`. */
  path?: string;
  /** Refuse conditions without an operand instead of treating them as inactive. */
  requireOperands?: boolean;
}

interface Walk {
  fields: readonly Field[];
  ctx: ResolveContext;
  requireOperands: boolean;
  conditions: number;
  groups: number;
  operandValues: number;
}

/**
 * Resolves a filter tree (`FilterGroup`, or null for "no filter") against the fields the caller
 * may see. Throws UNKNOWN_FIELD or INVALID_FILTER, each naming the JSON path.
 */
export function resolveFilter(
  tree: unknown,
  fields: readonly Field[],
  ctx: ResolveContext,
  options: ResolveFilterOptions = {},
): Predicate {
  if (tree === null || tree === undefined) return alwaysTrue;
  const walk: Walk = { fields, ctx, requireOperands: options.requireOperands ?? false, conditions: 0, groups: 0, operandValues: 0 };
  return resolveGroup(walk, tree, options.path ?? 'filter', 1) ?? alwaysTrue;
}

function asObject(node: unknown, path: string, what: string): Record<string, unknown> {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) throw invalidFilter(path, `Expected ${what}`);
  return node as Record<string, unknown>;
}

function refuseExtraKeys(node: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(node)) {
    if (!allowed.includes(key)) throw invalidFilter(`${path}.${key}`, `Unexpected property "${key}"`);
  }
}

/** A group's predicate, or undefined when none of its conditions is active. */
function resolveGroup(walk: Walk, node: unknown, path: string, depth: number): Predicate | undefined {
  const group = asObject(node, path, 'a filter group { conjunction, conditions }');
  refuseExtraKeys(group, ['conjunction', 'conditions'], path);
  if (depth > maxFilterDepth) throw invalidFilter(path, `Filter groups nest deeper than ${maxFilterDepth} levels`);
  if (++walk.groups > maxFilterGroups) throw invalidFilter(path, `A filter may hold at most ${maxFilterGroups} groups`);
  const { conjunction, conditions } = group;
  if (conjunction !== 'and' && conjunction !== 'or') throw invalidFilter(`${path}.conjunction`, 'Expected "and" or "or"');
  if (!Array.isArray(conditions)) throw invalidFilter(`${path}.conditions`, 'Expected an array of conditions');

  const active: Predicate[] = [];
  conditions.forEach((child, index) => {
    const childPath = `${path}.conditions[${index}]`;
    const childNode = asObject(child, childPath, 'a filter condition or group');
    const predicate = isFilterGroupLike(childNode)
      ? resolveGroup(walk, childNode, childPath, depth + 1)
      : resolveCondition(walk, childNode, childPath);
    if (predicate) active.push(predicate);
  });
  if (active.length === 0) return undefined;
  return conjunction === 'and' ? and(active) : or(active);
}

function resolveCondition(walk: Walk, condition: Record<string, unknown>, path: string): Predicate | undefined {
  refuseExtraKeys(condition, ['field', 'operator', 'value'], path);
  if (++walk.conditions > maxFilterConditions) {
    throw invalidFilter(path, `A filter may hold at most ${maxFilterConditions} conditions`);
  }
  const field = findField(condition.field, walk.fields, `${path}.field`);
  const operatorKey = condition.operator;
  if (typeof operatorKey !== 'string' || !(operatorKeys as readonly string[]).includes(operatorKey)) {
    throw invalidFilter(`${path}.operator`, `Unknown operator ${JSON.stringify(String(operatorKey)).slice(0, 60)}`);
  }
  const profile = queryProfileOf(field, `${path}.field`);
  const definition = operators[operatorKey as OperatorKey];
  const lowering = definition.lower[profile.values];
  if (!getFieldType(field.type).operators.includes(operatorKey as OperatorKey) || !lowering) {
    throw invalidFilter(`${path}.operator`, `Operator "${operatorKey}" is not available for field "${field.name}"`, {
      field: field.id,
    });
  }

  const valuePath = `${path}.value`;
  if (definition.takesOperand && isEmptyOperand(condition.value)) {
    if (walk.requireOperands) throw invalidFilter(valuePath, `Operator "${operatorKey}" needs a value`, { field: field.id });
    return undefined;
  }
  const input: LoweringInput = {
    target: targetOf(field),
    profile,
    operand: condition.value,
    path: valuePath,
    ctx: walk.ctx,
    spend(count) {
      walk.operandValues += count;
      if (walk.operandValues > maxFilterOperandValues) {
        throw invalidFilter(valuePath, `A filter may hold at most ${maxFilterOperandValues} values in all`);
      }
    },
  };
  return lowering(input);
}
