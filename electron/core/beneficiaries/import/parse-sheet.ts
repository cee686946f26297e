import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../../errors';

/** A spreadsheet as text cells: the header row, then the data rows. */
export interface Sheet {
  headers: string[];
  rows: string[][];
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

async function parseXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('invalid_input', { contentBase64: 'unreadable_file' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellText(cell.value).trim()));
    table.push(Array.from(cells, (c) => c ?? ''));
  });
  return table;
}

/** UTF-8 with or without BOM; `,` or `;` (French Excel) found by Papa Parse. */
function parseCsv(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t'] });
  return parsed.data.map((row) => row.map((c) => c.trim()));
}

export async function parseSheet(fileName: string, contentBase64: string): Promise<Sheet> {
  const bytes = Buffer.from(contentBase64, 'base64');
  const table = /\.xlsx$/i.test(fileName) ? await parseXlsx(bytes) : parseCsv(bytes);
  const [headers = [], ...rows] = table.filter((r) => r.some((c) => c !== ''));
  if (headers.length === 0) throw new AppError('invalid_input', { contentBase64: 'empty_file' });
  return { headers, rows };
}
