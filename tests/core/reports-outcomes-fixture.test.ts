import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PLACED_SITUATIONS, type BeneficiaryInput, type IndicatorReport, type OpInput, type ReportCell, type ReportTable } from '../../electron/contract';
import { memberInput, person } from './builders';
import { newAgreement } from './grants-builders';
import { createdFile, staffCore, testCore, useTempDir, type TestCore } from './helpers';

// A small association year built by hand, every figure of its indicator report worked out below
// from the list of people and what happened to them, and checked to the unit.

const tempDir = useTempDir();
const YEAR = { from: '2026-01-01', to: '2026-12-31', locale: 'en' } as const;

const tableOf = (report: IndicatorReport, id: string): ReportTable => {
  const found = report.sections.flatMap((s) => s.tables).find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};
const values = (t: ReportTable): Record<string, ReportCell> => Object.fromEntries(t.rows.map((r) => [String(r[0]), r[1]]));

type Sex = 'female' | 'male';
/** Age is 2026 minus the birth year (the report's age at the start of the period). */
const PEOPLE: Record<string, [sex: Sex, birthYear: number, category: string, nationality: string]> = {
  // The ten trainees of the sewing course.
  Awa: ['female', 1998, 'subsaharan_migrant', 'SN'], // 28
  Fatou: ['female', 2000, 'subsaharan_migrant', 'SN'], // 26
  Mariam: ['female', 1990, 'subsaharan_migrant', 'CI'], // 36
  Grace: ['female', 1995, 'refugee', 'CD'], // 31
  Esther: ['female', 2002, 'refugee', 'CD'], // 24
  Salma: ['female', 2010, 'local_youth', 'MA'], // 16
  Ibrahim: ['male', 1997, 'subsaharan_migrant', 'GN'], // 29
  Moussa: ['male', 1988, 'subsaharan_migrant', 'ML'], // 38
  Joseph: ['male', 2008, 'refugee', 'CM'], // 18
  Yassine: ['male', 2009, 'local_youth', 'MA'], // 17
  // Followed individually.
  Khadija: ['female', 1985, 'vulnerable_woman', 'MA'], // 41
  Rose: ['female', 1992, 'subsaharan_migrant', 'CM'], // 34, without consent to reporting
  Omar: ['male', 1980, 'subsaharan_migrant', 'SN'], // 46
  // Registered, nothing else this year.
  Aicha: ['female', 1960, 'vulnerable_woman', 'MA'], // 66
};
const TRAINEES = ['Awa', 'Fatou', 'Mariam', 'Grace', 'Esther', 'Salma', 'Ibrahim', 'Moussa', 'Joseph', 'Yassine'];
const TRAINING_DAYS = ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23'];
/** Sessions each trainee attended, by index in TRAINING_DAYS. */
const ATTENDED: Record<string, number[]> = {
  Awa: [0, 1, 2, 3],
  Fatou: [0, 1, 2, 3],
  Mariam: [0, 1, 2, 3],
  Grace: [0, 1, 2, 3],
  Ibrahim: [0, 1, 2, 3],
  Moussa: [0, 1, 2, 3],
  Yassine: [0, 1, 2, 3],
  Esther: [0, 1, 2], // 75 %: exactly the default threshold, completed
  Joseph: [0, 2],
  Salma: [3],
};

/** The year is typed in a few days before its end: cases are closed on that day. */
const TODAY = () => new Date('2026-12-20T09:00:00.000Z');

async function association() {
  const dir = tempDir();
  const core = testCore(dir, TODAY);
  const { session } = await createdFile(core, dir);
  return { core, dir, path: session.path };
}

async function people(core: TestCore): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [name, [sex, birthYear, category, nationality]] of Object.entries(PEOPLE)) {
    const top: Partial<BeneficiaryInput> = { sex, birthYear, category, nationality };
    if (name === 'Rose') top.consent = { date: '2026-01-15', givenBy: 'person', scopes: ['service'] };
    ids[name] = (await core.must('beneficiaries.create', person({ firstName: name, lastName: 'Fixture', phones: [], city: 'Oujda' }, top))).id;
  }
  return ids;
}

