import type { Beneficiary } from '../../contract';
import { resolveMergeCollisions } from '../activities/repository';
import { dropNeedsBothHave } from '../case-lifecycle/repository';
import { mergeFounderRows } from '../cooperatives/repository';
import { memberLinkedTo } from '../members/repository';
import type { SignedInContext, WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { getBeneficiary, saveBeneficiary } from './repository';
import { derive } from './service';

/**
 * Every table that holds a person's history, by its `beneficiary_id` column. An area that adds
 * such a table (attendance, grants to individuals…) adds it here, and the merge test checks it.
 */
export const HISTORY_TABLES = [
  'case_notes',
  'procedures',
  'referrals',
  'incoming_referrals',
  'registrations',
  'attendance',
  'members',
  'cooperative_founders',
  'employment_records',
  'businesses',
  'grant_recipients',
  'person_services',
  'case_events',
  'intake_needs',
  'certificates',
] as const;

const MAX_PHONES = 5;

/** The two records, when they may be merged; else the reason why not. */
function mergeable(db: Db, survivorId: string, mergedId: string): [Beneficiary, Beneficiary] {
  const survivor = getBeneficiary(db, survivorId);
  const merged = getBeneficiary(db, mergedId);
  if (!survivor || !merged || survivor.archivedAt || merged.archivedAt) throw new AppError('not_found');
  // One person, one member record: two members linked to the same person would both be counted
  // (quorum, founders). Which member record stays is for a person to decide, on the members' side.
  if (memberLinkedTo(db, survivorId, null) && memberLinkedTo(db, mergedId, null)) throw new AppError('merge_both_members');
  return [survivor, merged];
}

export function mergeBeneficiaries(survivorId: string, mergedId: string) {
  return (tx: WriteTx): Beneficiary => {
    const [survivor, merged] = mergeable(tx.db, survivorId, mergedId);
    // Both records at the same session or activity: one row per person may stay.
    resolveMergeCollisions(tx.db, survivorId, mergedId);
    mergeFounderRows(tx.db, survivorId, mergedId, tx.at);
    dropNeedsBothHave(tx.db, survivorId, mergedId);
    for (const table of HISTORY_TABLES) {
      tx.db.prepare(`UPDATE ${table} SET beneficiary_id = ? WHERE beneficiary_id = ?`).run(survivorId, mergedId);
    }
    let record: Beneficiary = { ...survivor, updatedAt: tx.at };
    if (survivor.personal && merged.personal) {
      const phones = [...new Set([...survivor.personal.phones, ...merged.personal.phones])].slice(0, MAX_PHONES);
      record = { ...record, personal: { ...survivor.personal, phones } };
    }
    saveBeneficiary(tx.db, record, derive(record));
    const gone: Beneficiary = { ...merged, archivedAt: tx.at, updatedAt: tx.at };
    saveBeneficiary(tx.db, gone, { ...derive(gone), phones: [] });
    tx.db.prepare('UPDATE beneficiaries SET merged_into = ? WHERE id = ?').run(survivorId, mergedId);
    tx.audit(survivorId);
    return record;
  };
}

/**
 * A merge, after a backup of the file as it was (kind `beforeMerge`, kept like the other backups
 * made on purpose): the two records as they stood stay in it. The merge is checked first, so a
 * merge refused leaves no backup behind.
 */
export function backedUpMerge(ctx: SignedInContext, survivorId: string, mergedId: string) {
  const { file } = ctx.session;
  mergeable(file.db, survivorId, mergedId);
  ctx.backups.local(file, 'beforeMerge');
  return mergeBeneficiaries(survivorId, mergedId);
}
