/**
 * A view's settings as the web uses them: the stored configuration (core's `ViewConfig`, saved
 * on the server and shared by everyone who opens the view), group-by levels included.
 */
import { defaultViewConfig, maxGroupLevels, type ViewConfig } from '@multitable/core';
import type { ApiView } from '../api/tables';
import type { GroupLevel } from '../grid/record-datasource';

export { maxGroupLevels };

/** The view's configuration with defaults for settings it was saved without. */
export function configOf(view: ApiView): ViewConfig {
  const stored = view.config !== null && typeof view.config === 'object' ? (view.config as Partial<ViewConfig>) : {};
  return { ...defaultViewConfig(), ...stored };
}

function isGroupLevel(value: unknown): value is GroupLevel {
  if (value === null || typeof value !== 'object') return false;
  const level = value as Record<string, unknown>;
  return typeof level.field === 'string' && (level.direction === 'asc' || level.direction === 'desc');
}

/** The view's group-by levels that still name one of `fieldIds`. */
export function groupByOf(view: ApiView, fieldIds: ReadonlySet<string>): GroupLevel[] {
  const stored: unknown = configOf(view).groupBy;
  if (!Array.isArray(stored)) return [];
  return stored.filter(isGroupLevel).filter((level) => fieldIds.has(level.field)).slice(0, maxGroupLevels);
}

/** Row height in pixels of each of core's row height settings. */
export const rowHeightPixels: Readonly<Record<ViewConfig['rowHeight'], number>> = {
  short: 36,
  medium: 56,
  tall: 88,
  extraTall: 128,
};
