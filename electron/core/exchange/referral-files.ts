import {
  beneficiaryInputSchema,
  EXCHANGE_FILE_EXTENSIONS,
  EXCHANGE_FILE_VALID_DAYS,
  PERSONAL_REFERRAL_FACTS,
  referralFactSchema,
  referralFilePayloadSchema,
  referralReplyPayloadSchema,
  type AssociationCard,
  type BeneficiaryInput,
  type ErrorCode,
  type ExchangeFileOut,
  type ExchangeKind,
  type IncomingReferral,
  type IncomingReferralStatus,
  type ReceivedReferral,
  type Referral,
  type ReferralFact,
  type ReferralFacts,
  type ReferralFilePayload,
  type ReferralStatus,
} from '../../contract';
import { getBeneficiary } from '../beneficiaries/repository';
import { seesSensitive, shownTo } from '../beneficiaries/sensitive';
import { createBeneficiary, findDuplicates } from '../beneficiaries/service';
import { getReferral } from '../case-follow-up/repository';
import { dayOf, type SignedInContext, type WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { newId } from '../ids';
import { fingerprintOf } from './card';
import { openFile, sealFile } from './envelope';
import {
  answerIncoming,
  applyAnswer,
  getIncoming,
  heldCards,
  importedFileIds,
  insertIncoming,
  linkIncoming,
  listIncoming,
  recordFileSent,
  recordImportedFile,
  referralForAnswer,
  sensitiveNeedCodes,
} from './referral-repository';
import { readPartnerCard } from './repository';
import { ensureIdentity } from './service';

const DAY_MS = 86_400_000;

function partnerCardOf(tx: WriteTx, partnerId: string): AssociationCard {
  const stored = readPartnerCard(tx.db, partnerId);
  if (stored === undefined) throw new AppError('not_found');
  if (stored === null) throw new AppError('partner_has_no_card');
  return stored.card;
}

/** Seals `payload` to the partner; the file's id is fresh, so each file can be taken in once. */
function sealed(tx: WriteTx, kind: ExchangeKind, recipientCard: AssociationCard, payload: unknown): ExchangeFileOut {
  const id = newId();
  const text = sealFile({
    kind,
    id,
    sender: ensureIdentity(tx.db, tx.at, tx.user.id),
    recipientCard,
    payload,
    createdAt: tx.at,
    expiresAt: new Date(Date.parse(tx.at) + EXCHANGE_FILE_VALID_DAYS * DAY_MS).toISOString(),
  });
  // No name of a person or of an association: the file name is seen by whoever carries the file.
  return { text, fileName: `tadamon-${kind}-${dayOf(tx)}-${id.slice(-8)}${EXCHANGE_FILE_EXTENSIONS[kind]}` };
}

function refused(reason: ErrorCode, senderFingerprint?: string): never {
  throw new AppError(reason, { fileText: reason, ...(senderFingerprint ? { senderFingerprint } : {}) });
}

/**
 * A received file opened and checked (see `openFile`), of the kind expected, with the partner it
 * comes from. Recorded as taken in only by `taken`, once everything else about it was accepted.
 */
function opened(tx: WriteTx, fileText: string, kind: ExchangeKind) {
  const cards = heldCards(tx.db);
  const result = openFile(fileText, {
    ourIdentity: ensureIdentity(tx.db, tx.at, tx.user.id),
    knownCards: cards.map((c) => c.card),
    now: new Date(tx.at),
    seenIds: importedFileIds(tx.db),
  });
  if (!result.ok) return refused(result.reason, result.senderFingerprint);
  const { header } = result;
  if (header.kind !== kind) return refused('exchange_wrong_kind', header.from);
  const partnerId = cards.find((c) => fingerprintOf(c.card.keys) === header.from)?.partnerId;
  if (!partnerId) throw new Error('opened a file from a card no partner holds');
  return { header, partnerId, payload: result.payload, taken: () => recordImportedFile(tx.db, header.id, kind, partnerId, tx.at) };
}

// ---------------------------------------------------------------------------------------------
// Sending one of our referrals

/**
 * The facts ticked, as the sender may read them (sensitive needs only for those who see them).
 * A fact with nothing recorded for the person is left out, and so from the record of what went.
 */
function factsToSend(tx: WriteTx, referral: Referral, ticked: ReadonlySet<ReferralFact>) {
  const found = getBeneficiary(tx.db, referral.beneficiaryId);
  if (!found) throw new AppError('not_found');
  const b = shownTo(tx.db, tx.user, found);
  const p = b.personal;
  const personal = PERSONAL_REFERRAL_FACTS.some((f) => ticked.has(f));
  const sharing = Boolean(p && b.consent?.scopes.includes('sharing'));
  if (personal && !sharing) {
    throw new AppError('consent_sharing_required', { facts: 'consent_sharing_required' });
  }
  const facts: ReferralFacts = {};
  if (p && ticked.has('identity')) {
    facts.identity = { firstName: p.firstName, lastName: p.lastName, arabicName: p.arabicName, birthDate: p.birthDate };
  }
  if (p && ticked.has('contact')) {
    facts.contact = { phones: p.phones, city: p.city, neighbourhood: p.neighbourhood, languages: p.languages };
  }
  if (ticked.has('birthYear')) facts.birthYear = { year: b.birthYear, estimated: b.birthYearEstimated };
  if (ticked.has('nationality')) facts.nationality = b.nationality;
  if (p?.legalStatus && ticked.has('legalStatus')) facts.legalStatus = { code: p.legalStatus.code, expiryDate: p.legalStatus.expiryDate };
  if (p && ticked.has('needs')) {
    // Health and violence are need-to-know (law 09-08): they leave only with the consent to sharing.
    const hidden = sharing ? new Set<string>() : sensitiveNeedCodes(tx.db);
    const needs = p.vulnerabilities.filter((v) => !hidden.has(v));
    if (needs.length > 0) facts.needs = needs;
  }
  if (referral.reason && ticked.has('reason')) facts.reason = referral.reason;
  if (referral.notes && ticked.has('notes')) facts.notes = referral.notes;
  const payload: ReferralFilePayload = referralFilePayloadSchema.parse({
    referralId: referral.id,
    sentOn: referral.sentOn,
    person: { initials: b.initials, sex: b.sex, category: b.category },
    facts,
    consent: facts.identity || facts.contact ? b.consent : null,
  });
  const sent = referralFactSchema.options.filter((f) => payload.facts[f] !== undefined);
  return { payload, sent };
}

export function sendReferralFile(input: { referralId: string; facts: ReferralFact[] }) {
  return (tx: WriteTx): ExchangeFileOut & { referral: Referral } => {
    const referral = getReferral(tx.db, input.referralId);
    if (!referral) throw new AppError('not_found');
    const recipientCard = partnerCardOf(tx, referral.partnerId);
    const { payload, sent } = factsToSend(tx, referral, new Set(input.facts));
    const file = sealed(tx, 'referral', recipientCard, payload);
    recordFileSent(tx.db, referral.id, tx.at, sent);
    tx.audit(referral.id);
    const updated = getReferral(tx.db, referral.id);
    if (!updated) throw new Error('referral missing after write');
    return { ...file, referral: updated };
  };
}

// ---------------------------------------------------------------------------------------------
// Referrals partners send us

function incomingAsSeen(tx: { db: WriteTx['db']; role: WriteTx['user']['role'] }, incoming: IncomingReferral): IncomingReferral {
  const needs = incoming.facts.needs;
  if (!needs || seesSensitive(tx.role)) return incoming;
  const hidden = sensitiveNeedCodes(tx.db);
  return { ...incoming, facts: { ...incoming.facts, needs: needs.filter((n) => !hidden.has(n)) } };
}

function existingIncoming(tx: WriteTx, id: string): IncomingReferral {
  const incoming = getIncoming(tx.db, id);
  if (!incoming) throw new AppError('not_found');
  return incomingAsSeen({ db: tx.db, role: tx.user.role }, incoming);
}

/** A record for our file made of what was sent; null when the facts cannot make a valid one. */
function draftFrom(incoming: IncomingReferral): BeneficiaryInput | null {
  const { facts, person } = incoming;
  const birthYear = facts.birthYear?.year ?? (facts.identity?.birthDate ? Number(facts.identity.birthDate.slice(0, 4)) : undefined);
  if (birthYear === undefined || !facts.nationality) return null;
  const draft = {
    sex: person.sex,
    birthYear,
    birthYearEstimated: facts.birthYear?.estimated ?? false,
    nationality: facts.nationality,
    category: person.category,
    initials: person.initials,
    consent: facts.identity ? incoming.consent : null,
    personal: facts.identity
      ? {
          ...facts.identity,
          phones: facts.contact?.phones ?? [],
          city: facts.contact?.city,
          neighbourhood: facts.contact?.neighbourhood,
          languages: facts.contact?.languages ?? [],
          legalStatus: facts.legalStatus ?? null,
          household: { dependants: null, childrenUnder18: null, singleParent: false },
          educationLevel: 'unknown',
          vulnerabilities: facts.needs ?? [],
        }
      : null,
  };
  const parsed = beneficiaryInputSchema.safeParse(draft);
  return parsed.success ? parsed.data : null;
}

export function receiveReferralFile(input: { fileText: string }) {
  return (tx: WriteTx): ReceivedReferral => {
    const file = opened(tx, input.fileText, 'referral');
    const payload = referralFilePayloadSchema.safeParse(file.payload);
    if (!payload.success) return refused('exchange_file_invalid', file.header.from);
    const id = newId();
    insertIncoming(tx.db, {
      id,
      partnerId: file.partnerId,
      remoteReferralId: payload.data.referralId,
      payloadJson: JSON.stringify(payload.data),
      at: tx.at,
    });
    file.taken();
    tx.audit(id);
    return withCandidates(tx.db, existingIncoming(tx, id));
  };
}

/** A referral received with what linking it needs: the people it may be, and a new record made of its facts. */
function withCandidates(db: Db, incoming: IncomingReferral): ReceivedReferral {
  const draft = draftFrom(incoming);
  return { incoming, duplicates: draft ? findDuplicates(db, draft) : [], draft };
}

export function getIncomingReferral(ctx: SignedInContext, id: string): ReceivedReferral {
  const { db } = ctx.session.file;
  const incoming = getIncoming(db, id);
  if (!incoming) throw new AppError('not_found');
  return withCandidates(db, incomingAsSeen({ db, role: ctx.session.user.role }, incoming));
}

export function listIncomingReferrals(ctx: SignedInContext): IncomingReferral[] {
  const { db } = ctx.session.file;
  return listIncoming(db).map((i) => incomingAsSeen({ db, role: ctx.session.user.role }, i));
}

/** To a person already in our file, or to a new record made through the ordinary create path. */
export function linkIncomingReferral(input: { id: string; beneficiaryId: string } | { id: string; create: BeneficiaryInput }) {
  return (tx: WriteTx): IncomingReferral => {
    existingIncoming(tx, input.id);
    let beneficiaryId: string;
    if ('beneficiaryId' in input) {
      if (!getBeneficiary(tx.db, input.beneficiaryId)) throw new AppError('not_found');
      beneficiaryId = input.beneficiaryId;
    } else {
      beneficiaryId = createBeneficiary(input.create)(tx).id;
    }
    linkIncoming(tx.db, input.id, beneficiaryId, tx.at);
    tx.audit(input.id);
    return existingIncoming(tx, input.id);
  };
}

/** Records our answer and seals it back to the partner who sent the referral. */
export function answerIncomingReferral(input: { id: string; status: IncomingReferralStatus; reason?: string | null }) {
  return (tx: WriteTx): ExchangeFileOut & { incoming: IncomingReferral } => {
    const incoming = existingIncoming(tx, input.id);
    const recipientCard = partnerCardOf(tx, incoming.partnerId);
    const answeredOn = dayOf(tx);
    const reason = input.reason || null;
    answerIncoming(tx.db, input.id, { status: input.status, reason, on: answeredOn, at: tx.at });
    const file = sealed(
      tx,
      'reply',
      recipientCard,
      referralReplyPayloadSchema.parse({ referralId: incoming.remoteReferralId, status: input.status, reason, answeredOn }),
    );
    tx.audit(input.id);
    return { ...file, incoming: existingIncoming(tx, input.id) };
  };
}

// ---------------------------------------------------------------------------------------------
// Answers to our referrals

const STATUS_OF_ANSWER: Record<IncomingReferralStatus, ReferralStatus> = {
  received: 'received',
  service_given: 'service_given',
  refused: 'refused',
  no_answer_possible: 'no_answer',
};

/**
 * Only for a referral of ours sent as a file to that very partner. Answers are applied in the order
 * the partner made them, so an older file imported late does not set back a newer status.
 */
export function importReplyFile(input: { fileText: string }) {
  return (tx: WriteTx): Referral => {
    const file = opened(tx, input.fileText, 'reply');
    const reply = referralReplyPayloadSchema.safeParse(file.payload);
    if (!reply.success) return refused('exchange_file_invalid', file.header.from);
    const referral = referralForAnswer(tx.db, reply.data.referralId);
    if (!referral || referral.partnerId !== file.partnerId || !referral.fileSentAt) {
      return refused('exchange_unknown_referral', file.header.from);
    }
    if (referral.answerMadeAt && file.header.createdAt < referral.answerMadeAt) return refused('exchange_outdated', file.header.from);
    // The partner's date, kept between the day we sent and our today, which the referral's own rules require.
    const today = dayOf(tx);
    const answered = reply.data.answeredOn;
    const feedbackOn = answered < referral.sentOn ? referral.sentOn : answered > today ? today : answered;
    applyAnswer(tx.db, reply.data.referralId, {
      status: STATUS_OF_ANSWER[reply.data.status],
      feedbackOn,
      reason: reply.data.reason,
      madeAt: file.header.createdAt,
      at: tx.at,
    });
    file.taken();
    tx.audit(reply.data.referralId);
    const updated = getReferral(tx.db, reply.data.referralId);
    if (!updated) throw new Error('referral missing after write');
    return updated;
  };
}
