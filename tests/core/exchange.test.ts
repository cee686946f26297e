import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { associationCardSchema, type AssociationCard } from '../../electron/contract';
import { openEncrypted } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import { cardText } from '../../electron/core/exchange/card';
import { openFile, sealFile, type OpenOptions, type SealRequest } from '../../electron/core/exchange/envelope';
import { loadIdentity, type Identity } from '../../electron/core/exchange/identity';
import { readIdentity, readPartnerCard } from '../../electron/core/exchange/repository';
import { newId } from '../../electron/core/ids';
import { associationFile, type AssociationFile } from './association-files';
import { auditRows, expectFailure, PRESIDENT_PASSWORD, staffCore, useSuiteTempDir, withDb } from './helpers';

const NOW = '2026-05-04T08:00:00.000Z';
const tempDir = useSuiteTempDir();

interface Association extends AssociationFile {
  identity: Identity;
}

/** A real association file, signed in, with its identity read from inside the encrypted file. */
async function association(name: string, city: string): Promise<Association> {
  const file = await associationFile(tempDir(), name, city, () => new Date(NOW));
  const stored = withDb(file.path, file.key, readIdentity);
  if (!stored) throw new Error('no identity in a new file');
  return { ...file, identity: loadIdentity(stored) };
}

/** Adds `other` to the directory of `holder` with its card; returns the partner's id. */
async function holdCard(holder: Association, other: Association, name: string): Promise<string> {
  const partner = await holder.core.must('partners.save', { name, type: 'ngo' });
  await holder.core.must('partners.importCard', { partnerId: partner.id, cardText: other.card.text });
  return partner.id;
}

/** The cards held in `holder`'s directory, read from its file as the import flow will. */
const cardsIn = (holder: Association, partnerIds: string[]): AssociationCard[] =>
  withDb(holder.path, holder.key, (db) => partnerIds.map((id) => readPartnerCard(db, id)?.card as AssociationCard));

let amal: Association; // Oujda, sends
let tadamon: Association; // Rabat, receives
let third: Association; // Tanger, neither
let amalAtTadamon: string;

beforeAll(async () => {
  [amal, tadamon, third] = await Promise.all([
    association('Association Amal', 'Oujda'),
    association('Tadamon Rabat', 'Rabat'),
    association('Droits et Justice', 'Tanger'),
  ]);
  amalAtTadamon = await holdCard(tadamon, amal, 'Amal (Oujda)');
});

const referral = { person: { firstName: 'Aminata', lastName: 'Diallo', birthYear: 1994 }, reason: 'Consultation prénatale' };

function sealed(overrides: Partial<SealRequest> = {}): { text: string; id: string } {
  const id = overrides.id ?? newId();
  const text = sealFile({
    kind: 'referral',
    id,
    sender: amal.identity,
    recipientCard: associationCardSchema.parse(JSON.parse(tadamon.card.text)),
    payload: referral,
    createdAt: NOW,
    expiresAt: '2026-06-03T08:00:00.000Z',
    ...overrides,
  });
  return { text, id };
}

const atTadamon = (overrides: Partial<OpenOptions> = {}): OpenOptions => ({
  ourIdentity: tadamon.identity,
  knownCards: cardsIn(tadamon, [amalAtTadamon]),
  now: new Date('2026-05-05T10:00:00.000Z'),
  seenIds: new Set(),
  ...overrides,
});

/** `text` with the character at `index` replaced by `by`. */
const replaced = (text: string, index: number, by: string) => text.slice(0, index) + by + text.slice(index + 1);
/** A different base64url character, so the file stays well formed and only the crypto can tell. */
const otherBase64 = (c: string) => (c === 'A' ? 'B' : 'A');

