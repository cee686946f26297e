import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { agreementReportPrintRoute, allSheetsRoute, todayIso, reportPrintRoute, SIGNED_SHEET_OWNER, type AttachmentMime, type Locale, type BuiltFunderPack, type FunderPack, type funderPackSchema, type packSentSchema, type ReportCell } from '../../contract';
import { ageBandIndex, ageBandLabels } from '../activities/statistics';
import { addDays } from '../activities/schedule';
import { attachmentBytes } from '../attachments/repository';
import type { SignedInContext, WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { listLines } from '../exports/lists';
import { ACCEPTS_REPORTING_SQL } from '../exports/people';
import { EXPENSE_OWNER } from '../grants/service';
import { newId } from '../ids';
import { readSettings } from '../settings/repository';
import { countryName, lookupLabels } from './labels';
import { REACHED_SQL } from './reached';
import { buildIndicatorReport } from './service';
import { agreementHead } from './targets';
import { reportTexts } from './texts';
import { DATE_FORMAT, fitSheetName, reportWorkbook, sheetValue } from './xlsx';
import { packedAgreementReport, packedAgreementReportPdf } from '../treasury/exports';
import { agreementReport } from '../treasury/figures';
import { zip, type ZipEntry } from './zip';

const EXTENSION: Record<AttachmentMime, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

interface Sheet {
  name: string;
  headings: string[];
  rows: ReportCell[][];
}

/** A plain workbook: one sheet per list, headings frozen, days as dates. */
async function workbookOf(sheets: Sheet[], rightToLeft: boolean): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(fitSheetName(s.name), { views: [{ state: 'frozen', ySplit: 1, rightToLeft }] });
    sheet.addRow(s.headings).font = { bold: true };
    for (const row of s.rows) {
      const added = sheet.addRow(row.map(sheetValue));
      added.eachCell((cell) => cell.value instanceof Date && (cell.numFmt = DATE_FORMAT));
    }
    s.headings.forEach((_h, i) => (sheet.getColumn(i + 1).width = 18));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The period a deadline's report covers: from the day after the previous deadline (or the agreement's start) to the deadline. */
function deadlinePeriod(db: Db, agreementId: string, deadlineId: string) {
  const agreement = db.prepare('SELECT start_date AS startDate FROM funding_agreements WHERE id = ?').get(agreementId) as { startDate: string } | undefined;
  const deadlines = db
    .prepare('SELECT id, due_date AS dueDate FROM agreement_deadlines WHERE agreement_id = ? ORDER BY due_date, id')
    .all(agreementId) as { id: string; dueDate: string }[];
  const index = deadlines.findIndex((d) => d.id === deadlineId);
  if (!agreement || index < 0) throw new AppError('not_found');
  const previous = deadlines.slice(0, index).filter((d) => d.dueDate < deadlines[index].dueDate).at(-1);
  return { from: previous ? addDays(previous.dueDate, 1) : agreement.startDate, to: deadlines[index].dueDate };
}

interface PackRow {
  id: string;
  agreement_id: string;
  deadline_id: string;
  due_date: string;
  period_from: string;
  period_to: string;
  documents: string;
  built_at: string;
  built_by_name: string | null;
  sent_on: string | null;
  sent_to: string | null;
}

const PACK_SELECT = `SELECT p.*, u.display_name AS built_by_name FROM funder_packs p LEFT JOIN users u ON u.id = p.built_by`;

const toPack = (r: PackRow): FunderPack => ({
  id: r.id,
  agreementId: r.agreement_id,
  deadlineId: r.deadline_id,
  dueDate: r.due_date,
  from: r.period_from,
  to: r.period_to,
  documents: JSON.parse(r.documents) as string[],
  builtAt: r.built_at,
  builtByName: r.built_by_name ?? '',
  sentOn: r.sent_on,
  sentTo: r.sent_to,
});

