import ExcelJS from 'exceljs';
import type { IndicatorReport, ReportCell, ReportColumnKind, ReportTable } from '../../contract';
import { reportTexts } from './texts';

/** Excel refuses these in sheet names and caps them at 31 characters (cut here at a word's end). */
export const fitSheetName = (full: string): string => (full.length <= 31 ? full : full.slice(0, 32).replace(/\s+\S*$/, '').slice(0, 31));

export function sheetName(index: number, title: string, taken: Set<string>): string {
  const clean = title.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim();
  const fit = fitSheetName;
  let name = fit(`${index}. ${clean}`);
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = fit(`${index}.${n} ${clean}`);
  taken.add(name.toLowerCase());
  return name;
}

const NUMBER_FORMAT: Record<ReportColumnKind, string | undefined> = {
  label: undefined,
  count: '#,##0',
  percent: '0.0%',
  amount: '#,##0.00',
};

/** Spreadsheet numbers: a percentage as a fraction (shown with %), an amount in major units. */
function cellValue(cell: ReportCell, kind: ReportColumnKind): ExcelJS.CellValue {
  if (cell === null) return null;
  if (typeof cell === 'string') return cell;
  if (kind === 'percent') return cell / 100;
  if (kind === 'amount') return cell / 100;
  return cell;
}

function addTableSheet(workbook: ExcelJS.Workbook, name: string, t: ReportTable, rightToLeft: boolean): void {
  // Row 1: the table's title; row 2: the headings. Both stay in view when scrolling.
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2, rightToLeft }] });
  sheet.addRow([t.currency ? `${t.title} (${t.currency})` : t.title]).font = { bold: true, size: 13 };
  sheet.addRow(t.columns.map((c) => c.heading)).font = { bold: true };
  for (const row of t.rows) sheet.addRow(row.map((cell, i) => cellValue(cell, t.columns[i].kind)));
  if (t.total) sheet.addRow(t.total.map((cell, i) => cellValue(cell, t.columns[i].kind))).font = { bold: true };
  t.columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = c.kind === 'label' ? 34 : 16;
    const format = NUMBER_FORMAT[c.kind];
    if (format) col.eachCell({ includeEmpty: false }, (cell, rowNumber) => rowNumber > 2 && (cell.numFmt = format));
  });
}

export const DATE_FORMAT = 'dd/mm/yyyy';
const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';

/** A day as a spreadsheet date: Excel dates have no time zone, so the day is written as is. */
export const excelDate = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A list's cell as a spreadsheet value: its days (`2026-04-15`) as dates. */
export const sheetValue = (cell: ReportCell): ExcelJS.CellValue => (typeof cell === 'string' && ISO_DAY.test(cell) ? excelDate(cell) : cell);

/** An instant as the clock in `timeZone` read it (Excel shows a date's UTC fields). */
export function wallClock(iso: string, timeZone: string): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, Number(p.value)]),
  );
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second));
}

/** The report as a workbook: a cover sheet (period, definitions, notes, date), then one sheet per table. */
export async function reportWorkbook(report: IndicatorReport): Promise<Buffer> {
  const texts = reportTexts(report.locale);
  const rightToLeft = report.locale === 'ar';
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(report.generatedAt);
  const cover = workbook.addWorksheet(fitSheetName(texts.reportTitle), { views: [{ rightToLeft }] });
  cover.getColumn(1).width = 34;
  cover.getColumn(2).width = 100;
  cover.addRow([report.title]).font = { bold: true, size: 16 };
  cover.addRow([texts.association, report.associationName]);
  const agreement = report.agreement;
  cover.addRow([texts.agreement, agreement ? `${agreement.reference} — ${agreement.title} (${agreement.funderName})` : texts.allWork]);
  const dated = (label: string, value: Date, numFmt: string) => {
    const cell = cover.addRow([label, value]).getCell(2);
    cell.numFmt = numFmt;
    cell.alignment = { horizontal: rightToLeft ? 'right' : 'left' };
  };
  dated(texts.from, excelDate(report.from), DATE_FORMAT);
  dated(texts.to, excelDate(report.to), DATE_FORMAT);
  dated(texts.generatedAt, wallClock(report.generatedAt, report.timeZone), DATE_TIME_FORMAT);
  cover.addRow([texts.timeZone, report.timeZone]);
  cover.addRow([]);
  cover.addRow([texts.definitions]).font = { bold: true };
  for (const d of report.definitions) cover.addRow([d.term, d.text]).alignment = { wrapText: true, vertical: 'top' };
  const notes = [...report.notes, ...report.sections.flatMap((s) => s.notes.map((n) => `${s.title} : ${n}`))];
  if (notes.length > 0) {
    cover.addRow([]);
    cover.addRow([texts.notes]).font = { bold: true };
    for (const n of notes) cover.addRow(['', n]).alignment = { wrapText: true };
  }

  const taken = new Set([cover.name.toLowerCase()]);
  let index = 1;
  for (const section of report.sections) {
    for (const t of section.tables) addTableSheet(workbook, sheetName(index++, t.title, taken), t, rightToLeft);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
