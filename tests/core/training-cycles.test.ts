import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AttendanceStatus, BeneficiaryInput } from '../../electron/contract';
import { person } from './builders';
import { createdFile, expectFailure, PRESIDENT_PASSWORD, staffCore, testCore, useTempDir, type TestCore } from './helpers';

const tempDir = useTempDir();

/**
 * A cycle of three modules, each of two sessions of two hours, held in May 2026:
 * - Awa is present at every session: she completes the three modules;
 * - Binta misses both sessions of the third module: two modules completed;
 * - Chaima is registered in the first module and never came;
 * - a pseudonymous walk-in (initials KB) is present at every session of the first module.
 */
async function cycleFile() {
  const dir = tempDir();
  let now = '2026-06-01T09:00:00.000Z';
  const core = testCore(dir, () => new Date(now));
  const { session } = await createdFile(core, dir);
  const newPerson = (firstName: string, arabicName?: string) =>
    core.must('beneficiaries.create', person({ firstName, lastName: 'Sarr', phones: [], arabicName }));
  const awa = await newPerson('Awa', 'عوا سار');
  const binta = await newPerson('Binta');
  const chaima = await newPerson('Chaima');
  const modules = [];
  for (const [i, title] of ['Module 1 : se présenter', 'Module 2 : le CV', 'Module 3 : l’entretien'].entries()) {
    const activity = await core.must('activities.save', { title, type: 'training_module', theme: 'employability', completionThreshold: 100 });
    const sessions = [
      await core.must('sessions.save', { activityId: activity.id, date: `2026-05-0${2 * i + 1}`, startTime: '09:00', endTime: '11:00' }),
      await core.must('sessions.save', { activityId: activity.id, date: `2026-05-0${2 * i + 2}`, startTime: '14:00', endTime: '16:30' }),
    ];
    await core.must('registrations.add', { activityId: activity.id, beneficiaryIds: i === 0 ? [awa.id, binta.id, chaima.id] : [awa.id, binta.id] });
    const marks: Record<string, AttendanceStatus> = { [awa.id]: 'present', [binta.id]: i === 2 ? 'absent' : 'present' };
    for (const s of sessions) {
      await core.must('attendance.mark', { sessionId: s.id, marks: Object.entries(marks).map(([beneficiaryId, status]) => ({ beneficiaryId, status })) });
    }
    modules.push({ activity, sessions });
  }
  const anonymous: BeneficiaryInput = {
    sex: 'male',
    birthYear: 2001,
    birthYearEstimated: true,
    nationality: 'GN',
    category: 'subsaharan_migrant',
    initials: 'kb',
    consent: null,
    personal: null,
  };
  const walkIn = await core.must('registrations.walkIn', { activityId: modules[0].activity.id, beneficiary: anonymous, presentAt: modules[0].sessions[0].id });
  await core.must('attendance.mark', { sessionId: modules[0].sessions[1].id, marks: [{ beneficiaryId: walkIn.beneficiary.id, status: 'present' }] });
  const cycle = await core.must('cycles.save', { title: 'Parcours employabilité', activityIds: modules.map((m) => m.activity.id) });
  return {
    dir,
    core,
    path: session.path,
    cycle,
    modules,
    people: { awa, binta, chaima, kb: walkIn.beneficiary },
    /** Months later: the session locked itself meanwhile, the president signs in again. */
    async jumpTo(iso: string) {
      now = iso;
      await core.must('file.open', { path: session.path, userId: session.user.id, password: PRESIDENT_PASSWORD });
    },
  };
}

const completion = (core: TestCore, cycleId: string, beneficiaryIds: string[]) =>
  core.call('certificates.issue', { subject: 'cycle', subjectId: cycleId, kind: 'completion', beneficiaryIds });