describe('identity and card of an association', () => {
  it('a new file has its identity: a self-signed card with both public keys, a phone-readable fingerprint and a file name', async () => {
    const card = associationCardSchema.parse(JSON.parse(amal.card.text));
    expect(card).toMatchObject({
      format: 'tadamon-card',
      version: 1,
      association: { name: 'Association Amal', city: 'Oujda' },
      keys: { x25519: amal.identity.x25519Public, ed25519: amal.identity.ed25519Public },
      createdAt: NOW,
    });
    expect(amal.card.fingerprint).toMatch(/^\d{5} \d{5} \d{5} \d{5} \d{5} \d{5}$/);
    expect(amal.card.fileName).toBe('Association Amal.tadamon-card');
    expect(new Set([amal.card.fingerprint, tadamon.card.fingerprint, third.card.fingerprint]).size).toBe(3);
    // The same card every time, and no private key in it.
    expect(await amal.core.must('identity.card', {})).toEqual(amal.card);
    const privateKeys = withDb(amal.path, amal.key, (db) => readIdentity(db));
    for (const der of [privateKeys?.x25519Private, privateKeys?.ed25519Private]) {
      const seed = der?.subarray(-32) as Buffer;
      for (const encoding of ['base64', 'base64url', 'hex'] as const) expect(amal.card.text).not.toContain(seed.toString(encoding));
    }
    // A new file's identity is part of its creation, not a separate event.
    expect(withDb(amal.path, amal.key, (db) => auditRows(db).map((r) => r.op))).not.toContain('identity.create');
  });

  it('a partner holds the card: the fingerprint to check is shown, confirming records who and when, a new card is unchecked again', async () => {
    const partner = await tadamon.core.must('partners.save', { name: 'Droits et Justice', type: 'lawyer', city: 'Tanger' });
    expect(await tadamon.core.must('partners.card', { partnerId: partner.id })).toBeNull();

    const imported = await tadamon.core.must('partners.importCard', { partnerId: partner.id, cardText: third.card.text });
    expect(imported).toEqual({
      partnerId: partner.id,
      fingerprint: third.card.fingerprint,
      associationName: 'Droits et Justice',
      city: 'Tanger',
      createdAt: NOW,
      checkedAt: null,
      checkedByName: null,
    });

    const volunteer = await staffCore(tadamon.core, tadamon.path, tempDir(), { displayName: 'Karim Alaoui', role: 'volunteer', now: () => new Date('2026-05-06T09:30:00.000Z') });
    const confirmed = await volunteer.must('partners.confirmCard', { partnerId: partner.id, fingerprint: third.card.fingerprint });
    expect(confirmed).toMatchObject({ checkedAt: '2026-05-06T09:30:00.000Z', checkedByName: 'Karim Alaoui' });
    expect(await tadamon.core.must('partners.card', { partnerId: partner.id })).toEqual(confirmed);
    volunteer.close();

    // Another card for the same partner (a reinstalled office, say) must be checked again.
    const other = await association('Droits et Justice', 'Tanger');
    const replacedCard = await tadamon.core.must('partners.importCard', { partnerId: partner.id, cardText: other.card.text });
    expect(replacedCard).toMatchObject({ fingerprint: other.card.fingerprint, checkedAt: null, checkedByName: null });
    await expectFailure(
      tadamon.core.call('partners.confirmCard', { partnerId: partner.id, fingerprint: third.card.fingerprint }),
      'card_changed',
      { fingerprint: 'card_changed' },
    );
    const ops = withDb(tadamon.path, tadamon.key, (db) => auditRows(db).filter((r) => r.entity_id === partner.id).map((r) => r.op));
    expect(ops).toEqual(['partners.save', 'partners.importCard', 'partners.confirmCard', 'partners.importCard']);
    other.core.close();
  });

  it('a malformed, altered, own or already held card is refused at its field, and nothing is stored', async () => {
    const partner = await tadamon.core.must('partners.save', { name: 'Partenaire sans carte', type: 'ngo' });
    const card = JSON.parse(third.card.text) as AssociationCard;
    const refusals: [string, string][] = [
      ['not json {', 'card_invalid'],
      [JSON.stringify({ ...card, format: 'tadamon-keys' }), 'card_invalid'],
      [JSON.stringify({ ...card, keys: { ...card.keys, x25519: 'short' } }), 'card_invalid'],
      [JSON.stringify({ ...card, extra: 'field' }), 'card_invalid'],
      [cardText({ ...card, association: { ...card.association, city: 'Oujda' } }), 'card_tampered'],
      // Someone's name with the receiving key of another: sealed files would go to the wrong party.
      [cardText({ ...card, keys: { ...card.keys, x25519: amal.identity.x25519Public } }), 'card_tampered'],
      [cardText({ ...card, signature: JSON.parse(amal.card.text).signature }), 'card_tampered'],
      [tadamon.card.text, 'card_is_ours'],
      [amal.card.text, 'card_already_held'],
    ];
    for (const [cardTextGiven, code] of refusals) {
      await expectFailure(tadamon.core.call('partners.importCard', { partnerId: partner.id, cardText: cardTextGiven }), code as never, {
        cardText: code,
      });
    }
    expect(await tadamon.core.must('partners.card', { partnerId: partner.id })).toBeNull();
    await expectFailure(tadamon.core.call('partners.confirmCard', { partnerId: partner.id, fingerprint: third.card.fingerprint }), 'partner_has_no_card');
    await expectFailure(tadamon.core.call('partners.importCard', { partnerId: 'no-such-partner', cardText: third.card.text }), 'not_found');
    // The same card again for the partner that holds it is not a conflict.
    await tadamon.core.must('partners.importCard', { partnerId: amalAtTadamon, cardText: amal.card.text });
  });

  it('a file upgraded from before identities gets its identity on first need, once, audited', async () => {
    const old = await association('Ancienne Association', 'Fès');
    await old.core.must('session.lock', {});
    withDb(old.path, old.key, (db) => db.prepare('DELETE FROM association_identity').run());
    await old.core.must('file.open', { path: old.path, userId: old.userId, password: PRESIDENT_PASSWORD });

    // First need inside a write: importing a partner's card, which compares it with ours.
    const partner = await old.core.must('partners.save', { name: 'Amal', type: 'ngo' });
    await old.core.must('partners.importCard', { partnerId: partner.id, cardText: amal.card.text });
    const card = await old.core.must('identity.card', {});
    expect(card.fingerprint).not.toBe(old.card.fingerprint);
    expect(await old.core.must('identity.card', {})).toEqual(card);
    expect(withDb(old.path, old.key, (db) => auditRows(db).filter((r) => r.op === 'identity.create'))).toHaveLength(1);
    old.core.close();
  });

  it('migration 0013 adds the card columns to existing partners and leaves the identity to the app', () => {
    const db = openEncrypted(join(tempDir(), 'v12.tadamon'), randomBytes(32), { create: true });
    migrate(db, { target: 12 });
    db.prepare(
      "INSERT INTO partners (id, name, type, city, created_at, updated_at) VALUES ('p1', 'Caritas', 'ngo', 'Rabat', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
    ).run();
    migrate(db, { target: 13 });
    expect(db.prepare('SELECT name, city, card, card_fingerprint, card_checked_at, card_checked_by FROM partners').all()).toEqual([
      { name: 'Caritas', city: 'Rabat', card: null, card_fingerprint: null, card_checked_at: null, card_checked_by: null },
    ]);
    expect(readIdentity(db)).toBeUndefined();
    db.close();
  });
});

