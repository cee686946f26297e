import type { ExportedFile, IndicatorReport, Locale, ReportInput } from '../../contract';
import { readAssociation } from '../association/repository';
import type { SignedInContext } from '../context';
import type { Db } from '../db/database';
import { readSettings } from '../settings/repository';
import { REPORT_SECTIONS } from './sections';
import { reportTexts } from './texts';
import { reportWorkbook } from './xlsx';

/** The whole report, every section in the given language. Reads only: nothing is written. */
export function buildIndicatorReport(db: Db, period: { from: string; to: string }, locale: Locale, now: Date): IndicatorReport {
  const texts = reportTexts(locale);
  const { from, to } = period;
  const input = { db, from, to, locale, texts, ageBandEdges: readSettings(db).statisticsAgeBands };
  const terms = texts.definitionTerms;
  const defs = texts.definitionTexts;
  return {
    locale,
    title: texts.reportTitle,
    associationName: readAssociation(db)?.name ?? '',
    from,
    to,
    generatedAt: now.toISOString(),
    headings: { period: texts.period, generatedAt: texts.generatedAt, definitions: texts.definitions, notes: texts.notes },
    definitions: (Object.keys(terms) as (keyof typeof terms)[]).map((k) => ({ term: terms[k], text: defs[k] })),
    notes: to < from ? [texts.notesText.endBeforeStart] : [],
    sections: REPORT_SECTIONS.map((section) => {
      const head = { id: section.id, title: texts.sections[section.id] };
      if (!section.available(db)) return { ...head, available: false, notes: [texts.notesText.notAvailable], tables: [] };
      return { ...head, available: true, ...section.build(input) };
    }),
  };
}

export function indicatorReport(ctx: SignedInContext, input: ReportInput): IndicatorReport {
  return buildIndicatorReport(ctx.session.file.db, input, input.locale ?? ctx.session.user.locale, ctx.now());
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function indicatorReportXlsx(ctx: SignedInContext, input: ReportInput): Promise<ExportedFile> {
  const report = indicatorReport(ctx, input);
  const content = await reportWorkbook(report);
  return { fileName: `indicators-${report.from}-${report.to}.xlsx`, mimeType: XLSX_TYPE, contentBase64: content.toString('base64') };
}
