/**
 * Keys typed on the grid before an editor has the keyboard. A printable key starts an edit, yet
 * React draws the editor a moment later: the keys typed meanwhile are kept (typed ahead) and the
 * editor takes them when it mounts. An input method's composition on a selected cell is caught
 * over the cell and opens the editor with its text (./ime-start.tsx).
 */
import type { GridApi } from 'ag-grid-community';
import { useCallback, useRef, type KeyboardEvent } from 'react';
import type { ApiRecord } from '../../api/records';
import type { ApiField } from '../../api/tables';
import { cellTypeOf } from '../../fields/registry';
import { editorClass } from '../grid-context';
import { imeStartKey, useImeStart } from './ime-start';

interface TypingStartOptions {
  api: GridApi<ApiRecord> | undefined;
  fieldsById: ReadonlyMap<string, ApiField>;
}

export function useTypingStart({ api, fieldsById }: TypingStartOptions) {
  const typedAhead = useRef('');
  // Stable: the grid's context hands it to every editor.
  const takeTypedAhead = useCallback(() => {
    const typed = typedAhead.current;
    typedAhead.current = '';
    return typed;
  }, []);
  const isEditing = () => (api?.getEditingCells().length ?? 0) > 0;

  const ime = useImeStart({
    api,
    takesText: ({ rowIndex, colId }) => {
      const field = fieldsById.get(colId);
      const node = api?.getDisplayedRowAtIndex(rowIndex);
      const column = api?.getColumn(colId);
      return field !== undefined && cellTypeOf(field).takesTypedText === true && node !== undefined && column?.isCellEditable(node) === true;
    },
    start: ({ rowIndex, colId }, text) => {
      typedAhead.current = text;
      api?.startEditingCell({ rowIndex, colKey: colId, key: imeStartKey });
    },
  });

  /** On the grid's keydown, capture phase. */
  const onKeyDownCapture = (event: KeyboardEvent) => {
    ime.onKeyDownCapture(event);
    // An edit has started but its editor is not drawn yet: keep the keys for it.
    const printable = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (printable && isEditing() && !(document.activeElement instanceof Element && document.activeElement.closest(`.${editorClass}`))) {
      typedAhead.current += event.key;
      event.preventDefault();
    }
  };

  return {
    onKeyDownCapture,
    /** The text area input methods compose in; drawn inside the grid's wrapper. */
    imeCatcher: ime.element,
    takeTypedAhead,
    /** An edit ended: nothing typed ahead is left for the next one. */
    onEditingStopped: () => (typedAhead.current = ''),
  };
}
