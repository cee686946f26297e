import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpInput } from '../../electron/contract';
import { addMonths } from '../../electron/core/employment/follow-ups';
import { person } from './builders';
import { agreementInput, newFunder } from './grants-builders';
import { createdFile, expectFailure, staffCore, testCore, useTempDir, type TestCore } from './helpers';
import { useTimeZone } from './time-zone';

const tempDir = useTempDir();

/** The president on a new file whose clock stays at `now`. */
async function fileAt(now: string) {
  const dir = tempDir();
  const core = testCore(dir, () => new Date(now));
  const { session } = await createdFile(core, dir);
  return { core, dir, path: session.path };
}

async function newPerson(core: TestCore, firstName = 'Aminata', top: Parameters<typeof person>[1] = {}) {
  return core.must('beneficiaries.create', person({ firstName, phones: [] }, top));
}

const job = (beneficiaryId: string, more: Partial<OpInput<'employment.saveRecord'>> = {}): OpInput<'employment.saveRecord'> => ({
  beneficiaryId,
  date: '2025-12-05',
  situation: 'employed_contract',
  employer: 'Boulangerie Al Amal',
  sector: 'hospitality',
  contractType: 'anapec',
  startDate: '2025-11-30',
  incomeBand: 'from_1500_to_3000',
  ...more,
});

describe('a record dated today, just after midnight on an office PC in Morocco', () => {
  useTimeZone('Africa/Casablanca');

  it('is taken (the day is the PC’s, not UTC’s), and tomorrow is still refused', async () => {
    const { core } = await fileAt('2026-05-06T23:30:00Z');
    const p = await newPerson(core);
    await core.must('employment.saveRecord', job(p.id, { date: '2026-05-07', startDate: '2026-05-01' }));
    await expectFailure(core.call('employment.saveRecord', job(p.id, { date: '2026-05-08', startDate: '2026-05-01' })), 'invalid_input', {
      date: 'date_in_future',
    });
    core.close();
  });
});

describe('due dates', () => {
  it('falls on the same day months later, or the last day of a shorter month', () => {
    expect(addMonths('2025-12-15', 3)).toBe('2026-03-15');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-03-31', 12)).toBe('2026-03-31');
    expect(addMonths('2026-05-31', -1)).toBe('2026-04-30');
  });
});

describe('employment situations', () => {
  it('records the situation at intake and at a follow-up, newest first', async () => {
    const { core } = await fileAt('2026-02-20T09:00:00.000Z');
    const p = await newPerson(core);
    await core.must('employment.saveRecord', { beneficiaryId: p.id, date: '2025-10-01', situation: 'unemployed_looking', incomeBand: 'none' });
    const saved = await core.must('employment.saveRecord', job(p.id));
    const { records } = await core.must('employment.person', { beneficiaryId: p.id });
    expect(records.map((r) => [r.date, r.situation, r.employer, r.contractType, r.startDate])).toEqual([
      ['2025-12-05', 'employed_contract', 'Boulangerie Al Amal', 'anapec', '2025-11-30'],
      ['2025-10-01', 'unemployed_looking', null, null, null],
    ]);
    // A correction keeps the record's id and creation.
    await core.must('employment.saveRecord', job(p.id, { id: saved.id, incomeBand: 'from_3000_to_5000' }));
    const after = await core.must('employment.person', { beneficiaryId: p.id });
    expect(after.records).toHaveLength(2);
    expect(after.records[0]).toMatchObject({ id: saved.id, incomeBand: 'from_3000_to_5000', createdAt: saved.createdAt });
  });

  it('refuses bad input at its fields and writes nothing', async () => {
    const { core } = await fileAt('2026-02-20T09:00:00.000Z');
    const p = await newPerson(core);
    await expectFailure(
      core.call('employment.saveRecord', { beneficiaryId: p.id, date: '2026-02-01', situation: 'employed_contract', contractType: 'none' }),
      'invalid_input',
      { employer: 'employer_required', startDate: 'start_date_required', contractType: 'contract_type_required' },
    );
    await expectFailure(core.call('employment.saveRecord', job(p.id, { startDate: '2026-01-10', date: '2026-01-05' })), 'invalid_input', {
      startDate: 'start_after_record',
    });
    await expectFailure(core.call('employment.saveRecord', { beneficiaryId: p.id, date: '2026-02-31', situation: 'not_looking' }), 'invalid_input', {
      date: 'invalid_format',
    });
    await expectFailure(core.call('employment.saveRecord', job(p.id, { date: '2026-02-21' })), 'invalid_input', { date: 'date_in_future' });
    await expectFailure(core.call('employment.saveRecord', { beneficiaryId: p.id, date: '2026-02-01', situation: 'hired' as never }), 'invalid_input');
    expect((await core.must('employment.person', { beneficiaryId: p.id })).records).toEqual([]);
  });

  it('erases the employer and the business activity when consent is withdrawn, and keeps the facts', async () => {
    const { core } = await fileAt('2026-02-20T09:00:00.000Z');
    const p = await newPerson(core);
    await core.must('employment.saveRecord', job(p.id));
    const business = await core.must('employment.saveBusiness', { beneficiaryId: p.id, activity: 'Couture à domicile', sector: 'crafts', startDate: '2026-01-05' });
    await core.must('employment.saveVisit', { businessId: business.id, date: '2026-02-10', state: 'active', note: 'Trois clientes régulières' });
    await core.must('beneficiaries.withdrawConsent', { id: p.id });
    const after = await core.must('employment.person', { beneficiaryId: p.id });
    expect(after.records[0]).toMatchObject({ situation: 'employed_contract', employer: null, startDate: '2025-11-30' });
    expect(after.businesses[0]).toMatchObject({ activity: '', sector: 'crafts' });
    expect(after.businesses[0].visits[0]).toMatchObject({ state: 'active', note: null });
  });
});

