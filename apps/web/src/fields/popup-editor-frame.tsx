/**
 * The box a popup editor draws in, at least as wide as its cell. Pickers render their drop-downs
 * inside it (`popupContainer`), so the grid sees clicks on them as clicks inside the editor
 * rather than outside, which would end the edit. Tab saves and moves on (see ../editing/tab-out.ts).
 */
import type { GridApi } from 'ag-grid-community';
import { useRef, type ReactNode } from 'react';
import { tabOut } from '../grid/editing/tab-out';
import { editorClass } from '../grid/grid-context';

export function usePopupContainer() {
  const frame = useRef<HTMLDivElement>(null);
  return { frame, popupContainer: () => frame.current ?? document.body };
}

interface FrameProps {
  frame: React.RefObject<HTMLDivElement | null>;
  width: number;
  api: GridApi;
  children: ReactNode;
}

export function PopupEditorFrame({ frame, width, api, children }: FrameProps) {
  return (
    <div
      ref={frame}
      className={`mt-popup-editor ${editorClass}`}
      style={{ minWidth: Math.max(width, 220) }}
      data-testid="cell-editor"
      onKeyDownCapture={(event) => {
        if (event.key !== 'Tab') return;
        // Before the picker sees it: a list picker would take Tab as choosing its highlighted option.
        event.preventDefault();
        event.stopPropagation();
        tabOut(api, event.shiftKey);
      }}
    >
      {children}
    </div>
  );
}
