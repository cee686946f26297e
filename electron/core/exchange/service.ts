import { CARD_FILE_EXTENSION, type OurCard, type PartnerCard } from '../../contract';
import { readAssociation } from '../association/repository';
import { appendAudit } from '../audit/repository';
import type { SignedInContext, WriteTx } from '../context';
import { fileNameFor } from '../db/association-file';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { cardText, fingerprintOf, identityKeys, readCard, signedCard } from './card';
import { loadIdentity, newIdentity, type Identity } from './identity';
import {
  insertIdentity,
  markCardChecked,
  partnerHoldingCard,
  readIdentity,
  readPartnerCard,
  storePartnerCard,
  type StoredPartnerCard,
} from './repository';

/**
 * The association's identity, made now if the file predates identities (upgraded from before
 * migration 0013). Audited, so the next backup carries the new keys: a partner holding our card
 * needs them to stay the same.
 */
export function ensureIdentity(db: Db, at: string, userId: string): Identity {
  const stored = readIdentity(db);
  if (stored) return loadIdentity(stored);
  const created = newIdentity(at);
  db.transaction(() => {
    insertIdentity(db, created);
    appendAudit(db, { at, userId, op: 'identity.create', entityId: null });
  })();
  return loadIdentity(created);
}

export function ourCard(ctx: SignedInContext): OurCard {
  const { db } = ctx.session.file;
  const association = readAssociation(db);
  if (!association) throw new Error('association row missing');
  const identity = ensureIdentity(db, ctx.now().toISOString(), ctx.session.user.id);
  const card = signedCard(identity, association);
  return {
    text: cardText(card),
    fingerprint: fingerprintOf(card.keys),
    fileName: fileNameFor(association.name).replace(/\.tadamon$/, CARD_FILE_EXTENSION),
  };
}

const shown = (partnerId: string, stored: StoredPartnerCard): PartnerCard => ({
  partnerId,
  fingerprint: stored.fingerprint,
  associationName: stored.card.association.name,
  city: stored.card.association.city,
  createdAt: stored.card.createdAt,
  checkedAt: stored.checkedAt,
  checkedByName: stored.checkedByName,
});

function storedCard(db: Db, partnerId: string): StoredPartnerCard | null {
  const stored = readPartnerCard(db, partnerId);
  if (stored === undefined) throw new AppError('not_found');
  return stored;
}

export function partnerCard(ctx: SignedInContext, partnerId: string): PartnerCard | null {
  const stored = storedCard(ctx.session.file.db, partnerId);
  return stored && shown(partnerId, stored);
}

/**
 * Holds a partner's card once it proves whole (its self-signature). Refused when it is our own
 * card or another partner's already: a received file names its sender by fingerprint, which must
 * lead to one partner only.
 */
export function importCard(input: { partnerId: string; cardText: string }) {
  const card = readCard(input.cardText);
  const fingerprint = fingerprintOf(card.keys);
  return (tx: WriteTx): PartnerCard => {
    storedCard(tx.db, input.partnerId);
    if (fingerprint === fingerprintOf(identityKeys(ensureIdentity(tx.db, tx.at, tx.user.id)))) {
      throw new AppError('card_is_ours', { cardText: 'card_is_ours' });
    }
    const holder = partnerHoldingCard(tx.db, fingerprint);
    if (holder !== undefined && holder !== input.partnerId) {
      throw new AppError('card_already_held', { cardText: 'card_already_held' });
    }
    storePartnerCard(tx.db, input.partnerId, JSON.stringify(card), fingerprint, tx.at);
    tx.audit(input.partnerId);
    return shown(input.partnerId, { card, fingerprint, checkedAt: null, checkedByName: null });
  };
}

/** "Checked by phone": the fingerprint read out matches the card held, recorded with who and when. */
export function confirmCard(input: { partnerId: string; fingerprint: string }) {
  return (tx: WriteTx): PartnerCard => {
    const stored = storedCard(tx.db, input.partnerId);
    if (!stored) throw new AppError('partner_has_no_card');
    if (stored.fingerprint !== input.fingerprint) throw new AppError('card_changed', { fingerprint: 'card_changed' });
    markCardChecked(tx.db, input.partnerId, tx.at, tx.user.id);
    tx.audit(input.partnerId);
    return shown(input.partnerId, { ...stored, checkedAt: tx.at, checkedByName: tx.user.displayName });
  };
}
