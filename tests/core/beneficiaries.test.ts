import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BeneficiaryInput, OpInput } from '../../electron/contract';
import type { WriteTx } from '../../electron/core/context';
import { migrate } from '../../electron/core/db/migrate';
import { createBeneficiary, withdrawConsent } from '../../electron/core/beneficiaries/service';
import { similarNames } from '../../electron/core/beneficiaries/duplicates';
import { person } from './builders';
import { createdFile, testCore, useTempDir, type TestCore } from './helpers';

const tempDir = useTempDir();
const year = new Date().getUTCFullYear();

async function signedIn(): Promise<TestCore> {
  const dir = tempDir();
  const core = testCore(dir);
  await createdFile(core, dir);
  return core;
}

async function count(core: TestCore): Promise<number> {
  return (await core.must('beneficiaries.search', { filters: { archived: false } })).total;
}

describe('beneficiary records', () => {
  let core: TestCore;
  beforeAll(async () => {
    core = await signedIn();
  });

  it('allocates yearly references that follow each other', async () => {
    const a = await core.must('beneficiaries.create', person());
    const b = await core.must('beneficiaries.create', person({ firstName: 'Moussa', lastName: 'Fall', phones: [] }, { sex: 'male' }));
    expect(a.reference).toBe(`B-${year}-00001`);
    expect(b.reference).toBe(`B-${year}-00002`);
    expect(a.personal?.phones).toEqual(['+212612345678']);
    expect((await core.must('beneficiaries.get', { id: a.id })).personal?.firstName).toBe('Aminata');
  });

  it.each<[string, BeneficiaryInput, string]>([
    ['personal data without consent', person({}, { consent: null }), 'consent'],
    ['a pseudonymous record without initials', person({}, { consent: null, personal: null }), 'initials'],
    ['a birth date in the future', person({ birthDate: `${year + 1}-01-01` }, { birthYear: year }), 'personal.birthDate'],
    ['an expiry before the issue date', person({ legalStatus: { code: 'residence_card', issueDate: '2025-05-01', expiryDate: '2025-04-01' } }), 'personal.legalStatus.expiryDate'],
    ['an implausible phone number', person({ phones: ['12345'] }), 'personal.phones.0'],
    ['a name over 200 characters', person({ lastName: 'x'.repeat(201) }), 'personal.lastName'],
    ['a category not in the list', person({}, { category: 'martian' }), 'category'],
    ['a vulnerability not in the list', person({ vulnerabilities: ['unknown_thing'] }), 'personal.vulnerabilities.0'],
  ])('refuses %s and writes nothing', async (_label, input, field) => {
    const before = await count(core);
    const result = await core.call('beneficiaries.create', input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(Object.keys(result.error.fields ?? {})).toContain(field);
    }
    expect(await count(core)).toBe(before);
  });

  it('names the missing initials together with the other wrong fields, for a form to show them all at once', async () => {
    const result = await core.call('beneficiaries.create', person({}, { consent: null, personal: null, birthYear: 1800 }));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { birthYear: expect.any(String), initials: 'initials_required' } } });
  });

  it('saves a pseudonymous record without consent', async () => {
    const b = await core.must('beneficiaries.create', person({}, { consent: null, personal: null, initials: 'kd' }));
    expect(b.initials).toBe('KD');
    expect(b.personal).toBeNull();
  });

  it('archives and restores without losing the record', async () => {
    const b = await core.must('beneficiaries.create', person({ firstName: 'Oumou', lastName: 'Traoré', phones: [] }));
    await core.must('beneficiaries.archive', { id: b.id, reason: 'lost_contact' });
    expect((await core.must('beneficiaries.search', { query: 'Oumou' })).total).toBe(0);
    expect((await core.must('beneficiaries.search', { query: 'Oumou', filters: { archived: true } })).total).toBe(1);
    await core.must('beneficiaries.restore', { id: b.id });
    expect((await core.must('beneficiaries.search', { query: 'Oumou' })).total).toBe(1);
  });
});

