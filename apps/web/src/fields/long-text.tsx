/**
 * Long text: one line in the cell; edited in a text area over the cell where Enter saves and
 * Shift+Enter starts a new line.
 */
import { AlignLeftOutlined } from '@ant-design/icons';
import { useRef, useState } from 'react';
import { editorClass } from '../grid/grid-context';
import type { CellEditorProps, CellType } from './cell-type';
import { startingText, useTextStart } from './text-editor';
import { LongTextFieldEditor } from './text-field-editor';
import { FormattedText } from './text';

function LongTextEditor(props: CellEditorProps) {
  const [text, setText] = useState(() => startingText(props));
  const area = useRef<HTMLTextAreaElement>(null);
  useTextStart(props, text, setText, area);
  return (
    <textarea
      ref={area}
      className={`mt-long-text-editor ${editorClass}`}
      rows={5}
      value={text}
      data-testid="cell-editor"
      onChange={(event) => {
        setText(event.target.value);
        props.onValueChange(event.target.value);
      }}
    />
  );
}

export const longTextCell: CellType = {
  icon: AlignLeftOutlined,
  Renderer: FormattedText,
  Editor: LongTextEditor,
  FieldEditor: LongTextFieldEditor,
  popupEditor: true,
  takesTypedText: true,
};
