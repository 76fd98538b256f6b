/**
 * Views as a caller sees them: the shared views their role lists and their own personal views
 * (another's personal view does not exist for them), each with every reference to a field
 * they cannot read taken out — exactly what the view becomes when that field is deleted — so a
 * view's filter operands, sorts and widths never describe a hidden field, and listing through
 * the view filters only by what the caller could filter by themselves.
 */
import { viewConfigWithoutField, type ViewConfig } from '@multitable/core';
import type { Executor, ViewMeta } from '@multitable/storage';
import { EngineError } from '@multitable/core';
import { findCachedViewOfTable } from '../data/table-lookup';
import { storedViewConfig } from '../data/views';
import type { ReadableTable } from './readable-table';

function listed(readable: ReadableTable, view: ViewMeta): boolean {
  if (view.ownerId !== null) return view.ownerId === readable.readerId;
  return readable.permission.views === 'all' || readable.permission.views.includes(view.id);
}

/** The view's configuration without the fields `readable` hides. */
export function visibleViewConfig(readable: ReadableTable, view: ViewMeta): ViewConfig {
  let config = storedViewConfig(view);
  if (readable.fields.length === readable.allFields.length) return config;
  const shown = new Set(readable.fields.map((field) => field.id));
  for (const field of readable.allFields) if (!shown.has(field.id)) config = viewConfigWithoutField(config, field.id);
  return config;
}

/** The views of the table the caller may see, as they see them. */
export function visibleViews(readable: ReadableTable, views: readonly ViewMeta[]): ViewMeta[] {
  return views.filter((view) => listed(readable, view)).map((view) => ({ ...view, config: visibleViewConfig(readable, view) }));
}

/** A view the caller may see, by id or name, as they see it (another is NOT_FOUND, as if it did not exist). */
export async function findVisibleView(db: Executor, readable: ReadableTable, key: string, path = 'view'): Promise<ViewMeta> {
  const view = await findCachedViewOfTable(db, readable, key, path);
  if (!listed(readable, view)) throw new EngineError('NOT_FOUND', `View "${key}" not found`, { view: key, path });
  return { ...view, config: visibleViewConfig(readable, view) };
}
