import { describe, expect, it } from 'vitest';
import { type IndicatorReport, type OpInput, type ReportTable } from '../../electron/contract';
import { person } from './builders';
import {
  auditRows,
  createdFile,
  databaseKey,
  expectFailure,
  PRESIDENT_PASSWORD,
  signedInToDemo,
  staffCore,
  testCore,
  type TestCore,
  useTempDir,
  withDb,
} from './helpers';

const tempDir = useTempDir();

/** The suite's "today": Monday 1 June 2026. */
const NOW = () => new Date('2026-06-01T09:00:00.000Z');
const PERIOD = { from: '2026-01-01', to: '2026-12-31' };

async function signedInFile() {
  const dir = tempDir();
  const core = testCore(dir, NOW);
  const { session } = await createdFile(core, dir);
  return { core, dir, path: session.path, presidentId: session.user.id };
}

async function countOnlySession(core: TestCore, date = '2026-05-12') {
  const activity = await core.must('activities.save', { title: 'Sensibilisation au collège Ibn Sina', type: 'awareness_session', theme: 'health' });
  const session = await core.must('sessions.save', { activityId: activity.id, date, startTime: '09:00', endTime: '11:00' });
  await core.must('sessions.setCountOnly', { sessionId: session.id, countOnly: true });
  return { activity, session };
}

/** "17 girls, 15 boys aged 15-17" in the default bands. */
const SCHOOL_COUNTS: OpInput<'attendance.saveCounts'>['counts'] = [
  { sex: 'female', ageBand: '15-17', count: 17 },
  { sex: 'male', ageBand: '15-17', count: 15 },
];

const tableOf = (report: IndicatorReport, id: string): ReportTable | undefined => report.sections.flatMap((s) => s.tables).find((t) => t.id === id);
const valueOf = (t: ReportTable | undefined, label: string) => t?.rows.find((r) => r[0] === label)?.[1];
const storedCounts = async (path: string, userId: string) =>
  withDb(path, await databaseKey(path, userId, PRESIDENT_PASSWORD), (db) =>
    db.prepare('SELECT sex, age_band, count FROM session_head_counts ORDER BY age_band, sex').all(),
  );

