import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { toCsv, type CsvDelimiter } from '../../contract/csv';
import type { ReportCell } from '../../contract';

export interface SheetContent {
  sheetName: string;
  /** Lines above the headings (the confidentiality header of a named export). */
  preface: string[];
  headings: string[];
  rows: ReportCell[][];
  rightToLeft: boolean;
  /** Called every few thousand rows with how many are written. */
  onProgress: (done: number) => void;
}

const BATCH = 2000;

/** Lets the event loop answer progress polls between batches of rows. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One sheet, written row by row through exceljs's streaming writer, so 50,000 rows never sit in
 * memory twice. Strings are written as strings, never as formulas. No cell styles: they halve the
 * speed on long lists, and the frozen heading rows already set them apart.
 */
export async function xlsxFile(content: SheetContent): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const headerRows = content.preface.length + 1;
  const sheet = workbook.addWorksheet(content.sheetName, { views: [{ state: 'frozen', ySplit: headerRows, rightToLeft: content.rightToLeft }] });
  for (const line of content.preface) sheet.addRow([line]).commit();
  sheet.addRow(content.headings).commit();
  content.headings.forEach((_h, i) => (sheet.getColumn(i + 1).width = 18));
  for (let i = 0; i < content.rows.length; i++) {
    sheet.addRow(content.rows[i]).commit();
    if ((i + 1) % BATCH === 0) {
      content.onProgress(i + 1);
      await breathe();
    }
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** CSV for spreadsheets (UTF-8 with BOM, formulas neutralised), preface lines first. */
export function csvFile(content: SheetContent, delimiter: CsvDelimiter): Buffer {
  const text = toCsv([...content.preface.map((line) => [line]), content.headings, ...content.rows], delimiter);
  content.onProgress(content.rows.length);
  return Buffer.from(text, 'utf8');
}
