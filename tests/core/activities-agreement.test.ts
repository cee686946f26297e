import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpInput } from '../../electron/contract';
import { newAgreement } from './grants-builders';
import {
  createdFile,
  expectFailure,
  signedInAt,
  signedInToDemo,
  staffCore,
  testCore,
  type TestCore,
  useSuiteTempDir,
  useTempDir,
} from './helpers';

const tempDir = useTempDir();
const NOW = '2026-06-01T09:00:00.000Z';

const signedInFile = () => signedInAt(tempDir(), NOW);

const activityInput = (more: Partial<OpInput<'activities.save'>> = {}): OpInput<'activities.save'> => ({
  title: 'Atelier CV et entretien',
  type: 'workshop',
  theme: 'employability',
  ...more,
});

describe('an activity linked to a funding agreement', () => {
  it('is saved with the agreement, shown with the funder on the activity page and on the sheet, and can be unlinked', async () => {
    const core = await signedInFile();
    const { agreement, funder } = await newAgreement(core);
    const activity = await core.must('activities.save', activityInput({ agreementId: agreement.id, project: null }));
    expect(activity.agreementId).toBe(agreement.id);
    const expected = { id: agreement.id, reference: 'MA-2026-017', title: 'Inclusion socio-économique des migrants', funderId: funder.id, funderName: funder.name };
    expect((await core.must('activities.get', { id: activity.id })).agreement).toEqual(expected);
    const session = await core.must('sessions.save', { activityId: activity.id, date: '2026-06-01', startTime: '10:00', endTime: '12:00' });
    expect((await core.must('attendance.get', { sessionId: session.id })).agreement).toEqual(expected);

    const unlinked = await core.must('activities.save', activityInput({ id: activity.id, agreementId: null, project: 'Projet quartier' }));
    expect(unlinked).toMatchObject({ agreementId: null, project: 'Projet quartier' });
    expect((await core.must('activities.get', { id: activity.id })).agreement).toBeNull();
    core.close();
  });

  it('refuses an unknown agreement and a closed one newly chosen, at the field, writing nothing; keeps a closed one already linked', async () => {
    const core = await signedInFile();
    const { agreement } = await newAgreement(core);
    await expectFailure(core.call('activities.save', activityInput({ agreementId: 'no-such-agreement' })), 'invalid_input', { agreementId: 'not_found' });
    expect((await core.must('activities.list', {})).total).toBe(0);

    const linked = await core.must('activities.save', activityInput({ agreementId: agreement.id }));
    await core.must('grants.agreements.archive', { id: agreement.id });
    const edited = await core.must('activities.save', activityInput({ id: linked.id, agreementId: agreement.id, title: 'Atelier CV (suite)' }));
    expect(edited).toMatchObject({ agreementId: agreement.id, title: 'Atelier CV (suite)' });
    await expectFailure(core.call('activities.save', activityInput({ agreementId: agreement.id })), 'invalid_input', { agreementId: 'archived' });
    expect((await core.must('activities.list', {})).total).toBe(1);
    core.close();
  });
});

describe('the agreements offered to link an activity', () => {
  const suiteDir = useSuiteTempDir();
  let president: TestCore;
  let volunteer: TestCore;

  beforeAll(async () => {
    const root = suiteDir();
    president = testCore(join(root, 'president'), () => new Date(NOW));
    const { session } = await createdFile(president, join(root, 'file'));
    volunteer = await staffCore(president, session.path, join(root, 'volunteer'), { displayName: 'Meryem Volunteer', role: 'volunteer', now: () => new Date(NOW) });
  });

  afterAll(() => {
    for (const core of [president, volunteer]) core?.close();
  });

  it('are listed to a volunteer (who may not read the agreements themselves) without amounts, closed ones left out', async () => {
    const open = await newAgreement(president, { reference: 'MA-2026-020', title: 'Jeunesse et citoyenneté', startDate: '2026-03-01' });
    const closed = await newAgreement(president, { reference: 'MA-2025-003', title: 'Ancien programme', startDate: '2025-01-01', endDate: '2025-12-31' });
    await president.must('grants.agreements.archive', { id: closed.agreement.id });

    await expectFailure(volunteer.call('grants.agreements.list', {}), 'forbidden');
    const choices = await volunteer.must('grants.agreements.choices', {});
    expect(choices).toEqual([{ id: open.agreement.id, reference: 'MA-2026-020', title: 'Jeunesse et citoyenneté' }]);

    const activity = await volunteer.must('activities.save', activityInput({ agreementId: open.agreement.id }));
    expect((await volunteer.must('activities.get', { id: activity.id })).agreement?.funderName).toBe(open.funder.name);
  });
});

describe('the demo file', () => {
  const suiteDir = useSuiteTempDir();

  it('links the activities the demo agreement pays for, the others keep their free-text project', async () => {
    const core = testCore(suiteDir());
    await signedInToDemo(core, 'Meryem El Amrani');
    const [agreement] = await core.must('grants.agreements.choices', {});
    const { rows } = await core.must('activities.list', { limit: 500 });
    const linked = rows.filter((a) => a.agreementId === agreement.id);
    expect(linked.map((a) => a.title).sort()).toEqual([
      'Animation interculturelle : cuisines et musiques du monde',
      'Sensibilisation santé au collège Ibn Sina',
      "Séance d'information : les services de l'ANAPEC",
      'Vivre ensemble au quartier',
    ]);
    expect(rows.filter((a) => a.project).every((a) => a.agreementId === null)).toBe(true);
    expect((await core.must('activities.get', { id: linked[0].id })).agreement?.funderName).toMatch(/^Enabel/);
    core.close();
  });
});