describe('count-only sessions', () => {
  it('stores counts by sex and age band with the place, and shows them back in band order', async () => {
    const { core, path, presidentId } = await signedInFile();
    const { session } = await countOnlySession(core);
    const saved = await core.must('attendance.saveCounts', { sessionId: session.id, place: 'Collège Ibn Sina, Oujda', counts: SCHOOL_COUNTS });
    expect(saved).toMatchObject({ countOnly: true, total: 32, place: 'Collège Ibn Sina, Oujda', ageBands: ['0-14', '15-17', '18-29', '30-59', '60+'] });
    expect(await storedCounts(path, presidentId)).toEqual([
      { sex: 'female', age_band: '15-17', count: 17 },
      { sex: 'male', age_band: '15-17', count: 15 },
    ]);
    expect((await core.must('attendance.counts', { sessionId: session.id })).counts).toEqual(SCHOOL_COUNTS);
    const [listed] = (await core.must('activities.list', {})).rows;
    expect(listed).toMatchObject({ sessionCount: 1, sessionsHeld: 1 });
  });

  it('refuses a negative or fractional count at its field and writes nothing', async () => {
    const { core, path, presidentId } = await signedInFile();
    const { session } = await countOnlySession(core);
    await core.must('attendance.saveCounts', { sessionId: session.id, counts: SCHOOL_COUNTS });
    const auditBefore = withDb(path, await databaseKey(path, presidentId, PRESIDENT_PASSWORD), (db) => auditRows(db).length);
    await expectFailure(
      core.call('attendance.saveCounts', {
        sessionId: session.id,
        counts: [
          { sex: 'female', ageBand: '15-17', count: -3 },
          { sex: 'male', ageBand: '15-17', count: 2.5 },
        ],
      }),
      'invalid_input',
      { 'counts.0.count': 'too_small', 'counts.1.count': 'invalid_type' },
    );
    await expectFailure(
      core.call('attendance.saveCounts', { sessionId: session.id, counts: [{ sex: 'female', ageBand: '13-16', count: 4 }] }),
      'invalid_input',
      { 'counts.0.count': 'unknown_age_band' },
    );
    expect(await storedCounts(path, presidentId)).toHaveLength(2);
    expect(withDb(path, await databaseKey(path, presidentId, PRESIDENT_PASSWORD), (db) => auditRows(db).length)).toBe(auditBefore);
  });

  it('is either named or count-only: switching is refused once the other kind is recorded', async () => {
    const { core } = await signedInFile();
    const { activity, session } = await countOnlySession(core);
    await core.must('attendance.saveCounts', { sessionId: session.id, counts: SCHOOL_COUNTS });
    await expectFailure(core.call('sessions.setCountOnly', { sessionId: session.id, countOnly: false }), 'session_has_counts');

    const amina = await core.must('beneficiaries.create', person({ firstName: 'Amina', lastName: 'Test', phones: [] }));
    await core.must('registrations.add', { activityId: activity.id, beneficiaryIds: [amina.id] });
    await expectFailure(core.call('attendance.mark', { sessionId: session.id, marks: [{ beneficiaryId: amina.id, status: 'present' }] }), 'count_only_session');

    const named = await core.must('sessions.save', { activityId: activity.id, date: '2026-05-19', startTime: '09:00', endTime: '11:00' });
    await core.must('attendance.mark', { sessionId: named.id, marks: [{ beneficiaryId: amina.id, status: 'present' }] });
    await expectFailure(core.call('sessions.setCountOnly', { sessionId: named.id, countOnly: true }), 'session_has_names');
    await expectFailure(core.call('attendance.saveCounts', { sessionId: named.id, counts: SCHOOL_COUNTS }), 'not_count_only');
    await expectFailure(core.call('sessions.delete', { id: session.id }), 'has_attendance');
  });

  it('counts in participations and presences, never in people reached, with its note and definition', async () => {
    const { core } = await signedInFile();
    const { activity } = await countOnlySession(core);
    const [session] = (await core.must('activities.get', { id: activity.id })).sessions;
    // Six named people: more than the small-group threshold, so that every figure is printed.
    const people = [];
    for (const firstName of ['Amina', 'Awa', 'Fatima', 'Mariam', 'Salma', 'Yasmine']) {
      people.push(await core.must('beneficiaries.create', person({ firstName, lastName: 'Test', phones: [] })));
    }
    await core.must('registrations.add', { activityId: activity.id, beneficiaryIds: people.map((p) => p.id) });
    const named = await core.must('sessions.save', { activityId: activity.id, date: '2026-05-19', startTime: '09:00', endTime: '11:00' });
    await core.must('attendance.mark', { sessionId: named.id, marks: people.map((p) => ({ beneficiaryId: p.id, status: 'present' as const })) });

    const before = await core.must('reports.indicators', { ...PERIOD, locale: 'en' });
    expect(valueOf(tableOf(before, 'activities.summary'), 'Participations (person × activity)')).toBe(6);

    await core.must('attendance.saveCounts', { sessionId: session.id, counts: SCHOOL_COUNTS });
    const report = await core.must('reports.indicators', { ...PERIOD, locale: 'en' });
    const summary = tableOf(report, 'activities.summary');
    expect(valueOf(summary, 'Participations (person × activity, plus counted attendance)')).toBe(38);
    expect(valueOf(summary, 'Presences (including counted attendance)')).toBe(38);
    expect(valueOf(summary, 'of which counted without names (not distinct)')).toBe(32);
    expect(valueOf(summary, 'Distinct participants')).toBe(6);
    expect(valueOf(tableOf(report, 'reached.summary'), 'People reached')).toBe(6);
    expect(report.sections.find((s) => s.id === 'activities')?.notes).toContain(
      'Presences and participations include 32 attendances counted without names, at 1 sessions: they are not distinct people and are not in people reached.',
    );
    expect(report.definitions.map((d) => d.term)).toContain('Counted attendance');
    expect(tableOf(report, 'activities.countOnly')?.rows).toEqual([['15-17', 17, 15, 32]]);
  });

  it('hides a small group of the counted breakdown, and a second cell so that it cannot be subtracted back', async () => {
    const { core } = await signedInFile();
    const { session } = await countOnlySession(core);
    await core.must('attendance.saveCounts', {
      sessionId: session.id,
      counts: [
        { sex: 'female', ageBand: '15-17', count: 17 },
        { sex: 'male', ageBand: '15-17', count: 3 },
        { sex: 'male', ageBand: '0-14', count: 12 },
      ],
    });
    const report = await core.must('reports.indicators', { ...PERIOD, locale: 'en' });
    const rows = tableOf(report, 'activities.countOnly')?.rows;
    expect(rows?.find((r) => r[0] === '15-17')?.[2]).toBe('< 5');
    expect(rows?.flat().filter((cell) => cell === '< 5').length).toBeGreaterThan(1);
  });
});

