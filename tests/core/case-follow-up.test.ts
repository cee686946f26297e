import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type ErrorCode, type OpInput, type Procedure } from '../../electron/contract';
import { person } from './builders';
import {
  auditRows,
  createdFile,
  databaseKey,
  PRESIDENT_PASSWORD,
  signedInToDemo,
  staffCore,
  testCore,
  type TestCore,
  useSuiteTempDir,
  useTempDir,
  withDb,
} from './helpers';

const tempDir = useTempDir();
const DAY = 86_400_000;
const MINUTE = 60_000;

/** The suite's "today" is fixed, in the past, so that the real-clock checks of the contract agree. */
const START = '2026-06-01T09:00:00.000Z';
const TODAY = '2026-06-01';

function manualClock(start = START) {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * A fresh encrypted file signed in as its president, on a clock the test moves. Moving it by days
 * idles the session out, so `later` signs in again.
 */
async function clockedFile() {
  const dir = tempDir();
  const clock = manualClock();
  const core = testCore(dir, clock.now);
  const { session } = await createdFile(core, dir);
  return {
    core,
    clock,
    presidentId: session.user.id,
    path: session.path,
    /** A few minutes: keeps the session open, orders the writes. */
    tick: () => clock.advance(MINUTE),
    async later(days: number) {
      clock.advance(days * DAY);
      await core.must('file.open', { path: session.path, userId: session.user.id, password: PRESIDENT_PASSWORD });
    },
  };
}

async function newPerson(core: TestCore, firstName: string, overrides: Parameters<typeof person>[0] = {}, top: Parameters<typeof person>[1] = {}) {
  return core.must('beneficiaries.create', person({ firstName, lastName: 'Test', phones: [], ...overrides }, top));
}

const procedure = (beneficiaryId: string, more: Partial<OpInput<'procedures.save'>> = {}): OpInput<'procedures.save'> => ({
  beneficiaryId,
  type: 'residence_card_application',
  status: 'in_progress',
  startedOn: '2026-05-01',
  nextStep: 'Déposer le dossier à la préfecture',
  nextStepDue: plusDays(TODAY, 10),
  ...more,
});

const note = (beneficiaryId: string, more: Partial<OpInput<'caseNotes.add'>> = {}): OpInput<'caseNotes.add'> => ({
  beneficiaryId,
  date: TODAY,
  type: 'visit',
  text: 'Visite à domicile',
  sensitive: false,
  ...more,
});

async function expectFailure(result: Promise<{ ok: boolean; error?: { code: ErrorCode; fields?: Record<string, string> } }>, code: ErrorCode, field?: string) {
  const r = await result;
  expect(r.ok).toBe(false);
  expect(r.error?.code).toBe(code);
  if (field) expect(Object.keys(r.error?.fields ?? {})).toContain(field);
  return r.error;
}

// ---------------------------------------------------------------------------------------------

describe('procedure types', () => {
  it('are seeded in the editable list with labels in the three languages', async () => {
    const { core } = await clockedFile();
    const types = await core.must('lookups.list', { list: 'procedureType' });
    expect(types.map((t) => t.code)).toEqual([
      'residence_card_application',
      'asylum_request',
      'school_enrolment',
      'birth_registration',
      'medical_file',
      'legal_complaint',
      'anapec_registration',
      'vocational_training',
      'other',
    ]);
    for (const t of types) for (const label of Object.values(t.labels)) expect(label.length).toBeGreaterThan(1);
    expect(types.find((t) => t.code === 'asylum_request')?.labels).toEqual({ fr: "Demande d'asile", ar: 'طلب اللجوء', en: 'Asylum request' });
  });
});

describe('case notes', () => {
  it('form a timeline, newest first: by the date of the note, then by when it was written', async () => {
    const { core, tick } = await clockedFile();
    const b = await newPerson(core, 'Aminata');
    const call = await core.must('caseNotes.add', note(b.id, { date: '2026-05-10', type: 'call', text: 'Appel: rendez-vous pris' }));
    tick();
    const visit = await core.must('caseNotes.add', note(b.id, { date: '2026-05-20', type: 'visit' }));
    tick();
    const backdated = await core.must('caseNotes.add', note(b.id, { date: '2026-05-10', type: 'accompaniment', text: 'Accompagnement à l’hôpital' }));
    const timeline = await core.must('caseNotes.list', { beneficiaryId: b.id });
    expect(timeline.map((n) => n.id)).toEqual([visit.id, backdated.id, call.id]);
    expect(timeline[2]).toMatchObject({ type: 'call', text: 'Appel: rendez-vous pris', authorName: 'Nadia Bennani', hidden: false, sensitive: false });

    const other = await newPerson(core, 'Moussa');
    expect(await core.must('caseNotes.list', { beneficiaryId: other.id })).toEqual([]);
  });

  it('refuses a note dated after today and one with no text, and writes nothing', async () => {
    const { core } = await clockedFile();
    const b = await newPerson(core, 'Aminata');
    await expectFailure(core.call('caseNotes.add', note(b.id, { date: plusDays(TODAY, 1) })), 'invalid_input', 'date');
    await expectFailure(core.call('caseNotes.add', note(b.id, { text: '   ' })), 'invalid_input', 'text');
    await expectFailure(core.call('caseNotes.add', note(b.id, { type: 'gossip' as never })), 'invalid_input', 'type');
    expect(await core.must('caseNotes.list', { beneficiaryId: b.id })).toEqual([]);
  });

  it('unknown people → not_found, for notes, procedures and referrals alike', async () => {
    const { core } = await clockedFile();
    const beneficiaryId = 'no-such-person';
    await expectFailure(core.call('caseNotes.list', { beneficiaryId }), 'not_found');
    await expectFailure(core.call('caseNotes.add', note(beneficiaryId)), 'not_found');
    await expectFailure(core.call('procedures.list', { beneficiaryId }), 'not_found');
    await expectFailure(core.call('procedures.save', procedure(beneficiaryId)), 'not_found');
    await expectFailure(core.call('referrals.list', { beneficiaryId }), 'not_found');
  });

  it('are audited by id, never by content', async () => {
    const { core, path, presidentId } = await clockedFile();
    const b = await newPerson(core, 'Aminata');
    const n = await core.must('caseNotes.add', note(b.id, { text: 'Texte confidentiel Qwxz' }));
    const key = await databaseKey(path, presidentId, PRESIDENT_PASSWORD);
    const rows = withDb(path, key, auditRows);
    expect(rows.at(-1)).toMatchObject({ op: 'caseNotes.add', entity_id: n.id, user_id: presidentId });
    expect(JSON.stringify(rows)).not.toContain('Qwxz');
  });
});

describe('sensitive notes and the shared partner directory, between several users', () => {
  const suiteDir = useSuiteTempDir();
  let president: TestCore;
  let author: TestCore;
  let colleague: TestCore;
  let treasurer: TestCore;
  let beneficiaryId: string;

  beforeAll(async () => {
    const root = suiteDir();
    president = testCore(join(root, 'president'));
    const { session } = await createdFile(president, join(root, 'file'));
    author = await staffCore(president, session.path, join(root, 'author'), { displayName: 'Hamza Alaoui', role: 'volunteer' });
    colleague = await staffCore(president, session.path, join(root, 'colleague'), { displayName: 'Salma Idrissi', role: 'volunteer' });
    treasurer = await staffCore(president, session.path, join(root, 'treasurer'), { displayName: 'Imane Tazi', role: 'treasurer' });
    beneficiaryId = (await newPerson(president, 'Aminata')).id;
  });

  afterAll(() => {
    for (const core of [president, author, colleague, treasurer]) core?.close();
  });

  it('a sensitive note is read by its author and by presidents; others only see that it exists', async () => {
    const secret = 'Violences subies: orientation vers une avocate';
    const added = await author.must('caseNotes.add', note(beneficiaryId, { type: 'referral', text: secret, sensitive: true }));
    expect(added).toMatchObject({ text: secret, hidden: false, sensitive: true });
    await author.must('caseNotes.add', note(beneficiaryId, { type: 'call', text: 'Appel de suivi' }));

    const seenBy = async (core: TestCore) => (await core.must('caseNotes.list', { beneficiaryId })).find((n) => n.id === added.id);
    expect(await seenBy(author)).toMatchObject({ text: secret, hidden: false });
    expect(await seenBy(president)).toMatchObject({ text: secret, hidden: false });
    for (const other of [colleague, treasurer]) {
      const list = await other.must('caseNotes.list', { beneficiaryId });
      expect(list).toHaveLength(2);
      expect(list.find((n) => n.id === added.id)).toEqual({
        ...added,
        authorName: 'Hamza Alaoui',
        text: null,
        hidden: true,
      });
      expect(list.find((n) => n.id !== added.id)).toMatchObject({ text: 'Appel de suivi', hidden: false });
      expect(JSON.stringify(await other.dispatch('caseNotes.list', { beneficiaryId }))).not.toContain('avocate');
    }
  });

  it("a president's sensitive note is hidden from volunteers too", async () => {
    const p = await president.must('caseNotes.add', note(beneficiaryId, { text: 'Note de la présidente', sensitive: true }));
    const find = async (core: TestCore) => (await core.must('caseNotes.list', { beneficiaryId })).find((n) => n.id === p.id);
    expect(await find(author)).toMatchObject({ text: null, hidden: true, authorName: 'Nadia Bennani' });
    expect(await find(president)).toMatchObject({ text: 'Note de la présidente', hidden: false });
  });

  it('any signed-in user keeps the partner directory: add, edit, archive, restore', async () => {
    const saved = await colleague.must('partners.save', { name: 'Entraide Nationale Oujda', type: 'public_service', city: 'Oujda' });
    const edited = await treasurer.must('partners.save', { ...saved, contact: '0536 00 00 00' });
    expect(edited).toMatchObject({ id: saved.id, contact: '0536 00 00 00', createdAt: saved.createdAt });
    await author.must('partners.archive', { id: saved.id });
    expect((await president.must('partners.list', {})).map((p) => p.id)).not.toContain(saved.id);
    expect((await president.must('partners.list', { includeArchived: true })).find((p) => p.id === saved.id)?.archivedAt).not.toBeNull();
    await colleague.must('partners.restore', { id: saved.id });
    expect((await author.must('partners.list', {})).map((p) => p.id)).toContain(saved.id);
  });
});

describe('procedures', () => {
  it('are created, listed and updated; saving counts as activity', async () => {
    const { core, clock, tick } = await clockedFile();
    const b = await newPerson(core, 'Aminata');
    const created = await core.must('procedures.save', procedure(b.id));
    expect(created).toMatchObject({ status: 'in_progress', closedOn: null, lastActivityAt: START, responsibleId: null });
    tick();
    const updated = await core.must('procedures.save', { ...procedure(b.id), id: created.id, status: 'waiting_third_party' });
    expect(updated).toMatchObject({ id: created.id, createdAt: created.createdAt, status: 'waiting_third_party' });
    expect(updated.lastActivityAt).toBe(clock.now().toISOString());
    expect(await core.must('procedures.list', { beneficiaryId: b.id })).toEqual([updated]);
  });

  it('completing sets the closing date to today; reopening clears it', async () => {
    const { core } = await clockedFile();
    const b = await newPerson(core, 'Aminata');
    const p = await core.must('procedures.save', procedure(b.id));
    expect((await core.must('procedures.save', { ...procedure(b.id), id: p.id, status: 'completed' })).closedOn).toBe(TODAY);
    expect((await core.must('procedures.save', { ...procedure(b.id), id: p.id, status: 'completed', closedOn: '2026-05-20' })).closedOn).toBe('2026-05-20');
    expect((await core.must('procedures.save', { ...procedure(b.id), id: p.id, status: 'in_progress' })).closedOn).toBeNull();
  });

  it('an abandoned procedure keeps its reason', async () => {
    const { core } = await clockedFile();
    const b = await newPerson(core, 'Aminata');
    const p = await core.must('procedures.save', procedure(b.id, { status: 'abandoned', abandonReason: 'Départ vers Rabat' }));
    expect(p).toMatchObject({ status: 'abandoned', abandonReason: 'Départ vers Rabat', closedOn: TODAY });
  });

  it.each<[string, Partial<OpInput<'procedures.save'>>, string]>([
    ['abandoned without a reason', { status: 'abandoned' }, 'abandonReason'],
    ['abandoned with a blank reason', { status: 'abandoned', abandonReason: '   ' }, 'abandonReason'],
    ['a due date that is not a real day', { nextStepDue: '2026-02-30' }, 'nextStepDue'],
    ['a due date that is not a date', { nextStepDue: 'next week' }, 'nextStepDue'],
    ['a type not in the list', { type: 'moon_landing' }, 'type'],
    ['a status not in the list', { status: 'paused' as never }, 'status'],
    ['a start date in the future', { startedOn: plusDays(TODAY, 1) }, 'startedOn'],
    ['a closing date before the start', { status: 'completed', startedOn: '2026-05-10', closedOn: '2026-05-01' }, 'closedOn'],
    ['a responsible user who does not exist', { responsibleId: 'nobody' }, 'responsibleId'],
  ])('refuses %s → invalid_input, and writes nothing', async (_label, change, field) => {
    const { core } = await clockedFile();
    const b = await newPerson(core, 'Aminata');
    const existing = await core.must('procedures.save', procedure(b.id));
    await expectFailure(core.call('procedures.save', procedure(b.id, change)), 'invalid_input', field);
    await expectFailure(core.call('procedures.save', procedure(b.id, { ...change, id: existing.id })), 'invalid_input', field);
    expect(await core.must('procedures.list', { beneficiaryId: b.id })).toEqual([existing]);
  });

  it('records the responsible user; an unknown procedure, or one of another person → not_found', async () => {
    const { core, presidentId } = await clockedFile();
    const a = await newPerson(core, 'Aminata');
    const b = await newPerson(core, 'Moussa');
    const p = await core.must('procedures.save', procedure(a.id, { responsibleId: presidentId }));
    expect(p).toMatchObject({ responsibleId: presidentId, responsibleName: 'Nadia Bennani' });
    await expectFailure(core.call('procedures.save', procedure(a.id, { id: 'missing' })), 'not_found');
    await expectFailure(core.call('procedures.save', procedure(b.id, { id: p.id })), 'not_found');
    expect(await core.must('procedures.list', { beneficiaryId: b.id })).toEqual([]);
  });

  it('lists open procedures first, the most urgent next step first', async () => {
    const { core } = await clockedFile();
    const b = await newPerson(core, 'Aminata');
    const done = await core.must('procedures.save', procedure(b.id, { status: 'completed', nextStepDue: '2026-01-01' }));
    const later = await core.must('procedures.save', procedure(b.id, { nextStepDue: plusDays(TODAY, 20) }));
    const sooner = await core.must('procedures.save', procedure(b.id, { type: 'school_enrolment', nextStepDue: plusDays(TODAY, 2) }));
    const undated = await core.must('procedures.save', procedure(b.id, { type: 'other', nextStepDue: null }));
    expect((await core.must('procedures.list', { beneficiaryId: b.id })).map((p: Procedure) => p.id)).toEqual([
      sooner.id,
      later.id,
      undated.id,
      done.id,
    ]);
  });
});

describe('referrals', () => {
  it('follow their status from sent to service given, with a feedback date', async () => {
    const { core, tick } = await clockedFile();
    const b = await newPerson(core, 'Aminata');
    const partner = await core.must('partners.save', { name: 'Hôpital Al Farabi', type: 'public_service', city: 'Oujda', services: 'Consultations' });
    const input: OpInput<'referrals.save'> = { beneficiaryId: b.id, partnerId: partner.id, sentOn: '2026-05-25', reason: 'Consultation', status: 'sent' };
    const sent = await core.must('referrals.save', input);
    expect(sent).toMatchObject({ status: 'sent', feedbackOn: null, partnerName: 'Hôpital Al Farabi' });
    tick();
    const received = await core.must('referrals.save', { ...input, id: sent.id, status: 'received' });
    expect(received).toMatchObject({ id: sent.id, status: 'received', feedbackOn: TODAY, createdAt: sent.createdAt });
    const given = await core.must('referrals.save', { ...input, id: sent.id, status: 'service_given', feedbackOn: '2026-05-30', notes: 'Vue par le médecin' });
    expect(given).toMatchObject({ status: 'service_given', feedbackOn: '2026-05-30', notes: 'Vue par le médecin' });
    expect(await core.must('referrals.list', { beneficiaryId: b.id })).toEqual([given]);
  });

  it('refuses bad dates and unknown or archived partners', async () => {
    const { core } = await clockedFile();
    const b = await newPerson(core, 'Aminata');
    const partner = await core.must('partners.save', { name: 'Caritas', type: 'ngo' });
    const input: OpInput<'referrals.save'> = { beneficiaryId: b.id, partnerId: partner.id, sentOn: '2026-05-25', reason: 'Hébergement', status: 'sent' };
    await expectFailure(core.call('referrals.save', { ...input, feedbackOn: '2026-05-20', status: 'refused' }), 'invalid_input', 'feedbackOn');
    await expectFailure(core.call('referrals.save', { ...input, sentOn: plusDays(TODAY, 3) }), 'invalid_input', 'sentOn');
    await expectFailure(core.call('referrals.save', { ...input, status: 'lost' as never }), 'invalid_input', 'status');
    await expectFailure(core.call('referrals.save', { ...input, partnerId: 'nobody' }), 'not_found');
    const kept = await core.must('referrals.save', input);
    await core.must('partners.archive', { id: partner.id });
    await expectFailure(core.call('referrals.save', input), 'invalid_input', 'partnerId');
    // A referral already made to a partner since archived can still be followed up.
    expect((await core.must('referrals.save', { ...input, id: kept.id, status: 'no_answer' })).status).toBe('no_answer');
    expect(await core.must('referrals.list', { beneficiaryId: b.id })).toHaveLength(1);
    await expectFailure(core.call('partners.archive', { id: 'nobody' }), 'not_found');
    await expectFailure(core.call('partners.save', { id: 'nobody', name: 'X', type: 'other' }), 'not_found');
  });
});

describe('the referrals list across people', () => {
  it('filters by sent date and status, newest first, a page at a time, naming people as the list of people does', async () => {
    const { core, tick } = await clockedFile();
    const named = await newPerson(core, 'Aminata');
    const pseudonymous = await core.must('beneficiaries.create', person({}, { consent: null, personal: null, initials: 'KD' }));
    const archived = await newPerson(core, 'Oumou');
    const hospital = await core.must('partners.save', { name: 'Hôpital Al Farabi', type: 'public_service' });
    const caritas = await core.must('partners.save', { name: 'Caritas', type: 'ngo' });
    const send = async (beneficiaryId: string, partnerId: string, sentOn: string, more: Partial<OpInput<'referrals.save'>> = {}) => {
      tick();
      return core.must('referrals.save', { beneficiaryId, partnerId, sentOn, reason: 'Consultation', status: 'sent', ...more });
    };
    const march = await send(named.id, hospital.id, '2026-03-10', { status: 'service_given', feedbackOn: '2026-03-20' });
    const aprilFirst = await send(pseudonymous.id, caritas.id, '2026-04-15');
    const aprilSecond = await send(named.id, caritas.id, '2026-04-15', { status: 'refused', feedbackOn: '2026-04-18' });
    const may = await send(archived.id, hospital.id, '2026-05-02', { status: 'service_given', feedbackOn: '2026-05-05' });
    await core.must('beneficiaries.archive', { id: archived.id, reason: 'lost_contact' });

    const all = await core.must('referrals.search', {});
    expect(all.total).toBe(4);
    // Same day: the one written last comes first.
    expect(all.rows.map((r) => r.id)).toEqual([may.id, aprilSecond.id, aprilFirst.id, march.id]);
    expect(all.rows[1]).toEqual({
      id: aprilSecond.id,
      beneficiaryId: named.id,
      reference: named.reference,
      displayName: 'Aminata Test',
      pseudonymous: false,
      archived: false,
      partnerName: 'Caritas',
      sentOn: '2026-04-15',
      status: 'refused',
      feedbackOn: '2026-04-18',
    });
    expect(all.rows[2]).toMatchObject({ beneficiaryId: pseudonymous.id, reference: pseudonymous.reference, displayName: 'KD', pseudonymous: true });
    expect(all.rows[0]).toMatchObject({ displayName: 'Oumou Test', archived: true });
    // The free text never reaches this list.
    expect(Object.keys(all.rows[0])).not.toContain('reason');

    const april = await core.must('referrals.search', { from: '2026-04-15', to: '2026-04-30' });
    expect(april.rows.map((r) => r.id)).toEqual([aprilSecond.id, aprilFirst.id]);
    expect((await core.must('referrals.search', { from: '2026-04-16' })).rows.map((r) => r.id)).toEqual([may.id]);
    expect((await core.must('referrals.search', { to: '2026-04-14' })).rows.map((r) => r.id)).toEqual([march.id]);
    const given = await core.must('referrals.search', { status: 'service_given', to: '2026-05-31' });
    expect(given).toMatchObject({ total: 2, rows: [{ id: may.id }, { id: march.id }] });
    expect(await core.must('referrals.search', { status: 'no_answer' })).toEqual({ total: 0, rows: [] });

    const page = await core.must('referrals.search', { offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.id)).toEqual([aprilSecond.id, aprilFirst.id]);
    await expectFailure(core.call('referrals.search', { limit: 0 }), 'invalid_input', 'limit');
    await expectFailure(core.call('referrals.search', { from: '15/04/2026' }), 'invalid_input', 'from');

    // The screen's export holds the same referrals, in the same order.
    const file = await core.must('exports.list', { target: { list: 'referrals', filters: { from: '2026-04-01' } }, format: 'csv' });
    const references = Buffer.from(file.contentBase64, 'base64').toString('utf8').split('\r\n').slice(1, -1).map((line) => line.split(',')[0]);
    expect(references).toEqual((await core.must('referrals.search', { from: '2026-04-01' })).rows.map((r) => r.reference));
  });
});

describe('the follow-up dashboard', () => {
  it('lists open procedures whose next step is overdue, and nothing else', async () => {
    const { core } = await clockedFile();
    const late = await newPerson(core, 'Aminata');
    const pseudonymous = await core.must('beneficiaries.create', person({}, { consent: null, personal: null, initials: 'KD' }));
    const archived = await newPerson(core, 'Oumou');
    const overdue = await core.must('procedures.save', procedure(late.id, { nextStepDue: plusDays(TODAY, -7), nextStep: 'Rappeler la préfecture' }));
    await core.must('procedures.save', procedure(pseudonymous.id, { nextStepDue: plusDays(TODAY, -1) }));
    await core.must('procedures.save', procedure(late.id, { type: 'school_enrolment', nextStepDue: TODAY }));
    await core.must('procedures.save', procedure(late.id, { type: 'other', status: 'completed', nextStepDue: plusDays(TODAY, -30) }));
    await core.must('procedures.save', procedure(archived.id, { nextStepDue: plusDays(TODAY, -3) }));
    await core.must('beneficiaries.archive', { id: archived.id, reason: 'lost_contact' });

    const { overdueNextSteps, today } = await core.must('followUp.dashboard', {});
    expect(today).toBe(TODAY);
    expect(overdueNextSteps).toEqual([
      expect.objectContaining({
        beneficiaryId: late.id,
        reference: late.reference,
        displayName: 'Aminata Test',
        procedureId: overdue.id,
        procedureType: 'residence_card_application',
        nextStep: 'Rappeler la préfecture',
        nextStepDue: plusDays(TODAY, -7),
        daysOverdue: 7,
      }),
      expect.objectContaining({ beneficiaryId: pseudonymous.id, displayName: 'KD', daysOverdue: 1 }),
    ]);
  });

  it('lists procedures with no activity for the configured number of days; a note or a save is activity', async () => {
    const { core, tick, later } = await clockedFile();
    const idle = await newPerson(core, 'Aminata');
    const noted = await newPerson(core, 'Moussa');
    const saved = await newPerson(core, 'Fatoumata');
    const stale = await core.must('procedures.save', procedure(idle.id));
    const closed = await core.must('procedures.save', procedure(idle.id, { type: 'other', status: 'completed' }));
    await core.must('procedures.save', procedure(noted.id));
    const resaved = await core.must('procedures.save', procedure(saved.id));
    tick();
    expect((await core.must('followUp.dashboard', {})).staleProcedures).toEqual([]);

    await later(20);
    await core.must('caseNotes.add', note(noted.id, { date: plusDays(TODAY, 20) }));
    await core.must('procedures.save', { ...procedure(saved.id), id: resaved.id });
    await later(11); // 31 days after the start
    const dashboard = await core.must('followUp.dashboard', {});
    expect(dashboard.staleProcedureDays).toBe(30);
    expect(dashboard.staleProcedures).toEqual([
      expect.objectContaining({ beneficiaryId: idle.id, procedureId: stale.id, status: 'in_progress', lastActivityAt: START, daysInactive: 31 }),
    ]);
    expect(dashboard.staleProcedures.map((s) => s.procedureId)).not.toContain(closed.id);

    expect(await core.must('settings.update', { staleProcedureDays: 45 })).toEqual({ ...DEFAULT_SETTINGS, staleProcedureDays: 45, autoLockMinutes: 10 });
    expect((await core.must('followUp.dashboard', {})).staleProcedures).toEqual([]);
    // Changing another setting leaves this one alone.
    expect(await core.must('settings.update', { autoLockMinutes: 15 })).toEqual({ ...DEFAULT_SETTINGS, staleProcedureDays: 45, autoLockMinutes: 15 });
    expect(await core.must('settings.get', {})).toEqual({ ...DEFAULT_SETTINGS, staleProcedureDays: 45, autoLockMinutes: 15 });
  });

  it('lists residence documents expiring within 60 days, of people still followed', async () => {
    const { core } = await clockedFile();
    const doc = (expiryDate: string) => ({ legalStatus: { code: 'residence_card', documentNumber: 'RC1', issueDate: '2025-01-01', expiryDate } });
    const soon = await newPerson(core, 'Aminata', doc(plusDays(TODAY, 30)));
    const edge = await newPerson(core, 'Mariam', doc(plusDays(TODAY, 60)));
    const today = await newPerson(core, 'Awa', doc(TODAY));
    await newPerson(core, 'Expired', doc(plusDays(TODAY, -1)));
    await newPerson(core, 'Later', doc(plusDays(TODAY, 61)));
    await newPerson(core, 'Undocumented', { legalStatus: null });
    const archived = await newPerson(core, 'Archived', doc(plusDays(TODAY, 10)));
    await core.must('beneficiaries.archive', { id: archived.id, reason: 'lost_contact' });

    const { expiringDocuments } = await core.must('followUp.dashboard', {});
    expect(expiringDocuments).toEqual([
      { beneficiaryId: today.id, reference: today.reference, displayName: 'Awa Test', legalStatus: 'residence_card', expiryDate: TODAY, daysLeft: 0 },
      expect.objectContaining({ beneficiaryId: soon.id, expiryDate: plusDays(TODAY, 30), daysLeft: 30 }),
      expect.objectContaining({ beneficiaryId: edge.id, daysLeft: 60 }),
    ]);
  });

  it('lists people not seen for 90 days who still have an open procedure', async () => {
    const { core, later } = await clockedFile();
    const lost = await newPerson(core, 'Aminata');
    const finished = await newPerson(core, 'Moussa');
    const seen = await newPerson(core, 'Fatoumata');
    const neverFollowed = await newPerson(core, 'Awa');
    await core.must('caseNotes.add', note(lost.id, { date: '2026-05-28' }));
    await core.must('procedures.save', procedure(lost.id, { type: 'school_enrolment' }));
    await core.must('procedures.save', procedure(lost.id, { type: 'other' }));
    await core.must('procedures.save', procedure(finished.id, { status: 'completed' }));
    await core.must('procedures.save', procedure(seen.id));
    await core.must('caseNotes.add', note(neverFollowed.id));

    await later(80);
    await core.must('caseNotes.add', note(seen.id, { type: 'call', date: plusDays(TODAY, 80) }));
    await later(20); // 100 days after the start
    const { notSeen } = await core.must('followUp.dashboard', {});
    expect(notSeen).toEqual([
      { beneficiaryId: lost.id, reference: lost.reference, displayName: 'Aminata Test', lastSeenOn: TODAY, daysSince: 100, openProcedures: 2 },
    ]);

    await core.must('beneficiaries.archive', { id: lost.id, reason: 'lost_contact' });
    expect((await core.must('followUp.dashboard', {})).notSeen).toEqual([]);
  });

  it('lists the next steps coming up in the next 14 days, soonest first, apart from the overdue ones', async () => {
    const { core } = await clockedFile();
    const awa = await newPerson(core, 'Awa');
    const dueToday = await core.must('procedures.save', procedure(awa.id, { nextStepDue: TODAY }));
    const lastDay = await core.must('procedures.save', procedure(awa.id, { type: 'school_enrolment', nextStepDue: plusDays(TODAY, 13) }));
    await core.must('procedures.save', procedure(awa.id, { type: 'other', nextStepDue: plusDays(TODAY, 14) }));
    await core.must('procedures.save', procedure(awa.id, { type: 'medical_file', nextStepDue: plusDays(TODAY, -1) }));
    await core.must('procedures.save', procedure(awa.id, { type: 'asylum_request', status: 'completed', nextStepDue: plusDays(TODAY, 2) }));

    const { comingUpNextSteps, overdueNextSteps } = await core.must('followUp.dashboard', {});
    expect(comingUpNextSteps.map((s) => [s.procedureId, s.daysLeft])).toEqual([
      [dueToday.id, 0],
      [lastDay.id, 13],
    ]);
    expect(comingUpNextSteps[0]).toMatchObject({ beneficiaryId: awa.id, displayName: 'Awa Test', nextStep: 'Déposer le dossier à la préfecture', responsibleName: null });
    expect(overdueNextSteps).toHaveLength(1);
  });

  it('lists documents already expired, the most recently expired first', async () => {
    const { core } = await clockedFile();
    const doc = (expiryDate: string) => ({ legalStatus: { code: 'residence_card', documentNumber: 'RC1', issueDate: '2025-01-01', expiryDate } });
    const yesterday = await newPerson(core, 'Aminata', doc(plusDays(TODAY, -1)));
    const longAgo = await newPerson(core, 'Mariam', doc(plusDays(TODAY, -200)));
    await newPerson(core, 'Awa', doc(TODAY));
    const archived = await newPerson(core, 'Archived', doc(plusDays(TODAY, -10)));
    await core.must('beneficiaries.archive', { id: archived.id, reason: 'lost_contact' });

    const { expiredDocuments } = await core.must('followUp.dashboard', {});
    expect(expiredDocuments).toEqual([
      { beneficiaryId: yesterday.id, reference: yesterday.reference, displayName: 'Aminata Test', legalStatus: 'residence_card', expiryDate: plusDays(TODAY, -1), daysAgo: 1 },
      expect.objectContaining({ beneficiaryId: longAgo.id, daysAgo: 200 }),
    ]);
  });

  it("keeps to the signed-in person's cases and those nobody leads when asked for 'my cases'", async () => {
    const { core, presidentId } = await clockedFile();
    const other = await core.must('users.create', { displayName: 'Meryem', role: 'volunteer', temporaryPassword: 'mot de passe provisoire 1' });
    const doc = { legalStatus: { code: 'residence_card', documentNumber: 'RC1', issueDate: '2025-01-01', expiryDate: plusDays(TODAY, -5) } };
    const mine = await newPerson(core, 'Mine', doc);
    const theirs = await newPerson(core, 'Theirs', doc);
    const nobodys = await newPerson(core, 'Nobody', doc);
    const unfollowed = await newPerson(core, 'Unfollowed', doc);
    const minePro = await core.must('procedures.save', procedure(mine.id, { nextStepDue: plusDays(TODAY, 3), responsibleId: presidentId }));
    await core.must('procedures.save', procedure(theirs.id, { nextStepDue: plusDays(TODAY, 3), responsibleId: other.id }));
    const nobodysPro = await core.must('procedures.save', procedure(nobodys.id, { nextStepDue: plusDays(TODAY, 3) }));

    const all = await core.must('followUp.dashboard', {});
    expect(all.comingUpNextSteps).toHaveLength(3);
    expect(all.expiredDocuments).toHaveLength(4);

    const only = await core.must('followUp.dashboard', { mine: true });
    expect(only.comingUpNextSteps.map((s) => s.procedureId).sort()).toEqual([minePro.id, nobodysPro.id].sort());
    expect(only.expiredDocuments.map((d) => d.beneficiaryId).sort()).toEqual([mine.id, nobodys.id, unfollowed.id].sort());
  });
});

describe('the demo file', () => {
  it('holds a plausible partner directory, with fictitious contacts', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    await signedInToDemo(core);
    const partners = await core.must('partners.list', {});
    const names = partners.map((p) => p.name).join('\n');
    for (const expected of [/ANAPEC/, /Entraide Nationale/, /Al Farabi/, /École primaire/, /HCR/, /OIM/, /Caritas/, /Orient-Occident/, /Cabinet de Maître/]) {
      expect(names).toMatch(expected);
    }
    expect(new Set(partners.map((p) => p.type))).toEqual(new Set(['public_service', 'un_agency', 'ngo', 'lawyer']));
    for (const p of partners) expect(p.contact).toMatch(/^05\d\d 00 \d\d \d\d · contact@[a-z-]+\.example$/);
    const all = await core.must('partners.list', { includeArchived: true });
    expect(all.length).toBe(partners.length + 1);
    core.close();
  });
});
