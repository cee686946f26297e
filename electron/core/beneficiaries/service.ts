import type { z } from 'zod';
import type { Beneficiary, BeneficiaryInput, beneficiarySearchSchema, LookupList } from '../../contract';
import type { Db } from '../db/database';
import { eraseFreeText } from '../case-follow-up/repository';
import { eraseEmploymentText } from '../employment/repository';
import type { SignedInContext, WriteTx } from '../context';
import { AppError } from '../errors';
import { newId } from '../ids';
import { allocateReference } from '../references/counter';
import { keepingHidden, recordSensitive, shownTo } from './sensitive';
import {
  getBeneficiary,
  lookupExists,
  markConsentWithdrawn,
  saveBeneficiary,
  searchBeneficiaries,
  type Derived,
} from './repository';
import { phoneQueryDigits } from './phone-search';
import { digitsOnly, nameSounds, normalizeForSearch, soundOf } from './text-normalization';

export { duplicatePairs, findDuplicates } from './duplicate-finder';

function initialsOf(input: BeneficiaryInput): string {
  if (!input.personal) return (input.initials ?? '').toUpperCase();
  const first = (s: string) => s.trim().charAt(0).toUpperCase();
  return `${first(input.personal.firstName)}${first(input.personal.lastName)}`;
}

/** Moroccan numbers are also searched as typed locally: +212612… and 0612…. */
function phoneSearchForms(phone: string): string[] {
  const digits = digitsOnly(phone);
  return digits.startsWith('212') ? [digits, `0${digits.slice(3)}`] : [digits];
}

export function derive(b: Pick<Beneficiary, 'reference' | 'initials' | 'personal'>): Derived {
  const p = b.personal;
  if (!p) {
    return {
      displayName: null,
      sortName: normalizeForSearch(b.initials),
      searchText: normalizeForSearch(`${b.reference} ${b.initials}`),
      phoneticText: '',
      city: null,
      legalStatus: null,
      legalExpiry: null,
      phones: [],
    };
  }
  const names = `${p.firstName} ${p.lastName}`;
  return {
    displayName: names,
    sortName: normalizeForSearch(names),
    searchText: [normalizeForSearch(`${names} ${p.arabicName ?? ''} ${b.reference}`), ...p.phones.flatMap(phoneSearchForms)].join(' '),
    phoneticText: nameSounds(p.firstName, p.lastName).join(' '),
    city: p.city ?? null,
    legalStatus: p.legalStatus?.code ?? null,
    legalExpiry: p.legalStatus?.expiryDate ?? null,
    phones: p.phones,
  };
}

function assertInLists(db: Db, input: BeneficiaryInput): void {
  const checks: [LookupList, string, string][] = [['category', input.category, 'category']];
  if (input.personal?.legalStatus) checks.push(['legalStatus', input.personal.legalStatus.code, 'personal.legalStatus.code']);
  input.personal?.vulnerabilities.forEach((v, i) => checks.push(['vulnerability', v, `personal.vulnerabilities.${i}`]));
  const fields: Record<string, string> = {};
  for (const [list, code, path] of checks) if (!lookupExists(db, list, code)) fields[path] = 'not_in_list';
  if (Object.keys(fields).length > 0) throw new AppError('invalid_input', fields);
}

function existing(db: Db, id: string): Beneficiary {
  const b = getBeneficiary(db, id);
  if (!b) throw new AppError('not_found');
  return b;
}

export function getOne(ctx: SignedInContext, id: string): Beneficiary {
  const { db } = ctx.session.file;
  return shownTo(db, ctx.session.user, existing(db, id));
}

export function searchIn(db: Db, params: z.output<typeof beneficiarySearchSchema>, currentYear: number) {
  const phone = phoneQueryDigits(params.query);
  const terms = (phone === null ? normalizeForSearch(params.query).split(' ') : [phone])
    .filter(Boolean)
    .map((text) => {
      const code = /^[a-z]{3,}$/.test(text) ? soundOf(text) : undefined;
      return { text, phonetic: code && code.length >= 2 ? code : null };
    });
  return searchBeneficiaries(db, params, terms, currentYear);
}

export function search(ctx: SignedInContext, params: z.output<typeof beneficiarySearchSchema>) {
  return searchIn(ctx.session.file.db, params, ctx.now().getUTCFullYear());
}

export function createBeneficiary(input: BeneficiaryInput) {
  return (tx: WriteTx): Beneficiary => {
    assertInLists(tx.db, input);
    const record: Beneficiary = {
      ...input,
      id: newId(),
      reference: allocateReference(tx.db, 'B', Number(tx.at.slice(0, 4))),
      initials: initialsOf(input),
      createdAt: tx.at,
      updatedAt: tx.at,
      archivedAt: null,
    };
    saveBeneficiary(tx.db, record, derive(record));
    recordSensitive(tx, null, record);
    tx.audit(record.id);
    return record;
  };
}

export function updateBeneficiary(id: string, input: BeneficiaryInput) {
  return (tx: WriteTx): Beneficiary => {
    const before = existing(tx.db, id);
    const saved = keepingHidden(tx.db, tx.user, before, input);
    assertInLists(tx.db, saved);
    const record: Beneficiary = { ...before, ...saved, initials: initialsOf(saved), updatedAt: tx.at };
    saveBeneficiary(tx.db, record, derive(record));
    recordSensitive(tx, before, record);
    tx.audit(id);
    return record;
  };
}

export function setArchived(id: string, archived: boolean) {
  return (tx: WriteTx): Beneficiary => {
    const before = existing(tx.db, id);
    const record: Beneficiary = { ...before, archivedAt: archived ? tx.at : null, updatedAt: tx.at };
    saveBeneficiary(tx.db, record, derive(record));
    tx.audit(id);
    return record;
  };
}

/**
 * Law 09-08: the personal fields and the free text of their follow-up go, the pseudonymous record
 * and the dates of the work done stay for counts. With
 * secure_delete on, the old values are zeroed in place; the next VACUUM rewrites the file.
 */
export function withdrawConsent(id: string) {
  return (tx: WriteTx): Beneficiary => {
    const before = existing(tx.db, id);
    const record: Beneficiary = { ...before, consent: null, personal: null, updatedAt: tx.at };
    saveBeneficiary(tx.db, record, derive(record));
    markConsentWithdrawn(tx.db, id, tx.at);
    recordSensitive(tx, before, record);
    eraseFreeText(tx.db, id);
    eraseEmploymentText(tx.db, id);
    tx.audit(id);
    return record;
  };
}
