/**
 * The record panel's text box for text-like types (text, number, phone, email, URL, duration) and
 * its text area for long text. It starts with the value as core formats it; leaving the box (or
 * Enter in a one-line box) saves what was typed, and core reads it as it reads a grid edit.
 */
import { Input } from 'antd';
import { useEffect, useState } from 'react';
import { cellText } from '../grid/cell-values';
import type { FieldEditorProps } from './cell-type';

function useDraft({ value, field, context, onSave }: FieldEditorProps) {
  const shown = cellText(field, value, context.env);
  const [text, setText] = useState(shown);
  // A new value (saved, or changed by someone else) replaces the text.
  useEffect(() => setText(shown), [shown]);
  const save = () => {
    if (text !== shown) onSave(text);
  };
  return { text, setText, save };
}

export function TextFieldEditor(props: FieldEditorProps) {
  const { text, setText, save } = useDraft(props);
  return (
    <Input
      value={text}
      disabled={props.disabled}
      onChange={(event) => setText(event.target.value)}
      onBlur={save}
      onPressEnter={save}
      data-testid="field-editor"
    />
  );
}

export function LongTextFieldEditor(props: FieldEditorProps) {
  const { text, setText, save } = useDraft(props);
  return (
    <Input.TextArea
      value={text}
      disabled={props.disabled}
      autoSize={{ minRows: 2, maxRows: 10 }}
      onChange={(event) => setText(event.target.value)}
      onBlur={save}
      data-testid="field-editor"
    />
  );
}
