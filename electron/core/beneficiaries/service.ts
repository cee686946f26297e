import type { z } from 'zod';
import type {
  Beneficiary,
  BeneficiaryInput,
  beneficiarySearchSchema,
  DuplicateCandidate,
  DuplicatePair,
  LookupList,
} from '../../contract';
import type { Db } from '../db/database';
import { eraseFreeText } from '../case-follow-up/repository';
import type { SignedInContext, WriteTx } from '../context';
import { AppError } from '../errors';
import { newId } from '../ids';
import { allocateReference } from '../references/counter';
import { similarPerson } from './duplicates';
import { keepingHidden, shownTo } from './sensitive';
import {
  activeNamedPeople,
  getBeneficiary,
  idsWithPhones,
  lookupExists,
  markConsentWithdrawn,
  namedPeopleBornIn,
  saveBeneficiary,
  searchBeneficiaries,
  sharedPhonePairs,
  type Derived,
} from './repository';
import { digitsOnly, normalizeForSearch, phoneticCodes } from './text-normalization';

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
    phoneticText: phoneticCodes(names).join(' '),
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
  return shownTo(db, ctx.session.user.role, existing(db, id));
}

export function searchIn(db: Db, params: z.output<typeof beneficiarySearchSchema>, currentYear: number) {
  const terms = normalizeForSearch(params.query)
    .split(' ')
    .filter(Boolean)
    .map((text) => {
      const code = /^[a-z]{3,}$/.test(text) ? phoneticCodes(text)[0] : undefined;
      return { text, phonetic: code && code.length >= 2 ? code : null };
    });
  return searchBeneficiaries(db, params, terms, currentYear);
}

export function search(ctx: SignedInContext, params: z.output<typeof beneficiarySearchSchema>) {
  return searchIn(ctx.session.file.db, params, ctx.now().getUTCFullYear());
}

export function findDuplicates(db: Db, input: BeneficiaryInput, excludeId?: string): DuplicateCandidate[] {
  const found = new Map<string, DuplicateCandidate>();
  const add = (b: Beneficiary, reason: 'phone' | 'name') => {
    if (b.id === excludeId) return;
    const entry = found.get(b.id) ?? {
      id: b.id,
      reference: b.reference,
      displayName: b.personal ? `${b.personal.firstName} ${b.personal.lastName}` : b.initials,
      birthYear: b.birthYear,
      reasons: [],
    };
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    found.set(b.id, entry);
  };
  const p = input.personal;
  if (!p) return [];
  for (const id of idsWithPhones(db, p.phones)) add(existing(db, id), 'phone');
  for (const other of namedPeopleBornIn(db, input.birthYear)) {
    if (other.personal && similarPerson({ ...p, birthYear: input.birthYear }, { ...other.personal, birthYear: other.birthYear })) {
      add(other, 'name');
    }
  }
  return [...found.values()];
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
    tx.audit(record.id);
    return record;
  };
}

export function updateBeneficiary(id: string, input: BeneficiaryInput) {
  return (tx: WriteTx): Beneficiary => {
    const before = existing(tx.db, id);
    const saved = keepingHidden(tx.db, tx.user.role, before, input);
    assertInLists(tx.db, saved);
    const record: Beneficiary = { ...before, ...saved, initials: initialsOf(saved), updatedAt: tx.at };
    saveBeneficiary(tx.db, record, derive(record));
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
    eraseFreeText(tx.db, id);
    tx.audit(id);
    return record;
  };
}

/**
 * Pairs for the "possible duplicates" screen: shared phone numbers, then similar names born the
 * same year. People are only compared within a block (birth year + sound of the last name), so
 * 50,000 records do not mean a billion comparisons.
 */
export function duplicatePairs(db: Db): DuplicatePair[] {
  const pairs = new Map<string, DuplicatePair>();
  const candidate = (b: Beneficiary, reason: 'phone' | 'name'): DuplicateCandidate => ({
    id: b.id,
    reference: b.reference,
    displayName: b.personal ? `${b.personal.firstName} ${b.personal.lastName}` : b.initials,
    birthYear: b.birthYear,
    reasons: [reason],
  });
  const add = (x: Beneficiary, y: Beneficiary, reason: 'phone' | 'name') => {
    const [a, b] = x.reference < y.reference ? [x, y] : [y, x];
    const key = `${a.id}|${b.id}`;
    const pair = pairs.get(key);
    if (!pair) pairs.set(key, { a: candidate(a, reason), b: candidate(b, reason) });
    else if (!pair.a.reasons.includes(reason)) {
      pair.a.reasons.push(reason);
      pair.b.reasons.push(reason);
    }
  };
  for (const [x, y] of sharedPhonePairs(db)) add(existing(db, x), existing(db, y), 'phone');
  const blocks = new Map<string, Beneficiary[]>();
  for (const b of activeNamedPeople(db)) {
    const key = `${b.birthYear}:${phoneticCodes(b.personal?.lastName ?? '')[0] ?? ''}`;
    blocks.set(key, [...(blocks.get(key) ?? []), b]);
  }
  for (const block of blocks.values()) {
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        const [x, y] = [block[i], block[j]];
        if (x.personal && y.personal && similarPerson({ ...x.personal, birthYear: x.birthYear }, { ...y.personal, birthYear: y.birthYear })) {
          add(x, y, 'name');
        }
      }
    }
  }
  return [...pairs.values()];
}
