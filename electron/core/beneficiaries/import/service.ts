import type { z } from 'zod';
import type { BeneficiaryInput, ImportPreview, ImportReport, importRunSchema } from '../../../contract';
import type { SignedInContext, WriteTx } from '../../context';
import { toCsv } from '../../../contract/csv';
import { listLookups } from '../../lookups/repository';
import { createBeneficiary, findDuplicates } from '../service';
import { mapRow, suggestMapping } from './map-row';
import { parseSheet } from './parse-sheet';

const PREVIEW_ROWS = 10;
const CHUNK = 250;

export async function previewImport(fileName: string, contentBase64: string): Promise<ImportPreview> {
  const sheet = await parseSheet(fileName, contentBase64);
  return {
    headers: sheet.headers,
    rows: sheet.rows.slice(0, PREVIEW_ROWS),
    rowCount: sheet.rows.length,
    suggestedMapping: suggestMapping(sheet.headers),
  };
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Checks every row first (in chunks, yielding so progress can be polled), then writes all the good
 * rows in the dispatcher's single transaction: a crash midway leaves no partial import. Rows that
 * look like someone already registered are set aside for review, never merged silently.
 */
export async function importBeneficiaries(ctx: SignedInContext, input: z.output<typeof importRunSchema>) {
  const { db } = ctx.session.file;
  const sheet = await parseSheet(input.fileName, input.contentBase64);
  const lists = { category: listLookups(db, 'category'), legalStatus: listLookups(db, 'legalStatus') };
  ctx.jobs.start(input.jobId, sheet.rows.length);

  const good: BeneficiaryInput[] = [];
  const report: ImportReport = { imported: 0, pseudonymous: 0, rejected: [], toReview: [], rejectedCsv: null };
  const rejectedRows: string[][] = [];
  for (let start = 0; start < sheet.rows.length; start += CHUNK) {
    sheet.rows.slice(start, start + CHUNK).forEach((row, i) => {
      const line = start + i + 2;
      const outcome = mapRow(row, input.mapping, lists);
      if (!outcome.ok) {
        report.rejected.push({ row: line, reasons: outcome.reasons });
        rejectedRows.push([...row, Object.entries(outcome.reasons).map(([f, r]) => `${f}: ${r}`).join('; ')]);
        return;
      }
      const candidates = findDuplicates(db, outcome.input);
      if (candidates.length > 0) {
        report.toReview.push({ row: line, candidates: candidates.map(({ id, reference, displayName }) => ({ id, reference, displayName })) });
        return;
      }
      good.push(outcome.input);
    });
    ctx.jobs.advance(input.jobId, Math.min(start + CHUNK, sheet.rows.length));
    await nextTick();
  }
  if (rejectedRows.length > 0) report.rejectedCsv = toCsv([[...sheet.headers, 'reason'], ...rejectedRows]);

  return (tx: WriteTx): ImportReport => {
    for (const person of good) createBeneficiary(person)(tx);
    tx.audit(null);
    ctx.jobs.finish(input.jobId);
    return { ...report, imported: good.length, pseudonymous: good.filter((p) => !p.personal).length };
  };
}
