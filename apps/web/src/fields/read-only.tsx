/**
 * Types the grid shows but does not edit yet, or never edits (computed and system fields):
 * core's formatted text. Each gets its own file here when it gains its own look or editor.
 */
import { CalculatorOutlined, ClockCircleOutlined, FieldNumberOutlined, SearchOutlined, TeamOutlined } from '@ant-design/icons';
import { TimeStampOptionsEditor } from '../field-design/options/date-options';
import { FormulaOptionsEditor } from '../field-design/options/formula-options';
import { CountOptionsEditor, LookupOptionsEditor, RollupOptionsEditor } from '../field-design/options/linked-source-options';
import type { CellType } from './cell-type';
import { FormattedText } from './text';

const readOnly = (icon: CellType['icon']): CellType => ({ icon, Renderer: FormattedText });

export const autoNumberCell: CellType = { ...readOnly(FieldNumberOutlined), align: 'right', width: 120 };
export const timeStampCell: CellType = { ...readOnly(ClockCircleOutlined), width: 170, OptionsEditor: TimeStampOptionsEditor };
export const userStampCell = readOnly(TeamOutlined);
export const formulaCell: CellType = { ...readOnly(CalculatorOutlined), OptionsEditor: FormulaOptionsEditor };
export const lookupCell: CellType = { ...readOnly(SearchOutlined), OptionsEditor: LookupOptionsEditor };
export const rollupCell: CellType = { ...readOnly(CalculatorOutlined), OptionsEditor: RollupOptionsEditor };
export const countCell: CellType = { ...readOnly(FieldNumberOutlined), align: 'right', width: 120, OptionsEditor: CountOptionsEditor };
