/**
 * The kinds of view and the field each layout is built on: a kanban stacks cards by a single
 * select or person field, a calendar places records on a date, a gallery shows a cover image.
 * Every view keeps the same configuration (filter, sorts, hidden fields …); these fields are
 * part of it, so renaming or deleting a field is handled in one place for all kinds.
 */
export const viewTypes = ['grid', 'kanban', 'calendar', 'gallery'] as const;
export type ViewType = (typeof viewTypes)[number];

export function isViewType(value: unknown): value is ViewType {
  return typeof value === 'string' && (viewTypes as readonly string[]).includes(value);
}

/** The layout settings of a view configuration, each naming one field, with the field types it accepts. */
export const layoutFieldTypes = {
  groupFieldId: ['singleSelect', 'person'],
  dateFieldId: ['date', 'createdTime', 'modifiedTime'],
  coverFieldId: ['attachment'],
} as const;
export type LayoutSetting = keyof typeof layoutFieldTypes;