export function listFunderPacks(ctx: SignedInContext, agreementId: string): FunderPack[] {
  return (ctx.session.file.db.prepare(`${PACK_SELECT} WHERE p.agreement_id = ? ORDER BY p.due_date, p.built_at`).all(agreementId) as PackRow[]).map(toPack);
}

export function recordPackSent(input: z.output<typeof packSentSchema>) {
  return (tx: WriteTx): FunderPack => {
    const found = tx.db.prepare('UPDATE funder_packs SET sent_on = ?, sent_to = ?, recorded_by = ? WHERE id = ?').run(input.sentOn, input.sentTo, tx.user.id, input.packId);
    if (found.changes === 0) throw new AppError('not_found');
    tx.audit(input.packId);
    return toPack(tx.db.prepare(`${PACK_SELECT} WHERE p.id = ?`).get(input.packId) as PackRow);
  };
}

/**
 * The printed documents of the pack, drawn by the host from the same views a person prints:
 * the indicator report, then each activity's sheets for the sessions of the period. Without a
 * host that can print (or when printing fails), the pack is made without them and its index says
 * where to save them by hand.
 */
async function printedDocuments(
  ctx: SignedInContext,
  input: { agreementId: string; from: string; to: string; locale: Locale; jobId?: string },
  files: { reportPdf: string; sheets: string; financialPdf: string },
): Promise<ZipEntry[] | null> {
  const render = ctx.host.renderPdf;
  if (!render) return null;
  const activities = ctx.session.file.db
    .prepare(
      `SELECT DISTINCT a.id, a.reference FROM activities a JOIN activity_sessions s ON s.activity_id = a.id
       WHERE a.agreement_id = ? AND s.date BETWEEN ? AND ? ORDER BY a.reference`,
    )
    .all(input.agreementId, input.from, input.to) as { id: string; reference: string }[];
  const period = { from: input.from, to: input.to };
  const wanted = [
    { name: files.reportPdf, route: reportPrintRoute({ ...period, agreementId: input.agreementId, locale: input.locale }) },
    { name: files.financialPdf, route: agreementReportPrintRoute(input.agreementId, input.locale) },
    ...activities.map((a) => ({ name: `${files.sheets}/${a.reference.replace(/[^\w.-]+/g, '_')}.pdf`, route: allSheetsRoute(a.id, period) })),
  ];
  const { jobId } = input;
  if (jobId) ctx.jobs.start(jobId, wanted.length);
  try {
    const printed: ZipEntry[] = [];
    for (const doc of wanted) {
      printed.push({ name: doc.name, content: Buffer.from(await render(doc.route)) });
      if (jobId) ctx.jobs.advance(jobId, printed.length);
    }
    return printed;
  } catch (error) {
    // The pack is still worth having without its PDFs; the log gets the error's kind, never data.
    if (process.env.TADAMON_DEBUG) console.error(error);
    console.error(`[tadamon] funder pack printing failed: ${(error as Error)?.name ?? 'unknown error'}`);
    return null;
  } finally {
    if (jobId) ctx.jobs.finish(jobId);
  }
}

/**
 * Builds the pack of one reporting deadline in memory (before the transaction), then records it.
 * Its lists are pseudonymised (people by reference); only the attendance sheets, printed or
 * scanned, carry the names funders ask to see signed, and the index says so.
 */
