/**
 * Types the grid shows but does not edit yet, or never edits (computed and system fields):
 * core's formatted text. Each gets its own file here when it gains its own look or editor.
 */
import { CalculatorOutlined, ClockCircleOutlined, FieldNumberOutlined, SearchOutlined, TeamOutlined } from '@ant-design/icons';
import type { CellType } from './cell-type';
import { FormattedText } from './text';

const readOnly = (icon: CellType['icon']): CellType => ({ icon, Renderer: FormattedText });

export const autoNumberCell: CellType = { ...readOnly(FieldNumberOutlined), align: 'right', width: 120 };
export const timeStampCell: CellType = { ...readOnly(ClockCircleOutlined), width: 170 };
export const userStampCell = readOnly(TeamOutlined);
export const formulaCell = readOnly(CalculatorOutlined);
export const lookupCell = readOnly(SearchOutlined);
export const rollupCell = readOnly(CalculatorOutlined);
export const countCell: CellType = { ...readOnly(FieldNumberOutlined), align: 'right', width: 120 };
