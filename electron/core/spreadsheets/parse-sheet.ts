import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { RejectedSheet } from '../../contract';
import { AppError } from '../errors';

export interface SheetLine {
  /** 1-based, as the spreadsheet numbers it. */
  line: number;
  cells: string[];
}

/** Every non-empty line of the first sheet, as text cells, and how a CSV of it should be written back. */
export interface RawSheet {
  lines: SheetLine[];
  format: Omit<RejectedSheet, 'headers' | 'rows'>;
}

/** Spreadsheets show `'+212…` as `+212…`; a file saved by hand may keep the quote in the text. */
const withoutProtectiveQuote = (text: string) => text.trim().replace(/^'/, '');

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    return '';
  }
  return String(value);
}

async function parseXlsx(bytes: Buffer): Promise<SheetLine[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('invalid_input', { contentBase64: 'unreadable_file' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const lines: SheetLine[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    // A merged cell gives every row and column it covers the value of its top-left cell.
    row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = withoutProtectiveQuote(cellText(cell.isMerged ? cell.master.value : cell.value))));
    lines.push({ line: row.number, cells: Array.from(cells, (c) => c ?? '') });
  });
  return lines;
}

/** UTF-8 with or without BOM, else Windows-1252 (French Excel's "CSV"); `,`, `;` or tab found by Papa Parse. */
function parseCsv(bytes: Buffer): RawSheet {
  const bom = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
  let text: string;
  let encoding: RejectedSheet['encoding'] = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
    encoding = 'windows-1252';
  }
  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: [',', ';', '\t'] });
  const delimiter = parsed.meta.delimiter === ';' || parsed.meta.delimiter === '\t' ? parsed.meta.delimiter : ',';
  const lines = parsed.data.map((cells, i) => ({ line: i + 1, cells: cells.map(withoutProtectiveQuote) }));
  return { lines, format: { delimiter, encoding, bom } };
}

async function readSheet(fileName: string, contentBase64: string): Promise<RawSheet> {
  const bytes = Buffer.from(contentBase64, 'base64');
  const raw = /\.xlsx$/i.test(fileName)
    ? { lines: await parseXlsx(bytes), format: { delimiter: ';' as const, encoding: 'utf-8' as const, bom: true } }
    : parseCsv(bytes);
  const lines = raw.lines.filter((l) => l.cells.some((c) => c !== ''));
  if (lines.length === 0) throw new AppError('invalid_input', { contentBase64: 'empty_file' });
  return { lines, format: raw.format };
}

/**
 * The steps of one import (preview, values, run) each send the same file, and reading a
 * 20,000-row workbook takes seconds: the last file read is kept, by its digest, until another is
 * read, the import has run, the session ends, or a few minutes have passed. Callers never modify
 * what they get.
 */
let lastRead: { digest: string; sheet: Promise<RawSheet>; timer: ReturnType<typeof setTimeout> } | null = null;
const KEEP_MS = 10 * 60_000;

/** Whether a sheet is kept in memory (the session's end must drop it). */
export const isSheetKept = (): boolean => lastRead !== null;

export function forgetReadSheet(): void {
  if (lastRead) clearTimeout(lastRead.timer);
  lastRead = null;
}

export function parseSheet(fileName: string, contentBase64: string): Promise<RawSheet> {
  const digest = createHash('sha256').update(fileName).update('\0').update(contentBase64).digest('hex');
  if (lastRead?.digest === digest) return lastRead.sheet;
  forgetReadSheet();
  const sheet = readSheet(fileName, contentBase64);
  const timer = setTimeout(forgetReadSheet, KEEP_MS);
  timer.unref?.();
  const entry = { digest, sheet, timer };
  lastRead = entry;
  sheet.catch(() => {
    if (lastRead === entry) forgetReadSheet();
  });
  return sheet;
}
