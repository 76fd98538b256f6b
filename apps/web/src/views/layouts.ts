/**
 * How a view lays out its records, from the view's type (core's `viewTypes`): a grid, or a
 * kanban board of cards stacked by the field its configuration names (`groupFieldId`), a
 * calendar on its date (`dateFieldId`), or a gallery of cards with its cover (`coverFieldId`).
 * A view of a type this web does not know opens as a grid. A registry of layouts, so a new one
 * is an entry here and a component in views/.
 */
import { layoutFieldTypes, type LayoutSetting, type ViewConfig, type ViewType } from '@multitable/core';
import type { ApiField, ApiView } from '../api/tables';
import { stackableFields } from './kanban/kanban-model';

/** The layouts the web draws and offers when creating a view. */
export const layoutTypes = ['grid', 'kanban', 'calendar', 'gallery'] as const satisfies readonly ViewType[];
export type LayoutType = (typeof layoutTypes)[number];

export function layoutOf(view: ApiView): LayoutType {
  return (layoutTypes as readonly string[]).includes(view.type) ? (view.type as LayoutType) : 'grid';
}

/** The field a layout is built on, as its toolbar offers it. */
export interface LayoutField {
  /** The view setting that names it. */
  setting: LayoutSetting;
  /** i18n key of the toolbar's label. */
  label: string;
  /** i18n key of the choice "none" when the layout works without the field (a gallery without covers); absent: the first candidate is the default. */
  none?: string;
  testId: string;
  /** The fields the layout can be built on. */
  candidates(fields: readonly ApiField[]): ApiField[];
}

const ofSettingTypes = (setting: LayoutSetting) => (fields: readonly ApiField[]) => fields.filter((field) => (layoutFieldTypes[setting] as readonly string[]).includes(field.type));

export const layoutFields: Partial<Record<LayoutType, LayoutField>> = {
  kanban: { setting: 'groupFieldId', label: 'kanban.stackBy', testId: 'stack-by', candidates: stackableFields },
  calendar: { setting: 'dateFieldId', label: 'calendar.dateField', testId: 'date-field', candidates: ofSettingTypes('dateFieldId') },
  gallery: { setting: 'coverFieldId', label: 'gallery.cover', none: 'gallery.noCover', testId: 'cover-field', candidates: ofSettingTypes('coverFieldId') },
};

/** The field `layout` is built on: the one the view names, else (for a layout that needs one) the first candidate. */
export function layoutFieldOf(layout: LayoutType, config: ViewConfig, fields: readonly ApiField[]): ApiField | undefined {
  const spec = layoutFields[layout];
  if (!spec) return undefined;
  const candidates = spec.candidates(fields);
  const named = candidates.find((field) => field.id === config[spec.setting]);
  return named ?? (spec.none ? undefined : candidates[0]);
}
