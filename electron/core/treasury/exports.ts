import ExcelJS from 'exceljs';
import { formatMinorPlain, type AgreementFinancialReport, type ExportedFile, type Locale, type ReportCell } from '../../contract';
import type { CsvDelimiter } from '../../contract/csv';
import type { Db } from '../db/database';
import { csvFile, xlsxFile } from '../exports/files';
import { entriesBetween, listCategories } from './repository';

// Files for the accountant and the funder. The journal's columns are fixed and named in English
// codes, whatever the interface language, so that an accountant's import keeps working.

export const JOURNAL_COLUMNS = [
  'date',
  'entry_id',
  'account',
  'currency',
  'direction',
  'amount',
  'category_code',
  'category',
  'counterpart_kind',
  'counterpart',
  'reference',
  'description',
  'agreement',
  'budget_line',
  'agreement_amount',
  'rate',
  'source',
  'reverses_entry',
  'reversal_reason',
] as const;

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Centimes as a plain decimal with a dot: what spreadsheets and accounting imports read everywhere. */
const decimal = (minor: number | null): string | null => (minor === null ? null : formatMinorPlain(minor, '.', ''));

export function journalRows(db: Db, year: number): ReportCell[][] {
  const labels = new Map(listCategories(db, true).map((c) => [c.id, c.labelFr]));
  return entriesBetween(db, `${year}-01-01`, `${year}-12-31`).map((e) => [
    e.date,
    e.id,
    e.accountName,
    e.currency,
    e.direction,
    decimal(e.amountMinor),
    e.categoryId,
    labels.get(e.categoryId) ?? e.categoryId,
    e.counterpartKind,
    e.counterpartName,
    e.reference,
    e.description,
    e.agreementReference,
    e.budgetLineCode,
    decimal(e.agreementMinor),
    e.rateMicro === null ? null : (e.rateMicro / 1_000_000).toFixed(6),
    e.source,
    e.reversesId,
    e.reversalReason,
  ]);
}

export async function journalFile(db: Db, year: number, format: 'csv' | 'xlsx', delimiter: CsvDelimiter): Promise<ExportedFile> {
  const content = { sheetName: `Journal ${year}`, preface: [], headings: [...JOURNAL_COLUMNS], rows: journalRows(db, year), rightToLeft: false, onProgress: () => {} };
  const bytes = format === 'csv' ? csvFile(content, delimiter) : await xlsxFile(content);
  const mimeType = format === 'csv' ? 'text/csv;charset=utf-8' : XLSX_MIME;
  return { fileName: `journal-${year}.${format}`, mimeType, contentBase64: bytes.toString('base64') };
}

const HEADINGS: Record<Locale, Record<string, string>> = {
  fr: {
    title: 'Rapport financier',
    packFile: '03-rapport-financier.xlsx',
    packDescribe: 'Reçu du bailleur, dépensé directement et reversé, par ligne budgétaire (trésorerie)',
    packPdf: '03-rapport-financier.pdf',
    packPdfDescribe: 'Le même rapport financier, imprimé (PDF)',
    funder: 'Bailleur',
    period: 'Période',
    received: 'Reçu du bailleur',
    spentDirectly: 'Dépensé directement',
    passedOn: 'Reversé aux sous-bénéficiaires',
    remaining: 'Reste',
    line: 'Ligne budgétaire',
    budget: 'Budget',
    justified: 'Justifié par les sous-bénéficiaires',
    used: '% utilisé',
    tranche: 'Tranche',
    due: 'Échéance',
    planned: 'Prévu',
    rates: 'Taux de change utilisés',
  },
  ar: {
    title: 'التقرير المالي',
    packFile: '03-rapport-financier.xlsx',
    packDescribe: 'المتوصل به من الممول والمصروف مباشرة والمحول، حسب بنود الميزانية (المالية)',
    packPdf: '03-rapport-financier.pdf',
    packPdfDescribe: 'التقرير المالي نفسه، مطبوعًا (PDF)',
    funder: 'الممول',
    period: 'الفترة',
    received: 'المتوصل به من الممول',
    spentDirectly: 'المصروف مباشرة',
    passedOn: 'المحول إلى المستفيدين الفرعيين',
    remaining: 'المتبقي',
    line: 'البند',
    budget: 'الميزانية',
    justified: 'المبرر من المستفيدين الفرعيين',
    used: 'نسبة الاستعمال',
    tranche: 'الشطر',
    due: 'تاريخ الاستحقاق',
    planned: 'المتوقع',
    rates: 'أسعار الصرف المستعملة',
  },
  en: {
    title: 'Financial report',
    packFile: '03-financial-report.xlsx',
    packDescribe: 'Received from the funder, spent directly and passed on, per budget line (treasury)',
    packPdf: '03-financial-report.pdf',
    packPdfDescribe: 'The same financial report, printed (PDF)',
    funder: 'Funder',
    period: 'Period',
    received: 'Received from the funder',
    spentDirectly: 'Spent directly',
    passedOn: 'Passed on to sub-grantees',
    remaining: 'Remaining',
    line: 'Budget line',
    budget: 'Budget',
    justified: 'Justified by sub-grantees',
    used: '% used',
    tranche: 'Tranche',
    due: 'Due',
    planned: 'Planned',
    rates: 'Exchange rates used',
  },
};

