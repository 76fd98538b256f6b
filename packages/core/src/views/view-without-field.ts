/**
 * A view configuration with every reference to one field removed — what a view becomes when
 * that field is deleted: its filter conditions on the field go (a group left empty goes too),
 * as do its sorts, hidden and order entries and column width; a layout built on it loses its field.
 */
import { isFilterGroupLike, type FilterCondition, type FilterGroup } from '../filters/filter-tree';
import type { ViewConfig } from './view-config';

function filterWithout(group: FilterGroup, fieldId: string): FilterGroup | null {
  const conditions: FilterGroup['conditions'] = [];
  for (const node of group.conditions) {
    if (isFilterGroupLike(node)) {
      const kept = filterWithout(node as FilterGroup, fieldId);
      if (kept) conditions.push(kept);
    } else if ((node as FilterCondition).field !== fieldId) {
      conditions.push(node);
    }
  }
  return conditions.length > 0 ? { conjunction: group.conjunction, conditions } : null;
}

export function viewConfigWithoutField(config: ViewConfig, fieldId: string): ViewConfig {
  const { [fieldId]: _removed, ...columnWidths } = config.columnWidths;
  return {
    ...config,
    filter: config.filter ? filterWithout(config.filter, fieldId) : null,
    sorts: config.sorts.filter((sort) => sort.field !== fieldId),
    hiddenFieldIds: config.hiddenFieldIds.filter((id) => id !== fieldId),
    fieldOrder: config.fieldOrder.filter((id) => id !== fieldId),
    columnWidths,
    groupBy: config.groupBy.filter((level) => level.field !== fieldId),
    groupFieldId: config.groupFieldId === fieldId ? null : config.groupFieldId,
    dateFieldId: config.dateFieldId === fieldId ? null : config.dateFieldId,
    coverFieldId: config.coverFieldId === fieldId ? null : config.coverFieldId,
  };
}
