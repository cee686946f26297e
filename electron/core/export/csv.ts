import Papa from 'papaparse';

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return) is
 * prefixed with an apostrophe, so an exported name can never become a command.
 */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** UTF-8 with BOM so Excel reads accents and Arabic; `;` for French Excel. */
export function toCsv(rows: string[][], delimiter: ',' | ';' = ','): string {
  return `\uFEFF${Papa.unparse(rows.map((r) => r.map(neutralizeFormula)), { delimiter, newline: '\r\n' })}`;
}