describe('follow-ups at 3, 6 and 12 months', () => {
  it('after a job starts: due on the last day of a shorter month, listed as coming up', async () => {
    const { core } = await fileAt('2026-02-20T09:00:00.000Z');
    const p = await newPerson(core);
    await core.must('employment.saveRecord', job(p.id));
    const { followUps } = await core.must('employment.person', { beneficiaryId: p.id });
    expect(followUps.map((f) => [f.months, f.dueOn, f.windowStart, f.windowEnd, f.anchor.kind])).toEqual([
      [3, '2026-02-28', '2026-01-30', '2026-03-30', 'job'],
      [6, '2026-05-30', '2026-04-30', '2026-06-30', 'job'],
      [12, '2026-11-30', '2026-10-30', '2026-12-30', 'job'],
    ]);
    const dashboard = await core.must('followUp.dashboard', {});
    expect(dashboard.employmentFollowUps.comingUp.map((f) => [f.beneficiaryId, f.months, f.dueOn, f.anchor.about])).toEqual([
      [p.id, 3, '2026-02-28', 'Boulangerie Al Amal'],
    ]);
    expect(dashboard.employmentFollowUps.late).toEqual([]);
    // Nobody leads her case: she is also among "my cases".
    expect((await core.must('followUp.dashboard', { mine: true })).employmentFollowUps.comingUp.map((f) => f.beneficiaryId)).toEqual([p.id]);
  });

  it('is late past its due date until its window closes, and a situation dated in the window settles it', async () => {
    const { core } = await fileAt('2026-03-10T09:00:00.000Z');
    const p = await newPerson(core);
    await core.must('employment.saveRecord', job(p.id, { date: '2025-09-02', startDate: '2025-08-31' }));
    const before = await core.must('followUp.dashboard', {});
    // The 3-month follow-up's window closed on 31 December: only the 6-month one is late.
    expect(before.employmentFollowUps.late.map((f) => [f.reference, f.months, f.dueOn])).toEqual([[p.reference, 6, '2026-02-28']]);

    await core.must('employment.saveRecord', { beneficiaryId: p.id, date: '2026-03-10', situation: 'unemployed_looking' });
    const after = await core.must('followUp.dashboard', {});
    expect(after.employmentFollowUps.late).toEqual([]);
    expect((await core.must('employment.person', { beneficiaryId: p.id })).followUps.map((f) => f.months)).toEqual([12]);
  });

  it('leaves the dashboard when the case is closed, and comes back when it is reopened', async () => {
    const { core } = await fileAt('2026-03-10T09:00:00.000Z');
    const p = await newPerson(core);
    await core.must('employment.saveRecord', job(p.id, { date: '2025-09-02', startDate: '2025-08-31' }));
    await core.must('cases.close', { beneficiaryId: p.id, reason: 'moved_city', note: 'Partie à Tanger' });
    expect((await core.must('followUp.dashboard', {})).employmentFollowUps.late).toEqual([]);

    await core.must('cases.reopen', { beneficiaryId: p.id, note: 'Revenue à Oujda' });
    expect((await core.must('followUp.dashboard', {})).employmentFollowUps.late.map((f) => f.reference)).toEqual([p.reference]);
  });

  it('after a training the person completed (not one they only came to once), from its last day', async () => {
    const { core } = await fileAt('2026-06-20T09:00:00.000Z');
    const done = await newPerson(core, 'Fatou');
    const once = await newPerson(core, 'Awa');
    const training = await core.must('activities.save', { title: 'Cuisine professionnelle', type: 'vocational_training', theme: 'employability' });
    const awareness = await core.must('activities.save', { title: 'Santé', type: 'awareness_session', theme: 'health' });
    await core.must('registrations.add', { activityId: training.id, beneficiaryIds: [done.id, once.id] });
    await core.must('registrations.add', { activityId: awareness.id, beneficiaryIds: [once.id] });
    for (const [activityId, date, present] of [
      [training.id, '2026-03-10', [done.id, once.id]],
      [training.id, '2026-03-31', [done.id]],
      [awareness.id, '2026-03-31', [once.id]],
    ] as const) {
      const session = await core.must('sessions.save', { activityId, date, startTime: '09:00', endTime: '12:00' });
      await core.must('attendance.mark', { sessionId: session.id, marks: present.map((beneficiaryId) => ({ beneficiaryId, status: 'present' as const })) });
    }
    const dashboard = await core.must('followUp.dashboard', {});
    expect(dashboard.employmentFollowUps.comingUp.map((f) => [f.beneficiaryId, f.months, f.dueOn, f.anchor])).toEqual([
      [done.id, 3, '2026-06-30', { kind: 'training', date: '2026-03-31', about: 'Cuisine professionnelle' }],
    ]);
    expect((await core.must('employment.person', { beneficiaryId: once.id })).followUps).toEqual([]);

    await core.must('employment.saveRecord', job(done.id, { date: '2026-06-15', startDate: '2026-06-01' }));
    const settled = await core.must('followUp.dashboard', {});
    expect(settled.employmentFollowUps.comingUp).toEqual([]);
    // The job started is followed too, from its own start.
    const own = (await core.must('employment.person', { beneficiaryId: done.id })).followUps;
    expect(own.map((f) => [f.anchor.kind, f.months, f.dueOn])).toEqual([
      ['job', 3, '2026-09-01'],
      ['training', 6, '2026-09-30'],
      ['job', 6, '2026-12-01'],
      ['training', 12, '2027-03-31'],
      ['job', 12, '2027-06-01'],
    ]);
  });
});

