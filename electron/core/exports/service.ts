import type { z } from 'zod';
import type { ListExport, listExportSchema, ReportCell } from '../../contract';
import { todayIso } from '../../contract';
import { ageBandIndex, ageBandLabels } from '../activities/statistics';
import type { SignedInContext, WriteTx } from '../context';
import { newId } from '../ids';
import { countryName, lookupLabels } from '../reports/labels';
import { fill, reportTexts } from '../reports/texts';
import { readSettings } from '../settings/repository';
import { csvFile, xlsxFile } from './files';
import { listLines } from './lists';
import { peopleByIds, type PersonFacts, type PersonIdentity } from './people';

type ExportInput = z.output<typeof listExportSchema>;

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
};

/**
 * Builds the file of a list (before the transaction: it may take seconds and reports progress),
 * then returns the work that logs the export and names it in the audit row.
 * `purpose` given = a named export (the op itself is restricted to presidents).
 */
export async function exportList(ctx: SignedInContext, input: ExportInput, purpose: string | null) {
  const { db } = ctx.session.file;
  const locale = input.locale ?? ctx.session.user.locale;
  const texts = reportTexts(locale);
  const t = texts.exports;
  const named = purpose !== null;
  const now = ctx.now();
  const year = now.getUTCFullYear();

  const list = listLines(ctx, input.target, texts, locale);
  const headings: string[] = [];
  const rows: ReportCell[][] = [];
  let withoutReporting = 0;
  const c = t.columns;
  if (list.people) {
    const toRead = list.lines.flatMap((l) => (l.beneficiaryId && (named || !l.facts) ? [l.beneficiaryId] : []));
    const people = peopleByIds(db, toRead, named);
    const edges = readSettings(db).statisticsAgeBands;
    const bands = ageBandLabels(edges);
    const category = lookupLabels(db, 'category', locale);
    headings.push(c.reference, c.sex, c.ageBand, c.category, c.nationality, c.city);
    if (named) headings.push(c.lastName, c.firstName, c.arabicName, c.phones, c.documentNumber);
    headings.push(...list.headings);
    for (const line of list.lines) {
      const p = line.beneficiaryId ? ((people.get(line.beneficiaryId) ?? line.facts) as (PersonFacts & Partial<PersonIdentity>) | undefined) : undefined;
      if (!p) continue;
      if (named && !p.acceptsReporting) {
        withoutReporting += 1;
        continue;
      }
      const row: ReportCell[] = [p.reference, t.sexValue[p.sex], bands[ageBandIndex(edges, year - p.birthYear)], category(p.category), countryName(p.nationality, locale), p.city];
      if (named) row.push(p.lastName ?? null, p.firstName ?? null, p.arabicName ?? null, p.phones ?? null, p.documentNumber ?? null);
      rows.push([...row, ...line.cells]);
    }
  } else {
    headings.push(...list.headings, ...(named ? list.namedHeadings : []));
    for (const line of list.lines) rows.push(named ? [...line.cells, ...(line.named ?? [])] : line.cells);
  }

  const preface = named
    ? [
        t.confidential,
        fill(t.namedBy, { user: ctx.session.user.displayName, date: todayIso(now) }),
        `${t.purpose} : ${purpose}`,
        ...(withoutReporting > 0 ? [fill(t.withoutReporting, { count: withoutReporting })] : []),
      ]
    : [];
  const { jobId } = input;
  if (jobId) ctx.jobs.start(jobId, rows.length);
  const content = {
    sheetName: t.sheet[input.target.list],
    preface,
    headings,
    rows,
    rightToLeft: locale === 'ar',
    onProgress: (done: number) => jobId && ctx.jobs.advance(jobId, done),
  };
  const bytes = input.format === 'xlsx' ? await xlsxFile(content) : csvFile(content, input.delimiter);
  if (jobId) ctx.jobs.finish(jobId);

  const file: ListExport = {
    fileName: `${input.target.list}${named ? '-named' : ''}-${todayIso(now)}.${input.format}`,
    mimeType: MIME[input.format],
    contentBase64: bytes.toString('base64'),
    rows: rows.length,
  };
  return (tx: WriteTx): ListExport => {
    const id = newId();
    tx.db
      .prepare(
        `INSERT INTO list_exports (id, at, user_id, list, scope_id, format, named, purpose, row_count)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, tx.at, tx.user.id, input.target.list, list.scopeId, input.format, named ? 1 : 0, purpose, rows.length);
    tx.audit(id);
    return file;
  };
}