const job = (beneficiaryId: string, date: string, more: Partial<OpInput<'employment.saveRecord'>> = {}): OpInput<'employment.saveRecord'> => ({
  beneficiaryId,
  date,
  situation: 'employed_contract',
  employer: 'Atelier Nour',
  sector: 'crafts',
  contractType: 'cdd',
  startDate: date,
  ...more,
});

async function associationYear() {
  const { core, dir, path } = await association();
  const id = await people(core);
  const { agreement, lines } = await newAgreement(core, {
    currency: 'MAD',
    totalMinor: 500_000_00,
    indicators: [
      { code: 'TRAINED', label: 'Personnes formées', target: 12 },
      { code: 'PLACED', label: 'En emploi après la formation', target: 5 },
      { code: 'PLACED_W', label: 'Femmes en emploi après la formation', target: 4 },
      { code: 'GRANTED', label: 'Bourses de formation', target: 3 },
    ],
  });

  // The sewing course, funded by the agreement: four sessions in March.
  const course = await core.must('activities.save', { title: 'Couture', type: 'vocational_training', theme: 'employability', agreementId: agreement.id });
  await core.must('registrations.add', { activityId: course.id, beneficiaryIds: TRAINEES.map((n) => id[n]) });
  for (const [i, date] of TRAINING_DAYS.entries()) {
    const session = await core.must('sessions.save', { activityId: course.id, date, startTime: '09:00', endTime: '12:00' });
    const marks = TRAINEES.map((n) => ({ beneficiaryId: id[n], status: ATTENDED[n].includes(i) ? ('present' as const) : ('absent' as const) }));
    await core.must('attendance.mark', { sessionId: session.id, marks });
  }

  // The general assembly: two members known only as members, and Awa, a trainee who is a member too.
  await core.must('members.save', memberInput({ firstName: 'Awa', lastName: 'Fixture', arabicName: null, beneficiaryId: id.Awa }));
  const assembly = await core.must('activities.save', { title: 'AG 2026', type: 'general_assembly', theme: 'sociocultural_integration' });
  const attendees = [id.Awa];
  for (const [firstName, lastName] of [
    ['Hassan', 'Alaoui'],
    ['Latifa', 'Idrissi'],
  ]) {
    const member = await core.must('members.save', memberInput({ firstName, lastName, arabicName: null, phones: [] }));
    const details = { category: 'local_youth', nationality: 'MA', birthYear: 1970, consent: null };
    attendees.push((await core.must('registrations.addMember', { activityId: assembly.id, memberId: member.id, details })).beneficiaryId);
  }
  await core.must('registrations.add', { activityId: assembly.id, beneficiaryIds: [id.Awa] });
  const meeting = await core.must('sessions.save', { activityId: assembly.id, date: '2026-05-30', startTime: '10:00', endTime: '12:00' });
  await core.must('attendance.mark', { sessionId: meeting.id, marks: attendees.map((beneficiaryId) => ({ beneficiaryId, status: 'present' as const })) });

  // A health session at a middle school, counted without names: 17 girls and 15 boys aged 12-14.
  const school = await core.must('activities.save', { title: 'Santé au collège', type: 'awareness_session', theme: 'health' });
  const schoolSession = await core.must('sessions.save', { activityId: school.id, date: '2026-04-15', startTime: '09:00', endTime: '11:00' });
  await core.must('sessions.setCountOnly', { sessionId: schoolSession.id, countOnly: true });
  await core.must('attendance.saveCounts', {
    sessionId: schoolSession.id,
    counts: [
      { sex: 'female', ageBand: '0-14', count: 17 },
      { sex: 'male', ageBand: '0-14', count: 15 },
    ],
  });
  await core.must('outreach.save', { date: '2026-04-20', neighbourhood: 'Hay Al Qods', agentName: 'Youssef', informedFemale: 12, informedMale: 9, topics: ['health'], referrals: 3 });

  // Services: scholarships paid on the agreement's first line (Esther's reversed: the course was
  // paid by another programme), one paid from the association's own funds; food and legal aid.
  const scholarship = (name: string, more: Partial<OpInput<'services.record'>> = {}) =>
    core.must('services.record', {
      beneficiaryId: id[name],
      typeCode: 'training_scholarship',
      date: '2026-03-02',
      amountMinor: 1_500_00,
      currency: 'MAD',
      accountId: 'bank',
      agreementId: agreement.id,
      budgetLineId: lines[0].id,
      ...more,
    });
  for (const name of ['Awa', 'Fatou', 'Mariam']) await scholarship(name);
  const reversed = await scholarship('Esther');
  await core.must('services.reverse', { id: reversed.id, date: '2026-03-20', reason: 'Prise en charge par un autre programme' });
  await scholarship('Grace', { agreementId: null, budgetLineId: null });
  const aid = (name: string, typeCode: string, date: string) => core.must('services.record', { beneficiaryId: id[name], typeCode, date });
  await aid('Rose', 'food_aid', '2026-02-05');
  await aid('Rose', 'food_aid', '2026-05-05');
  await aid('Khadija', 'food_aid', '2026-02-05');
  await aid('Omar', 'food_aid', '2026-02-05');
  await aid('Khadija', 'legal_aid', '2026-03-05');

  // Case notes, then two cases closed.
  const note = (name: string, date: string, type: OpInput<'caseNotes.add'>['type']) =>
    core.must('caseNotes.add', { beneficiaryId: id[name], date, type, text: 'Suivi', sensitive: false });
  await note('Omar', '2026-02-10', 'visit');
  await note('Khadija', '2026-03-05', 'accompaniment');
  await note('Rose', '2026-04-02', 'call');
  await core.must('cases.close', { beneficiaryId: id.Omar, reason: 'returned_home' });

  // Situations after the course. Ibrahim lost his job since; Khadija works but took no training.
  await core.must('employment.saveRecord', job(id.Awa, '2026-06-01'));
  await core.must('employment.saveRecord', job(id.Fatou, '2026-07-01', { situation: 'self_employed', contractType: null, employer: 'Couture à domicile' }));
  await core.must('employment.saveRecord', job(id.Moussa, '2026-09-01', { situation: 'own_business', contractType: null, employer: 'Retouches Moussa' }));
  await core.must('employment.saveRecord', job(id.Ibrahim, '2026-06-15', { situation: 'employed_no_contract', contractType: null }));
  await core.must('employment.saveRecord', { beneficiaryId: id.Ibrahim, date: '2026-10-01', situation: 'unemployed_looking' });
  await core.must('employment.saveRecord', { beneficiaryId: id.Mariam, date: '2026-06-01', situation: 'unemployed_looking' });
  await core.must('employment.saveRecord', job(id.Khadija, '2026-09-15'));
  await core.must('cases.close', { beneficiaryId: id.Khadija, reason: 'goals_reached' });

  const placed = { activityType: ['vocational_training'], employmentSituation: [...PLACED_SITUATIONS] };
  const measure = (code: string, m: OpInput<'reports.setIndicatorMeasure'>['measure'], filters: OpInput<'reports.setIndicatorMeasure'>['filters']) =>
    core.must('reports.setIndicatorMeasure', { agreementId: agreement.id, code, measure: m, filters });
  await measure('TRAINED', 'participants', { activityType: ['vocational_training'] });
  await measure('PLACED', 'people_reached', placed);
  await measure('PLACED_W', 'people_reached_female', placed);
  await measure('GRANTED', 'people_reached', { serviceType: ['training_scholarship'] });
  return { core, dir, path, agreement, lines };
}

