import { beforeAll, describe, expect, it } from 'vitest';
import { associationCardSchema, type ErrorCode, type OpOutput } from '../../electron/contract';
import { cardText, signedCard } from '../../electron/core/exchange/card';
import { sealFile } from '../../electron/core/exchange/envelope';
import { loadIdentity, newIdentity } from '../../electron/core/exchange/identity';
import { readIdentity } from '../../electron/core/exchange/repository';
import { person } from './builders';
import { associationFile, type AssociationFile } from './association-files';
import { PRESIDENT_PASSWORD, staffCore, useSuiteTempDir, withDb, type TestCore } from './helpers';

const START = '2026-05-04T08:00:00.000Z';
const DAY = 86_400_000;
const tempDir = useSuiteTempDir();

interface Association extends AssociationFile {
  cardText: string;
  /** Moves this association's clock; past the idle lock, the president signs in again. */
  later(days: number): Promise<void>;
}

async function association(name: string, city: string): Promise<Association> {
  let t = Date.parse(START);
  const file = await associationFile(tempDir(), name, city, () => new Date(t));
  return {
    ...file,
    cardText: file.card.text,
    async later(days) {
      t += days * DAY;
      await file.core.must('file.open', { path: file.path, userId: file.userId, password: PRESIDENT_PASSWORD });
    },
  };
}

/** `other` in `holder`'s directory with its card; returns the partner's id. */
async function holdCard(holder: Association, other: { cardText: string }, name: string): Promise<string> {
  const partner = await holder.core.must('partners.save', { name, type: 'ngo' });
  await holder.core.must('partners.importCard', { partnerId: partner.id, cardText: other.cardText });
  return partner.id;
}

/** A refusal that leaves both files exactly as they were. */
async function refusedUnchanged(
  files: Association[],
  attempt: () => Promise<{ ok: boolean; error?: { code: ErrorCode; fields?: Record<string, string> } }>,
  code: ErrorCode,
  fields?: Record<string, string>,
) {
  const before = files.map((f) => f.content());
  const result = await attempt();
  expect(result.ok, JSON.stringify(result)).toBe(false);
  expect(result.error?.code).toBe(code);
  if (fields) expect(result.error?.fields).toMatchObject(fields);
  expect(files.map((f) => f.content())).toEqual(before);
}

const withSharing = { date: '2026-01-15', givenBy: 'person' as const, scopes: ['service' as const, 'sharing' as const] };

let amal: Association; // Oujda: refers people
let tadamon: Association; // Rabat: receives and answers
let tadamonAtAmal: string;
let amalAtTadamon: string;

beforeAll(async () => {
  [amal, tadamon] = await Promise.all([association('Association Amal', 'Oujda'), association('Tadamon Rabat', 'Rabat')]);
  tadamonAtAmal = await holdCard(amal, tadamon, 'Tadamon (Rabat)');
  amalAtTadamon = await holdCard(tadamon, amal, 'Amal (Oujda)');
});

async function referralAtAmal(consent = withSharing, partnerId = tadamonAtAmal) {
  const b = await amal.core.must('beneficiaries.create', person({ firstName: 'Aminata', lastName: 'Diallo', phones: ['0612345678'] }, { consent }));
  return amal.core.must('referrals.save', {
    beneficiaryId: b.id,
    partnerId,
    sentOn: '2026-05-04',
    reason: 'Consultation prénatale',
    status: 'sent',
    notes: 'Préfère être appelée le matin',
  });
}