describe('a business started by a person', () => {
  it('keeps its visits, refuses a visit before it started, and lets only those who handle money set its grant', async () => {
    const { core, dir, path } = await fileAt('2026-02-20T09:00:00.000Z');
    const p = await newPerson(core);
    const business = await core.must('employment.saveBusiness', { beneficiaryId: p.id, activity: 'Couture à domicile', sector: 'crafts', startDate: '2025-10-01' });
    await core.must('employment.saveVisit', { businessId: business.id, date: '2026-01-15', state: 'struggling', note: 'Manque de tissu' });
    await core.must('employment.saveVisit', { businessId: business.id, date: '2026-02-15', state: 'active' });
    await expectFailure(core.call('employment.saveVisit', { businessId: business.id, date: '2025-09-30', state: 'active' }), 'invalid_input', {
      date: 'before_business_start',
    });
    await expectFailure(core.call('employment.saveVisit', { businessId: business.id, date: '2026-02-15', state: 'closed' as never }), 'invalid_input', {
      state: 'invalid_value',
    });
    await expectFailure(
      core.call('employment.saveBusiness', { id: business.id, beneficiaryId: p.id, activity: ' ', sector: 'crafts', startDate: '2025-10-01' }),
      'invalid_input',
      { activity: 'too_small' },
    );

    const volunteer = await staffCore(core, path, join(dir, 'volunteer'), { displayName: 'Meryem', role: 'volunteer', now: () => new Date('2026-02-20T09:00:00.000Z') });
    await volunteer.must('employment.saveVisit', { businessId: business.id, date: '2026-02-19', state: 'active', note: 'Nouvelle machine' });
    await expectFailure(volunteer.call('employment.setBusinessGrant', { businessId: business.id, grantMinor: 500_000 }), 'forbidden');
    const treasurer = await staffCore(core, path, join(dir, 'treasurer'), { displayName: 'Nadia', role: 'treasurer', now: () => new Date('2026-02-20T09:00:00.000Z') });
    await treasurer.must('employment.setBusinessGrant', { businessId: business.id, grantMinor: 1_500_000 });
    await expectFailure(treasurer.call('employment.setBusinessGrant', { businessId: business.id, grantMinor: 12.5 }), 'invalid_input', {
      grantMinor: 'invalid_type',
    });

    const [saved] = (await core.must('employment.person', { beneficiaryId: p.id })).businesses;
    expect(saved).toMatchObject({ activity: 'Couture à domicile', grantMinor: 1_500_000, currency: 'MAD' });
    expect(saved.visits.map((v) => [v.date, v.state, v.note])).toEqual([
      ['2026-02-19', 'active', 'Nouvelle machine'],
      ['2026-02-15', 'active', null],
      ['2026-01-15', 'struggling', 'Manque de tissu'],
    ]);
    // Moving the start after a visit would leave that visit before the business.
    await expectFailure(
      core.call('employment.saveBusiness', { id: business.id, beneficiaryId: p.id, activity: 'Couture', sector: 'crafts', startDate: '2026-01-20' }),
      'invalid_input',
      { startDate: 'after_first_visit' },
    );
  });
});