describe('search', () => {
  let core: TestCore;
  const search = async (query: string, filters: OpInput<'beneficiaries.search'>['filters'] = {}) =>
    (await core.must('beneficiaries.search', { query, filters })).rows.map((r) => r.displayName);

  beforeAll(async () => {
    core = await signedIn();
    await core.must('beneficiaries.create', person({ firstName: 'Mohamed', lastName: 'El Amrani', arabicName: 'محمد العمراني', phones: ['+212 661 23 45 67'] }, { sex: 'male', nationality: 'MA', category: 'returning_migrant', birthYear: 1980 }));
    await core.must('beneficiaries.create', person({ firstName: 'Fatoumata', lastName: 'Diallo', arabicName: undefined, phones: [], city: 'Oujda' }, { nationality: 'GN', birthYear: 2001 }));
    await core.must('beneficiaries.create', person({ firstName: 'Amine', lastName: 'Alaoui', arabicName: 'أمين العلوي', phones: [] }, { sex: 'male', nationality: 'MA', birthYear: 2008, category: 'local_youth' }));
  });

  it('ignores case and accents', async () => {
    expect(await search('FATOUMATA')).toEqual(['Fatoumata Diallo']);
    expect(await search('el amrani')).toEqual(['Mohamed El Amrani']);
  });

  it('finds a misspelled name by its sound', async () => {
    expect(await search('Mohammed')).toEqual(['Mohamed El Amrani']);
    expect(await search('Muhammad')).toEqual(['Mohamed El Amrani']);
  });

  it('finds Arabic names whatever the alef form', async () => {
    expect(await search('امين')).toEqual(['Amine Alaoui']);
    expect(await search('العمراني')).toEqual(['Mohamed El Amrani']);
  });

  it('finds by phone as typed locally and by reference', async () => {
    expect(await search('0661234567')).toEqual(['Mohamed El Amrani']);
    expect(await search(`B-${year}-00002`)).toEqual(['Fatoumata Diallo']);
  });

  it('filters by nationality, category, city and age band', async () => {
    expect(await search('', { nationality: 'GN' })).toEqual(['Fatoumata Diallo']);
    expect(await search('', { category: 'local_youth' })).toEqual(['Amine Alaoui']);
    expect(await search('', { city: 'oujda' })).toEqual(['Fatoumata Diallo']);
    expect(await search('', { ageBand: '12-17' })).toEqual(year - 2008 <= 17 ? ['Amine Alaoui'] : []);
  });

  it('filters people with an open procedure', async () => {
    const [amine] = (await core.must('beneficiaries.search', { query: 'Amine' })).rows;
    const [fatoumata] = (await core.must('beneficiaries.search', { query: 'Fatoumata' })).rows;
    await core.must('procedures.save', { beneficiaryId: amine.id, type: 'school_enrolment', status: 'in_progress' });
    await core.must('procedures.save', { beneficiaryId: fatoumata.id, type: 'medical_file', status: 'completed' });
    expect(await search('', { openProcedure: true })).toEqual(['Amine Alaoui']);
  });

  it('treats LIKE wildcards in a query as text', async () => {
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
  });
});

describe('duplicate detection', () => {
  const variants: [string, string][] = [
    ['Mohamed', 'Mohammed'],
    ['Mohamed', 'Muhammad'],
    ['Fatima', 'Fatma'],
    ['Fatima', 'Fatoumata'],
    ['Ousmane', 'Usman'],
    ['Youssef', 'Yusuf'],
    ['Khadija', 'Khadidja'],
    ['Aïcha', 'Aisha'],
    ['Abdoulaye', 'Abdullahi'],
  ];
  it.each(variants)('takes %s and %s for the same name', (a, b) => expect(similarNames(a, b)).toBe(true));

  it.each([
    ['Mamadou', 'Mohamed'],
    ['Awa', 'Aya'],
    ['Diallo', 'Diarra'],
    ['Fatou', 'Fatima'],
  ])('keeps %s and %s apart', (a, b) => expect(similarNames(a, b)).toBe(false));

  it('shows likely matches by similar name and birth year, or by phone with a first name or birth year alike', async () => {
    const core = await signedIn();
    const existing = await core.must('beneficiaries.create', person({ firstName: 'Ousmane', lastName: 'Sow', phones: ['0700000001'] }, { sex: 'male', birthYear: 1990 }));
    const byName = await core.must('beneficiaries.findDuplicates', {
      input: person({ firstName: 'Usman', lastName: 'Sow', phones: [] }, { sex: 'male', birthYear: 1990 }),
    });
    expect(byName.map((d) => [d.id, d.reasons])).toEqual([[existing.id, ['sameBirthYear', 'firstNamesSoundAlike', 'sameLastName']]]);
    const otherYear = await core.must('beneficiaries.findDuplicates', {
      input: person({ firstName: 'Usman', lastName: 'Sow', phones: [] }, { sex: 'male', birthYear: 1975 }),
    });
    expect(otherYear).toEqual([]);
    const byPhone = await core.must('beneficiaries.findDuplicates', {
      input: person({ firstName: 'Usman', lastName: 'Sow', phones: ['+212700000001'] }, { sex: 'male', birthYear: 1975 }),
    });
    expect(byPhone.map((d) => d.reasons)).toEqual([['phone', 'firstNamesSoundAlike', 'sameLastName']]);
    const relative = await core.must('beneficiaries.findDuplicates', {
      input: person({ firstName: 'Jean', lastName: 'Mbarga', phones: ['+212700000001'] }, { sex: 'male', birthYear: 1960 }),
    });
    expect(relative).toEqual([]);
    const self = await core.must('beneficiaries.findDuplicates', {
      input: person({ firstName: 'Ousmane', lastName: 'Sow', phones: ['0700000001'] }, { sex: 'male', birthYear: 1990 }),
      excludeId: existing.id,
    });
    expect(self).toEqual([]);
  });
});

