import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import {
  beneficiaryInputSchema,
  fieldProblems,
  splitFullName,
  type BeneficiaryInput,
  type CodedField,
  type ImportBatch,
  type ImportConsent,
  type ImportField,
  type ImportReason,
} from '../../../contract';
import { readDate } from './read-date';
import type { CodeOf } from './value-choices';

export interface RowRules {
  mapping: Partial<Record<ImportField, number>>;
  batch: ImportBatch;
  consent: ImportConsent;
  codeOf: CodeOf;
  today: string;
}

/** What the in-file duplicate check compares, read even for rows that stay pseudonymous (never stored). */
export interface RowIdentity {
  firstName: string;
  lastName: string;
  birthYear: number;
  /** E.164. */
  phones: string[];
}

export type RowOutcome =
  | { ok: true; input: BeneficiaryInput; identity: RowIdentity }
  | { ok: false; reasons: Record<string, ImportReason> };

const PHONE_SEPARATORS = /[/,|;]/;
/** The schema's largest household count. */
const MAX_COUNT = 30;
/** The schema's first birth year. */
const OLDEST_BIRTH = '1900-01-01';

export function canonicalPhone(text: string): string | undefined {
  const parsed = parsePhoneNumberFromString(text, 'MA');
  return parsed?.isValid() ? parsed.number : undefined;
}

/**
 * One spreadsheet row to a beneficiary. Rows with consent keep their personal data (consent recorded
 * on paper, to service delivery and anonymised reporting); the others become pseudonymous records,
 * as the law requires. Every refusal quotes the user's own text and says what is wrong with it.
 */
export function mapRow(row: string[], rules: RowRules): RowOutcome {
  const { mapping, batch, consent, codeOf, today } = rules;
  const thisYear = Number(today.slice(0, 4));
  const cell = (field: ImportField) => {
    const index = mapping[field];
    return index === undefined ? '' : (row[index] ?? '').trim();
  };
  const reasons: Record<string, ImportReason> = {};
  const coded = (field: CodedField, fallback: string | undefined): string | undefined => {
    const text = cell(field);
    if (!text) return fallback;
    const code = codeOf(field, text);
    if (!code) reasons[field] = { code: 'unknown_value', value: text };
    return code;
  };
  const required = <T>(field: ImportField, value: T | undefined): T | undefined => {
    if (value === undefined && !reasons[field]) reasons[field] = { code: 'missing' };
    return value;
  };

  const sex = required('sex', coded('sex', batch.sex)) as BeneficiaryInput['sex'] | undefined;
  const nationality = required('nationality', coded('nationality', batch.nationality));
  const category = required('category', coded('category', batch.category));
  const legalStatus = coded('legalStatus', batch.legalStatus);

  let birthDate: string | undefined;
  let birthYear: number | undefined;
  const birthText = cell('birthDate') || cell('birthYear');
  const birthField = cell('birthDate') ? 'birthDate' : 'birthYear';
  if (birthText) {
    const read = readDate(birthText, thisYear);
    if (!read.ok) reasons[birthField] = read.reason;
    else if (read.iso.slice(0, 4) > today.slice(0, 4) || (!read.yearOnly && read.iso > today)) {
      reasons[birthField] = { code: 'born_in_future', value: birthText, year: Number(read.iso.slice(0, 4)) };
    } else if (read.iso < OLDEST_BIRTH) {
      reasons[birthField] = { code: 'born_too_early', value: birthText, year: Number(read.iso.slice(0, 4)) };
    } else {
      birthYear = Number(read.iso.slice(0, 4));
      if (!read.yearOnly && birthField === 'birthDate') birthDate = read.iso;
    }
  } else reasons.birthYear = { code: 'missing' };

  let consentDate: string | undefined;
  if (consent.basis === 'paperForm') consentDate = consent.date;
  else if (consent.basis === 'answerColumn' && coded('consentAnswer', 'no') === 'yes') consentDate = consent.date;
  else if (consent.basis === 'dateColumn' && cell('consentDate')) {
    const text = cell('consentDate');
    const read = readDate(text, thisYear);
    if (!read.ok) reasons.consentDate = read.reason;
    else if (read.yearOnly) reasons.consentDate = { code: 'unreadable_date', value: text };
    else if (read.iso > today) reasons.consentDate = { code: 'consent_in_future', value: text };
    else consentDate = read.iso;
  }

  let documentExpiry: string | undefined;
  if (cell('documentExpiry')) {
    const read = readDate(cell('documentExpiry'), thisYear);
    if (!read.ok || read.yearOnly) reasons.documentExpiry = read.ok ? { code: 'unreadable_date', value: cell('documentExpiry') } : read.reason;
    else documentExpiry = read.iso;
  }
  // An empty cell is a question not asked: not stated, never 0.
  const count = (field: 'dependants' | 'childrenUnder18'): number | null => {
    const text = cell(field);
    if (!text) return null;
    if (/^\d{1,2}$/.test(text) && Number(text) <= MAX_COUNT) return Number(text);
    reasons[field] = { code: 'not_a_count', value: text };
    return null;
  };
  const household = { dependants: count('dependants'), childrenUnder18: count('childrenUnder18'), singleParent: false };
  if (Object.keys(reasons).length > 0 || birthYear === undefined) return { ok: false, reasons };

  const split = cell('fullName') ? splitFullName(cell('fullName')) : undefined;
  const firstName = cell('firstName') || split?.firstName || '';
  const lastName = cell('lastName') || split?.lastName || '';
  const phones = cell('phone').split(PHONE_SEPARATORS).map((p) => p.trim()).filter(Boolean);
  const base = { sex, birthYear, birthYearEstimated: !birthDate, nationality, category } as BeneficiaryInput;
  const candidate: BeneficiaryInput = consentDate
    ? {
        ...base,
        consent: { date: consentDate, givenBy: 'person', scopes: ['service', 'reporting'] },
        personal: {
          firstName,
          lastName,
          arabicName: cell('arabicName') || split?.arabicName,
          birthDate,
          phones,
          city: cell('city') ? (codeOf('city', cell('city')) ?? cell('city')) : batch.city,
          neighbourhood: cell('neighbourhood') || undefined,
          languages: [],
          legalStatus: legalStatus
            ? { code: legalStatus, documentNumber: cell('documentNumber') || undefined, expiryDate: documentExpiry }
            : null,
          household,
          educationLevel: 'unknown',
          vulnerabilities: [],
        },
      }
    : { ...base, initials: cell('initials') || `${firstName.charAt(0)}${lastName.charAt(0)}`, consent: null, personal: null };
  const parsed = beneficiaryInputSchema.safeParse(candidate);
  if (!parsed.success) {
    const problems = fieldProblems(parsed.error);
    return { ok: false, reasons: Object.fromEntries(Object.entries(problems).map(([path, code]) => [path, { code }])) };
  }
  // Stored phones are already E.164; a pseudonymous row's are read only to compare rows.
  const e164 = parsed.data.personal?.phones ?? phones.map(canonicalPhone).filter((p): p is string => p !== undefined);
  const identity = { firstName, lastName, birthYear, phones: e164 };
  return { ok: true, input: parsed.data, identity };
}
