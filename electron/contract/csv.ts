/** CSV for spreadsheets, shared by the core (import reports, audit export) and the page (directory export). */
/** A cell a spreadsheet would run as a formula starts with one of these (CR and tab included). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes an apostrophe to a cell a spreadsheet would read as a formula, so a name never becomes a command. */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export type CsvDelimiter = ',' | ';';
export type CsvCell = string | number | null | undefined;

function quote(cell: string, delimiter: CsvDelimiter): string {
  return cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * Rows as CSV text for Excel and LibreOffice: UTF-8 byte order mark (so accents and Arabic are read
 * right), CRLF line ends, `;` for French Excel, formulas neutralised.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], delimiter: CsvDelimiter = ','): string {
  const lines = rows.map((row) =>
    row.map((cell) => quote(neutralizeFormula(cell === null || cell === undefined ? '' : String(cell)), delimiter)).join(delimiter),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
