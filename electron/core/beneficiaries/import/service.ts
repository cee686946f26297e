import type { z } from 'zod';
import {
  codedFieldSchema,
  todayIso,
  type BeneficiaryInput,
  type CodedField,
  type ImportPreview,
  type ImportReport,
  type ImportValueQuestion,
  type importFileSchema,
  type importRunSchema,
  type importSetupSchema,
} from '../../../contract';
import type { SignedInContext, WriteTx } from '../../context';
import type { Db } from '../../db/database';
import { AppError } from '../../errors';
import { listLookups } from '../../lookups/repository';
import { createBeneficiary, findDuplicates } from '../service';
import { suggestMapping } from './header-names';
import { InFileDuplicates } from './in-file-duplicates';
import { mapRow } from './map-row';
import { forgetReadSheet, parseSheet } from '../../spreadsheets/parse-sheet';
import { isCode, suggest, type CodeLists } from './recognise';
import { shapeSheet } from './sheet-shape';
import { codeResolver, rememberChoices, rememberedChoices } from './value-choices';

const PREVIEW_ROWS = 10;
const TOP_ROWS = 12;
const CHUNK = 250;

export async function previewImport(input: z.output<typeof importFileSchema>): Promise<ImportPreview> {
  const raw = await parseSheet(input.fileName, input.contentBase64);
  const sheet = shapeSheet(raw.lines, input.headerRow);
  const rows = sheet.rows.slice(0, PREVIEW_ROWS).map((r) => r.cells);
  return {
    headerRow: sheet.headerRow,
    topRows: raw.lines.slice(0, TOP_ROWS),
    headers: sheet.headers,
    rows,
    rowCount: sheet.rows.length,
    suggestedMapping: suggestMapping(sheet.headers, rows),
  };
}

function codeLists(db: Db): CodeLists {
  const cities = db.prepare('SELECT DISTINCT city FROM beneficiaries WHERE city IS NOT NULL ORDER BY city').pluck().all() as string[];
  return { category: listLookups(db, 'category'), legalStatus: listLookups(db, 'legalStatus'), cities };
}

/** A batch value or a hand-made choice the field cannot hold is refused at its field; nothing is read further. */
function checkChoices(input: z.output<typeof importSetupSchema>, lists: CodeLists): void {
  const fields: Record<string, string> = {};
  for (const field of ['category', 'legalStatus', 'nationality'] as const) {
    const code = input.batch[field];
    if (code !== undefined && !isCode(field, code, lists)) fields[`batch.${field}`] = 'not_in_list';
  }
  for (const [field, values] of Object.entries(input.values) as [CodedField, Record<string, string>][]) {
    for (const [value, code] of Object.entries(values)) if (!isCode(field, code, lists)) fields[`values.${field}.${value}`] = 'not_in_list';
  }
  if (input.consent.basis === 'answerColumn' && input.mapping.consentAnswer === undefined) fields['mapping.consentAnswer'] = 'required';
  if (Object.keys(fields).length > 0) throw new AppError('invalid_input', fields);
}

/** Each distinct value of the mapped coded columns that neither the app nor an earlier import knows. */
export async function importValueQuestions(ctx: SignedInContext, input: z.output<typeof importSetupSchema>): Promise<ImportValueQuestion[]> {
  const { db } = ctx.session.file;
  const lists = codeLists(db);
  checkChoices(input, lists);
  const raw = await parseSheet(input.fileName, input.contentBase64);
  const sheet = shapeSheet(raw.lines, input.headerRow);
  const codeOf = codeResolver({}, rememberedChoices(db), lists);
  const questions: ImportValueQuestion[] = [];
  for (const field of codedFieldSchema.options) {
    const column = input.mapping[field];
    // A yes/no column only counts when the consent rests on it.
    if (column === undefined || (field === 'consentAnswer' && input.consent.basis !== 'answerColumn')) continue;
    const counts = new Map<string, number>();
    for (const { cells } of sheet.rows) {
      const text = (cells[column] ?? '').trim();
      if (text && !codeOf(field, text)) counts.set(text, (counts.get(text) ?? 0) + 1);
    }
    for (const [value, count] of counts) {
      const suggestion = suggest(field, value, lists);
      // A new city is kept as written: asked about only when it looks like one already in the file.
      if (field === 'city') {
        if (suggestion) questions.push({ field, value, count, suggestion, choices: lists.cities });
      } else questions.push({ field, value, count, suggestion });
    }
  }
  return questions;
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Checks every row first (in chunks, yielding so progress can be polled), then writes all the good
 * rows in the dispatcher's single transaction: a crash midway leaves no partial import. Rows that
 * look like someone already registered or like an earlier row of the file are set aside for
 * review, never merged silently.
 */
export async function importBeneficiaries(ctx: SignedInContext, input: z.output<typeof importRunSchema>) {
  const { db } = ctx.session.file;
  const lists = codeLists(db);
  checkChoices(input, lists);
  const raw = await parseSheet(input.fileName, input.contentBase64);
  const sheet = shapeSheet(raw.lines, input.headerRow);
  const rules = {
    mapping: input.mapping,
    batch: input.batch,
    consent: input.consent,
    codeOf: codeResolver(input.values, rememberedChoices(db), lists),
    today: todayIso(ctx.now()),
  };
  ctx.jobs.start(input.jobId, sheet.rows.length);

  const good: BeneficiaryInput[] = [];
  const report: ImportReport = { imported: 0, pseudonymous: 0, rejected: [], toReview: [], skipped: sheet.skipped, rejectedSheet: null };
  const rejectedRows: string[][] = [];
  const inFile = new InFileDuplicates();
  for (let start = 0; start < sheet.rows.length; start += CHUNK) {
    for (const { line, cells } of sheet.rows.slice(start, start + CHUNK)) {
      const outcome = mapRow(cells, rules);
      if (!outcome.ok) {
        report.rejected.push({ row: line, reasons: outcome.reasons });
        rejectedRows.push(cells);
        continue;
      }
      const sameFileRows = inFile.check(line, outcome.identity);
      const candidates = findDuplicates(db, outcome.input).map(({ id, reference, displayName }) => ({ id, reference, displayName }));
      if (candidates.length > 0 || sameFileRows.length > 0) {
        report.toReview.push({ row: line, candidates, sameFileRows });
        continue;
      }
      good.push(outcome.input);
    }
    ctx.jobs.advance(input.jobId, Math.min(start + CHUNK, sheet.rows.length));
    await nextTick();
  }
  if (rejectedRows.length > 0) report.rejectedSheet = { ...raw.format, headers: sheet.headers, rows: rejectedRows };
  forgetReadSheet();

  return (tx: WriteTx): ImportReport => {
    for (const person of good) createBeneficiary(person)(tx);
    if (Object.keys(input.values).length > 0) rememberChoices(tx.db, input.values);
    tx.audit(null);
    ctx.jobs.finish(input.jobId);
    return { ...report, imported: good.length, pseudonymous: good.filter((p) => !p.personal).length };
  };
}
