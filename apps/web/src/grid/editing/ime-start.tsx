/**
 * Typing with an input method (pinyin, kana, Hangul) on a selected cell, as in Bitable or Excel.
 * A focused grid cell is no text box, so a composition begun there is lost or loses its first
 * syllable, and AG Grid only starts editing on printable keys. The key that opens a composition
 * (keydown 'Process', keyCode 229) therefore moves the keyboard, within that same event, to a text
 * area laid over the cell: the composition happens there, in place, and its committed text opens
 * the cell's editor holding exactly that text.
 */
import type { GridApi } from 'ag-grid-community';
import { useRef, type KeyboardEvent } from 'react';
import type { ApiRecord } from '../../api/records';

/**
 * A key press that belongs to an input method: it opens or changes a composition, and its Enter
 * confirms the composition — not the cell.
 */
export function isImeKey(event: { key: string; keyCode: number; isComposing?: boolean }): boolean {
  return event.isComposing === true || event.keyCode === 229 || event.key === 'Process';
}

/** The key an editor is started with when an input method's text follows as typed ahead. */
export const imeStartKey = 'Process';

export interface ImeCell {
  rowIndex: number;
  colId: string;
}

interface ImeStartOptions {
  api: GridApi<ApiRecord> | undefined;
  /** Whether typed text opens this cell's editor (an editable text box or option search). */
  takesText(cell: ImeCell): boolean;
  /** Opens the cell's editor starting with the composed text. */
  start(cell: ImeCell, text: string): void;
}

const activeClass = 'mt-ime-catcher-active';

export function useImeStart({ api, takesText, start }: ImeStartOptions) {
  const catcher = useRef<HTMLTextAreaElement>(null);
  const target = useRef<ImeCell | null>(null);

  const reset = () => {
    target.current = null;
    const area = catcher.current;
    if (!area) return;
    area.value = '';
    area.classList.remove(activeClass);
  };

  const finish = (text: string) => {
    const cell = target.current;
    reset();
    if (!cell || !api || api.isDestroyed()) return;
    if (text) start(cell, text);
    // Cancelled (Esc, or everything deleted): the keyboard goes back to the cell.
    else api.setFocusedCell(cell.rowIndex, cell.colId);
  };

  /** On the grid's keydown, capture phase: an input method's first key on a selected cell. */
  const onKeyDownCapture = (event: KeyboardEvent) => {
    const area = catcher.current;
    if (!area || !api || event.target === area || !isImeKey(event.nativeEvent)) return;
    const cellElement = event.target instanceof Element ? event.target.closest('.ag-cell') : null;
    const focused = api.getFocusedCell();
    if (!cellElement || !focused || api.getEditingCells().length > 0) return;
    const cell = { rowIndex: focused.rowIndex, colId: focused.column.getColId() };
    if (!takesText(cell)) return;
    target.current = cell;
    cover(area, cellElement);
    // Synchronously, before the composition starts: it lands in the text area.
    area.focus();
  };

  const element = (
    <textarea
      ref={catcher}
      className="mt-ime-catcher"
      aria-hidden
      tabIndex={-1}
      data-testid="ime-catcher"
      onCompositionEnd={(event) => finish(event.data)}
      onInput={(event) => {
        // Text put in without a composition (an input method that commits at once).
        if (!(event.nativeEvent as InputEvent).isComposing && target.current) finish(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        // Keys here belong to the composition, not to the grid's shortcuts (Delete, undo…).
        event.stopPropagation();
        if (event.key === 'Escape' && !isImeKey(event.nativeEvent)) finish('');
      }}
      onBlur={reset}
    />
  );

  return { onKeyDownCapture, element };
}

/** Lays the text area over the cell so the composition shows where the text will go. */
function cover(area: HTMLTextAreaElement, cellElement: Element): void {
  const box = cellElement.getBoundingClientRect();
  const origin = (area.offsetParent ?? document.body).getBoundingClientRect();
  Object.assign(area.style, {
    left: `${box.left - origin.left}px`,
    top: `${box.top - origin.top}px`,
    width: `${box.width}px`,
    height: `${box.height}px`,
    lineHeight: `${Math.max(box.height - 4, 0)}px`,
  });
  area.classList.add(activeClass);
}
