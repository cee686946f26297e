import Papa from 'papaparse';
import type { RejectedSheet } from './beneficiary-import';

/**
 * The refused rows as the user wrote them, in the file's own delimiter, with the reason in a last
 * column: fixed in the spreadsheet, the file imports again as it is. No cell gets a protective
 * quote: these are the user's own values going back to the user, and `+212…` must stay a phone.
 */
export function rejectedFileText(sheet: RejectedSheet, reasonTitle: string, reasons: readonly string[]): string {
  const width = sheet.headers.length;
  const rows = sheet.rows.map((cells, i) => [...Array.from({ length: width }, (_, c) => cells[c] ?? ''), ...cells.slice(width), reasons[i] ?? '']);
  const text = Papa.unparse({ fields: [...sheet.headers, reasonTitle], data: rows }, { delimiter: sheet.delimiter, newline: '\r\n', quotes: false, escapeFormulae: false });
  return `${sheet.bom ? '\uFEFF' : ''}${text}\r\n`;
}
