import type {
  AssociationCard,
  Partner,
  PartnerDifference,
  PartnerImportPlan,
  PartnerMergeField,
  PartnerMergeOutcome,
  PartnerRowProblem,
  PartnerType,
  PlannedPartner,
} from '../../contract';
import { normalizeForSearch } from '../beneficiaries/text-normalization';
import { listPartners, savePartner } from '../case-follow-up/repository';
import type { Db } from '../db/database';
import { newId } from '../ids';
import { fingerprintOf } from './card';
import { partnerCardFingerprints, storePartnerCard } from './repository';

/**
 * Merging partners from another association's map or from a spreadsheet into our directory, on
 * the name and city (case, accents and Arabic letter variants aside). Our values always win: an
 * empty field of ours is filled, a different value is listed as a difference and left as ours. A
 * card is added only to a partner without one, unchecked until someone checks it by phone.
 */

/** A partner as the file or sheet gives it; `type` null when a sheet's type cell is empty. */
export interface IncomingPartner {
  row: number;
  name: string;
  type: PartnerType | null;
  city: string | null;
  contact: string | null;
  services: string | null;
  card: AssociationCard | null;
}

/** A partner of the directory as the merge leaves it, written only when changed. */
interface Draft {
  partner: Partner;
  fingerprint: string | null;
  newCard: AssociationCard | null;
  changed: boolean;
  /** Already in our directory, not only planned from an earlier row of the same file. */
  existing: boolean;
}

const keyOf = (name: string, city: string | null) => `${normalizeForSearch(name)}\u0000${normalizeForSearch(city ?? '')}`;
const same = (a: string, b: string) => normalizeForSearch(a) === normalizeForSearch(b);
const orNull = (text: string | null | undefined) => (text ? text : null);

export interface MergePlan {
  plan: PartnerImportPlan;
  /** Writes the directory as planned, in the caller's transaction. */
  apply(db: Db, at: string): void;
}

export function planMerge(
  db: Db,
  incoming: readonly IncomingPartner[],
  options: { ourFingerprint: string; fallbackType: PartnerType; rejected: PartnerRowProblem[] },
): MergePlan {
  const fingerprints = partnerCardFingerprints(db);
  const drafts = new Map<string, Draft>();
  const heldBy = new Map<string, Draft>();
  for (const partner of listPartners(db, true)) {
    const draft: Draft = { partner, fingerprint: fingerprints.get(partner.id) ?? null, newCard: null, changed: false, existing: true };
    const key = keyOf(partner.name, partner.city);
    if (!drafts.has(key)) drafts.set(key, draft);
    if (draft.fingerprint) heldBy.set(draft.fingerprint, draft);
  }

  const planned: PlannedPartner[] = [];
  for (const entry of incoming) {
    const fingerprint = entry.card && fingerprintOf(entry.card.keys);
    const shown = { row: entry.row, name: entry.name, city: entry.city };
    if (fingerprint === options.ourFingerprint) {
      planned.push({ ...shown, type: entry.type ?? options.fallbackType, outcome: 'ours', partnerId: null, filled: [], differences: [], card: 'none' });
      continue;
    }
    const key = keyOf(entry.name, entry.city);
    let draft = drafts.get(key);
    const filled: PartnerMergeField[] = [];
    const differences: PartnerDifference[] = [];
    let outcome: PartnerMergeOutcome;
    if (!draft) {
      draft = {
        partner: {
          id: newId(),
          name: entry.name,
          type: entry.type ?? options.fallbackType,
          city: entry.city,
          contact: entry.contact,
          services: entry.services,
          createdAt: '',
          updatedAt: '',
          archivedAt: null,
        },
        fingerprint: null,
        newCard: null,
        changed: true,
        existing: false,
      };
      drafts.set(key, draft);
      outcome = 'added';
    } else {
      const ours = draft.partner;
      if (entry.type && entry.type !== ours.type) differences.push({ field: 'type', ours: ours.type, theirs: entry.type });
      for (const field of ['contact', 'services'] as const) {
        const theirs = entry[field];
        const mine = ours[field];
        if (!theirs) continue;
        if (!mine) {
          draft.partner = { ...draft.partner, [field]: theirs };
          draft.changed = true;
          filled.push(field);
        } else if (!same(mine, theirs)) differences.push({ field, ours: mine, theirs });
      }
      outcome = 'unchanged';
    }

    let card: PlannedPartner['card'] = 'none';
    if (entry.card && fingerprint) {
      if (draft.fingerprint === fingerprint) card = 'same';
      else if (draft.fingerprint) {
        card = 'kept_ours';
        differences.push({ field: 'card', ours: draft.fingerprint, theirs: fingerprint });
      } else if (heldBy.has(fingerprint)) card = 'held_by_another';
      else {
        card = 'added';
        draft.fingerprint = fingerprint;
        draft.newCard = entry.card;
        draft.changed = true;
        heldBy.set(fingerprint, draft);
        if (outcome !== 'added') filled.push('card');
      }
    }
    if (outcome !== 'added') outcome = differences.length > 0 ? 'conflict' : filled.length > 0 ? 'merged' : 'unchanged';
    planned.push({ ...shown, type: draft.partner.type, outcome, partnerId: draft.existing ? draft.partner.id : null, filled, differences, card });
  }

  const counts: PartnerImportPlan['counts'] = { added: 0, merged: 0, unchanged: 0, conflict: 0, ours: 0, rejected: options.rejected.length };
  for (const p of planned) counts[p.outcome] += 1;
  return {
    plan: { signer: null, partners: planned, rejected: options.rejected, counts },
    apply(target, at) {
      for (const draft of new Set(drafts.values())) {
        if (!draft.changed) continue;
        const partner = { ...draft.partner, contact: orNull(draft.partner.contact), services: orNull(draft.partner.services), updatedAt: at };
        savePartner(target, { ...partner, createdAt: partner.createdAt || at });
        if (draft.newCard && draft.fingerprint) storePartnerCard(target, partner.id, JSON.stringify(draft.newCard), draft.fingerprint, at);
      }
    },
  };
}