describe('consent withdrawal', () => {
  it('erases the personal fields and keeps the pseudonymous record for counts', async () => {
    const core = await signedIn();
    const b = await core.must('beneficiaries.create', person({ firstName: 'Mariama', lastName: 'Barry', phones: ['0655555555'] }));
    const partner = await core.must('partners.save', { name: 'Caritas Rabat', type: 'ngo' });
    await core.must('caseNotes.add', { beneficiaryId: b.id, date: '2026-01-20', type: 'visit', text: 'Lives with her aunt in Takaddoum', sensitive: false });
    await core.must('procedures.save', { beneficiaryId: b.id, type: 'medical_file', status: 'in_progress', nextStep: 'See Dr Alami at Ibn Sina' });
    await core.must('referrals.save', { beneficiaryId: b.id, partnerId: partner.id, sentOn: '2026-01-21', reason: 'Pregnancy follow-up', status: 'sent', notes: 'Call her sister' });
    const after = await core.must('beneficiaries.withdrawConsent', { id: b.id });
    const notes = await core.must('caseNotes.list', { beneficiaryId: b.id });
    expect(notes.map((n) => [n.date, n.type, n.text])).toEqual([['2026-01-20', 'visit', '']]);
    expect((await core.must('procedures.list', { beneficiaryId: b.id })).map((p) => [p.type, p.status, p.nextStep])).toEqual([['medical_file', 'in_progress', null]]);
    expect((await core.must('referrals.list', { beneficiaryId: b.id })).map((r) => [r.status, r.reason, r.notes])).toEqual([['sent', '', null]]);
    expect(after.personal).toBeNull();
    expect(after.consent).toBeNull();
    expect(after).toMatchObject({ initials: 'MB', sex: 'female', birthYear: 1994, nationality: 'SN', category: 'subsaharan_migrant' });
    expect((await core.must('beneficiaries.search', { query: 'Mariama' })).total).toBe(0);
    expect((await core.must('beneficiaries.search', { query: '0655555555' })).total).toBe(0);
    expect((await core.must('beneficiaries.search', {})).total).toBe(1);
  });

  it('leaves no trace of the erased values in the bytes after VACUUM', async () => {
    // A plaintext database with the same schema and code: in the encrypted file the bytes never
    // show plaintext, so this is where leftover values could be seen at all.
    const path = join(tempDir(), 'plain.sqlite');
    const db = new Database(path);
    db.pragma('secure_delete = ON');
    migrate(db);
    db.prepare("INSERT INTO users (id, display_name, role, created_at) VALUES ('u', 'U', 'president', '2026-01-01')").run();
    const tx: WriteTx = { db, user: { id: 'u', displayName: 'U', role: 'president', locale: 'fr', mustChangePassword: false, createdAt: '' }, at: new Date().toISOString(), audit: () => undefined };
    const marker = 'Zyxwvutsrqonmlk';
    const b = db.transaction(() => createBeneficiary(person({ firstName: marker, lastName: 'Erasable', phones: ['0698765432'] }))(tx))();
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(path).includes(marker)).toBe(true);
    db.transaction(() => withdrawConsent(b.id)(tx))();
    db.exec('VACUUM');
    db.close();
    const bytes = readFileSync(path);
    expect(bytes.includes(marker)).toBe(false);
    expect(bytes.includes('Erasable')).toBe(false);
    expect(bytes.includes('698765432')).toBe(false);
  });
});
