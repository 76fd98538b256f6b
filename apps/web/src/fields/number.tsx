/** Number: formatted by core (precision, currency, percent), right-aligned, typed as text that core reads. */
import { NumberOutlined } from '@ant-design/icons';
import type { CellType } from './cell-type';
import { TextEditor } from './text-editor';
import { TextFieldEditor } from './text-field-editor';
import { FormattedText } from './text';

export const numberCell: CellType = {
  icon: NumberOutlined,
  Renderer: FormattedText,
  Editor: TextEditor,
  FieldEditor: TextFieldEditor,
  align: 'right',
  width: 140,
};