/** The printed financial report as the funder pack holds it: its file name and its line in the pack's index. */
export const packedAgreementReportPdf = (locale: Locale) => ({ name: HEADINGS[locale].packPdf, describe: HEADINGS[locale].packPdfDescribe });

/** The financial report as the funder pack holds it: its file name and its line in the pack's index. */
export async function packedAgreementReport(report: AgreementFinancialReport, locale: Locale): Promise<{ name: string; describe: string; content: Buffer }> {
  const file = await agreementReportXlsx(report, locale);
  return { name: HEADINGS[locale].packFile, describe: HEADINGS[locale].packDescribe, content: Buffer.from(file.contentBase64, 'base64') };
}

/** The funder's financial report as a workbook: totals, tranches, budget lines, rates. */
export async function agreementReportXlsx(report: AgreementFinancialReport, locale: Locale): Promise<ExportedFile> {
  const h = HEADINGS[locale];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(h.title.slice(0, 31), { views: [{ rightToLeft: locale === 'ar' }] });
  const money = (minor: number) => minor / 100;
  const a = report.agreement;
  sheet.addRow([`${h.title} — ${a.reference}`]).font = { bold: true, size: 14 };
  sheet.addRow([a.title]);
  sheet.addRow([h.funder, a.funderName]);
  sheet.addRow([h.period, `${a.startDate} – ${a.endDate}`, a.currency]);
  sheet.addRow([]);
  for (const [label, value] of [
    [h.received, report.receivedMinor],
    [h.spentDirectly, report.spentDirectlyMinor],
    [h.passedOn, report.passedOnMinor],
    [h.remaining, report.remainingMinor],
  ] as const) sheet.addRow([label, money(value)]);
  sheet.addRow([]);
  sheet.addRow([h.tranche, h.due, h.planned, h.received]).font = { bold: true };
  for (const t of report.tranches) sheet.addRow([t.seq, t.dueDate, money(t.amountMinor), money(t.receivedMinor)]);
  sheet.addRow([]);
  sheet.addRow([h.line, h.budget, h.spentDirectly, h.justified, h.remaining, h.used]).font = { bold: true };
  for (const l of report.lines) {
    sheet.addRow([`${l.code} ${l.label}`, money(l.budgetMinor), money(l.spentDirectlyMinor), money(l.justifiedBySubGranteesMinor), money(l.remainingMinor), l.usedPct]);
  }
  sheet.addRow([]);
  sheet.addRow([h.rates]).font = { bold: true };
  for (const r of report.ratesUsed) sheet.addRow([r.date, `${r.fromCurrency} → ${r.toCurrency}`, r.rateMicro / 1_000_000, r.inverse ? '÷' : '×']);
  sheet.getColumn(1).width = 40;
  for (const c of [2, 3, 4, 5]) sheet.getColumn(c).numFmt = '#,##0.00';
  for (const c of [2, 3, 4, 5, 6]) sheet.getColumn(c).width = 18;
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `rapport-financier-${a.reference}.xlsx`, mimeType: XLSX_MIME, contentBase64: bytes.toString('base64') };
}