describe('a sealed file between two associations', () => {
  it('only the partner it is sealed to opens it, and its clear header says no more than the file needs', () => {
    const { text, id } = sealed();
    expect(text.split('\n')[0]).toBe('tadamon-exchange 1');
    const opened = openFile(Buffer.from(text, 'ascii'), atTadamon());
    expect(opened).toEqual({
      ok: true,
      header: {
        format: 'tadamon-exchange',
        version: 1,
        kind: 'referral',
        id,
        from: amal.card.fingerprint,
        to: tadamon.card.fingerprint,
        createdAt: NOW,
        expiresAt: '2026-06-03T08:00:00.000Z',
      },
      sender: associationCardSchema.parse(JSON.parse(amal.card.text)),
      payload: referral,
    });
    expect(Object.keys(JSON.parse(text.split('\n')[1])).sort()).toEqual(['createdAt', 'expiresAt', 'format', 'from', 'id', 'kind', 'to', 'version']);
    for (const secret of ['Aminata', 'Diallo', 'prénatale', '1994']) {
      for (const form of [secret, Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url')]) expect(text).not.toContain(form);
    }
    // The reply travels the other way with the same format.
    const reply = sealFile({
      kind: 'reply',
      id: newId(),
      sender: tadamon.identity,
      recipientCard: associationCardSchema.parse(JSON.parse(amal.card.text)),
      payload: { referralId: id, status: 'received' },
      createdAt: NOW,
      expiresAt: '2026-06-03T08:00:00.000Z',
    });
    const back = openFile(reply, { ourIdentity: amal.identity, knownCards: [associationCardSchema.parse(JSON.parse(tadamon.card.text))], now: new Date(NOW), seenIds: new Set() });
    expect(back).toMatchObject({ ok: true, header: { kind: 'reply' }, payload: { referralId: id, status: 'received' } });
  });

  it('refuses what is not a whole exchange file', () => {
    const { text } = sealed();
    for (const bad of ['', 'hello', amal.card.text, text.slice(0, -1), `${text}\n`, text.slice(0, text.length / 2), text.replace('tadamon-exchange 1', 'tadamon-exchange 2'), `${text}x`]) {
      expect(openFile(bad, atTadamon())).toEqual({ ok: false, reason: 'exchange_file_invalid' });
    }
    expect(openFile(Buffer.concat([Buffer.from(text), Buffer.alloc(1024 * 1024)]), atTadamon())).toMatchObject({ reason: 'exchange_file_invalid' });
    // 64 bytes in base64url leave 4 unused bits in the last character: another character there
    // decodes to the same signature, yet the file is no longer the one that was signed.
    const lastOfSignature = text.length - 2;
    const sameBytes = replaced(text, lastOfSignature, String.fromCharCode(text.charCodeAt(lastOfSignature) + 1));
    expect(Buffer.from(sameBytes.split('\n')[3], 'base64url')).toEqual(Buffer.from(text.split('\n')[3], 'base64url'));
    expect(openFile(sameBytes, atTadamon())).toEqual({ ok: false, reason: 'exchange_file_invalid' });
  });

  it('a third association cannot open a file addressed to another', () => {
    const { text } = sealed();
    const options = { ourIdentity: third.identity, knownCards: [associationCardSchema.parse(JSON.parse(amal.card.text))], now: new Date(NOW), seenIds: new Set<string>() };
    expect(openFile(text, options)).toEqual({ ok: false, reason: 'exchange_wrong_recipient', senderFingerprint: amal.card.fingerprint });
  });

  it('a sender whose card is not in the directory is refused, naming the card to add; once added, the same file opens', async () => {
    const nador = await association('Solidarité Nador', 'Nador');
    const fromNador = sealed({ sender: nador.identity });
    expect(openFile(fromNador.text, atTadamon())).toEqual({ ok: false, reason: 'exchange_unknown_sender', senderFingerprint: nador.card.fingerprint });

    const nadorAtTadamon = await holdCard(tadamon, nador, 'Solidarité Nador');
    const opened = openFile(fromNador.text, atTadamon({ knownCards: cardsIn(tadamon, [amalAtTadamon, nadorAtTadamon]) }));
    expect(opened).toMatchObject({ ok: true, sender: { association: { name: 'Solidarité Nador' } }, payload: referral });
    nador.core.close();
  });

  it('a file signed by someone other than the association it names is refused as tampered', () => {
    // The third association knows Amal's public card and forges a file in its name.
    const impostor: Identity = { ...third.identity, x25519Public: amal.identity.x25519Public, ed25519Public: amal.identity.ed25519Public };
    const forged = sealed({ sender: impostor });
    expect(JSON.parse(forged.text.split('\n')[1]).from).toBe(amal.card.fingerprint);
    expect(openFile(forged.text, atTadamon())).toEqual({ ok: false, reason: 'exchange_tampered', senderFingerprint: amal.card.fingerprint });
  });

  it('a byte changed in the header, the ciphertext or the signature is refused as tampered', () => {
    const { text } = sealed();
    const [magic, header, body, signature] = text.split('\n');
    const headerStart = magic.length + 1;
    const bodyStart = headerStart + header.length + 1;
    const signatureStart = bodyStart + body.length + 1;
    const createdAtDigit = headerStart + header.indexOf('"createdAt":"2026') + '"createdAt":"202'.length;
    const flips = [
      replaced(text, createdAtDigit, '5'),
      replaced(text, bodyStart + 10, otherBase64(body[10])), // the ephemeral key
      replaced(text, bodyStart + 70, otherBase64(body[70])), // the nonce and tag
      replaced(text, bodyStart + body.length - 10, otherBase64(body[body.length - 10])), // the ciphertext
      replaced(text, signatureStart + 20, otherBase64(signature[20])),
    ];
    for (const flipped of flips) {
      expect(openFile(flipped, atTadamon())).toEqual({ ok: false, reason: 'exchange_tampered', senderFingerprint: amal.card.fingerprint });
    }
  });

  it('an expired file is refused, one still in time opens', () => {
    const { text } = sealed({ expiresAt: '2026-05-10T00:00:00.000Z' });
    expect(openFile(text, atTadamon({ now: new Date('2026-05-09T23:59:59.999Z') })).ok).toBe(true);
    expect(openFile(text, atTadamon({ now: new Date('2026-05-10T00:00:00.000Z') }))).toEqual({
      ok: false,
      reason: 'exchange_expired',
      senderFingerprint: amal.card.fingerprint,
    });
  });

  it('a file already imported is refused as a replay', () => {
    const { text, id } = sealed();
    expect(openFile(text, atTadamon({ seenIds: new Set([newId()]) })).ok).toBe(true);
    expect(openFile(text, atTadamon({ seenIds: new Set([id]) }))).toEqual({ ok: false, reason: 'exchange_replayed', senderFingerprint: amal.card.fingerprint });
  });

  it('any single byte changed anywhere in a sealed file is refused', () => {
    const { text } = sealed();
    const bytes = Buffer.from(text, 'ascii');
    const options = atTadamon();
    expect(openFile(bytes, options).ok).toBe(true);
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (index, delta) => {
        const changed = Buffer.from(bytes);
        changed[index] = (changed[index] + delta) % 256;
        const result = openFile(changed, options);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