describe('the indicator report by employment situation', () => {
  it('counts the women placed in a job after a training by their latest situation at the period end', async () => {
    const { core } = await fileAt('2026-06-20T09:00:00.000Z');
    const women = [];
    for (const name of ['A', 'B', 'C', 'D']) women.push(await newPerson(core, name));
    const man = await newPerson(core, 'E', { sex: 'male' });
    const funder = await newFunder(core);
    const agreement = await core.must('grants.agreements.save', agreementInput(funder.id, { indicators: [{ code: 'PLACED', label: 'Femmes placées', target: 4 }] }));
    const training = await core.must('activities.save', { title: 'Couture', type: 'vocational_training', theme: 'employability', agreementId: agreement.id });
    const everyone = [...women.map((w) => w.id), man.id];
    await core.must('registrations.add', { activityId: training.id, beneficiaryIds: everyone });
    const session = await core.must('sessions.save', { activityId: training.id, date: '2026-02-10', startTime: '09:00', endTime: '12:00' });
    await core.must('attendance.mark', { sessionId: session.id, marks: everyone.map((beneficiaryId) => ({ beneficiaryId, status: 'present' as const })) });
    // A: employed; B: self-employed; C: employed then lost the job; D: employed only after the period; E: a man.
    await core.must('employment.saveRecord', job(women[0].id, { date: '2026-04-01', startDate: '2026-03-15' }));
    await core.must('employment.saveRecord', job(women[1].id, { date: '2026-04-01', situation: 'self_employed', contractType: null, startDate: '2026-03-01' }));
    await core.must('employment.saveRecord', job(women[2].id, { date: '2026-03-01', startDate: '2026-02-20' }));
    await core.must('employment.saveRecord', { beneficiaryId: women[2].id, date: '2026-05-01', situation: 'unemployed_looking' });
    await core.must('employment.saveRecord', job(women[3].id, { date: '2026-06-10', startDate: '2026-06-05' }));
    await core.must('employment.saveRecord', job(man.id, { date: '2026-04-01', startDate: '2026-03-15' }));
    await core.must('reports.setIndicatorMeasure', {
      agreementId: agreement.id,
      code: 'PLACED',
      measure: 'people_reached_female',
      filters: { activityType: ['vocational_training'], employmentSituation: ['employed_contract', 'employed_no_contract', 'self_employed', 'own_business'] },
    });
    const report = await core.must('reports.indicators', { from: '2026-01-01', to: '2026-05-31', agreementId: agreement.id, locale: 'en' });
    const targets = report.sections.flatMap((s) => s.tables).find((t) => t.id === 'targets.byIndicator');
    expect(targets?.rows).toEqual([['Femmes placées', 4, 2, 50]]);
  });
});
