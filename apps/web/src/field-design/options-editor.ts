/**
 * What a field type's options editor (the `OptionsEditor` of its entry in ../fields/registry.ts)
 * gets from the field dialog: the options being edited, and the table around the field, which
 * formulas, links, lookups and rollups choose from. The editor hands back the whole options
 * object it edits; the dialog decides what to send.
 */
import type { ComponentType } from 'react';
import type { ApiField, ApiTable } from '../api/tables';

export interface OptionsEditorProps {
  options: Record<string, unknown>;
  onChange(options: Record<string, unknown>): void;
  /** The table the field is in (its other fields). */
  table: ApiTable;
  baseId: string;
  /** The base's time zone: what dates use when they set none. */
  baseTimeZone: string;
  /**
   * The field as saved, when it already has the type being edited; absent while adding a field or
   * changing its type. Options that only apply at creation (a link's two-way) are then not offered.
   */
  saved?: ApiField;
}

/** A type's options editor; `wide` when it needs the room of a side panel (the formula's function reference). */
export type OptionsEditor = ComponentType<OptionsEditorProps> & { wide?: boolean };

/** Reads one option with a fallback, typed by the fallback. */
export function optionOf<T>(options: Record<string, unknown>, key: string, fallback: T): T {
  const value = options[key];
  return value === undefined || value === null || typeof value !== typeof fallback ? fallback : (value as T);
}
