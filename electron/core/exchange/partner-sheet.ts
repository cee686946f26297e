import {
  fieldProblems,
  MAX_PARTNERS_IN_MAP,
  partnerInputSchema,
  partnerSheetFieldSchema,
  type PartnerImportSource,
  type PartnerRowProblem,
  type PartnerSheet,
  type PartnerSheetField,
} from '../../contract';
import { normalizeForSearch } from '../beneficiaries/text-normalization';
import { AppError } from '../errors';
import { parseSheet } from '../spreadsheets/parse-sheet';
import type { IncomingPartner } from './partner-merge';

// The actor map a city keeps as a spreadsheet, read through the columns the user mapped.

/** Header words (folded) that name each field, in French, Arabic and English. */
const HEADER_WORDS: Record<PartnerSheetField, string[]> = {
  name: ['nom', 'name', 'acteur', 'partenaire', 'organisation', 'organization', 'structure', 'الاسم', 'اسم', 'الجهة', 'الشريك'],
  type: ['type', 'categorie', 'category', 'nature', 'النوع', 'نوع', 'الصنف'],
  city: ['ville', 'city', 'localite', 'commune', 'المدينة', 'مدينة'],
  contact: ['contact', 'contacts', 'telephone', 'tel', 'phone', 'email', 'e mail', 'coordonnees', 'الهاتف', 'اتصال', 'التواصل'],
  services: ['services', 'service', 'services proposes', 'offre', 'prestations', 'الخدمات', 'خدمات'],
};

function suggestedColumns(headers: string[]): Partial<Record<PartnerSheetField, number>> {
  const folded = headers.map((h) => normalizeForSearch(h));
  const taken = new Set<number>();
  const suggested: Partial<Record<PartnerSheetField, number>> = {};
  for (const field of partnerSheetFieldSchema.options) {
    const words = HEADER_WORDS[field].map((w) => normalizeForSearch(w));
    const column = folded.findIndex((h, i) => !taken.has(i) && words.some((w) => h === w || h.startsWith(`${w} `)));
    if (column >= 0) {
      suggested[field] = column;
      taken.add(column);
    }
  }
  return suggested;
}

/** The header row, then every other row that is not empty, each with its number in the spreadsheet. */
async function sheetLines(fileName: string, contentBase64: string) {
  const [header, ...rows] = (await parseSheet(fileName, contentBase64)).lines;
  if (rows.length > MAX_PARTNERS_IN_MAP) throw new AppError('invalid_input', { contentBase64: 'too_many_rows' });
  return { headers: header.cells, rows: rows.map((l) => ({ number: l.line, cells: l.cells })) };
}

export async function readPartnerSheet(fileName: string, contentBase64: string): Promise<PartnerSheet> {
  const { headers, rows } = await sheetLines(fileName, contentBase64);
  return { headers, rows: rows.map((r) => r.cells), suggestedColumns: suggestedColumns(headers) };
}

/** Every field of a row is text and only the name is required: the problem said in those words. */
const rowProblems = (fields: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(fields).map(([field, code]) => [field, code === 'too_small' ? 'required' : code === 'too_big' ? 'too_long' : 'invalid']),
  );

/**
 * Each row as a partner, or the reasons it cannot be one (kept out, listed with its row number).
 * A type cell is read through the user's own mapping of the words the sheet uses; a word left
 * unmapped is a problem at the row, never guessed.
 */
export async function partnersFromSheet(
  source: Extract<PartnerImportSource, { kind: 'sheet' }>,
): Promise<{ partners: IncomingPartner[]; rejected: PartnerRowProblem[] }> {
  const { rows } = await sheetLines(source.fileName, source.contentBase64);
  const partners: IncomingPartner[] = [];
  const rejected: PartnerRowProblem[] = [];
  for (const { number: row, cells } of rows) {
    const cell = (field: PartnerSheetField) => {
      const column = source.columns[field];
      return column === undefined ? '' : (cells[column] ?? '').trim();
    };
    const typeWord = cell('type');
    const type = typeWord ? source.types[typeWord] : null;
    const parsed = partnerInputSchema.safeParse({
      name: cell('name'),
      type: type ?? source.defaultType,
      city: cell('city'),
      contact: cell('contact'),
      services: cell('services'),
    });
    const reasons = parsed.success ? {} : rowProblems(fieldProblems(parsed.error));
    if (type === undefined) reasons.type = 'partner_type_unmapped';
    if (!parsed.success || Object.keys(reasons).length > 0) {
      rejected.push({ row, reasons });
      continue;
    }
    const p = parsed.data;
    partners.push({ row, name: p.name, type, city: p.city || null, contact: p.contact || null, services: p.services || null, card: null });
  }
  return { partners, rejected };
}
