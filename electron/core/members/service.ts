import type { z } from 'zod';
import {
  todayIso,
  type LinkedMember,
  type Member,
  type MemberDetail,
  type memberSearchSchema,
  type MemberSearchResult,
  type ParsedMemberInput,
  type StatusRuleOutcome,
} from '../../contract';
import { getBeneficiary } from '../beneficiaries/repository';
import { digitsOnly, normalizeForSearch } from '../beneficiaries/text-normalization';
import type { CoreContext, SignedInContext, WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { orNull } from '../input-values';
import { newId } from '../ids';
import { readSettings } from '../settings/repository';
import { balancesOf, dueFor, feeTable, memberOwesIn } from './dues';
import {
  allMembers,
  getMember,
  highestNumericNumber,
  listMembers as storedMembers,
  memberIdWithNumber,
  memberLinkedTo,
  memberPayments,
  paidByYear,
  paidInYear,
  saveMember as writeMember,
  setMemberStatus,
} from './repository';

type Clock = Pick<CoreContext, 'now'>;

export function existingMember(db: Db, id: string): Member {
  const m = getMember(db, id);
  if (!m) throw new AppError('not_found');
  return m;
}

/** Number, names, phones (international and local forms) and email, folded for search. */
function searchTextOf(m: Member): string {
  const phones = m.phones.flatMap((p) => {
    const digits = digitsOnly(p);
    return digits.startsWith('212') ? [digits, `0${digits.slice(3)}`] : [digits];
  });
  return normalizeForSearch([m.number, m.firstName, m.lastName, m.arabicName ?? '', m.email ?? '', ...phones].join(' '));
}

export function listMembers(ctx: SignedInContext, params: z.output<typeof memberSearchSchema>): MemberSearchResult {
  const { db } = ctx.session.file;
  const year = params.year ?? ctx.now().getUTCFullYear();
  const words = normalizeForSearch(params.query).split(' ').filter(Boolean);
  const { total, rows } = storedMembers(db, params, words);
  const fees = feeTable(db);
  const paid = paidInYear(db, year);
  return {
    total,
    year,
    rows: rows.map((m) => ({ ...m, due: memberOwesIn(m, year) ? dueFor(fees, year, m.category) : 0, paid: paid.get(m.id) ?? 0 })),
  };
}

export function getMemberDetail(ctx: SignedInContext, id: string): MemberDetail {
  const { db } = ctx.session.file;
  const member = existingMember(db, id);
  const beneficiary = member.beneficiaryId ? getBeneficiary(db, member.beneficiaryId) : undefined;
  return {
    member,
    balances: balancesOf(member, feeTable(db), paidByYear(db, id), ctx.now().getUTCFullYear()),
    payments: memberPayments(db, id),
    beneficiaryReference: beneficiary?.reference ?? null,
  };
}

export function memberOfBeneficiary(ctx: SignedInContext, beneficiaryId: string): LinkedMember | null {
  const { db } = ctx.session.file;
  const id = memberLinkedTo(db, beneficiaryId, null);
  const m = id ? getMember(db, id) : undefined;
  return m ? { id: m.id, number: m.number, firstName: m.firstName, lastName: m.lastName, status: m.status, archivedAt: m.archivedAt } : null;
}

/** Creates (with the next free number when none is given) or replaces a member's fields. */
export function saveMember(input: ParsedMemberInput) {
  return (tx: WriteTx): Member => {
    const before = input.id ? existingMember(tx.db, input.id) : undefined;
    let number = input.number ?? before?.number;
    if (number) {
      const holder = memberIdWithNumber(tx.db, number);
      if (holder && holder !== before?.id) throw new AppError('duplicate_member_number', { number: 'duplicate_member_number' });
    } else {
      let next = highestNumericNumber(tx.db) + 1;
      while (memberIdWithNumber(tx.db, String(next))) next += 1;
      number = String(next);
    }
    if (input.beneficiaryId && input.beneficiaryId !== before?.beneficiaryId) {
      const b = getBeneficiary(tx.db, input.beneficiaryId);
      if (!b) throw new AppError('not_found', { beneficiaryId: 'not_found' });
      if (b.archivedAt) throw new AppError('beneficiary_archived', { beneficiaryId: 'beneficiary_archived' });
      // One person, one member record: the link is how the two areas recognise each other.
      if (memberLinkedTo(tx.db, b.id, before?.id ?? null)) throw new AppError('beneficiary_already_member', { beneficiaryId: 'beneficiary_already_member' });
    }
    const record: Member = {
      id: before?.id ?? newId(),
      number,
      firstName: input.firstName,
      lastName: input.lastName,
      arabicName: orNull(input.arabicName),
      sex: input.sex,
      birthDate: orNull(input.birthDate),
      phones: input.phones,
      email: orNull(input.email),
      address: orNull(input.address),
      joinDate: input.joinDate,
      category: input.category,
      status: input.status,
      statusDate: input.status === 'active' ? null : orNull(input.statusDate),
      role: input.role,
      mandateStart: orNull(input.mandateStart),
      mandateEnd: orNull(input.mandateEnd),
      beneficiaryId: orNull(input.beneficiaryId),
      createdAt: before?.createdAt ?? tx.at,
      updatedAt: tx.at,
      archivedAt: before?.archivedAt ?? null,
    };
    writeMember(tx.db, record, searchTextOf(record));
    tx.audit(record.id);
    return record;
  };
}

/** Links the member to a beneficiary record created for them (registering them to an activity). */
export function linkMemberTo(tx: WriteTx, member: Member, beneficiaryId: string): Member {
  const record: Member = { ...member, beneficiaryId, updatedAt: tx.at };
  writeMember(tx.db, record, searchTextOf(record));
  tx.audit(record.id);
  return record;
}

export function setMemberArchived(id: string, archived: boolean) {
  return (tx: WriteTx): Member => {
    const before = existingMember(tx.db, id);
    const record: Member = { ...before, archivedAt: archived ? (before.archivedAt ?? tx.at) : null, updatedAt: tx.at };
    writeMember(tx.db, record, searchTextOf(record));
    tx.audit(id);
    return record;
  };
}

/**
 * The Settings rule, applied when a person asks: an active member who owed dues in each of the
 * last N full years and did not pay them in full becomes lapsed today.
 */
export function applyStatusRule(ctx: Clock) {
  const today = todayIso(ctx.now());
  const thisYear = Number(today.slice(0, 4));
  return (tx: WriteTx): StatusRuleOutcome => {
    const years = readSettings(tx.db).memberLapseAfterUnpaidYears;
    tx.audit(null);
    if (years === 0) return { lapsed: [], disabled: true };
    const fees = feeTable(tx.db);
    const checked = Array.from({ length: years }, (_, i) => thisYear - 1 - i);
    const paid = new Map(checked.map((y) => [y, paidInYear(tx.db, y)]));
    const lapsed: string[] = [];
    for (const m of allMembers(tx.db)) {
      if (m.status !== 'active') continue;
      const behind = checked.every((y) => {
        const due = memberOwesIn(m, y) ? dueFor(fees, y, m.category) : 0;
        return due > 0 && (paid.get(y)?.get(m.id) ?? 0) < due;
      });
      if (!behind) continue;
      setMemberStatus(tx.db, m.id, 'lapsed', today, tx.at);
      lapsed.push(m.id);
    }
    return { lapsed, disabled: false };
  };
}
