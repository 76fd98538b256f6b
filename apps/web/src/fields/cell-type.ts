/**
 * The web twin of core's field-type registry: how a field type's cells look and are edited.
 * One file per type in this folder, one line in ./registry.ts. Values reaching a renderer are the
 * API's (presented) values; editors hand back *input* that core's loose cast reads (see
 * ../cell-values.ts), so a text editor may return "1,234" and core decides what it means.
 */
import type { CustomCellEditorProps } from 'ag-grid-react';
import type { ComponentType } from 'react';
import type { ApiRecord } from '../api/records';
import type { ApiField } from '../api/tables';
import type { OptionsEditor } from '../field-design/options-editor';
import type { GridContext } from '../grid/grid-context';

export interface CellRendererProps {
  value: unknown;
  field: ApiField;
  recordId: string;
  context: GridContext;
}

export type CellEditorProps = CustomCellEditorProps<ApiRecord, unknown, GridContext> & { field: ApiField };

/**
 * A field's editor in the record panel: always shown (no grid cell to start it from), saving
 * each finished change (a pick, a toggle, a text field left or Enter) as input core reads.
 */
export interface FieldEditorProps {
  /** The presented value (as the API shows it). */
  value: unknown;
  field: ApiField;
  recordId: string;
  context: GridContext;
  /** The user's role may not edit the field: shown, not changeable. */
  disabled: boolean;
  onSave(input: unknown): void;
}

export interface CellType {
  /** Icon beside the field name in the column header and in the field type menu. */
  icon: ComponentType<{ className?: string }>;
  Renderer: ComponentType<CellRendererProps>;
  /** In-cell editor; absent when the cell is changed without one (checkbox) or is read-only. */
  Editor?: ComponentType<CellEditorProps>;
  /** The editor floats over the grid (pickers, lists) instead of filling the cell. */
  popupEditor?: boolean;
  /**
   * Keys the grid must leave to the editor while it is open (a list picker takes Enter and the
   * arrows to choose an option); by default the grid's own Enter ends the edit.
   */
  editorKeys?: readonly string[];
  /**
   * Typing on the selected cell opens the editor with what was typed (a text box, an option
   * search); an input method's composed text is handed over the same way (grid/editing/ime-start).
   */
  takesTypedText?: boolean;
  /** Editor in the record panel; absent for read-only types (the Renderer shows them there too). */
  FieldEditor?: ComponentType<FieldEditorProps>;
  /** Changes a value with one key press (Space / Enter) or click, without an editor. */
  toggle?(value: unknown): unknown;
  /** Cell content alignment (numbers right, like a spreadsheet). */
  align?: 'left' | 'right' | 'center';
  /** Column width when the view stores none. */
  width?: number;
  /** The type's own settings in the field dialog (choices, formats, a formula …); absent when it has none. */
  OptionsEditor?: OptionsEditor;
}
