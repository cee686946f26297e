import type { Beneficiary } from '../../contract';
import { resolveMergeCollisions } from '../activities/repository';
import { mergeFounderRows } from '../cooperatives/repository';
import { memberLinkedTo } from '../members/repository';
import type { WriteTx } from '../context';
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
  'grant_recipients',
] as const;

const MAX_PHONES = 5;

export function mergeBeneficiaries(survivorId: string, mergedId: string) {
  return (tx: WriteTx): Beneficiary => {
    const survivor = getBeneficiary(tx.db, survivorId);
    const merged = getBeneficiary(tx.db, mergedId);
    if (!survivor || !merged || survivor.archivedAt || merged.archivedAt) throw new AppError('not_found');
    // One person, one member record: two members linked to the same person would both be counted
    // (quorum, founders). Which member record stays is for a person to decide, on the members' side.
    if (memberLinkedTo(tx.db, survivorId, null) && memberLinkedTo(tx.db, mergedId, null)) throw new AppError('merge_both_members');
    // Both records at the same session or activity: one row per person may stay.
    resolveMergeCollisions(tx.db, survivorId, mergedId);
    mergeFounderRows(tx.db, survivorId, mergedId, tx.at);
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
