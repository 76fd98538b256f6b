/** Number: formatted by core (precision, currency, percent), right-aligned, typed as text that core reads. */
import { NumberOutlined } from '@ant-design/icons';
import type { CellType } from './cell-type';
import { TextEditor } from './text-editor';
import { TextFieldEditor } from './text-field-editor';
import { FormattedText } from './text';
import { NumberOptionsEditor } from '../field-design/options/number-options';

export const numberCell: CellType = {
  OptionsEditor: NumberOptionsEditor,
  icon: NumberOutlined,
  Renderer: FormattedText,
  Editor: TextEditor,
  FieldEditor: TextFieldEditor,
  takesTypedText: true,
  align: 'right',
  width: 140,
};