export async function buildFunderPack(ctx: SignedInContext, input: z.output<typeof funderPackSchema>) {
  const { db } = ctx.session.file;
  const { user } = ctx.session;
  const locale = input.locale ?? user.locale;
  const texts = reportTexts(locale);
  const p = texts.pack;
  const now = ctx.now();
  const agreement = agreementHead(db, input.agreementId);
  if (!agreement) throw new AppError('not_found');
  const { from, to } = deadlinePeriod(db, input.agreementId, input.deadlineId);
  const rightToLeft = locale === 'ar';

  const report = buildIndicatorReport(db, { from, to, agreementId: agreement.id, locale, role: user.role }, now);
  const c = p.sessionColumns;
  const sessions = db
    .prepare(
      `SELECT a.reference, a.title, s.date, s.start_time || '–' || s.end_time AS time, coalesce(s.place, a.place) AS place,
         (SELECT count(*) FROM attendance x WHERE x.session_id = s.id AND x.status = 'present') AS present,
         (SELECT count(*) FROM attendance x WHERE x.session_id = s.id AND x.status = 'absent') AS absent,
         (SELECT count(*) FROM attendance x WHERE x.session_id = s.id AND x.status = 'excused') AS excused
       FROM activity_sessions s JOIN activities a ON a.id = s.activity_id
       WHERE s.present_count > 0 AND s.date BETWEEN ? AND ? AND a.agreement_id = ? ORDER BY s.date, s.start_time, a.reference`,
    )
    .raw()
    .all(from, to, agreement.id) as ReportCell[][];

  const financial = [listLines(ctx, { list: 'subGrants', filters: { agreementId: agreement.id } }, texts, locale), listLines(ctx, { list: 'expenses', filters: { agreementId: agreement.id } }, texts, locale)];

  const edges = readSettings(db).statisticsAgeBands;
  const bands = ageBandLabels(edges);
  const category = lookupLabels(db, 'category', locale);
  const startYear = Number(from.slice(0, 4));
  const x = texts.exports;
  const participants = (
    db
      .prepare(
        `WITH reached AS (${REACHED_SQL})
         SELECT b.reference, b.sex, b.birth_year AS birthYear, b.category, b.nationality, b.city
         FROM reached r JOIN beneficiaries b ON b.id = r.id WHERE ${ACCEPTS_REPORTING_SQL} ORDER BY b.reference`,
      )
      .all({ from, to, agreementId: agreement.id }) as { reference: string; sex: 'female' | 'male'; birthYear: number; category: string; nationality: string; city: string | null }[]
  ).map((r) => [r.reference, x.sexValue[r.sex], bands[ageBandIndex(edges, startYear - r.birthYear)], category(r.category), countryName(r.nationality, locale), r.city]);

  const receipts = db
    .prepare(
      `SELECT at.id, at.file_name AS fileName, e.receipt_number AS receipt, sg.reference AS subGrant
       FROM grant_expenses e JOIN sub_grants sg ON sg.id = e.sub_grant_id
         JOIN attachments at ON at.owner_type = ? AND at.owner_id = e.id
       WHERE sg.agreement_id = ? AND e.date BETWEEN ? AND ? AND e.status <> 'rejected' ORDER BY e.date, e.id`,
    )
    .all(EXPENSE_OWNER, agreement.id, from, to) as { id: string; fileName: string; receipt: string | null; subGrant: string }[];

  // Every session of the period, held on the app's marks or not: a scanned paper sheet is proof of its own.
  const scans = db
    .prepare(
      `SELECT at.id, at.mime, s.date, a.reference
       FROM attachments at JOIN activity_sessions s ON s.id = at.owner_id JOIN activities a ON a.id = s.activity_id
       WHERE at.owner_type = ? AND s.date BETWEEN ? AND ? AND a.agreement_id = ? ORDER BY s.date, s.start_time, a.reference, at.created_at, at.id`,
    )
    .all(SIGNED_SHEET_OWNER, from, to, agreement.id) as { id: string; mime: AttachmentMime; date: string; reference: string }[];
  const scanNumber = new Map<string, number>();
  const scanName = (s: (typeof scans)[number]) => {
    const stem = `${s.date}-${s.reference.replace(/[^\w.-]+/g, '_')}`;
    const n = (scanNumber.get(stem) ?? 0) + 1;
    scanNumber.set(stem, n);
    return `${p.files.signedSheets}/${stem}-${n}.${EXTENSION[s.mime]}`;
  };

  const treasuryPdf = packedAgreementReportPdf(locale);
  const printed = await printedDocuments(ctx, { agreementId: agreement.id, from, to, locale, jobId: input.jobId }, { ...p.files, financialPdf: treasuryPdf.name });
  const treasury = await packedAgreementReport(agreementReport(db, agreement.id, todayIso(now)), locale);
  // The printed financial report sits beside its workbook, the other prints beside the indicator report.
  const isFinancialPdf = (e: ZipEntry) => e.name === treasuryPdf.name;
  const entries: ZipEntry[] = [
    { name: p.files.report, content: await reportWorkbook(report) },
    ...(printed ?? []).filter((e) => !isFinancialPdf(e)),
    {
      name: p.files.attendance,
      content: await workbookOf([{ name: x.sheet.attendance, headings: [c.activity, c.title, c.date, c.time, c.place, c.present, c.absent, c.excused], rows: sessions }], rightToLeft),
    },
    {
      name: p.files.financial,
      content: await workbookOf(
        [
          { name: x.sheet.subGrants, headings: financial[0].headings, rows: financial[0].lines.map((l) => l.cells) },
          { name: x.sheet.expenses, headings: financial[1].headings, rows: financial[1].lines.map((l) => l.cells) },
        ],
        rightToLeft,
      ),
    },
    { name: treasury.name, content: treasury.content },
    ...(printed ?? []).filter(isFinancialPdf),
    {
      name: p.files.participants,
      content: await workbookOf(
        [{ name: x.sheet.beneficiaries, headings: [x.columns.reference, x.columns.sex, x.columns.ageBand, x.columns.category, x.columns.nationality, x.columns.city], rows: participants }],
        rightToLeft,
      ),
    },
    ...receipts.map((r, i) => ({
      name: `${p.files.receipts}/${String(i + 1).padStart(3, '0')}-${r.subGrant}-${(r.receipt ?? '').replace(/[^\w.-]+/g, '_')}-${r.fileName.replace(/[/\\]/g, '_')}`,
      content: attachmentBytes(db, r.id) ?? Buffer.alloc(0),
    })),
    ...scans.map((s) => ({ name: scanName(s), content: attachmentBytes(db, s.id) ?? Buffer.alloc(0) })),
  ];
  const describe = (name: string) =>
    name === p.files.report ? p.describe.report
    : name === p.files.reportPdf ? p.describe.reportPdf
    : name.startsWith(`${p.files.sheets}/`) ? p.describe.sheet
    : name === p.files.attendance ? p.describe.attendance
    : name === p.files.financial ? p.describe.financial
    : name === treasury.name ? treasury.describe
    : name === treasuryPdf.name ? treasuryPdf.describe
    : name === p.files.participants ? p.describe.participants
    : name.startsWith(`${p.files.signedSheets}/`) ? p.describe.signedSheet
    : p.describe.receipt;
  const index = [
    `${p.title} — ${agreement.reference} — ${agreement.title} (${agreement.funderName})`,
    `${texts.period} : ${from} – ${to}`,
    `${texts.generatedAt} ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    ...entries.map((e) => `${e.name}\t${describe(e.name)}`),
    ...(printed ? [] : ['', p.describe.noPdf]),
    ...(scans.length === 0 ? ['', p.describe.noScans] : []),
  ].join('\r\n');
  const all = [{ name: p.files.index, content: Buffer.from(`\uFEFF${index}\r\n`, 'utf8') }, ...entries];
  const bytes = await zip(all, now);
  const documents = all.map((e) => e.name);
  const dueDate = to;

  return (tx: WriteTx): BuiltFunderPack => {
    const id = newId();
    tx.db
      .prepare(
        `INSERT INTO funder_packs (id, agreement_id, deadline_id, due_date, period_from, period_to, documents, built_at, built_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, agreement.id, input.deadlineId, dueDate, from, to, JSON.stringify(documents), tx.at, tx.user.id);
    tx.audit(id);
    const pack = toPack(tx.db.prepare(`${PACK_SELECT} WHERE p.id = ?`).get(id) as PackRow);
    return {
      fileName: `${agreement.reference.replace(/[^\w.-]+/g, '_')}-${dueDate}.zip`,
      mimeType: 'application/zip',
      contentBase64: bytes.toString('base64'),
      pack,
    };
  };
}