describe('the outreach log', () => {
  const outing = (more: Partial<OpInput<'outreach.save'>> = {}): OpInput<'outreach.save'> => ({
    date: '2026-04-10',
    neighbourhood: 'Hay Al Qods',
    agentName: 'Youssef (bénévole)',
    informedFemale: 12,
    informedMale: 9,
    topics: ['health', 'schooling'],
    referrals: 3,
    referralsNote: 'Centre de santé Lazaret',
    ...more,
  });

  it('creates, edits, lists by period, archives and restores an outing', async () => {
    const { core, presidentId } = await signedInFile();
    const created = await core.must('outreach.save', outing());
    expect(created).toMatchObject({ agentLabel: 'Youssef (bénévole)', agentUserId: null, topics: ['health', 'schooling'], archivedAt: null });
    const byUser = await core.must('outreach.save', outing({ date: '2026-07-02', agentName: null, agentUserId: presidentId, informedFemale: 5, informedMale: 5 }));
    expect(byUser.agentLabel).toBe('Nadia Bennani');

    const edited = await core.must('outreach.save', { ...outing({ informedMale: 10 }), id: created.id });
    expect(edited.informedMale).toBe(10);

    const spring = await core.must('outreach.list', { from: '2026-04-01', to: '2026-06-30' });
    expect(spring.rows.map((r) => r.id)).toEqual([created.id]);
    expect(spring.totals).toEqual({ entries: 1, informedFemale: 12, informedMale: 10, referrals: 3 });
    expect((await core.must('outreach.list', {})).rows.map((r) => r.id)).toEqual([byUser.id, created.id]);

    await core.must('outreach.archive', { id: created.id });
    expect((await core.must('outreach.list', {})).rows.map((r) => r.id)).toEqual([byUser.id]);
    expect((await core.must('outreach.list', { archived: true })).rows.map((r) => r.id)).toEqual([created.id]);
    await core.must('outreach.restore', { id: created.id });
    expect((await core.must('outreach.list', {})).totals.entries).toBe(2);
  });

  it('refuses bad input at its field: a negative count, no agent, an unknown topic', async () => {
    const { core } = await signedInFile();
    await expectFailure(core.call('outreach.save', outing({ informedFemale: -1 })), 'invalid_input', { informedFemale: 'too_small' });
    await expectFailure(core.call('outreach.save', outing({ agentName: '  ' })), 'invalid_input', { agentName: 'agent_user_or_name' });
    await expectFailure(core.call('outreach.save', outing({ topics: ['astrology'] })), 'invalid_input', { 'topics.0': 'not_in_list' });
    expect((await core.must('outreach.list', {})).rows).toEqual([]);
  });

  it('lets a volunteer log outings and change their own, not anyone else’s; topics are the president’s list', async () => {
    const { core: president, dir, path } = await signedInFile();
    const samira = await staffCore(president, path, `${dir}/samira`, { displayName: 'Samira', role: 'volunteer', now: NOW });
    const own = await samira.must('outreach.save', outing());
    await samira.must('outreach.save', { ...outing({ referrals: 4 }), id: own.id });
    const theirs = await president.must('outreach.save', outing({ neighbourhood: 'Lazaret' }));
    await expectFailure(samira.call('outreach.save', { ...outing(), id: theirs.id }), 'forbidden');
    await expectFailure(samira.call('outreach.archive', { id: theirs.id }), 'forbidden');
    await president.must('outreach.archive', { id: own.id });
    await expectFailure(
      samira.call('lookups.save', { list: 'outreachTopic', code: 'housing', labels: { fr: 'Logement', ar: 'السكن', en: 'Housing' }, sensitive: false, archived: false }),
      'forbidden',
    );
    await president.must('lookups.save', { list: 'outreachTopic', code: 'housing', labels: { fr: 'Logement', ar: 'السكن', en: 'Housing' }, sensitive: false, archived: false });
    expect((await samira.must('outreach.save', outing({ topics: ['housing'] }))).topics).toEqual(['housing']);
  });

  it('shows outreach totals in the report as people informed, not distinct, and never as people reached', async () => {
    const { core } = await signedInFile();
    await core.must('outreach.save', outing());
    await core.must('outreach.save', outing({ date: '2026-05-03', informedFemale: 3, informedMale: 8, topics: ['health'], referrals: 0 }));
    await core.must('outreach.save', outing({ date: '2025-05-03' }));
    const report = await core.must('reports.indicators', { ...PERIOD, locale: 'en' });
    const outreach = tableOf(report, 'activities.outreach');
    expect(outreach?.rows).toEqual([
      ['Outreach outings', 2],
      ['People informed (not distinct)', 32],
      ['of whom women', 15],
      ['of whom men', 17],
      ['Referrals made', 3],
    ]);
    expect(tableOf(report, 'activities.outreachByTopic')?.rows).toEqual([
      ['Health', 2, 15, 17, 32],
      ["Children's schooling", 1, 12, 9, 21],
    ]);
    expect(valueOf(tableOf(report, 'reached.summary'), 'People reached')).toBe(0);
    expect(report.definitions.map((d) => d.term)).toContain('People informed (outreach)');
  });
});

describe('the demo association', () => {
  it('has a count-only school session and outreach outings, which its report counts as participations and people informed', async () => {
    const core = testCore(tempDir());
    await signedInToDemo(core);
    const [school] = (await core.must('activities.list', { query: 'collège Ibn Sina' })).rows;
    const { sessions } = await core.must('activities.get', { id: school.id });
    expect(sessions.map((s) => s.countOnly)).toEqual([true, true, true]);
    expect(school.sessionsHeld).toBe(3);
    expect((await core.must('attendance.counts', { sessionId: sessions[1].id })).total).toBe(32);
    const outings = await core.must('outreach.list', {});
    expect(outings.totals.entries).toBe(5);

    const today = new Date().toISOString().slice(0, 10);
    const report = await core.must('reports.indicators', { from: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`, to: today, locale: 'en' });
    expect(valueOf(tableOf(report, 'activities.summary'), 'of which counted without names (not distinct)')).toBe(92);
    expect(valueOf(tableOf(report, 'activities.outreach'), 'People informed (not distinct)')).toBe(outings.totals.informedFemale + outings.totals.informedMale);
  });
});
