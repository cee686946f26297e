import { importFieldSchema, type ImportField, type ImportReason } from '../../../electron/contract';
import type { TFunction } from 'i18next';
import { i18n } from '../../i18n';

/** The translation key of a reason given for a rejected row or an unreadable file. */
export function importProblemKey(code: string): string {
  for (const key of [`import.problems.${code}`, `followUp.problems.${code}`, `errors.${code}`]) {
    if (i18n.exists(key)) return key;
  }
  return 'import.problems.invalid';
}

const FIELD_OF_PATH: Record<string, ImportField> = {
  sex: 'sex',
  birthYear: 'birthYear',
  nationality: 'nationality',
  category: 'category',
  initials: 'initials',
  consent: 'consentDate',
  'consent.date': 'consentDate',
  'personal.firstName': 'firstName',
  'personal.lastName': 'lastName',
  'personal.arabicName': 'arabicName',
  'personal.birthDate': 'birthDate',
  'personal.city': 'city',
  'personal.neighbourhood': 'neighbourhood',
  legalStatus: 'legalStatus',
  'personal.legalStatus': 'legalStatus',
  'personal.legalStatus.code': 'legalStatus',
  'personal.legalStatus.documentNumber': 'documentNumber',
  'personal.legalStatus.expiryDate': 'documentExpiry',
  'personal.legalStatus.issueDate': 'documentExpiry',
};

/** A reason as a sentence that quotes the user's own value ("29/02/2001: …"). */
export function importReasonText(t: TFunction, reason: ImportReason): string {
  return t(importProblemKey(reason.code), { value: reason.value, year: reason.year });
}

/** The spreadsheet field a reason is about (`personal.phones.1` → phone), or null if none of them. */
export function importFieldOfPath(path: string): ImportField | null {
  if (/^personal\.phones(\.|$)/.test(path)) return 'phone';
  const field = importFieldSchema.safeParse(path);
  if (field.success) return field.data;
  return FIELD_OF_PATH[path] ?? null;
}
