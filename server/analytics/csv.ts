// Reports as tables, and tables as CSV (RFC 4180: commas, CRLF, quotes doubled) for spreadsheets.
export type Cell = string | number | boolean | null;

export interface Table {
  columns: string[];
  rows: Cell[][];
}

function field(cell: Cell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? (Number.isInteger(cell) ? String(cell) : cell.toFixed(4)) : String(cell);
  // A leading =, +, - or @ would run as a formula in a spreadsheet; only text cells can carry one.
  const safe = typeof cell === 'string' && /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(table: Table): string {
  return [table.columns, ...table.rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
