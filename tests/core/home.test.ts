import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { person } from './builders';
import { createdFile, testCore, useTempDir, type TestCore } from './helpers';

const tempDir = useTempDir();

/** Monday 15 June 2026, mid-month, so "this month" has days behind it. */
const NOW = '2026-06-15T09:00:00.000Z';
const TODAY = '2026-06-15';
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

async function signedInFile() {
  const dir = tempDir();
  const core = testCore(dir, () => new Date(NOW));
  const { session } = await createdFile(core, dir);
  return { core, dir, presidentId: session.user.id };
}

const newPerson = (core: TestCore, firstName: string) => core.must('beneficiaries.create', person({ firstName, lastName: 'Test', phones: [] }));

const stepDue = (core: TestCore, beneficiaryId: string, nextStepDue: string, responsibleId?: string) =>
  core.must('procedures.save', {
    beneficiaryId,
    type: 'residence_card_application',
    status: 'in_progress',
    startedOn: '2026-05-01',
    nextStep: `Rendez-vous du ${nextStepDue}`,
    nextStepDue,
    responsibleId,
  });

describe('the home summary', () => {
  it('shows a new association its checklist with nothing done and every count at zero', async () => {
    const { core } = await signedInFile();
    const home = await core.must('home.summary', {});
    expect(home).toEqual({
      today: TODAY,
      myNextSteps: [],
      overdueNextSteps: 0,
      sessionsToday: [],
      sessionsTomorrow: [],
      notSeen: 0,
      peopleThisMonth: 0,
      newPeopleThisMonth: 0,
      activitiesThisMonth: 0,
      checklist: { peopleRecorded: false, usersAdded: false, logoSet: false, activityPlanned: false, backupFolderChosen: false },
    });
  });

  it('ticks each checklist item once the association has done it', async () => {
    const { core, dir } = await signedInFile();
    await newPerson(core, 'Awa');
    await core.must('users.create', { displayName: 'Meryem', role: 'volunteer', temporaryPassword: 'mot de passe provisoire 1' });
    await core.must('logos.add', { kind: 'association', fileName: 'logo.png', contentBase64: PNG });
    await core.must('activities.save', { title: 'Atelier CV', type: 'workshop', theme: 'employability' });
    await core.must('backups.setSecondFolder', { folder: join(dir, 'usb') });
    expect((await core.must('home.summary', {})).checklist).toEqual({
      peopleRecorded: true,
      usersAdded: true,
      logoSet: true,
      activityPlanned: true,
      backupFolderChosen: true,
    });
  });

  it("lists this week's next steps led by the signed-in person or by nobody, and counts the overdue ones apart", async () => {
    const { core, presidentId } = await signedInFile();
    const other = await core.must('users.create', { displayName: 'Meryem', role: 'volunteer', temporaryPassword: 'mot de passe provisoire 1' });
    const awa = await newPerson(core, 'Awa');
    const mine = await stepDue(core, awa.id, '2026-06-17', presidentId);
    const nobodys = await stepDue(core, awa.id, TODAY);
    await stepDue(core, awa.id, '2026-06-18', other.id);
    await stepDue(core, awa.id, '2026-06-22', presidentId);
    await stepDue(core, awa.id, '2026-06-10', presidentId);
    const home = await core.must('home.summary', {});
    expect(home.myNextSteps.map((s) => [s.procedureId, s.nextStepDue, s.displayName])).toEqual([
      [nobodys.id, TODAY, 'Awa Test'],
      [mine.id, '2026-06-17', 'Awa Test'],
    ]);
    expect(home.overdueNextSteps).toBe(1);
  });

  it("lists today's and tomorrow's sessions and counts this month's people and activities", async () => {
    const { core } = await signedInFile();
    const cv = await core.must('activities.save', { title: 'Atelier CV', type: 'workshop', theme: 'employability', place: 'Salle 1' });
    const today = await core.must('sessions.save', { activityId: cv.id, date: TODAY, startTime: '10:00', endTime: '12:00' });
    const tomorrow = await core.must('sessions.save', { activityId: cv.id, date: '2026-06-16', startTime: '14:00', endTime: '16:00' });
    await core.must('sessions.save', { activityId: cv.id, date: '2026-06-17', startTime: '14:00', endTime: '16:00' });
    const held = await core.must('sessions.save', { activityId: cv.id, date: '2026-06-02', startTime: '10:00', endTime: '12:00' });
    const lastMonth = await core.must('sessions.save', { activityId: cv.id, date: '2026-05-28', startTime: '10:00', endTime: '12:00' });
    const [awa, binta, chaima] = [await newPerson(core, 'Awa'), await newPerson(core, 'Binta'), await newPerson(core, 'Chaïma')];
    await core.must('registrations.add', { activityId: cv.id, beneficiaryIds: [awa.id, binta.id, chaima.id] });
    await core.must('attendance.mark', { sessionId: held.id, marks: [{ beneficiaryId: awa.id, status: 'present' }, { beneficiaryId: binta.id, status: 'absent' }] });
    await core.must('attendance.mark', { sessionId: lastMonth.id, marks: [{ beneficiaryId: chaima.id, status: 'present' }] });

    const home = await core.must('home.summary', {});
    expect(home.sessionsToday).toEqual([
      { sessionId: today.id, activityId: cv.id, activityTitle: 'Atelier CV', date: TODAY, startTime: '10:00', endTime: '12:00', place: 'Salle 1' },
    ]);
    expect(home.sessionsTomorrow.map((s) => s.sessionId)).toEqual([tomorrow.id]);
    expect(home.peopleThisMonth).toBe(1);
    expect(home.newPeopleThisMonth).toBe(3);
    expect(home.activitiesThisMonth).toBe(1);
  });
});