describe('training cycles', () => {
  it('compute each person’s completion of every module by its own rule, and of the cycle by the cycle’s rule', async () => {
    const { core, cycle, modules, people } = await cycleFile();
    const detail = await core.must('cycles.get', { id: cycle.id });
    expect(detail.modules.map((m) => [m.title, m.sessionsHeld, m.firstSessionDate, m.lastSessionDate])).toEqual([
      ['Module 1 : se présenter', 2, '2026-05-01', '2026-05-02'],
      ['Module 2 : le CV', 2, '2026-05-03', '2026-05-04'],
      ['Module 3 : l’entretien', 2, '2026-05-05', '2026-05-06'],
    ]);
    expect(detail.modulesRequired).toBe(3);
    const summary = detail.participants.map((p) => [p.displayName, p.modules.map((m) => m.completed), p.completedModules, p.completed, p.attended]);
    expect(summary).toEqual([
      ['Awa Sarr', [true, true, true], 3, true, true],
      ['Binta Sarr', [true, true, false], 2, false, true],
      ['Chaima Sarr', [false, false, false], 0, false, false],
      ['KB', [true, false, false], 1, false, true],
    ]);
    expect(detail.participants.find((p) => p.beneficiaryId === people.chaima.id)?.modules.map((m) => m.registered)).toEqual([true, false, false]);

    // Two modules out of three are enough once the cycle says so.
    await core.must('cycles.save', { id: cycle.id, title: cycle.title, activityIds: cycle.activityIds, requiredModules: 2 });
    const relaxed = await core.must('cycles.get', { id: cycle.id });
    expect(relaxed.participants.filter((p) => p.completed).map((p) => p.displayName)).toEqual(['Awa Sarr', 'Binta Sarr']);
    expect(await core.must('cycles.list', {})).toEqual([expect.objectContaining({ id: cycle.id, participantCount: 4, completedCount: 2 })]);

    // A module's own threshold decides: at 50 %, Binta's one absence of two no longer costs her the third module.
    await core.must('activities.save', { id: modules[2].activity.id, title: modules[2].activity.title, type: 'training_module', theme: 'employability', completionThreshold: 50 });
    await core.must('attendance.mark', { sessionId: modules[2].sessions[0].id, marks: [{ beneficiaryId: people.binta.id, status: 'present' }] });
    const afterCorrection = await core.must('cycles.get', { id: cycle.id });
    expect(afterCorrection.participants.find((p) => p.beneficiaryId === people.binta.id)).toMatchObject({ completedModules: 3, completed: true });
  });

  it('refuse bad input at its field and change nothing', async () => {
    const { core, cycle, modules } = await cycleFile();
    const ids = modules.map((m) => m.activity.id);
    await expectFailure(core.call('cycles.save', { title: '  ', activityIds: ids }), 'invalid_input', { title: 'too_small' });
    await expectFailure(core.call('cycles.save', { title: 'Cycle', activityIds: [ids[0], ids[0]] }), 'invalid_input', { activityIds: 'duplicate' });
    await expectFailure(core.call('cycles.save', { title: 'Cycle', activityIds: ids, requiredModules: 4 }), 'invalid_input', {
      requiredModules: 'above_module_count',
    });
    await expectFailure(core.call('cycles.save', { title: 'Cycle', activityIds: [ids[0], 'no-such-activity'] }), 'not_found', { 'activityIds.1': 'not_found' });
    await expectFailure(core.call('cycles.save', { title: 'Cycle', activityIds: [] }), 'invalid_input', { activityIds: 'too_small' });
    await expectFailure(core.call('cycles.save', { id: 'nope', title: 'Cycle', activityIds: ids }), 'not_found');
    expect((await core.must('cycles.list', {})).map((c) => c.id)).toEqual([cycle.id]);
    await expectFailure(core.call('certificates.issue', { subject: 'cycle', subjectId: cycle.id, kind: 'completion', beneficiaryIds: [] }), 'invalid_input', {
      beneficiaryIds: 'too_small',
    });
    await expectFailure(core.call('certificates.issue', { subject: 'cycle', subjectId: 'nope', kind: 'completion', beneficiaryIds: ['x'] }), 'not_found');
  });

  it('are archived and restored, the archived ones listed apart', async () => {
    const { core, cycle } = await cycleFile();
    await core.must('cycles.archive', { id: cycle.id });
    expect(await core.must('cycles.list', {})).toEqual([]);
    expect((await core.must('cycles.list', { archived: true })).map((c) => c.id)).toEqual([cycle.id]);
    expect(await core.must('cycles.restore', { id: cycle.id })).toMatchObject({ archivedAt: null });
  });
});