describe('a hand-computed association year in the indicator report', () => {
  it('gives every figure of people reached, participations, services, jobs and closed cases to the unit', async () => {
    const { core, agreement, lines } = await associationYear();
    await core.must('settings.update', { smallCellThreshold: 1 });
    const report = await core.must('reports.indicators', YEAR);

    // Reached: the 10 trainees, Khadija (services, note), Rose (food aid, note), Omar (food aid,
    // note) = 13. Not Aicha (registered only), not the two members (general assembly only).
    // Women: 6 trainees + Khadija + Rose = 8; men: 4 trainees + Omar = 5.
    // Registered: the 14 people typed in and the 2 records made for the members = 16.
    expect(values(tableOf(report, 'reached.summary'))).toEqual({ 'People reached': 13, 'of whom women': 8, 'of whom men': 5, 'New people registered in the period': 16 });
    expect(report.definitions.find((d) => d.term === 'Person reached')?.text).toContain('a case note or a service given (not reversed)');

    // 15-17: Salma / Yassine; 18-29: Awa, Fatou, Esther / Ibrahim, Joseph;
    // 30-59: Mariam, Grace, Khadija, Rose / Moussa, Omar; nobody under 15 or over 59 reached (Aicha is not).
    const byAge = tableOf(report, 'reached.byAgeBand');
    expect(byAge.rows).toEqual([
      ['0-14', 0, 0, 0],
      ['15-17', 1, 1, 2],
      ['18-29', 3, 2, 5],
      ['30-59', 4, 2, 6],
      ['60+', 0, 0, 0],
    ]);
    expect(byAge.total).toEqual(['Total', 8, 5, 13]);

    // Migrants: Awa, Fatou, Mariam, Rose / Ibrahim, Moussa, Omar; refugees: Grace, Esther / Joseph;
    // youth: Salma / Yassine; vulnerable women: Khadija. Most people first.
    expect(tableOf(report, 'reached.byCategory').rows).toEqual([
      ['Sub-Saharan migrant', 4, 3, 7],
      ['Refugee', 2, 1, 3],
      ['Moroccan youth from the neighbourhood', 1, 1, 2],
      ['Moroccan woman in a vulnerable situation', 1, 0, 1],
    ]);
    // SN: Awa, Fatou / Omar; MA: Salma, Khadija / Yassine; CD: Grace, Esther; CM: Rose / Joseph;
    // CI: Mariam; GN: Ibrahim; ML: Moussa.
    const byNationality = Object.fromEntries(tableOf(report, 'reached.byNationality').rows.map((r) => [r[0], r.slice(1)]));
    expect(byNationality).toEqual({
      Senegal: [2, 1, 3],
      Morocco: [2, 1, 3],
      'Democratic Republic of the Congo': [2, 0, 2],
      Cameroon: [1, 1, 2],
      "Cote d'Ivoire": [1, 0, 1],
      Guinea: [0, 1, 1],
      Mali: [0, 1, 1],
    });

    // One activity held (the course; the assembly is governance, the school session has no named
    // presence), its 4 sessions. Presences: 7 people at 4 sessions + Esther 3 + Joseph 2 + Salma 1
    // = 34, plus 32 counted = 66. Participations: 10 trainees + 32 counted = 42. Completed: the 7
    // always there and Esther (3 of 4 = 75 %, the default threshold) = 8.
    const activities = report.sections.find((s) => s.id === 'activities')!;
    expect(values(tableOf(report, 'activities.summary'))).toEqual({
      'Activities with at least one session held': 1,
      'Sessions held': 4,
      'Distinct participants': 10,
      'Presences (including counted attendance)': 66,
      'Participations (person × activity, plus counted attendance)': 42,
      'of which counted without names (not distinct)': 32,
      'Sessions with counted attendance': 1,
      'Completed participations': 8,
    });
    expect(activities.notes).toEqual([
      'Presences and participations include 32 attendances counted without names, at 1 sessions: they are not distinct people and are not in people reached.',
    ]);
    // 8 completed of 10 participations = 80 %.
    expect(tableOf(report, 'activities.byTheme').rows).toEqual([['Employability', 1, 4, 10, 10, 8, 80]]);
    const counted = tableOf(report, 'activities.countOnly');
    expect([...counted.rows, counted.total]).toEqual([
      ['0-14', 17, 15, 32],
      ['Total', 17, 15, 32],
    ]);
    expect(values(tableOf(report, 'activities.outreach'))).toEqual({
      'Outreach outings': 1,
      'People informed (not distinct)': 21,
      'of whom women': 12,
      'of whom men': 9,
      'Referrals made': 3,
    });

    // Services standing in the year, by type. Scholarships: Awa, Fatou, Mariam (agreement) and
    // Grace (own funds) at 1,500.00 = 6,000.00; Esther's reversed, so neither counted nor paid.
    // Food: Rose twice, Khadija, Omar = 4 given to 3 people. Legal aid: Khadija. Distinct people: 7.
    const services = tableOf(report, 'followUp.services');
    expect(services.columns.map((c) => c.heading)).toEqual(['Service type', 'Services given', 'People', 'Amount (MAD)']);
    expect(services.rows).toEqual([
      ['Training scholarship', 4, 4, 6_000_00],
      ['In-kind aid: food', 4, 3, null],
      ['Legal aid', 1, 1, null],
    ]);
    expect(services.total).toEqual(['Total', 9, 7, 6_000_00]);

    // Followed by the year's end: Omar, Khadija, Rose (case notes); Omar and Khadija closed.
    const cases = tableOf(report, 'followUp.cases');
    expect(cases.rows.filter((r) => r[1] !== 0)).toEqual([
      ['Open at the end of the period', 1],
      ['Closed: Goals reached', 1],
      ['Closed: Returned to the country of origin', 1],
    ]);
    expect(cases.total).toEqual(['Closed during the period', 2]);

    // The agreement's report: the course is its only activity; scholarships on it are Awa's,
    // Fatou's and Mariam's (4,500.00); the school session and the outreach are not its own.
    const funded = await core.must('reports.indicators', { ...YEAR, agreementId: agreement.id });
    // Trained: the 10 trainees. In work after the course, by their latest situation on 31
    // December: Awa (contract), Fatou (self-employed), Moussa (own business) = 3, of whom 2 women;
    // not Ibrahim (unemployed since October), not Mariam, not Khadija (no training).
    // Scholarships of the agreement: Awa, Fatou, Mariam = 3 (Grace's is the association's own).
    expect(tableOf(funded, 'targets.byIndicator').rows).toEqual([
      ['Personnes formées', 12, 10, 83.3],
      ['En emploi après la formation', 5, 3, 60],
      ['Femmes en emploi après la formation', 4, 2, 50],
      ['Bourses de formation', 3, 3, 100],
    ]);
    expect(values(tableOf(funded, 'reached.summary'))['People reached']).toBe(13);
    expect(values(tableOf(funded, 'activities.summary'))).toEqual({
      'Activities with at least one session held': 1,
      'Sessions held': 4,
      'Distinct participants': 10,
      Presences: 34,
      'Participations (person × activity)': 10,
      'Completed participations': 8,
    });
    expect(funded.sections.find((s) => s.id === 'activities')!.notes).toEqual([]);
    const fundedServices = tableOf(funded, 'followUp.services');
    expect([...fundedServices.rows, fundedServices.total]).toEqual([
      ['Training scholarship', 3, 3, 4_500_00],
      ['Total', 3, 3, 4_500_00],
    ]);
    // The money side agrees: the reversed scholarship nets out of the line.
    const money = await core.must('treasury.agreementReport', { agreementId: agreement.id });
    expect(money.lines.find((l) => l.budgetLineId === lines[0].id)?.spentDirectlyMinor).toBe(4_500_00);
    core.close();
  });

  it('hides every group under 5 in the printed and exported breakdowns, totals kept, and names nobody without consent', async () => {
    const { core, dir, path } = await associationYear();
    const report = await core.must('reports.indicators', YEAR);
    // Summary: 8 and 5 are not small.
    expect(values(tableOf(report, 'reached.summary'))).toEqual({ 'People reached': 13, 'of whom women': 8, 'of whom men': 5, 'New people registered in the period': 16 });
    // Every count of 15-17 and the 3 and 2 of 18-29 and 30-59 are small; the column of totals
    // then has a single hidden cell (2), so its smallest other group, 18-29's 5, goes too.
    const byAge = tableOf(report, 'reached.byAgeBand');
    expect(byAge.rows).toEqual([
      ['0-14', 0, 0, 0],
      ['15-17', '< 5', '< 5', '< 5'],
      ['18-29', '< 5', '< 5', '< 5'],
      ['30-59', '< 5', '< 5', 6],
      ['60+', 0, 0, 0],
    ]);
    expect(byAge.total).toEqual(['Total', 8, 5, 13]);
    // Only the migrants' 7 stands; Khadija's row keeps its 0 men.
    expect(tableOf(report, 'reached.byCategory').rows).toEqual([
      ['Sub-Saharan migrant', '< 5', '< 5', 7],
      ['Refugee', '< 5', '< 5', '< 5'],
      ['Moroccan youth from the neighbourhood', '< 5', '< 5', '< 5'],
      ['Moroccan woman in a vulnerable situation', '< 5', 0, '< 5'],
    ]);
    // 10 participants, 10 participations, 8 completions: none small.
    expect(tableOf(report, 'activities.byTheme').rows).toEqual([['Employability', 1, 4, 10, 10, 8, 80]]);
    // 17 and 15 counted: shown.
    expect(tableOf(report, 'activities.countOnly').rows).toEqual([['0-14', 17, 15, 32]]);
    // Every service's people are fewer than 5; the 7 distinct people stay.
    const services = tableOf(report, 'followUp.services');
    expect(services.rows.map((r) => r[2])).toEqual(['< 5', '< 5', '< 5']);
    expect(services.total).toEqual(['Total', 9, 7, 6_000_00]);
    // 1 open, 1 and 1 closed, 2 in all: all small.
    const cases = tableOf(report, 'followUp.cases');
    expect(cases.rows.filter((r) => r[1] !== 0)).toEqual([
      ['Open at the end of the period', '< 5'],
      ['Closed: Goals reached', '< 5'],
      ['Closed: Returned to the country of origin', '< 5'],
    ]);
    expect(cases.total).toEqual(['Closed during the period', '< 5']);

    // The workbook holds the same hidden cells and true totals.
    const file = await core.must('reports.exportXlsx', YEAR);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = (title: string) => workbook.worksheets.find((w) => w.getCell('A1').value === title)!;
    const rows = (title: string) => sheet(title).getSheetValues().slice(3).map((r) => (r as ExcelJS.CellValue[]).slice(1));
    expect(rows('By age band and sex')).toEqual([
      ['0-14', 0, 0, 0],
      ['15-17', '< 5', '< 5', '< 5'],
      ['18-29', '< 5', '< 5', '< 5'],
      ['30-59', '< 5', '< 5', 6],
      ['60+', 0, 0, 0],
      ['Total', 8, 5, 13],
    ]);
    // Amounts in dirhams in the workbook.
    expect(rows('Services given by type')).toEqual([
      ['Training scholarship', 4, '< 5', 6000],
      ['In-kind aid: food', 4, '< 5'],
      ['Legal aid', 1, '< 5'],
      ['Total', 9, 7, 6000],
    ]);

    // Rose is counted above but named in no list: she and the two members' records (no consent).
    const everyone = { list: 'beneficiaries', filters: { query: '', filters: { archived: false } } } as const;
    const named = await core.must('exports.namedList', { target: everyone, format: 'xlsx', purpose: 'Rapport au bailleur', locale: 'en' });
    expect(named.rows).toBe(13);
    const listed = new ExcelJS.Workbook();
    await listed.xlsx.load(Buffer.from(named.contentBase64, 'base64') as unknown as ArrayBuffer);
    const cells = JSON.stringify(listed.worksheets[0].getSheetValues());
    expect(cells).not.toContain('Rose');
    expect(cells).toContain('Khadija');
    expect(cells).toContain('3 person(s) not listed: without consent to reporting, they are counted in totals only.');

    // A volunteer reads what was given and to how many, not the money.
    const volunteer = await staffCore(core, path, join(dir, 'volunteer'), { displayName: 'Youssef', role: 'volunteer', now: TODAY });
    const theirs = tableOf(await volunteer.must('reports.indicators', YEAR), 'followUp.services');
    expect(theirs.columns.map((c) => c.heading)).toEqual(['Service type', 'Services given', 'People']);
    expect([...theirs.rows, theirs.total]).toEqual([
      ['Training scholarship', 4, '< 5'],
      ['In-kind aid: food', 4, '< 5'],
      ['Legal aid', 1, '< 5'],
      ['Total', 9, 7],
    ]);
    volunteer.close();
    core.close();
  });
});
