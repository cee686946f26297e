import ExcelJS from 'exceljs';
import type { IndicatorReport, ReportCell, ReportColumnKind, ReportTable } from '../../contract';
import { reportTexts } from './texts';

/** Excel refuses these in sheet names and caps them at 31 characters (cut here at a word's end). */
export function sheetName(index: number, title: string, taken: Set<string>): string {
  const clean = title.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim();
  const fit = (full: string) => (full.length <= 31 ? full : full.slice(0, 32).replace(/\s+\S*$/, '').slice(0, 31));
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

/** The report as a workbook: a cover sheet (period, definitions, notes, date), then one sheet per table. */
export async function reportWorkbook(report: IndicatorReport): Promise<Buffer> {
  const texts = reportTexts(report.locale);
  const rightToLeft = report.locale === 'ar';
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(report.generatedAt);
  const cover = workbook.addWorksheet(texts.reportTitle.slice(0, 31), { views: [{ rightToLeft }] });
  cover.getColumn(1).width = 34;
  cover.getColumn(2).width = 100;
  cover.addRow([report.title]).font = { bold: true, size: 16 };
  cover.addRow([texts.association, report.associationName]);
  const agreement = report.agreement;
  cover.addRow([texts.agreement, agreement ? `${agreement.reference} — ${agreement.title} (${agreement.funderName})` : texts.allWork]);
  cover.addRow([texts.period, `${report.from} – ${report.to}`]);
  cover.addRow([texts.from, report.from]);
  cover.addRow([texts.to, report.to]);
  cover.addRow([texts.generatedAt, report.generatedAt.slice(0, 19).replace('T', ' ') + ' UTC']);
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