describe('certificates', () => {
  it('are numbered per year for the people who completed, and a reprint keeps its number and date', async () => {
    const { core, cycle, modules, people, jumpTo } = await cycleFile();
    // Binta did not complete the cycle, Chaima never came: the whole batch is refused and nothing is numbered.
    await expectFailure(completion(core, cycle.id, [people.awa.id, people.binta.id, people.chaima.id]), 'not_completed', {
      'beneficiaryIds.1': 'not_completed',
      'beneficiaryIds.2': 'not_completed',
    });
    const first = await core.must('certificates.issue', { subject: 'cycle', subjectId: cycle.id, kind: 'completion', beneficiaryIds: [people.awa.id] });
    expect(first.certificates).toEqual([
      {
        reference: 'CERT-2026-00001',
        kind: 'completion',
        issuedOn: '2026-06-01',
        person: { beneficiaryId: people.awa.id, displayName: 'Awa Sarr', arabicName: 'عوا سار' },
        subject: 'cycle',
        title: 'Parcours employabilité',
        course: { title: 'Parcours employabilité', firstPresentOn: '2026-05-01', lastPresentOn: '2026-05-06', minutes: 3 * 270 },
        modules: [
          { title: 'Module 1 : se présenter', firstPresentOn: '2026-05-01', lastPresentOn: '2026-05-02', minutes: 270 },
          { title: 'Module 2 : le CV', firstPresentOn: '2026-05-03', lastPresentOn: '2026-05-04', minutes: 270 },
          { title: 'Module 3 : l’entretien', firstPresentOn: '2026-05-05', lastPresentOn: '2026-05-06', minutes: 270 },
        ],
      },
    ]);
    expect(first).toMatchObject({ association: { name: 'Association Amal', city: 'Oujda', logo: null }, president: 'Nadia Bennani' });

    await jumpTo('2026-09-15T10:00:00.000Z');
    const again = await core.must('certificates.issue', { subject: 'cycle', subjectId: cycle.id, kind: 'completion', beneficiaryIds: [people.awa.id] });
    expect(again.certificates[0]).toMatchObject({ reference: 'CERT-2026-00001', issuedOn: '2026-06-01' });

    // Participation: anyone present at least once; the next number of the year.
    const participation = await core.must('certificates.issue', {
      subject: 'cycle',
      subjectId: cycle.id,
      kind: 'participation',
      beneficiaryIds: [people.binta.id, people.awa.id],
    });
    expect(participation.certificates.map((c) => [c.person.displayName, c.reference, c.issuedOn, c.course.minutes])).toEqual([
      ['Binta Sarr', 'CERT-2026-00002', '2026-09-15', 2 * 270],
      ['Awa Sarr', 'CERT-2026-00003', '2026-09-15', 3 * 270],
    ]);
    await expectFailure(
      core.call('certificates.issue', { subject: 'cycle', subjectId: cycle.id, kind: 'participation', beneficiaryIds: [people.chaima.id] }),
      'not_attended',
      { 'beneficiaryIds.0': 'not_attended' },
    );
    // A pseudonymous record has no name to print; someone outside the activity is not in it.
    await expectFailure(
      core.call('certificates.issue', { subject: 'activity', subjectId: modules[0].activity.id, kind: 'completion', beneficiaryIds: [people.kb.id] }),
      'certificate_needs_name',
      { 'beneficiaryIds.0': 'certificate_needs_name' },
    );
    await expectFailure(
      core.call('certificates.issue', { subject: 'activity', subjectId: modules[1].activity.id, kind: 'participation', beneficiaryIds: [people.chaima.id] }),
      'not_registered',
      { 'beneficiaryIds.0': 'not_registered' },
    );

    // A new year starts again at 1; an activity's certificate covers that activity only.
    await jumpTo('2027-01-04T10:00:00.000Z');
    const module = await core.must('certificates.issue', { subject: 'activity', subjectId: modules[1].activity.id, kind: 'completion', beneficiaryIds: [people.binta.id] });
    expect(module.certificates[0]).toMatchObject({
      reference: 'CERT-2027-00001',
      subject: 'activity',
      title: 'Module 2 : le CV',
      course: { firstPresentOn: '2026-05-03', lastPresentOn: '2026-05-04', minutes: 270 },
      modules: [],
    });
    const detail = await core.must('cycles.get', { id: cycle.id });
    expect(detail.participants.map((p) => [p.displayName, p.certificates.completion, p.certificates.participation])).toEqual([
      ['Awa Sarr', 'CERT-2026-00001', 'CERT-2026-00003'],
      ['Binta Sarr', null, 'CERT-2026-00002'],
      ['Chaima Sarr', null, null],
      ['KB', null, null],
    ]);
  });

  it('are issued by the president only; a volunteer manages cycles', async () => {
    const { core, dir, path, cycle, people } = await cycleFile();
    const volunteer = await staffCore(core, path, join(dir, 'volunteer'), { displayName: 'Meryem', role: 'volunteer', now: () => new Date('2026-06-01T09:00:00.000Z') });
    await expectFailure(completion(volunteer, cycle.id, [people.awa.id]), 'forbidden');
    expect(await volunteer.must('cycles.save', { id: cycle.id, title: 'Parcours emploi', activityIds: cycle.activityIds })).toMatchObject({ title: 'Parcours emploi' });
    expect((await volunteer.must('cycles.get', { id: cycle.id })).participants[0].certificates.completion).toBeNull();
    expect((await completion(core, cycle.id, [people.awa.id])).ok).toBe(true);
  });
});
