/**
 * What a view keeps when one of its fields changes type or options: filter conditions and sorts
 * on that field which the field can no longer evaluate (an operator its new type lacks, an
 * operand it cannot read, a sort it cannot order) are dropped, so the view keeps listing records
 * instead of refusing every request. Everything that still resolves is kept exactly as it was.
 * Deleting a field is the other case, handled by core's `viewConfigWithoutField`.
 */
import {
  isEngineError,
  isFilterGroupLike,
  resolveFilter,
  layoutFieldTypes,
  resolveGroupBy,
  resolveSorts,
  type Field,
  type LayoutSetting,
  type FilterCondition,
  type FilterGroup,
  type ViewConfig,
} from '@multitable/core';

function resolves(check: () => unknown): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (isEngineError(error)) return false;
    throw error;
  }
}

function conditionResolves(condition: FilterCondition, fields: readonly Field[]): boolean {
  // The clock and zone do not matter for validity, as when a view is saved.
  return resolves(() => resolveFilter({ conjunction: 'and', conditions: [condition] }, fields, { now: new Date(), timeZone: 'UTC' }));
}

function filterKeeping(group: FilterGroup, fieldId: string, fields: readonly Field[]): FilterGroup | null {
  const conditions: FilterGroup['conditions'] = [];
  for (const node of group.conditions) {
    if (isFilterGroupLike(node)) {
      const kept = filterKeeping(node as FilterGroup, fieldId, fields);
      if (kept) conditions.push(kept);
    } else {
      const condition = node as FilterCondition;
      if (condition.field !== fieldId || conditionResolves(condition, fields)) conditions.push(condition);
    }
  }
  return conditions.length > 0 ? { conjunction: group.conjunction, conditions } : null;
}

/** A layout setting kept only while its field is still of a type the layout accepts. */
function layoutKeeping(config: ViewConfig, setting: LayoutSetting, fieldId: string, fields: readonly Field[]): string | null {
  const current = config[setting];
  if (current !== fieldId) return current;
  const field = fields.find((candidate) => candidate.id === fieldId);
  return field && (layoutFieldTypes[setting] as readonly string[]).includes(field.type) ? current : null;
}

/** `config` without what on `fieldId` `fields` (as they are now) no longer resolve: conditions, sorts, layouts. */
export function viewConfigAfterFieldChange(config: ViewConfig, fieldId: string, fields: readonly Field[]): ViewConfig {
  return {
    ...config,
    filter: config.filter ? filterKeeping(config.filter, fieldId, fields) : null,
    sorts: config.sorts.filter((sort) => sort.field !== fieldId || resolves(() => resolveSorts([sort], fields))),
    groupBy: config.groupBy.filter((level) => level.field !== fieldId || resolves(() => resolveGroupBy([level], fields))),
    groupFieldId: layoutKeeping(config, 'groupFieldId', fieldId, fields),
    dateFieldId: layoutKeeping(config, 'dateFieldId', fieldId, fields),
    coverFieldId: layoutKeeping(config, 'coverFieldId', fieldId, fields),
  };
}
