import type { ExportedFile, IndicatorReport, Locale, ReportInput, ReportSection, Role } from '../../contract';
import { readAssociation } from '../association/repository';
import type { SignedInContext } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { readSettings } from '../settings/repository';
import { filteredMeasure } from './filters';
import type { Measures } from './section';
import { REPORT_SECTIONS } from './sections';
import { agreementHead, agreementIndicators, targetsTable } from './targets';
import { fill, reportTexts } from './texts';
import { reportWorkbook } from './xlsx';

export interface ReportRequest {
  from: string;
  to: string;
  agreementId?: string;
  locale: Locale;
  role: Role;
}

/** The whole report, every section in the given language. Reads only: nothing is written. */
export function buildIndicatorReport(db: Db, request: ReportRequest, now: Date): IndicatorReport {
  const { from, to, locale, role } = request;
  const texts = reportTexts(locale);
  const agreement = request.agreementId ? (agreementHead(db, request.agreementId) ?? null) : null;
  if (request.agreementId && !agreement) throw new AppError('not_found');
  const settings = readSettings(db);
  const input = {
    db,
    from,
    to,
    locale,
    texts,
    role,
    agreementId: agreement?.id ?? null,
    ageBandEdges: settings.statisticsAgeBands,
    smallCellThreshold: settings.smallCellThreshold,
  };
  const measures: Measures = {};
  const sections: ReportSection[] = REPORT_SECTIONS.map((section) => {
    const head = { id: section.id, title: texts.sections[section.id] };
    if (!section.available(db)) return { ...head, available: false, notes: [texts.notesText.notAvailable], tables: [] };
    const { measures: measured, ...built } = section.build(input);
    Object.assign(measures, measured);
    return { ...head, available: true, ...built };
  });
  // Targets need every section's figures, so they come last, into the grants section.
  const indicators = agreement ? agreementIndicators(db, agreement.id, { from, to }) : [];
  const scope = { db, from, to, agreementId: agreement?.id ?? null };
  const filtered = new Map(indicators.flatMap((i) => (i.measure && i.filters ? [[i.code, filteredMeasure(scope, i.measure, i.filters)] as const] : [])));
  const grants = sections.find((s) => s.id === 'grants');
  if (agreement && grants) {
    const targets = targetsTable(indicators, measures, filtered, texts);
    grants.tables.unshift(targets.table);
    grants.notes.push(...targets.notes);
  }
  // A report for an agreement opens on its targets.
  if (agreement && grants) sections.unshift(...sections.splice(sections.indexOf(grants), 1));
  const terms = texts.definitionTerms;
  const defs = texts.definitionTexts;
  return {
    locale,
    title: texts.reportTitle,
    associationName: readAssociation(db)?.name ?? '',
    agreement,
    indicators,
    from,
    to,
    generatedAt: now.toISOString(),
    timeZone: settings.timeZone,
    fileStem: `${texts.fileStem}-${agreement ? `${agreement.reference.replace(/[^\w.-]+/g, '_')}-` : ''}${from}-${to}`,
    headings: { agreement: texts.agreement, period: texts.period, generatedAt: texts.generatedAt, definitions: texts.definitions, notes: texts.notes },
    definitions: (Object.keys(terms) as (keyof typeof terms)[]).map((k) => ({
      term: terms[k],
      text: fill(defs[k], { threshold: settings.smallCellThreshold }),
    })),
    notes: to < from ? [texts.notesText.endBeforeStart] : [],
    sections,
  };
}

export function indicatorReport(ctx: SignedInContext, input: ReportInput): IndicatorReport {
  const { user } = ctx.session;
  return buildIndicatorReport(ctx.session.file.db, { ...input, locale: input.locale ?? user.locale, role: user.role }, ctx.now());
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function indicatorReportXlsx(ctx: SignedInContext, input: ReportInput): Promise<ExportedFile> {
  const report = indicatorReport(ctx, input);
  const content = await reportWorkbook(report);
  return { fileName: `${report.fileStem}.xlsx`, mimeType: XLSX_TYPE, contentBase64: content.toString('base64') };
}
