/** Phone, email, URL and duration: text typed in the cell, checked and normalised by core. */
import { FieldTimeOutlined, GlobalOutlined, MailOutlined, PhoneOutlined } from '@ant-design/icons';
import { DurationOptionsEditor } from '../field-design/options/duration-options';
import type { CellType } from './cell-type';
import { TextEditor } from './text-editor';
import { TextFieldEditor } from './text-field-editor';
import { FormattedText } from './text';

const textLike = (icon: CellType['icon']): CellType => ({ icon, Renderer: FormattedText, Editor: TextEditor, FieldEditor: TextFieldEditor, takesTypedText: true });

export const phoneCell = textLike(PhoneOutlined);
export const emailCell = textLike(MailOutlined);
export const urlCell = textLike(GlobalOutlined);
export const durationCell: CellType = { ...textLike(FieldTimeOutlined), align: 'right', width: 130, OptionsEditor: DurationOptionsEditor };