describe('a referral sent as a file, received, answered and the answer imported', () => {
  it('goes from one association file to the other and back, the status and feedback date updating by themselves', async () => {
    const referral = await referralAtAmal();
    const sent = await amal.core.must('referrals.sendFile', { referralId: referral.id, facts: ['identity', 'contact', 'birthYear', 'nationality', 'needs', 'reason'] });
    expect(sent.fileName).toMatch(/^tadamon-referral-2026-05-04-[0-9a-f]{8}\.tadamon-referral$/);
    expect(sent.text).not.toMatch(/Aminata|Diallo|Consultation|Amal|Tadamon/);
    expect(sent.referral.file).toEqual({ sentAt: START, facts: ['identity', 'contact', 'birthYear', 'nationality', 'needs', 'reason'], answerReason: null });
    const audit = withDb(amal.path, amal.key, (db) => db.prepare("SELECT * FROM audit_log WHERE op = 'referrals.sendFile'").all());
    expect(audit).toEqual([expect.objectContaining({ entity_id: referral.id, note: null })]);

    await tadamon.later(1);
    const received = await tadamon.core.must('referrals.receiveFile', { fileText: sent.text });
    expect(received.incoming).toMatchObject({
      partnerId: amalAtTadamon,
      partnerName: 'Amal (Oujda)',
      remoteReferralId: referral.id,
      sentOn: '2026-05-04',
      status: 'received',
      beneficiaryId: null,
      person: { initials: 'AD', sex: 'female', category: 'subsaharan_migrant' },
      consent: withSharing,
    });
    // Only the facts ticked: no legal status, no notes.
    expect(received.incoming.facts).toEqual({
      identity: { firstName: 'Aminata', lastName: 'Diallo' },
      contact: { phones: ['+212612345678'], city: 'Rabat', languages: ['french', 'wolof'] },
      birthYear: { year: 1994, estimated: false },
      nationality: 'SN',
      needs: ['single_mother'],
      reason: 'Consultation prénatale',
    });
    expect(received.duplicates).toEqual([]);
    expect(received.draft).toMatchObject({ initials: 'AD', birthYear: 1994, consent: withSharing, personal: { firstName: 'Aminata', legalStatus: null } });
    expect(await tadamon.core.must('referrals.incoming.list', {})).toEqual([received.incoming]);

    const linked = await tadamon.core.must('referrals.incoming.link', { id: received.incoming.id, create: received.draft as NonNullable<typeof received.draft> });
    const created = await tadamon.core.must('beneficiaries.get', { id: linked.beneficiaryId as string });
    expect(created).toMatchObject({ personal: { firstName: 'Aminata', lastName: 'Diallo', phones: ['+212612345678'] }, consent: withSharing });

    const answer = await tadamon.core.must('referrals.incoming.answer', { id: received.incoming.id, status: 'service_given' });
    expect(answer.incoming).toMatchObject({ status: 'service_given', answeredOn: '2026-05-05' });
    expect(answer.fileName).toMatch(/\.tadamon-reply$/);

    await amal.later(2);
    const updated = await amal.core.must('referrals.importReply', { fileText: answer.text });
    expect(updated).toMatchObject({ id: referral.id, status: 'service_given', feedbackOn: '2026-05-05' });
    expect((await amal.core.must('referrals.list', { beneficiaryId: referral.beneficiaryId }))[0]).toEqual(updated);
  });

  it("the facts received are erased with the person's consent: only initials, sex, category and non-personal facts stay", async () => {
    const referral = await referralAtAmal();
    const sent = await amal.core.must('referrals.sendFile', { referralId: referral.id, facts: ['identity', 'contact', 'birthYear', 'nationality', 'needs', 'reason'] });
    const received = await tadamon.core.must('referrals.receiveFile', { fileText: sent.text });
    const linked = await tadamon.core.must('referrals.incoming.link', { id: received.incoming.id, create: received.draft as NonNullable<typeof received.draft> });
    await tadamon.core.must('referrals.incoming.answer', { id: received.incoming.id, status: 'refused', reason: 'Aminata a déménagé à Fès' });
    await tadamon.core.must('beneficiaries.withdrawConsent', { id: linked.beneficiaryId as string });
    const [kept] = (await tadamon.core.must('referrals.incoming.list', {})).filter((i) => i.id === received.incoming.id);
    expect(kept).toMatchObject({ person: { initials: 'AD', sex: 'female' }, consent: null, facts: { birthYear: { year: 1994, estimated: false }, needs: ['single_mother'] } });
    expect(kept.facts).not.toHaveProperty('identity');
    expect(kept.facts).not.toHaveProperty('contact');
    expect(kept.facts).not.toHaveProperty('reason');
    const stored = withDb(tadamon.path, tadamon.key, (db) => db.prepare('SELECT payload, answer_reason FROM incoming_referrals WHERE id = ?').get(received.incoming.id));
    expect(JSON.stringify(stored)).not.toMatch(/Aminata|Diallo|612345678|Consultation|Fès/);
  });

  it('a person B already follows is proposed, and the referral is linked to them instead of a new record', async () => {
    const existing = await tadamon.core.must('beneficiaries.create', person({ firstName: 'Fatoumata', lastName: 'Keita', phones: ['0687654321'] }));
    const b = await amal.core.must('beneficiaries.create', person({ firstName: 'Fatoumata', lastName: 'Keïta', phones: [] }, { consent: withSharing }));
    const referral = await amal.core.must('referrals.save', { beneficiaryId: b.id, partnerId: tadamonAtAmal, sentOn: '2026-05-06', reason: 'Logement', status: 'sent' });
    const sent = await amal.core.must('referrals.sendFile', { referralId: referral.id, facts: ['identity', 'birthYear', 'nationality'] });
    const received = await tadamon.core.must('referrals.receiveFile', { fileText: sent.text });
    expect(received.duplicates.map((d) => d.id)).toEqual([existing.id]);
    const linked = await tadamon.core.must('referrals.incoming.link', { id: received.incoming.id, beneficiaryId: existing.id });
    expect(linked.beneficiaryId).toBe(existing.id);
  });

  it('a referral received and left unlinked still comes with its likely person and its draft, to link it later', async () => {
    const existing = await tadamon.core.must('beneficiaries.create', person({ firstName: 'Mariama', lastName: 'Sow', phones: ['0611223344'] }));
    const b = await amal.core.must('beneficiaries.create', person({ firstName: 'Mariama', lastName: 'Sow', phones: [] }, { consent: withSharing }));
    const referral = await amal.core.must('referrals.save', { beneficiaryId: b.id, partnerId: tadamonAtAmal, sentOn: '2026-05-06', reason: 'Logement', status: 'sent' });
    const sent = await amal.core.must('referrals.sendFile', { referralId: referral.id, facts: ['identity', 'birthYear', 'nationality'] });
    const received = await tadamon.core.must('referrals.receiveFile', { fileText: sent.text });

    const later = await tadamon.core.must('referrals.incoming.get', { id: received.incoming.id });
    expect(later.incoming).toEqual(received.incoming);
    expect(later.duplicates.map((d) => d.id)).toEqual([existing.id]);
    expect(later.draft).toEqual(received.draft);
    const failed = await tadamon.core.call('referrals.incoming.get', { id: 'no-such-referral' });
    expect(failed.ok ? null : failed.error.code).toBe('not_found');
  });

  it('without the consent to sharing, personal facts are refused at `facts` and only pseudonymous facts go', async () => {
    const referral = await referralAtAmal({ ...withSharing, scopes: ['service'] });
    await refusedUnchanged([amal], () => amal.core.call('referrals.sendFile', { referralId: referral.id, facts: ['identity', 'reason'] }), 'consent_sharing_required', {
      facts: 'consent_sharing_required',
    });
    const sent = await amal.core.must('referrals.sendFile', { referralId: referral.id, facts: ['birthYear', 'nationality', 'reason'] });
    const received = await tadamon.core.must('referrals.receiveFile', { fileText: sent.text });
    expect(received.incoming.consent).toBeNull();
    expect(received.incoming.facts).toEqual({ birthYear: { year: 1994, estimated: false }, nationality: 'SN', reason: 'Consultation prénatale' });
    expect(received.draft).toMatchObject({ personal: null, consent: null, initials: 'AD' });
  });

  it('sensitive needs go only with the consent to sharing, and only those the sender may read', async () => {
    const needs = ['single_mother', 'pregnant', 'violence_survivor'];
    const sentNeeds = async (core: TestCore, consent: typeof withSharing) => {
      const b = await amal.core.must('beneficiaries.create', person({ vulnerabilities: needs }, { consent }));
      const referral = await amal.core.must('referrals.save', { beneficiaryId: b.id, partnerId: tadamonAtAmal, sentOn: '2026-05-04', reason: 'Santé', status: 'sent' });
      const sent = await core.must('referrals.sendFile', { referralId: referral.id, facts: ['birthYear', 'needs'] });
      return (await tadamon.core.must('referrals.receiveFile', { fileText: sent.text })).incoming.facts.needs;
    };
    expect(await sentNeeds(amal.core, withSharing)).toEqual(needs);
    expect(await sentNeeds(amal.core, { ...withSharing, scopes: ['service'] })).toEqual(['single_mother']);

    const volunteerCore = await staffCore(amal.core, amal.path, tempDir(), { displayName: 'Meryem', role: 'volunteer', now: () => new Date(START) });
    expect(await sentNeeds(volunteerCore, withSharing)).toEqual(['single_mother']);
  });

  it('a referral to a partner whose card we do not hold cannot be sent as a file', async () => {
    const partner = await amal.core.must('partners.save', { name: 'Caritas', type: 'ngo' });
    const referral = await referralAtAmal(withSharing, partner.id);
    await refusedUnchanged([amal], () => amal.core.call('referrals.sendFile', { referralId: referral.id, facts: ['reason'] }), 'partner_has_no_card');
  });

  it('the dashboard lists referrals sent as a file still without an answer after the days set', async () => {
    const referral = await referralAtAmal();
    await amal.core.must('referrals.sendFile', { referralId: referral.id, facts: ['reason'] });
    const waiting = async () => (await amal.core.must('followUp.dashboard', {})).unansweredReferrals.map((r) => r.referralId);
    expect((await amal.core.must('followUp.dashboard', {})).unansweredReferralDays).toBe(14);
    await amal.later(13);
    expect(await waiting()).not.toContain(referral.id);
    await amal.later(1);
    const dashboard = await amal.core.must('followUp.dashboard', {});
    expect(dashboard.unansweredReferrals.find((r) => r.referralId === referral.id)).toMatchObject({ partnerName: 'Tadamon (Rabat)', daysWaiting: 14 });
    await amal.core.must('settings.update', { unansweredReferralDays: 20 });
    expect(await waiting()).not.toContain(referral.id);
  });
});

