/**
 * The in-cell text input that text-like types share (text, number, phone, email, URL, duration).
 * Started by typing, it begins with the typed character, as in a spreadsheet; started by Enter
 * or F2, with the cell's text; by Backspace or Delete, empty; by an input method, with its text. It hands back the text: core reads it.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { cellText } from '../grid/cell-values';
import { imeStartKey } from '../grid/editing/ime-start';
import { editorClass } from '../grid/grid-context';
import type { CellEditorProps } from './cell-type';

export function startingText(props: CellEditorProps): string {
  const key = props.eventKey;
  // imeStartKey: an input method's composed text follows as typed ahead.
  if (key === 'Backspace' || key === 'Delete' || key === imeStartKey) return '';
  if (key && key.length === 1) return key;
  return cellText(props.field, props.initialValue, props.context.env);
}

/**
 * On mount: adds the keys typed ahead, reports the starting text, and takes the keyboard with
 * the caret at the end. Later changes report themselves in onChange.
 */
export function useTextStart(
  props: CellEditorProps,
  text: string,
  setText: (text: string) => void,
  element: RefObject<HTMLInputElement | HTMLTextAreaElement | null>,
): void {
  useEffect(() => {
    const start = text + props.context.takeTypedAhead();
    setText(start);
    props.onValueChange(start);
    const target = element.current;
    if (!target) return;
    target.focus();
    target.value = start;
    target.setSelectionRange(start.length, start.length);
    // Only once, at the start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

export function TextEditor(props: CellEditorProps) {
  const [text, setText] = useState(() => startingText(props));
  const input = useRef<HTMLInputElement>(null);
  useTextStart(props, text, setText, input);

  return (
    <input
      ref={input}
      className={`mt-text-editor ${editorClass}`}
      value={text}
      data-testid="cell-editor"
      onChange={(event) => {
        setText(event.target.value);
        props.onValueChange(event.target.value);
      }}
    />
  );
}
