import { describe, expect, it } from 'vitest';
import { type AttendanceStatus, type BeneficiaryInput, type OpInput, type StatisticsFigures } from '../../electron/contract';
import { scheduleDates } from '../../electron/core/activities/schedule';
import { ageBandIndex, ageBandLabels, hasCompleted } from '../../electron/core/activities/statistics';
import { person } from './builders';
import {
  auditRows,
  createdFile,
  databaseKey,
  expectFailure,
  PRESIDENT_PASSWORD,
  signedInToDemo,
  testCore,
  type TestCore,
  useTempDir,
  withDb,
} from './helpers';

const tempDir = useTempDir();

/** The suite's "today" is fixed: Monday 1 June 2026. */
const START = '2026-06-01T09:00:00.000Z';
const TODAY = '2026-06-01';

async function signedInFile() {
  const dir = tempDir();
  const core = testCore(dir, () => new Date(START));
  const { session } = await createdFile(core, dir);
  return { core, path: session.path, presidentId: session.user.id };
}

const activityInput = (more: Partial<OpInput<'activities.save'>> = {}): OpInput<'activities.save'> => ({
  title: 'Atelier CV et entretien',
  type: 'workshop',
  theme: 'employability',
  place: "Local de l'association",
  ...more,
});

async function newActivity(core: TestCore, more: Partial<OpInput<'activities.save'>> = {}) {
  return core.must('activities.save', activityInput(more));
}

async function sessionOn(core: TestCore, activityId: string, date: string, startTime = '10:00', endTime = '12:00') {
  return core.must('sessions.save', { activityId, date, startTime, endTime });
}

async function newPerson(core: TestCore, firstName: string, top: Partial<BeneficiaryInput> = {}) {
  return core.must('beneficiaries.create', person({ firstName, lastName: 'Test', phones: [] }, top));
}

/** Marks a session: `{ [beneficiaryId]: status }`. */
async function mark(core: TestCore, sessionId: string, marks: Record<string, AttendanceStatus>) {
  return core.must('attendance.mark', {
    sessionId,
    marks: Object.entries(marks).map(([beneficiaryId, status]) => ({ beneficiaryId, status })),
  });
}

// ---------------------------------------------------------------------------------------------

describe('lookup lists and settings', () => {
  it('seeds activity types and themes in three languages, and the repeat and age band settings', async () => {
    const { core } = await signedInFile();
    const types = await core.must('lookups.list', { list: 'activityType' });
    expect(types.map((t) => t.code)).toEqual([
      'training_module',
      'awareness_session',
      'workshop',
      'vocational_training',
      'school_support',
      'psychosocial_group',
      'information_session',
      'general_assembly',
      'board_meeting',
      'other',
    ]);
    const themes = await core.must('lookups.list', { list: 'theme' });
    expect(themes.map((t) => t.code)).toEqual([
      'radicalisation_prevention',
      'sociocultural_integration',
      'digital_communication',
      'intercultural_animation',
      'conflict_management',
      'health',
      'legal_rights',
      'employability',
      'entrepreneurship',
      'language_classes',
    ]);
    for (const v of [...types, ...themes]) for (const label of Object.values(v.labels)) expect(label.length).toBeGreaterThan(2);
    expect(themes.find((t) => t.code === 'conflict_management')?.labels).toEqual({
      fr: 'Gestion des conflits',
      ar: 'تدبير النزاعات',
      en: 'Conflict management',
    });

    expect(await core.must('settings.get', {})).toMatchObject({ repeatAlertThreshold: 2, statisticsAgeBands: [0, 15, 18, 30, 60] });
    await expectFailure(core.call('settings.update', { statisticsAgeBands: [5, 18] }), 'invalid_input', { statisticsAgeBands: 'age_bands_order' });
    await expectFailure(core.call('settings.update', { statisticsAgeBands: [0, 18, 18] }), 'invalid_input', { statisticsAgeBands: 'age_bands_order' });
    await expectFailure(core.call('settings.update', { repeatAlertThreshold: 0 }), 'invalid_input');
    expect(await core.must('settings.update', { repeatAlertThreshold: 3 })).toMatchObject({ repeatAlertThreshold: 3, autoLockMinutes: 10 });
  });
});