describe('a received file is refused with its reason and changes neither file', () => {
  let sent: OpOutput<'referrals.sendFile'>;

  beforeAll(async () => {
    const referral = await referralAtAmal();
    sent = await amal.core.must('referrals.sendFile', { referralId: referral.id, facts: ['identity', 'reason'] });
  });

  it('addressed to another association', async () => {
    const other = loadIdentity(newIdentity(START));
    const otherId = await holdCard(amal, { cardText: cardText(signedCard(other, { name: 'Droits et Justice', city: 'Tanger' })) }, 'Droits et Justice');
    const referral = await referralAtAmal(withSharing, otherId);
    const elsewhere = await amal.core.must('referrals.sendFile', { referralId: referral.id, facts: ['reason'] });
    await refusedUnchanged([amal, tadamon], () => tadamon.core.call('referrals.receiveFile', { fileText: elsewhere.text }), 'exchange_wrong_recipient', {
      fileText: 'exchange_wrong_recipient',
    });
  });

  it('with one byte changed', async () => {
    const lines = sent.text.split('\n');
    lines[2] = lines[2].slice(0, 10) + (lines[2][10] === 'A' ? 'B' : 'A') + lines[2].slice(11);
    await refusedUnchanged([amal, tadamon], () => tadamon.core.call('referrals.receiveFile', { fileText: lines.join('\n') }), 'exchange_tampered');
  });

  it('expired, then accepted once, then a replay', async () => {
    const referral = await referralAtAmal();
    const file = await amal.core.must('referrals.sendFile', { referralId: referral.id, facts: ['reason'] });
    const fresh = await amal.core.must('referrals.sendFile', { referralId: referral.id, facts: ['reason'] });
    await tadamon.core.must('referrals.receiveFile', { fileText: fresh.text });
    await refusedUnchanged([amal, tadamon], () => tadamon.core.call('referrals.receiveFile', { fileText: fresh.text }), 'exchange_replayed');
    // Past the 30 days on the receiver's clock, wherever the two clocks of this suite stand.
    await tadamon.later(60);
    await refusedUnchanged([amal, tadamon], () => tadamon.core.call('referrals.receiveFile', { fileText: file.text }), 'exchange_expired');
  });

  it('a reply: replayed, the wrong kind, outdated, or about a referral not sent to that partner as a file', async () => {
    // Both clocks past the previous test's: the file is fresh for the receiver.
    await amal.later(50);
    const referral = await referralAtAmal();
    const fresh = await amal.core.must('referrals.sendFile', { referralId: referral.id, facts: ['reason'] });
    const received = await tadamon.core.must('referrals.receiveFile', { fileText: fresh.text });
    const first = await tadamon.core.must('referrals.incoming.answer', { id: received.incoming.id, status: 'received' });
    await tadamon.later(1);
    const second = await tadamon.core.must('referrals.incoming.answer', { id: received.incoming.id, status: 'refused', reason: 'Hors de notre zone' });
    await refusedUnchanged([amal, tadamon], () => amal.core.call('referrals.receiveFile', { fileText: first.text }), 'exchange_wrong_kind');

    // Replies made as Tadamon's app makes them, at chosen times.
    const tadamonIdentity = withDb(tadamon.path, tadamon.key, readIdentity);
    if (!tadamonIdentity) throw new Error('no identity');
    const amalCard = associationCardSchema.parse(JSON.parse(amal.cardText));
    const reply = (referralId: string, createdAt: string, status: 'received' | 'refused', reason: string | null = null) =>
      sealFile({
        kind: 'reply',
        id: crypto.randomUUID(),
        sender: loadIdentity(tadamonIdentity),
        recipientCard: amalCard,
        payload: { referralId, status, reason, answeredOn: createdAt.slice(0, 10) },
        createdAt,
        expiresAt: new Date(Date.parse(createdAt) + 60 * DAY).toISOString(),
      });
    const older = reply(referral.id, '2026-06-01T10:00:00.000Z', 'received');
    const newer = reply(referral.id, '2026-06-02T10:00:00.000Z', 'refused', 'Hors de notre zone');
    expect(await amal.core.must('referrals.importReply', { fileText: newer })).toMatchObject({
      status: 'refused',
      feedbackOn: '2026-06-02',
      file: { answerReason: 'Hors de notre zone' },
    });
    await refusedUnchanged([amal, tadamon], () => amal.core.call('referrals.importReply', { fileText: newer }), 'exchange_replayed');
    await refusedUnchanged([amal, tadamon], () => amal.core.call('referrals.importReply', { fileText: older }), 'exchange_outdated');

    const notAsFile = await referralAtAmal();
    const toCaritas = await referralAtAmal(withSharing, (await amal.core.must('partners.save', { name: 'Caritas Rabat', type: 'ngo' })).id);
    for (const id of [notAsFile.id, toCaritas.id, 'not-a-referral']) {
      await refusedUnchanged([amal, tadamon], () => amal.core.call('referrals.importReply', { fileText: reply(id, '2026-06-03T10:00:00.000Z', 'received') }), 'exchange_unknown_referral');
    }
    expect(second.incoming).toMatchObject({ status: 'refused', answerReason: 'Hors de notre zone' });
  });
});
