/** The grid's look: AG Grid's Quartz theme in the app's colours (antd's blue, Bitable's greys). */
import { themeQuartz } from 'ag-grid-community';

export const gridTheme = themeQuartz.withParams({
  accentColor: '#1677ff',
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 500,
  headerBackgroundColor: '#f7f8fa',
  headerTextColor: '#4e5969',
  borderColor: '#e5e6eb',
  columnBorder: true,
  wrapperBorder: false,
  wrapperBorderRadius: 0,
  rowHoverColor: '#f5f8ff',
  oddRowBackgroundColor: '#ffffff',
  cellHorizontalPadding: 10,
  spacing: 6,
});
