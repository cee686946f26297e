import {
  PARTNER_MAP_FILE_EXTENSION,
  todayIso,
  type AssociationCard,
  type PartnerImportPlan,
  type PartnerImportSource,
  type PartnerMapEntry,
  type PartnerMapOut,
  type PartnerMapSigner,
} from '../../contract';
import { readAssociation } from '../association/repository';
import { getPartner, listPartners } from '../case-follow-up/repository';
import type { SignedInContext, WriteTx } from '../context';
import { fileNameFor } from '../db/association-file';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { fingerprintOf, identityKeys, signedCard } from './card';
import { readMapText, signedMapText } from './partner-map-file';
import { planMerge, type IncomingPartner, type MergePlan } from './partner-merge';
import { partnersFromSheet } from './partner-sheet';
import { heldCards } from './referral-repository';
import { readPartnerCard } from './repository';
import { ensureIdentity } from './service';

function association(db: Db) {
  const found = readAssociation(db);
  if (!found) throw new Error('association row missing');
  return found;
}

/** Our directory's partners still in use, each with the card we hold for it, signed with our key. */
export function exportPartnerMap(ctx: SignedInContext): PartnerMapOut {
  const { db } = ctx.session.file;
  const at = ctx.now().toISOString();
  const identity = ensureIdentity(db, at, ctx.session.user.id);
  const ours = association(db);
  const cards = new Map(heldCards(db).map((c) => [c.partnerId, c.card]));
  const partners: PartnerMapEntry[] = listPartners(db, false).map((p) => {
    const card = cards.get(p.id);
    return {
      name: p.name,
      type: p.type,
      ...(p.city ? { city: p.city } : {}),
      ...(p.contact ? { contact: p.contact } : {}),
      ...(p.services ? { services: p.services } : {}),
      ...(card ? { card } : {}),
    };
  });
  return {
    text: signedMapText(identity, signedCard(identity, ours), partners, at),
    fileName: fileNameFor(ours.name).replace(/\.tadamon$/, `-${todayIso(ctx.now())}${PARTNER_MAP_FILE_EXTENSION}`),
    count: partners.length,
  };
}

/** Who made a map, as our directory knows them: a partner whose card we hold, ourselves, or nobody we know. */
function signerOf(db: Db, madeBy: AssociationCard, ourFingerprint: string): PartnerMapSigner {
  const fingerprint = fingerprintOf(madeBy.keys);
  const holder = heldCards(db).find((c) => fingerprintOf(c.card.keys) === fingerprint);
  const stored = holder && readPartnerCard(db, holder.partnerId);
  const partnerName = holder ? (getPartner(db, holder.partnerId)?.name ?? null) : null;
  return {
    associationName: madeBy.association.name,
    city: madeBy.association.city,
    fingerprint,
    partnerName,
    checkedAt: stored ? stored.checkedAt : null,
    ours: fingerprint === ourFingerprint,
  };
}

const fromMap = (entries: PartnerMapEntry[]): IncomingPartner[] =>
  entries.map((e, i) => ({
    row: i + 1,
    name: e.name,
    type: e.type,
    city: e.city || null,
    contact: e.contact || null,
    services: e.services || null,
    card: e.card ?? null,
  }));

/** The partners a source brings, read before any transaction (a spreadsheet takes a moment). */
async function read(source: PartnerImportSource) {
  if (source.kind === 'map') return { kind: 'map' as const, content: readMapText(source.fileText) };
  return { kind: 'sheet' as const, ...(await partnersFromSheet(source)), defaultType: source.defaultType };
}

function plan(db: Db, ourFingerprint: string, source: Awaited<ReturnType<typeof read>>): MergePlan & { signer: PartnerMapSigner | null } {
  if (source.kind === 'map') {
    const merge = planMerge(db, fromMap(source.content.partners), { ourFingerprint, fallbackType: 'other', rejected: [] });
    const signer = signerOf(db, source.content.madeBy, ourFingerprint);
    return { ...merge, plan: { ...merge.plan, signer }, signer };
  }
  return { ...planMerge(db, source.partners, { ourFingerprint, fallbackType: source.defaultType, rejected: source.rejected }), signer: null };
}

const ourFingerprintIn = (db: Db, at: string, userId: string) => fingerprintOf(identityKeys(ensureIdentity(db, at, userId)));

export async function previewPartnerMerge(ctx: SignedInContext, source: PartnerImportSource): Promise<PartnerImportPlan> {
  const { db } = ctx.session.file;
  const partners = await read(source);
  return plan(db, ourFingerprintIn(db, ctx.now().toISOString(), ctx.session.user.id), partners).plan;
}

/**
 * Merges as previewed. A map from a maker none of our partners' cards belong to is taken only when
 * the user accepted it unverified: its cards then come from someone we cannot name.
 */
export async function importPartnerMerge(input: { source: PartnerImportSource; acceptUnverified: boolean }) {
  const source = await read(input.source);
  return (tx: WriteTx): PartnerImportPlan => {
    const merge = plan(tx.db, ourFingerprintIn(tx.db, tx.at, tx.user.id), source);
    if (merge.signer && !merge.signer.partnerName && !merge.signer.ours && !input.acceptUnverified) {
      throw new AppError('partner_map_unverified', { fileText: 'partner_map_unverified' });
    }
    merge.apply(tx.db, tx.at);
    tx.audit(null);
    return merge.plan;
  };
}
