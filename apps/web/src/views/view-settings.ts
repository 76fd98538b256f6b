/**
 * A view's settings as the web uses them: the stored configuration (core's `ViewConfig`, saved
 * on the server) plus the group-by levels.
 *
 * Group-by is not part of the server's view configuration yet (core's `ViewConfigSchema`
 * refuses unknown keys), so the levels are kept in this browser, per view, under
 * `multitable.view.<viewId>.groupBy`. When the configuration gains `groupBy`, `groupByOf` reads
 * it from there first and only `saveGroupBy` needs to change.
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

const groupByKey = (viewId: string) => `multitable.view.${viewId}.groupBy`;

function isGroupLevel(value: unknown): value is GroupLevel {
  if (value === null || typeof value !== 'object') return false;
  const level = value as Record<string, unknown>;
  return typeof level.field === 'string' && (level.direction === 'asc' || level.direction === 'desc');
}

/** The view's group-by levels that still name one of `fieldIds`. */
export function groupByOf(view: ApiView, fieldIds: ReadonlySet<string>): GroupLevel[] {
  const stored = (view.config as { groupBy?: unknown } | null)?.groupBy ?? readLocal(view.id);
  if (!Array.isArray(stored)) return [];
  return stored.filter(isGroupLevel).filter((level) => fieldIds.has(level.field)).slice(0, maxGroupLevels);
}

function readLocal(viewId: string): unknown {
  try {
    return JSON.parse(globalThis.localStorage?.getItem(groupByKey(viewId)) ?? 'null');
  } catch {
    return null;
  }
}

export function saveGroupBy(viewId: string, levels: readonly GroupLevel[]): void {
  if (levels.length === 0) localStorage.removeItem(groupByKey(viewId));
  else localStorage.setItem(groupByKey(viewId), JSON.stringify(levels));
}

/** Row height in pixels of each of core's row height settings. */
export const rowHeightPixels: Readonly<Record<ViewConfig['rowHeight'], number>> = {
  short: 36,
  medium: 56,
  tall: 88,
  extraTall: 128,
};

/** A duplicated view groups like its original. */
export function copyGroupBy(fromViewId: string, toViewId: string): void {
  const levels = readLocal(fromViewId);
  if (Array.isArray(levels) && levels.length > 0) localStorage.setItem(groupByKey(toViewId), JSON.stringify(levels));
}
