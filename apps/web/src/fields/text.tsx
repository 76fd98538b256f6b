/** Single line text, and the shared renderer of plain formatted values. */
import { FontSizeOutlined } from '@ant-design/icons';
import { cellText } from '../grid/cell-values';
import type { CellRendererProps, CellType } from './cell-type';
import { TextEditor } from './text-editor';
import { TextFieldEditor } from './text-field-editor';

export function FormattedText({ value, field, context }: CellRendererProps) {
  return <span className="mt-cell-text">{cellText(field, value, context.env)}</span>;
}

export const textCell: CellType = {
  icon: FontSizeOutlined,
  Renderer: FormattedText,
  Editor: TextEditor,
  FieldEditor: TextFieldEditor,
  takesTypedText: true,
};
