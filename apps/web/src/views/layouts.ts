/**
 * How a view lays out its records, from the view's type (core's `viewTypes`): a grid, or a
 * kanban board of cards stacked by the field its configuration names (`groupFieldId`), a month
 * calendar on its date (`dateFieldId`), or a gallery of cards with its cover (`coverFieldId`).
 * A view of a type this web does not know opens as a grid. A registry of layouts, so a new one is an entry here and a component in views/.
 */
import type { ViewType } from '@multitable/core';
import type { ApiView } from '../api/tables';

/** The layouts the web draws and offers when creating a view. */
export const layoutTypes = ['grid', 'kanban', 'calendar', 'gallery'] as const satisfies readonly ViewType[];
export type LayoutType = (typeof layoutTypes)[number];

export function layoutOf(view: ApiView): LayoutType {
  return (layoutTypes as readonly string[]).includes(view.type) ? (view.type as LayoutType) : 'grid';
}
