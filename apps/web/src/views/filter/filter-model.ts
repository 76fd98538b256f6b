/**
 * What the filter builder offers for a field, from core alone: the operators its type lists
 * (`getFieldType(type).operators`, in the builder's order) that work on how the field is queried
 * (`queryProfiles`), and which operand editor each condition needs. The builder edits core's
 * filter tree (`FilterGroup`) as is; conditions without an operand yet are saved too — the
 * server treats them as inactive, as Airtable does.
 */
import {
  getFieldType,
  hasQueryProfile,
  isFilterGroupLike,
  maxFilterDepth,
  operators,
  operatorsForKind,
  queryProfiles,
  type FilterCondition,
  type FilterGroup,
  type OperatorKey,
  type QueryProfile,
} from '@multitable/core';
import type { ApiField } from '../../api/tables';

/**
 * The operand editors of the builder (./operand-editors.tsx has one per key):
 * none — the operator takes no operand (is empty); text, number, boolean — one value;
 * choice / choices — one or several of the field's choices (free text where it has none);
 * people — users or "me"; day — a calendar day, exact or relative; span — a span of days.
 */
export type OperandKind = 'none' | 'text' | 'number' | 'boolean' | 'choice' | 'choices' | 'people' | 'day' | 'span';

/** Operators whose operand is a list of values. */
const listOperators: ReadonlySet<OperatorKey> = new Set(['isAnyOf', 'isNoneOf', 'hasAnyOf', 'hasAllOf', 'hasNoneOf', 'isExactly']);

/** Link lists are asked by record id, which the builder has no picker for yet: title text and emptiness only. */
const linkOperators: ReadonlySet<OperatorKey> = new Set(['contains', 'doesNotContain', 'isEmpty', 'isNotEmpty']);

/** Whether the operator's operand is a list (is any of, has all of …). */
export function takesList(operator: OperatorKey): boolean {
  return listOperators.has(operator);
}

export function profileOf(field: ApiField): QueryProfile | undefined {
  return hasQueryProfile(field.type) ? queryProfiles[field.type]!(field.options) : undefined;
}

/** Fields a filter (or sort, group) can name. */
export function queryableFields(fields: readonly ApiField[]): ApiField[] {
  return fields.filter((field) => profileOf(field) !== undefined);
}

export function operatorsFor(field: ApiField): OperatorKey[] {
  const profile = profileOf(field);
  if (!profile) return [];
  const working = new Set(operatorsForKind(profile.values));
  return getFieldType(field.type).operators.filter((key) => working.has(key) && (profile.values !== 'linkList' || linkOperators.has(key)));
}

export function choicesOf(field: ApiField): string[] {
  const choices = field.options.choices;
  return Array.isArray(choices) ? choices.flatMap((choice: unknown) => (choice && typeof choice === 'object' && 'name' in choice ? [String((choice as { name: unknown }).name)] : [])) : [];
}

export function operandKindOf(field: ApiField, operator: OperatorKey): OperandKind {
  const profile = profileOf(field);
  if (!profile || !operators[operator].takesOperand) return 'none';
  if (profile.values === 'date') return operator === 'isWithin' ? 'span' : 'day';
  if (profile.values === 'boolean') return 'boolean';
  if (profile.acceptsMe) return 'people';
  if (profile.values === 'number') return 'number';
  if (listOperators.has(operator)) return 'choices';
  if (choicesOf(field).length > 0 && (operator === 'is' || operator === 'isNot')) return 'choice';
  return 'text';
}

/** A new condition on `field`: its first operator, no operand yet (inactive until one is given). */
export function newCondition(field: ApiField): FilterCondition {
  return { field: field.id, operator: operatorsFor(field)[0] ?? 'isNotEmpty' };
}

/** The condition after picking another operator: the operand stays when its editor stays the same. */
export function withOperator(field: ApiField, condition: FilterCondition, operator: OperatorKey): FilterCondition {
  const keep = operandKindOf(field, condition.operator) === operandKindOf(field, operator) && condition.value !== undefined;
  return { field: condition.field, operator, ...(keep ? { value: condition.value } : {}) };
}

export function isGroup(node: FilterGroup | FilterCondition): node is FilterGroup {
  return isFilterGroupLike(node);
}

/** Conditions in the tree, nested ones included (the toolbar button shows the number). */
export function conditionCount(group: FilterGroup | null): number {
  if (!group) return 0;
  return group.conditions.reduce((sum, node) => sum + (isGroup(node) ? conditionCount(node) : 1), 0);
}

/** The builder nests groups two deep (Airtable's limit); core allows more. */
export const builderMaxDepth = Math.min(2, maxFilterDepth);

/** The tree without empty groups; null when nothing is left. */
export function pruned(group: FilterGroup): FilterGroup | null {
  const conditions = group.conditions.flatMap((node): Array<FilterGroup | FilterCondition> => {
    if (!isGroup(node)) return [node];
    const inner = pruned(node);
    return inner ? [inner] : [];
  });
  return conditions.length > 0 ? { conjunction: group.conjunction, conditions } : null;
}

/**
 * The tree with the group at `path` (indexes of nested groups from the root) replaced by
 * `edit(group)`. Edits go through the latest tree, so two changes made before the builder draws
 * again (a value saved on blur, then a click on "add condition") both stay.
 */
export function editGroupAt(root: FilterGroup, path: readonly number[], edit: (group: FilterGroup) => FilterGroup): FilterGroup {
  if (path.length === 0) return edit(root);
  const [index, ...rest] = path;
  return {
    ...root,
    conditions: root.conditions.map((node, at) => (at === index && isGroup(node) ? editGroupAt(node, rest, edit) : node)),
  };
}
