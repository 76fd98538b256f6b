/**
 * Tab-separated text as spreadsheets put it on the clipboard (Excel, Google Sheets, WPS, Bitable):
 * cells split by tabs, rows by line breaks; a cell holding a tab, line break or quote is wrapped
 * in double quotes with inner quotes doubled. One trailing line break is not an extra row.
 */

function quoteCell(cell: string): string {
  return /[\t\n\r"]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quoteCell).join('\t')).join('\n');
}

export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let index = 0;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (index < text.length) {
    const char = text[index]!;
    if (char === '"' && cell === '') {
      // A quoted cell: runs to the closing quote that is not doubled.
      const closing = findClosingQuote(text, index + 1);
      if (closing !== -1 && (closing + 1 === text.length || /[\t\r\n]/.test(text[closing + 1]!))) {
        cell = text.slice(index + 1, closing).replaceAll('""', '"');
        index = closing + 1;
        continue;
      }
    }
    if (char === '\t') endCell();
    else if (char === '\n') endRow();
    else if (char === '\r') {
      endRow();
      if (text[index + 1] === '\n') index += 1;
    } else cell += char;
    index += 1;
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

function findClosingQuote(text: string, from: number): number {
  let index = from;
  while (index < text.length) {
    if (text[index] === '"') {
      if (text[index + 1] === '"') index += 2;
      else return index;
    } else index += 1;
  }
  return -1;
}
