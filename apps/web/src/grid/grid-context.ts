/**
 * What every cell renderer and editor of one grid can reach through AG Grid's `context`: the
 * cell environment (users, time zone, locale), the fields by id, and the writer that all edits go
 * through. Built by TableGrid; read with `gridContextOf(params)`.
 */
import type { ApiField } from '../api/tables';
import type { UserSummary } from '../api/users';
import type { CellEnvironment } from './cell-values';
import type { CellWriter } from './editing/cell-writer';

export interface GridContext {
  /** The base the grid shows (attachment and link cells read from it). */
  baseId: string;
  env: CellEnvironment;
  users: readonly UserSummary[];
  fieldsById: ReadonlyMap<string, ApiField>;
  writer: CellWriter;
  /**
   * Keys typed after an edit started but before its editor had the keyboard (React draws the
   * editor a moment later); the editor takes them when it mounts so a fast typist loses nothing.
   */
  takeTypedAhead(): string;
  /** Opens the record's side panel. */
  expandRecord(recordId: string): void;
  /** Collapses or expands a group of a grouped grid (by the group's path). */
  toggleGroup(path: string): void;
}

/** Marks the element that has the keyboard while a cell is edited. */
export const editorClass = 'mt-editor';

export function gridContextOf(params: { context: unknown }): GridContext {
  return params.context as GridContext;
}