describe('activities', () => {
  it('get a yearly reference, are listed newest first with their counts, and can be edited', async () => {
    const { core } = await signedInFile();
    const first = await newActivity(core, { title: 'Sensibilisation santé', type: 'awareness_session', theme: 'health' });
    const second = await newActivity(core, { plannedParticipants: 12, startDate: '2026-05-01', endDate: '2026-06-30', project: '  ' });
    expect(first.reference).toBe('A-2026-00001');
    expect(second).toMatchObject({ reference: 'A-2026-00002', completionThreshold: 75, project: null, plannedParticipants: 12, archivedAt: null });

    await sessionOn(core, second.id, '2026-05-20');
    await sessionOn(core, second.id, '2026-06-03');
    const list = await core.must('activities.list', {});
    expect(list.total).toBe(2);
    expect(list.rows.map((r) => r.id)).toEqual([second.id, first.id]);
    expect(list.rows[0]).toMatchObject({
      sessionCount: 2,
      sessionsHeld: 0,
      registeredCount: 0,
      firstSessionDate: '2026-05-20',
      lastSessionDate: '2026-06-03',
      nextSessionDate: '2026-06-03',
    });
    expect((await core.must('activities.list', { theme: 'health' })).rows.map((r) => r.id)).toEqual([first.id]);
    expect((await core.must('activities.list', { query: 'a-2026-00002' })).rows.map((r) => r.id)).toEqual([second.id]);

    const edited = await core.must('activities.save', activityInput({ id: second.id, title: 'Atelier CV (2e groupe)', completionThreshold: 80 }));
    expect(edited).toMatchObject({ id: second.id, reference: 'A-2026-00002', title: 'Atelier CV (2e groupe)', completionThreshold: 80 });

    await expectFailure(core.call('activities.save', activityInput({ theme: 'astrology' })), 'invalid_input', { theme: 'not_in_list' });
    await expectFailure(core.call('activities.save', activityInput({ type: 'picnic' })), 'invalid_input', { type: 'not_in_list' });
    await expectFailure(core.call('activities.save', activityInput({ startDate: '2026-05-02', endDate: '2026-05-01' })), 'invalid_input', {
      endDate: 'end_before_start',
    });
    await expectFailure(core.call('activities.save', activityInput({ completionThreshold: 101 })), 'invalid_input');
    await expectFailure(core.call('activities.save', activityInput({ id: 'nope' })), 'not_found');
    expect((await core.must('activities.list', {})).total).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------

describe('repeating schedules', () => {
  const everyTuesday = {
    weekdays: [2],
    startTime: '10:00',
    endTime: '12:00',
    startDate: '2026-03-02', // a Monday: the eight weeks run from it
    weeks: 8,
    skipDates: ['2026-03-24'],
  };

  it('every Tuesday 10:00–12:00 for 8 weeks, skipping a holiday → exactly these dates', async () => {
    expect(scheduleDates(everyTuesday)).toEqual([
      { date: '2026-03-03', skipped: null },
      { date: '2026-03-10', skipped: null },
      { date: '2026-03-17', skipped: null },
      { date: '2026-03-24', skipped: 'holiday' },
      { date: '2026-03-31', skipped: null },
      { date: '2026-04-07', skipped: null },
      { date: '2026-04-14', skipped: null },
      { date: '2026-04-21', skipped: null },
    ]);

    const { core } = await signedInFile();
    const a = await newActivity(core);
    const preview = await core.must('sessions.previewSchedule', { activityId: a.id, schedule: everyTuesday });
    expect(preview.filter((d) => !d.skipped)).toHaveLength(7);
    expect((await core.must('activities.get', { id: a.id })).sessions).toEqual([]); // a preview writes nothing

    const generated = await core.must('sessions.generate', { activityId: a.id, schedule: { ...everyTuesday, place: 'Salle 2', facilitator: 'Samira' } });
    expect(generated.created.map((s) => s.date)).toEqual([
      '2026-03-03',
      '2026-03-10',
      '2026-03-17',
      '2026-03-31',
      '2026-04-07',
      '2026-04-14',
      '2026-04-21',
    ]);
    expect(generated.skipped).toEqual([{ date: '2026-03-24', skipped: 'holiday' }]);
    for (const s of generated.created) expect(s).toMatchObject({ startTime: '10:00', endTime: '12:00', place: 'Salle 2', facilitator: 'Samira' });

    // Generating again adds nothing: every slot already exists.
    const again = await core.must('sessions.generate', { activityId: a.id, schedule: everyTuesday });
    expect(again.created).toEqual([]);
    expect(again.skipped.filter((d) => d.skipped === 'exists')).toHaveLength(7);
    expect((await core.must('activities.get', { id: a.id })).sessions).toHaveLength(7);
  });

  it('several weekdays up to an end date; the first week starts on the start date', () => {
    // Monday and Thursday, from Thursday 2026-01-01 through Monday 2026-01-12.
    expect(scheduleDates({ weekdays: [4, 1], startDate: '2026-01-01', endDate: '2026-01-12', skipDates: [] }).map((d) => d.date)).toEqual([
      '2026-01-01',
      '2026-01-05',
      '2026-01-08',
      '2026-01-12',
    ]);
    // Sunday (7) for 2 weeks from a Wednesday: 4 and 11 January (the window ends Tuesday 13).
    expect(scheduleDates({ weekdays: [7], startDate: '2025-12-31', weeks: 2, skipDates: [] }).map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-01-11',
    ]);
  });

  it('refuses a schedule that ends before it starts, or with both or neither of weeks and end date', async () => {
    const { core } = await signedInFile();
    const a = await newActivity(core);
    const bad = async (schedule: object, field: string, problem: string) =>
      expectFailure(core.call('sessions.generate', { activityId: a.id, schedule: { ...everyTuesday, ...schedule } as never }), 'invalid_input', {
        [`schedule.${field}`]: problem,
      });
    await bad({ endTime: '09:00' }, 'endTime', 'end_before_start');
    await bad({ endDate: '2026-04-30' }, 'weeks', 'weeks_or_end_date');
    await bad({ weeks: undefined }, 'weeks', 'weeks_or_end_date');
    await bad({ weeks: undefined, endDate: '2026-03-01' }, 'endDate', 'end_before_start');
    await bad({ weekdays: [0] }, 'weekdays.0', 'too_small');
    await bad({ weeks: 105 }, 'weeks', 'too_big');
    expect((await core.must('activities.get', { id: a.id })).sessions).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('registrations and the attendance screen', () => {
  it('keeps sheet order, warns over the planned number, marks in one batch, and "all present" leaves marks alone', async () => {
    const { core } = await signedInFile();
    const a = await newActivity(core, { plannedParticipants: 2, facilitators: 'Samira et Youssef' });
    const s = await sessionOn(core, a.id, '2026-05-26');
    const [aminata, moussa, grace] = [await newPerson(core, 'Aminata'), await newPerson(core, 'Moussa'), await newPerson(core, 'Grâce')];

    const first = await core.must('registrations.add', { activityId: a.id, beneficiaryIds: [moussa.id, aminata.id] });
    expect(first).toMatchObject({ added: [moussa.id, aminata.id], alreadyRegistered: [], registeredCount: 2, plannedParticipants: 2, overPlanned: false });
    const second = await core.must('registrations.add', { activityId: a.id, beneficiaryIds: [aminata.id, grace.id] });
    expect(second).toMatchObject({ added: [grace.id], alreadyRegistered: [aminata.id], registeredCount: 3, overPlanned: true, repeatAlerts: [] });

    const sheet = await core.must('attendance.get', { sessionId: s.id });
    expect(sheet.rows.map((r) => [r.sheetOrder, r.displayName, r.status])).toEqual([
      [1, 'Moussa Test', null],
      [2, 'Aminata Test', null],
      [3, 'Grâce Test', null],
    ]);
    expect(sheet).toMatchObject({ editable: true, registeredCount: 3, overPlanned: true, counts: { present: 0, absent: 0, excused: 0, unmarked: 3 } });
    expect(sheet.activity).toMatchObject({ id: a.id, reference: a.reference, title: a.title, theme: 'employability' });
    // A session saved without a place or facilitator takes the activity's, on the screen and the printed sheet; the session itself stays as saved.
    expect(sheet).toMatchObject({ place: "Local de l'association", facilitator: 'Samira et Youssef', session: { place: null, facilitator: null } });
    const own = await core.must('sessions.save', { activityId: a.id, date: '2026-05-27', startTime: '10:00', endTime: '12:00', place: 'Salle 2', facilitator: 'Karim' });
    expect(await core.must('attendance.get', { sessionId: own.id })).toMatchObject({ place: 'Salle 2', facilitator: 'Karim' });

    const marked = await mark(core, s.id, { [moussa.id]: 'absent', [grace.id]: 'excused' });
    expect(marked.counts).toEqual({ present: 0, absent: 1, excused: 1, unmarked: 1 });
    const all = await core.must('attendance.markAllPresent', { sessionId: s.id });
    expect(all.rows.map((r) => r.status)).toEqual(['absent', 'present', 'excused']);
    const everyone = await core.must('attendance.markAllPresent', { sessionId: s.id, overwrite: true });
    expect(everyone.counts).toEqual({ present: 3, absent: 0, excused: 0, unmarked: 0 });

    const registrations = await core.must('registrations.list', { activityId: a.id });
    expect(registrations).toMatchObject({ sessionsHeld: 1, completionThreshold: 75, plannedParticipants: 2 });
    expect(registrations.rows.map((r) => [r.displayName, r.presentCount, r.completed, r.walkIn])).toEqual([
      ['Moussa Test', 1, true, false],
      ['Aminata Test', 1, true, false],
      ['Grâce Test', 1, true, false],
    ]);
  });

  it('registers a walk-in on the spot: a pseudonymous record, at the end of the sheet, present at the session', async () => {
    const { core } = await signedInFile();
    const a = await newActivity(core);
    const s = await sessionOn(core, a.id, TODAY);
    const aminata = await newPerson(core, 'Aminata');
    await core.must('registrations.add', { activityId: a.id, beneficiaryIds: [aminata.id] });

    const anonymous: BeneficiaryInput = {
      sex: 'male',
      birthYear: 2001,
      birthYearEstimated: true,
      nationality: 'GN',
      category: 'subsaharan_migrant',
      initials: 'mb',
      consent: null,
      personal: null,
    };
    const { beneficiary, outcome } = await core.must('registrations.walkIn', { activityId: a.id, beneficiary: anonymous, presentAt: s.id });
    expect(beneficiary).toMatchObject({ initials: 'MB', personal: null, consent: null, archivedAt: null });
    expect(beneficiary.reference).toMatch(/^B-2026-\d{5}$/);
    expect(outcome).toMatchObject({ added: [beneficiary.id], registeredCount: 2 });

    const sheet = await core.must('attendance.get', { sessionId: s.id });
    expect(sheet.rows.map((r) => [r.sheetOrder, r.displayName, r.pseudonymous, r.walkIn, r.status])).toEqual([
      [1, 'Aminata Test', false, false, null],
      [2, 'MB', true, true, 'present'],
    ]);

    // Personal data without consent is refused, as anywhere else, and nobody is created.
    const before = (await core.must('beneficiaries.search', {})).total;
    const refused = await core.call('registrations.walkIn', { activityId: a.id, beneficiary: person({ firstName: 'Sans' }, { consent: null }) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'beneficiary.consent': 'consent_required' } } });
    expect((await core.must('beneficiaries.search', {})).total).toBe(before);
  });

  it('marking someone who came unregistered works when they are added in the same call', async () => {
    const { core } = await signedInFile();
    const a = await newActivity(core);
    const s = await sessionOn(core, a.id, TODAY);
    const [aminata, moussa] = [await newPerson(core, 'Aminata'), await newPerson(core, 'Moussa')];
    await core.must('registrations.add', { activityId: a.id, beneficiaryIds: [aminata.id] });
    const sheet = await core.must('attendance.mark', {
      sessionId: s.id,
      add: [moussa.id],
      marks: [
        { beneficiaryId: aminata.id, status: 'present' },
        { beneficiaryId: moussa.id, status: 'present' },
      ],
    });
    expect(sheet.rows.map((r) => [r.displayName, r.walkIn, r.status])).toEqual([
      ['Aminata Test', false, 'present'],
      ['Moussa Test', true, 'present'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('bad input: a clear error and nothing written', () => {
  async function fixture() {
    const env = await signedInFile();
    const { core } = env;
    const a = await newActivity(core);
    const past = await sessionOn(core, a.id, '2026-05-25');
    const future = await sessionOn(core, a.id, '2026-06-02');
    const [aminata, moussa, archived] = [await newPerson(core, 'Aminata'), await newPerson(core, 'Moussa'), await newPerson(core, 'Archived')];
    await core.must('beneficiaries.archive', { id: archived.id, reason: 'lost_contact' });
    await core.must('registrations.add', { activityId: a.id, beneficiaryIds: [aminata.id] });
    /** Everything the activity holds, to compare before and after a refused call. */
    const state = async () => ({
      activity: await core.must('activities.get', { id: a.id }),
      registrations: await core.must('registrations.list', { activityId: a.id }),
      past: (await core.must('attendance.get', { sessionId: past.id })).rows,
      future: (await core.must('attendance.get', { sessionId: future.id })).rows,
      people: (await core.must('beneficiaries.search', {})).total,
    });
    const audit = async () => withDb(env.path, await databaseKey(env.path, env.presidentId, PRESIDENT_PASSWORD), auditRows).length;
    return { ...env, a, past, future, aminata, moussa, archived, state, audit };
  }

  it('a session that ends before (or when) it starts', async () => {
    const { core, a, past, state, audit } = await fixture();
    const [before, rows] = [await state(), await audit()];
    await expectFailure(core.call('sessions.save', { activityId: a.id, date: '2026-06-10', startTime: '14:00', endTime: '12:00' }), 'invalid_input', {
      endTime: 'end_before_start',
    });
    await expectFailure(core.call('sessions.save', { activityId: a.id, date: '2026-06-10', startTime: '14:00', endTime: '14:00' }), 'invalid_input', {
      endTime: 'end_before_start',
    });
    await expectFailure(core.call('sessions.save', { id: past.id, activityId: a.id, date: '2026-05-25', startTime: '10:00', endTime: '09:59' }), 'invalid_input', {
      endTime: 'end_before_start',
    });
    await expectFailure(core.call('sessions.save', { activityId: a.id, date: '2026-06-10', startTime: '24:00', endTime: '25:00' }), 'invalid_input');
    expect(await state()).toEqual(before);
    expect(await audit()).toBe(rows);
  });

  it('attendance marked for a future session', async () => {
    const { core, a, future, aminata, state, audit } = await fixture();
    const [before, rows] = [await state(), await audit()];
    await expectFailure(core.call('attendance.mark', { sessionId: future.id, marks: [{ beneficiaryId: aminata.id, status: 'present' }] }), 'session_in_future');
    await expectFailure(core.call('attendance.markAllPresent', { sessionId: future.id }), 'session_in_future');
    await expectFailure(
      core.call('registrations.walkIn', { activityId: a.id, presentAt: future.id, beneficiary: person({ firstName: 'Walk' }) }),
      'session_in_future',
    );
    expect(await state()).toEqual(before);
    expect(await audit()).toBe(rows);
    const sheet = await core.must('attendance.get', { sessionId: future.id });
    expect(sheet.editable).toBe(false);
  });

  it('a session with attendance cannot move to a future date', async () => {
    const { core, a, past, aminata, state } = await fixture();
    await mark(core, past.id, { [aminata.id]: 'present' });
    const before = await state();
    await expectFailure(
      core.call('sessions.save', { id: past.id, activityId: a.id, date: '2026-06-15', startTime: '10:00', endTime: '12:00' }),
      'session_in_future',
      { date: 'session_in_future' },
    );
    expect(await state()).toEqual(before);
    // …but it may move to another past day.
    expect(await core.must('sessions.save', { id: past.id, activityId: a.id, date: '2026-05-26', startTime: '10:00', endTime: '12:00' })).toMatchObject({
      date: '2026-05-26',
    });
  });

  it('registering an archived person refuses the whole batch', async () => {
    const { core, a, moussa, archived, state, audit } = await fixture();
    const [before, rows] = [await state(), await audit()];
    await expectFailure(core.call('registrations.add', { activityId: a.id, beneficiaryIds: [moussa.id, archived.id] }), 'beneficiary_archived', {
      'beneficiaryIds.1': 'archived',
    });
    await expectFailure(core.call('registrations.add', { activityId: a.id, beneficiaryIds: [moussa.id, 'nobody'] }), 'not_found', {
      'beneficiaryIds.1': 'not_found',
    });
    await expectFailure(
      core.call('attendance.mark', { sessionId: (before.activity.sessions[0] ?? { id: '' }).id, add: [archived.id], marks: [{ beneficiaryId: archived.id, status: 'present' }] }),
      'beneficiary_archived',
      { 'add.0': 'archived' },
    );
    expect(await state()).toEqual(before);
    expect(await audit()).toBe(rows);
  });

  it('marking someone neither registered nor added refuses the whole batch', async () => {
    const { core, past, aminata, moussa, state, audit } = await fixture();
    const [before, rows] = [await state(), await audit()];
    await expectFailure(
      core.call('attendance.mark', {
        sessionId: past.id,
        marks: [
          { beneficiaryId: aminata.id, status: 'present' },
          { beneficiaryId: moussa.id, status: 'present' },
        ],
      }),
      'not_registered',
      { 'marks.1.beneficiaryId': 'not_registered' },
    );
    await expectFailure(
      core.call('attendance.mark', {
        sessionId: past.id,
        marks: [
          { beneficiaryId: aminata.id, status: 'present' },
          { beneficiaryId: aminata.id, status: 'absent' },
        ],
      }),
      'invalid_input',
      { 'marks.1.beneficiaryId': 'duplicate' },
    );
    await expectFailure(core.call('attendance.mark', { sessionId: 'no-such-session', marks: [{ beneficiaryId: aminata.id, status: 'present' }] }), 'not_found');
    await expectFailure(core.call('attendance.mark', { sessionId: past.id, marks: [{ beneficiaryId: aminata.id, status: 'late' as never }] }), 'invalid_input');
    expect(await state()).toEqual(before);
    expect(await audit()).toBe(rows);
  });

  it('a session or an activity with attendance cannot be deleted, only archived; without attendance they can', async () => {
    const { core, a, past, future, aminata, state, audit } = await fixture();
    await mark(core, past.id, { [aminata.id]: 'absent' });
    const [before, rows] = [await state(), await audit()];
    await expectFailure(core.call('sessions.delete', { id: past.id }), 'has_attendance');
    await expectFailure(core.call('activities.delete', { id: a.id }), 'has_attendance');
    await expectFailure(core.call('registrations.remove', { activityId: a.id, beneficiaryId: aminata.id }), 'has_attendance');
    expect(await state()).toEqual(before);
    expect(await audit()).toBe(rows);

    expect(await core.must('sessions.delete', { id: future.id })).toEqual({ id: future.id });
    const archived = await core.must('activities.archive', { id: a.id });
    expect(archived.archivedAt).toBe(START);
    expect((await core.must('activities.list', {})).total).toBe(0);
    expect((await core.must('activities.list', { archived: true })).rows.map((r) => r.id)).toEqual([a.id]);
    // An archived activity no longer changes, and says so.
    await expectFailure(core.call('attendance.mark', { sessionId: past.id, marks: [{ beneficiaryId: aminata.id, status: 'present' }] }), 'activity_archived');
    await expectFailure(core.call('sessions.save', { activityId: a.id, date: '2026-06-20', startTime: '10:00', endTime: '12:00' }), 'activity_archived');
    expect((await core.must('attendance.get', { sessionId: past.id })).editable).toBe(false);
    await core.must('activities.restore', { id: a.id });

    const empty = await newActivity(core, { title: 'Créée par erreur' });
    const s = await sessionOn(core, empty.id, '2026-05-01');
    await core.must('registrations.add', { activityId: empty.id, beneficiaryIds: [aminata.id] });
    expect(await core.must('activities.delete', { id: empty.id })).toEqual({ id: empty.id });
    await expectFailure(core.call('activities.get', { id: empty.id }), 'not_found');
    await expectFailure(core.call('attendance.get', { sessionId: s.id }), 'not_found');
  });
});

// ---------------------------------------------------------------------------------------------

describe('the repeat alert', () => {
  it('counts the other activities of the theme where the person was present, against the setting', async () => {
    const { core } = await signedInFile();
    const [fatou, omar] = [await newPerson(core, 'Fatou'), await newPerson(core, 'Omar', { sex: 'male' })];
    const past = async (title: string, theme: string, date: string, status: AttendanceStatus) => {
      const a = await newActivity(core, { title, theme, type: 'awareness_session' });
      const s = await sessionOn(core, a.id, date);
      await core.must('registrations.add', { activityId: a.id, beneficiaryIds: [fatou.id] });
      await mark(core, s.id, { [fatou.id]: status });
      return a;
    };
    const first = await past('Santé maternelle', 'health', '2026-02-10', 'present');
    await past('Hygiène et prévention', 'health', '2026-03-10', 'absent'); // registered, never present: does not count
    await past('Droits des femmes', 'legal_rights', '2026-03-20', 'present'); // another theme
    const next = await newActivity(core, { title: 'Vaccination des enfants', theme: 'health', type: 'awareness_session' });

    let check = await core.must('activities.repeatCheck', { activityId: next.id, beneficiaryId: fatou.id });
    expect(check).toMatchObject({ theme: 'health', threshold: 2, count: 1, alert: false });

    const second = await past('Nutrition', 'health', '2026-04-15', 'present');
    check = await core.must('activities.repeatCheck', { activityId: next.id, beneficiaryId: fatou.id });
    expect(check).toEqual({
      beneficiaryId: fatou.id,
      theme: 'health',
      threshold: 2,
      count: 2,
      alert: true,
      history: [
        { activityId: second.id, reference: second.reference, title: 'Nutrition', type: 'awareness_session', firstPresentOn: '2026-04-15', lastPresentOn: '2026-04-15', sessionsPresent: 1 },
        { activityId: first.id, reference: first.reference, title: 'Santé maternelle', type: 'awareness_session', firstPresentOn: '2026-02-10', lastPresentOn: '2026-02-10', sessionsPresent: 1 },
      ],
    });
    // The activity itself is never part of its own history.
    expect((await core.must('activities.repeatCheck', { activityId: second.id, beneficiaryId: fatou.id })).count).toBe(1);

    // The warning comes back with the registration, which still goes through.
    const outcome = await core.must('registrations.add', { activityId: next.id, beneficiaryIds: [fatou.id, omar.id] });
    expect(outcome.added).toEqual([fatou.id, omar.id]);
    expect(outcome.repeatAlerts.map((r) => [r.beneficiaryId, r.count])).toEqual([[fatou.id, 2]]);

    await core.must('settings.update', { repeatAlertThreshold: 3 });
    expect(await core.must('activities.repeatCheck', { activityId: next.id, beneficiaryId: fatou.id })).toMatchObject({ count: 2, threshold: 3, alert: false });
  });
});

// ---------------------------------------------------------------------------------------------

describe('completion', () => {
  it('is present at ≥ the threshold of the sessions held, exactly at the boundary', async () => {
    expect(hasCompleted(3, 4, 75)).toBe(true);
    expect(hasCompleted(2, 4, 75)).toBe(false);
    expect(hasCompleted(4, 5, 80)).toBe(true);
    expect(hasCompleted(3, 5, 80)).toBe(false);
    expect(hasCompleted(2, 3, 67)).toBe(false); // 66.7 % < 67 %
    expect(hasCompleted(2, 3, 66)).toBe(true);
    expect(hasCompleted(0, 0, 75)).toBe(false);

    const { core } = await signedInFile();
    const a = await newActivity(core); // 75 %
    const people = [await newPerson(core, 'Four'), await newPerson(core, 'Three'), await newPerson(core, 'Two')];
    await core.must('registrations.add', { activityId: a.id, beneficiaryIds: people.map((p) => p.id) });
    const [four, three, two] = people.map((p) => p.id);
    const dates = ['2026-05-04', '2026-05-11', '2026-05-18', '2026-05-25'];
    const sessions = [];
    for (const d of dates) sessions.push(await sessionOn(core, a.id, d));
    await mark(core, sessions[0].id, { [four]: 'present', [three]: 'present', [two]: 'present' });
    await mark(core, sessions[1].id, { [four]: 'present', [three]: 'present', [two]: 'present' });
    await mark(core, sessions[2].id, { [four]: 'present', [three]: 'present', [two]: 'excused' });
    await mark(core, sessions[3].id, { [four]: 'present', [three]: 'absent', [two]: 'absent' });
    // A fifth session where nobody came was not held: it does not count.
    const empty = await sessionOn(core, a.id, '2026-05-28');
    await mark(core, empty.id, { [four]: 'absent', [three]: 'absent', [two]: 'absent' });

    const completed = async () => (await core.must('registrations.list', { activityId: a.id })).rows.map((r) => [r.displayName, r.presentCount, r.completed]);
    expect((await core.must('registrations.list', { activityId: a.id })).sessionsHeld).toBe(4);
    expect(await completed()).toEqual([
      ['Four Test', 4, true],
      ['Three Test', 3, true], // 3 / 4 = 75 %: completed
      ['Two Test', 2, false],
    ]);
    expect((await core.must('activities.statistics', { activityId: a.id })).total).toMatchObject({ participations: 3, completed: 2 });

    await core.must('activities.save', activityInput({ id: a.id, completionThreshold: 76 }));
    expect(await completed()).toEqual([
      ['Four Test', 4, true],
      ['Three Test', 3, false],
      ['Two Test', 2, false],
    ]);
    await core.must('activities.save', activityInput({ id: a.id, completionThreshold: 50 }));
    expect((await completed()).map((r) => r[2])).toEqual([true, true, true]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('statistics against a hand-computed table', () => {
  /**
   * Activity X (employability, 75 %): four sessions in May. Activity Y (employability, 50 %): two
   * sessions in April. Activity Z (health): one session on 5 May.
   *
   *             birth  sex  nat  category            X: S1 S2 S3 S4   Y: T1 T2   Z: U1
   *   Awa       2010   F    SN   subsaharan_migrant     P  P  P  P       P  -
   *   Fatima    1996   F    MA   vulnerable_woman       P  P  E  P       -  A       P
   *   Moussa    2000   M    ML   subsaharan_migrant     P  A  A  P       P  P
   *   Youssef   1960   M    MA   returning_migrant      A  P  A  A
   *   KB (walk-in, pseudonymous)
   *             2016   M    CI   refugee                -  -  -  P
   */
  async function scenario() {
    const { core } = await signedInFile();
    const awa = await newPerson(core, 'Awa', { sex: 'female', birthYear: 2010, nationality: 'SN', category: 'subsaharan_migrant' });
    const fatima = await newPerson(core, 'Fatima', { sex: 'female', birthYear: 1996, nationality: 'MA', category: 'vulnerable_woman' });
    const moussa = await newPerson(core, 'Moussa', { sex: 'male', birthYear: 2000, nationality: 'ML', category: 'subsaharan_migrant' });
    const youssef = await newPerson(core, 'Youssef', { sex: 'male', birthYear: 1960, nationality: 'MA', category: 'returning_migrant' });

    const x = await newActivity(core, { title: 'X' });
    const y = await newActivity(core, { title: 'Y', completionThreshold: 50 });
    const z = await newActivity(core, { title: 'Z', theme: 'health', type: 'awareness_session' });
    const [s1, s2, s3, s4] = [
      await sessionOn(core, x.id, '2026-05-04'),
      await sessionOn(core, x.id, '2026-05-11'),
      await sessionOn(core, x.id, '2026-05-18'),
      await sessionOn(core, x.id, '2026-05-25'),
    ];
    const [t1, t2] = [await sessionOn(core, y.id, '2026-04-06'), await sessionOn(core, y.id, '2026-04-13')];
    const u1 = await sessionOn(core, z.id, '2026-05-05');
    await sessionOn(core, x.id, '2026-06-08'); // to come: not held

    await core.must('registrations.add', { activityId: x.id, beneficiaryIds: [awa.id, fatima.id, moussa.id, youssef.id] });
    await core.must('registrations.add', { activityId: y.id, beneficiaryIds: [awa.id, moussa.id, fatima.id] });
    await core.must('registrations.add', { activityId: z.id, beneficiaryIds: [fatima.id] });

    await mark(core, s1.id, { [awa.id]: 'present', [fatima.id]: 'present', [moussa.id]: 'present', [youssef.id]: 'absent' });
    await mark(core, s2.id, { [awa.id]: 'present', [fatima.id]: 'present', [moussa.id]: 'absent', [youssef.id]: 'present' });
    await mark(core, s3.id, { [awa.id]: 'present', [fatima.id]: 'excused', [moussa.id]: 'absent', [youssef.id]: 'absent' });
    await mark(core, s4.id, { [awa.id]: 'present', [fatima.id]: 'present', [moussa.id]: 'present', [youssef.id]: 'absent' });
    const kid: BeneficiaryInput = {
      sex: 'male',
      birthYear: 2016,
      birthYearEstimated: true,
      nationality: 'CI',
      category: 'refugee',
      initials: 'KB',
      consent: null,
      personal: null,
    };
    await core.must('registrations.walkIn', { activityId: x.id, beneficiary: kid, presentAt: s4.id });
    await mark(core, t1.id, { [awa.id]: 'present', [moussa.id]: 'present' });
    await mark(core, t2.id, { [moussa.id]: 'present', [fatima.id]: 'absent' });
    await mark(core, u1.id, { [fatima.id]: 'present' });
    return { core, x, y, z };
  }

  /** [uniqueParticipants, presences, averageAttendance, participations, completed, completionRate] */
  type Line = [number, number, number, number, number, number | null];
  const line = (f: StatisticsFigures): Line => [
    f.uniqueParticipants,
    f.presences,
    Math.round(f.averageAttendance * 10_000) / 10_000,
    f.participations,
    f.completed,
    f.completionRate === null ? null : Math.round(f.completionRate * 10_000) / 10_000,
  ];
  const lines = (groups: (StatisticsFigures & { key: string })[]) => Object.fromEntries(groups.map((g) => [g.key, line(g)]));

  it('one activity, disaggregated by sex, age band, category and nationality', async () => {
    const { core, x } = await scenario();
    const stats = await core.must('activities.statistics', { activityId: x.id });
    expect(stats.activities).toBe(1);
    expect(stats.sessionsHeld).toBe(4);
    // 11 presences over 4 sessions; Awa (4/4) and Fatima (3/4) completed, of 5 participants.
    expect(line(stats.total)).toEqual([5, 11, 2.75, 5, 2, 0.4]);
    expect(lines(stats.bySex)).toEqual({
      female: [2, 7, 1.75, 2, 2, 1],
      male: [3, 4, 1, 3, 0, 0],
    });
    expect(stats.byAgeBand.map((g) => g.key)).toEqual(['0-14', '15-17', '18-29', '30-59', '60+']);
    expect(lines(stats.byAgeBand)).toEqual({
      '0-14': [1, 1, 0.25, 1, 0, 0], // KB, 10
      '15-17': [1, 4, 1, 1, 1, 1], // Awa, 16
      '18-29': [1, 2, 0.5, 1, 0, 0], // Moussa, 26
      '30-59': [1, 3, 0.75, 1, 1, 1], // Fatima, 30
      '60+': [1, 1, 0.25, 1, 0, 0], // Youssef, 66
    });
    expect(stats.byCategory.map((g) => g.key)).toEqual(['subsaharan_migrant', 'refugee', 'returning_migrant', 'vulnerable_woman']);
    expect(lines(stats.byCategory)).toEqual({
      subsaharan_migrant: [2, 6, 1.5, 2, 1, 0.5],
      refugee: [1, 1, 0.25, 1, 0, 0],
      returning_migrant: [1, 1, 0.25, 1, 0, 0],
      vulnerable_woman: [1, 3, 0.75, 1, 1, 1],
    });
    expect(stats.byNationality.map((g) => g.key)).toEqual(['MA', 'CI', 'ML', 'SN']);
    expect(lines(stats.byNationality)).toEqual({
      MA: [2, 4, 1, 2, 1, 0.5],
      CI: [1, 1, 0.25, 1, 0, 0],
      ML: [1, 2, 0.5, 1, 0, 0],
      SN: [1, 4, 1, 1, 1, 1],
    });
  });

  it('a theme across activities', async () => {
    const { core } = await scenario();
    const stats = await core.must('activities.statistics', { theme: 'employability' });
    expect(stats.activities).toBe(2);
    expect(stats.sessionsHeld).toBe(6); // 4 + 2
    // 11 + 3 presences; 5 + 2 participations; X: Awa, Fatima; Y (50 %): Awa 1/2, Moussa 2/2.
    expect(line(stats.total)).toEqual([5, 14, 2.3333, 7, 4, 0.5714]);
    expect(lines(stats.bySex)).toEqual({
      female: [2, 8, 1.3333, 3, 3, 1], // Awa 4+1, Fatima 3 (absent in Y: not a participation)
      male: [3, 6, 1, 4, 1, 0.25], // Moussa 2+2 (completed Y), Youssef 1, KB 1
    });
    expect(lines(stats.byNationality)).toMatchObject({ ML: [1, 4, 0.6667, 2, 1, 0.5], SN: [1, 5, 0.8333, 2, 2, 1] });
  });

  it('a date range: sessions in the period, completion judged on the whole activity', async () => {
    const { core } = await scenario();
    const may = await core.must('activities.statistics', { from: '2026-05-01', to: '2026-05-31' });
    expect(may.activities).toBe(2); // X and Z; Y was in April
    expect(may.sessionsHeld).toBe(5);
    expect(line(may.total)).toEqual([5, 12, 2.4, 6, 3, 0.5]);

    const lateMay = await core.must('activities.statistics', { from: '2026-05-11', to: '2026-06-30' });
    expect(lateMay.activities).toBe(1);
    expect(lateMay.sessionsHeld).toBe(3); // S2, S3, S4 (the June session is not held)
    // S2: Awa, Fatima, Youssef; S3: Awa; S4: Awa, Fatima, Moussa, KB. Awa and Fatima completed X.
    expect(line(lateMay.total)).toEqual([5, 8, 2.6667, 5, 2, 0.4]);

    const nothing = await core.must('activities.statistics', { from: '2025-01-01', to: '2025-12-31' });
    expect(nothing).toMatchObject({ activities: 0, sessionsHeld: 0 });
    expect(line(nothing.total)).toEqual([0, 0, 0, 0, 0, null]);
    expect(nothing.bySex.map((g) => g.key)).toEqual(['female', 'male']);

    await expectFailure(core.call('activities.statistics', { from: '2026-06-01', to: '2026-05-01' }), 'invalid_input', { to: 'end_before_start' });
    await expectFailure(core.call('activities.statistics', { activityId: 'x', theme: 'health' }), 'invalid_input', { theme: 'activity_or_theme' });
    await expectFailure(core.call('activities.statistics', { activityId: 'no-such-activity' }), 'not_found');
  });

  it('a theme over a period: both filters together', async () => {
    const { core } = await scenario();
    // Employability from 11 May: only X (Y was in April); S2, S3, S4 held. Ages at the first presence in scope (2026).
    const stats = await core.must('activities.statistics', { theme: 'employability', from: '2026-05-11', to: '2026-06-30' });
    expect(stats).toMatchObject({ activities: 1, sessionsHeld: 3 });
    expect(line(stats.total)).toEqual([5, 8, 2.6667, 5, 2, 0.4]);
    expect(lines(stats.bySex)).toEqual({
      female: [2, 5, 1.6667, 2, 2, 1], // Awa 3, Fatima 2: both completed X
      male: [3, 3, 1, 3, 0, 0], // Youssef, Moussa, KB: one each
    });
    expect(lines(stats.byAgeBand)).toEqual({
      '0-14': [1, 1, 0.3333, 1, 0, 0],
      '15-17': [1, 3, 1, 1, 1, 1],
      '18-29': [1, 1, 0.3333, 1, 0, 0],
      '30-59': [1, 2, 0.6667, 1, 1, 1],
      '60+': [1, 1, 0.3333, 1, 0, 0],
    });
    expect(lines(stats.byCategory)).toEqual({
      subsaharan_migrant: [2, 4, 1.3333, 2, 1, 0.5],
      vulnerable_woman: [1, 2, 0.6667, 1, 1, 1],
      refugee: [1, 1, 0.3333, 1, 0, 0],
      returning_migrant: [1, 1, 0.3333, 1, 0, 0],
    });

    // Health in May: Z alone, Fatima present at its only session.
    const health = await core.must('activities.statistics', { theme: 'health', from: '2026-05-01', to: '2026-05-31' });
    expect(health).toMatchObject({ activities: 1, sessionsHeld: 1 });
    expect(line(health.total)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(lines(health.byNationality)).toEqual({ MA: [1, 1, 1, 1, 1, 1] });
  });

  it('all activities at once, and a period that cuts one of them: the same figures whichever way they are read', async () => {
    const { core } = await scenario();
    // Every activity in scope: participations are read person by person (see activityStatistics).
    const all = await core.must('activities.statistics', {});
    expect(all).toMatchObject({ activities: 3, sessionsHeld: 7 });
    // Awa X 4 + Y 1, both completed; Fatima X 3 + Z 1, both; Moussa X 2 + Y 2, Y completed; Youssef 1; KB 1.
    expect(line(all.total)).toEqual([5, 15, 2.1429, 8, 5, 0.625]);
    expect(lines(all.bySex)).toEqual({
      female: [2, 9, 1.2857, 4, 4, 1],
      male: [3, 6, 0.8571, 4, 1, 0.25],
    });
    expect(lines(all.byAgeBand)).toEqual({
      '0-14': [1, 1, 0.1429, 1, 0, 0],
      '15-17': [1, 5, 0.7143, 2, 2, 1],
      '18-29': [1, 4, 0.5714, 2, 1, 0.5],
      '30-59': [1, 4, 0.5714, 2, 2, 1],
      '60+': [1, 1, 0.1429, 1, 0, 0],
    });
    expect(all.byCategory.map((g) => g.key)).toEqual(['subsaharan_migrant', 'refugee', 'returning_migrant', 'vulnerable_woman']);
    expect(lines(all.byCategory)).toEqual({
      subsaharan_migrant: [2, 9, 1.2857, 4, 3, 0.75],
      refugee: [1, 1, 0.1429, 1, 0, 0],
      returning_migrant: [1, 1, 0.1429, 1, 0, 0],
      vulnerable_woman: [1, 4, 0.5714, 2, 2, 1],
    });
    expect(lines(all.byNationality)).toEqual({
      MA: [2, 5, 0.7143, 3, 2, 0.6667],
      CI: [1, 1, 0.1429, 1, 0, 0],
      ML: [1, 4, 0.5714, 2, 1, 0.5],
      SN: [1, 5, 0.7143, 2, 2, 1],
    });

    // From 13 April: X and Z whole, Y cut (T2 only). Awa's only presence in Y (T1) falls before:
    // Y is not one of her participations. Moussa is present at T2 and completed Y on both sessions.
    const cut = await core.must('activities.statistics', { from: '2026-04-13', to: '2026-05-31' });
    expect(cut).toMatchObject({ activities: 3, sessionsHeld: 6 });
    expect(line(cut.total)).toEqual([5, 13, 2.1667, 7, 4, 0.5714]);
    expect(lines(cut.bySex)).toEqual({
      female: [2, 8, 1.3333, 3, 3, 1], // Awa X 4; Fatima X 3 + Z 1
      male: [3, 5, 0.8333, 4, 1, 0.25], // Moussa X 2 + Y 1 (completed Y); Youssef 1; KB 1
    });
    expect(lines(cut.byNationality)).toEqual({
      MA: [2, 5, 0.8333, 3, 2, 0.6667],
      CI: [1, 1, 0.1667, 1, 0, 0],
      ML: [1, 3, 0.5, 2, 1, 0.5],
      SN: [1, 4, 0.6667, 1, 1, 1],
    });

    // The same cut on employability alone (two activities of three: read activity by activity).
    const cutTheme = await core.must('activities.statistics', { theme: 'employability', from: '2026-04-13', to: '2026-05-31' });
    expect(cutTheme).toMatchObject({ activities: 2, sessionsHeld: 5 });
    expect(line(cutTheme.total)).toEqual([5, 12, 2.4, 6, 3, 0.5]);
    expect(lines(cutTheme.bySex)).toEqual({
      female: [2, 7, 1.4, 2, 2, 1],
      male: [3, 5, 1, 4, 1, 0.25],
    });
  });

  it('follows the age bands of the settings', async () => {
    const { core, x } = await scenario();
    await core.must('settings.update', { statisticsAgeBands: [0, 18, 60] });
    const stats = await core.must('activities.statistics', { activityId: x.id });
    expect(stats.byAgeBand.map((g) => [g.key, g.uniqueParticipants])).toEqual([
      ['0-17', 2],
      ['18-59', 2],
      ['60+', 1],
    ]);
    expect(ageBandLabels([0, 15, 18, 30, 60])).toEqual(['0-14', '15-17', '18-29', '30-59', '60+']);
    expect([-1, 0, 14, 15, 17, 18, 59, 60, 99].map((age) => ageBandIndex([0, 15, 18, 30, 60], age))).toEqual([0, 0, 0, 1, 1, 2, 3, 4, 4]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('merging two records of the same person', () => {
  it('keeps their attendance and registrations; where both were marked, one row stays with the fuller status', async () => {
    const { core } = await signedInFile();
    const survivor = await newPerson(core, 'Mariam', { birthYear: 1990 });
    const merged = await newPerson(core, 'Maryam', { birthYear: 1990 });
    const other = await newPerson(core, 'Other');
    const x = await newActivity(core, { title: 'X' });
    const y = await newActivity(core, { title: 'Y', theme: 'health' });
    const [s1, s2, s3] = [await sessionOn(core, x.id, '2026-05-04'), await sessionOn(core, x.id, '2026-05-11'), await sessionOn(core, x.id, '2026-05-18')];
    const t1 = await sessionOn(core, y.id, '2026-05-05');
    await core.must('registrations.add', { activityId: x.id, beneficiaryIds: [survivor.id, other.id, merged.id] });
    await core.must('registrations.add', { activityId: y.id, beneficiaryIds: [merged.id] });
    await mark(core, s1.id, { [survivor.id]: 'present', [other.id]: 'present' });
    await mark(core, s2.id, { [merged.id]: 'present', [other.id]: 'absent' });
    await mark(core, s3.id, { [survivor.id]: 'absent', [merged.id]: 'present', [other.id]: 'present' });
    await mark(core, t1.id, { [merged.id]: 'excused' });

    await core.must('beneficiaries.merge', { survivorId: survivor.id, mergedId: merged.id });

    const registrations = await core.must('registrations.list', { activityId: x.id });
    expect(registrations.rows.map((r) => [r.beneficiaryId, r.presentCount])).toEqual([
      [survivor.id, 3],
      [other.id, 2],
    ]);
    for (const s of [s1, s2, s3]) {
      const sheet = await core.must('attendance.get', { sessionId: s.id });
      expect(sheet.rows.find((r) => r.beneficiaryId === survivor.id)?.status).toBe('present');
      expect(sheet.rows.some((r) => r.beneficiaryId === merged.id)).toBe(false);
    }
    const inY = await core.must('attendance.get', { sessionId: t1.id });
    expect(inY.rows.map((r) => [r.beneficiaryId, r.status])).toEqual([[survivor.id, 'excused']]);
    expect((await core.must('activities.statistics', { activityId: x.id })).total.uniqueParticipants).toBe(2);
  });
});

describe('the counts kept by triggers', () => {
  it('follow every change: marks, changed marks, a session moved, a merge', async () => {
    const { core, path, presidentId } = await signedInFile();
    const [a, b, c] = [await newPerson(core, 'Alpha'), await newPerson(core, 'Beta'), await newPerson(core, 'Gamma')];
    const x = await newActivity(core);
    const y = await newActivity(core, { title: 'Même thème' });
    const xs = [await sessionOn(core, x.id, '2026-05-04'), await sessionOn(core, x.id, '2026-05-11'), await sessionOn(core, x.id, '2026-05-18')];
    const ys = [await sessionOn(core, y.id, '2026-05-05'), await sessionOn(core, y.id, '2026-05-12')];
    await core.must('registrations.add', { activityId: x.id, beneficiaryIds: [a.id, b.id, c.id] });
    await core.must('registrations.add', { activityId: y.id, beneficiaryIds: [b.id, c.id] });
    await mark(core, xs[0].id, { [a.id]: 'present', [b.id]: 'present', [c.id]: 'absent' });
    await mark(core, xs[1].id, { [a.id]: 'excused', [b.id]: 'present', [c.id]: 'present' });
    await core.must('attendance.markAllPresent', { sessionId: xs[2].id });
    await mark(core, xs[2].id, { [b.id]: 'absent' }); // present → absent
    await mark(core, xs[0].id, { [c.id]: 'present' }); // absent → present
    await mark(core, ys[0].id, { [b.id]: 'present', [c.id]: 'present' });
    await mark(core, ys[1].id, { [b.id]: 'present', [c.id]: 'excused' });
    await core.must('sessions.save', { id: xs[0].id, activityId: x.id, date: '2026-04-27', startTime: '10:00', endTime: '12:00' });
    await core.must('beneficiaries.merge', { survivorId: c.id, mergedId: b.id });

    const key = await databaseKey(path, presidentId, PRESIDENT_PASSWORD);
    withDb(path, key, (db) => {
      const kept = db.prepare('SELECT * FROM participations ORDER BY activity_id, beneficiary_id').all();
      const recounted = db
        .prepare(
          `SELECT s.activity_id, a.beneficiary_id, count(*) AS presences, min(s.date) AS first_present_on, max(s.date) AS last_present_on
           FROM attendance a JOIN activity_sessions s ON s.id = a.session_id WHERE a.status = 'present'
           GROUP BY 1, 2 ORDER BY 1, 2`,
        )
        .all();
      expect(kept).toEqual(recounted);
      expect(kept.length).toBe(3); // x: Alpha, Gamma; y: Gamma — Beta, merged into Gamma, has none left
      const counts = db
        .prepare(
          `SELECT id, present_count, (SELECT count(*) FROM attendance a WHERE a.session_id = s.id AND a.status = 'present') AS actual
           FROM activity_sessions s`,
        )
        .all() as { present_count: number; actual: number }[];
      for (const row of counts) expect(row.present_count).toBe(row.actual);
    });
    expect(await core.must('activities.repeatCheck', { activityId: x.id, beneficiaryId: c.id })).toMatchObject({ count: 1 });
    const inX = (await core.must('registrations.list', { activityId: x.id })).rows.map((r) => [r.displayName, r.presentCount]);
    expect(inX).toEqual([
      ['Alpha Test', 2],
      ['Gamma Test', 3], // 27 April (was Beta's too), 11 May, 18 May
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('the demo file', () => {
  it('has activities across themes with past attendance, and people who trigger the repeat alert', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    await signedInToDemo(core);

    const { rows } = await core.must('activities.list', {});
    expect(rows.length).toBeGreaterThanOrEqual(8);
    expect(new Set(rows.map((r) => r.theme)).size).toBeGreaterThanOrEqual(7);
    const today = new Date().toISOString().slice(0, 10);
    // Trainings and workshops run over several sessions; a general assembly (the members' demo) sits once.
    for (const r of rows.filter((a) => a.lastSessionDate && a.lastSessionDate < today && a.type !== 'general_assembly')) {
      expect(r.sessionCount).toBeGreaterThanOrEqual(3);
      expect(r.sessionCount).toBeLessThanOrEqual(10);
      expect(r.sessionsHeld).toBeGreaterThan(0);
    }
    const stats = await core.must('activities.statistics', {});
    expect(stats.total.uniqueParticipants).toBeGreaterThan(40);

    // The coming cycle on radicalisation prevention: someone who followed the first two gets the alert.
    const upcoming = rows.find((r) => r.theme === 'radicalisation_prevention' && r.sessionsHeld === 0)!;
    const cycle2 = rows.find((r) => r.theme === 'radicalisation_prevention' && r.title.includes('cycle 2'))!;
    const candidates = (await core.must('registrations.list', { activityId: cycle2.id })).rows;
    const checks = await Promise.all(
      candidates.map((c) => core.must('activities.repeatCheck', { activityId: upcoming.id, beneficiaryId: c.beneficiaryId })),
    );
    expect(checks.filter((c) => c.alert).length).toBeGreaterThan(0);

    // Its sheets carry the association's logo and two funders'.
    const logos = await core.must('logos.list', {});
    expect(logos.association?.mime).toBe('image/png');
    expect(logos.funders.map((l) => l.fileName)).toEqual(['bailleur-1.png', 'bailleur-2.png']);
    core.close();
  });
});
