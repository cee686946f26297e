import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceStatus, BeneficiaryInput, IndicatorReport, ReportTable } from '../../electron/contract';
import { person } from './builders';
import { auditRows, createdFile, databaseKey, PRESIDENT_PASSWORD, testCore, useSuiteTempDir, withDb, type TestCore } from './helpers';

const suiteDir = useSuiteTempDir();

// The report's period: 1 July 2025 – 30 June 2026, so that ages are counted at the start (2025).
const PERIOD = { from: '2025-07-01', to: '2026-06-30', locale: 'en' } as const;

interface Fixture {
  core: TestCore;
  path: string;
  presidentId: string;
  report: IndicatorReport;
  /** Esther, and the workshop session of 6 October 2025 she missed. */
  esther: string;
  october: string;
}

/**
 * Seven people, two activities, follow-up work; what each must count as is written next to them.
 * The core's clock is moved: two people and the first session exist before the period starts.
 */
async function buildFixture(): Promise<Fixture> {
  const dir = suiteDir();
  let clock = '2025-06-25T09:00:00.000Z';
  const core = testCore(dir, () => new Date(clock));
  const { session } = await createdFile(core, dir);
  // Every figure to the unit: small groups are hidden by a setting tested in reports-trust.test.ts.
  await core.must('settings.update', { smallCellThreshold: 1 });
  const create = (firstName: string, top: Partial<BeneficiaryInput>, more: Partial<NonNullable<BeneficiaryInput['personal']>> = {}) =>
    core.must('beneficiaries.create', person({ firstName, lastName: 'Testeur', phones: [], ...more }, top));
  const mark = (sessionId: string, marks: Record<string, AttendanceStatus>) =>
    core.must('attendance.mark', { sessionId, marks: Object.entries(marks).map(([beneficiaryId, status]) => ({ beneficiaryId, status })) });

  // Registered before the period. Awa: two activities and a note, counted once (F, 35, SN, Rabat).
  const awa = await create('Awa', { sex: 'female', birthYear: 1990, nationality: 'SN', category: 'subsaharan_migrant' }, { city: 'Rabat' });
  // Esther: present only before the period and absent in it: not reached.
  const esther = await create('Esther', { sex: 'female', birthYear: 2012, nationality: 'NG', category: 'other' }, { city: 'Rabat' });
  const work = await core.must('activities.save', { title: 'Atelier CV', type: 'workshop', theme: 'employability' });
  const s1 = await core.must('sessions.save', { activityId: work.id, date: '2025-06-20', startTime: '10:00', endTime: '12:00' });
  await core.must('registrations.add', { activityId: work.id, beneficiaryIds: [awa.id, esther.id] });
  await mark(s1.id, { [awa.id]: 'present', [esther.id]: 'present' });

  // A year later the session has locked itself: sign in again.
  clock = '2026-06-30T12:00:00.000Z';
  await core.must('file.open', { path: session.path, userId: session.user.id, password: PRESIDENT_PASSWORD });
  // Bilal turns 18 in 2026, inside the period: 17 at its start, so 15-17 (M, MA, Oujda).
  const bilal = await create('Bilal', { sex: 'male', birthYear: 2008, nationality: 'MA', category: 'local_youth' }, { city: 'Oujda' });
  // Chantal: a case note, then archived: still counted (F, 40, CM, Rabat).
  const chantal = await create('Chantal', { sex: 'female', birthYear: 1985, nationality: 'CM', category: 'refugee' }, { city: 'Rabat' });
  // Didier: a referral, then consent withdrawn: counted without personal data (M, 55, GN, city not stated).
  const didier = await create('Didier', { sex: 'male', birthYear: 1970, nationality: 'GN', category: 'asylum_seeker' }, { city: 'Casablanca' });
  // Fatima: a procedure started and completed in the period (F, 25, MA, Oujda).
  const fatima = await create('Fatima', { sex: 'female', birthYear: 2000, nationality: 'MA', category: 'vulnerable_woman' }, { city: 'Oujda' });
  // A pseudonymous record present at a session (M, 75, ML, no city).
  const pseudo = await core.must('beneficiaries.create', {
    ...person({}, { sex: 'male', birthYear: 1950, nationality: 'ML', category: 'subsaharan_migrant' }),
    consent: null,
    personal: null,
    initials: 'GK',
  });

  const s2 = await core.must('sessions.save', { activityId: work.id, date: '2025-10-06', startTime: '10:00', endTime: '12:00' });
  const s3 = await core.must('sessions.save', { activityId: work.id, date: '2026-03-02', startTime: '10:00', endTime: '12:00' });
  await core.must('registrations.add', { activityId: work.id, beneficiaryIds: [bilal.id] });
  await mark(s2.id, { [awa.id]: 'present', [bilal.id]: 'present', [esther.id]: 'absent' });
  await mark(s3.id, { [awa.id]: 'present', [bilal.id]: 'present', [esther.id]: 'absent' });
  const health = await core.must('activities.save', { title: 'Santé maternelle', type: 'awareness_session', theme: 'health' });
  const s4 = await core.must('sessions.save', { activityId: health.id, date: '2026-01-15', startTime: '10:00', endTime: '12:00' });
  await core.must('registrations.add', { activityId: health.id, beneficiaryIds: [awa.id, pseudo.id] });
  await mark(s4.id, { [awa.id]: 'present', [pseudo.id]: 'present' });

  await core.must('caseNotes.add', { beneficiaryId: chantal.id, date: '2025-11-10', type: 'visit', text: 'Visite à domicile', sensitive: false });
  await core.must('caseNotes.add', { beneficiaryId: awa.id, date: '2026-04-01', type: 'call', text: 'Appel de suivi', sensitive: false });
  await core.must('caseNotes.add', { beneficiaryId: esther.id, date: '2025-06-01', type: 'visit', text: 'Avant la période', sensitive: false });
  await core.must('procedures.save', {
    beneficiaryId: fatima.id,
    type: 'anapec_registration',
    status: 'completed',
    startedOn: '2025-09-01',
    closedOn: '2026-02-01',
  });
  await core.must('procedures.save', { beneficiaryId: esther.id, type: 'school_enrolment', status: 'in_progress', startedOn: '2025-01-10' });
  const partner = await core.must('partners.save', { name: 'Caritas', type: 'ngo' });
  await core.must('referrals.save', {
    beneficiaryId: didier.id,
    partnerId: partner.id,
    sentOn: '2025-12-01',
    reason: 'Accès aux soins',
    status: 'service_given',
    feedbackOn: '2025-12-15',
  });
  await core.must('referrals.save', { beneficiaryId: awa.id, partnerId: partner.id, sentOn: '2026-05-05', reason: 'Logement', status: 'sent' });

  await core.must('beneficiaries.archive', { id: chantal.id, reason: 'lost_contact' });
  await core.must('beneficiaries.withdrawConsent', { id: didier.id });

  // A session the day after the period does not count.
  clock = '2026-07-01T12:00:00.000Z';
  await core.must('file.open', { path: session.path, userId: session.user.id, password: PRESIDENT_PASSWORD });
  const late = await core.must('sessions.save', { activityId: work.id, date: '2026-07-01', startTime: '14:00', endTime: '15:00' });
  await mark(late.id, { [esther.id]: 'present' });

  const report = await core.must('reports.indicators', PERIOD);
  return { core, path: session.path, presidentId: session.user.id, report, esther: esther.id, october: s2.id };
}

const tableOf = (report: IndicatorReport, id: string): ReportTable => {
  const found = report.sections.flatMap((s) => s.tables).find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};
const body = (t: ReportTable) => ({ rows: t.rows, total: t.total });

describe('indicator report', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await buildFixture();
  });

  it('counts each person reached once, by sex', () => {
    expect(tableOf(f.report, 'reached.summary').rows).toEqual([
      ['People reached', 6],
      ['of whom women', 3],
      ['of whom men', 3],
      ['New people registered in the period', 5],
    ]);
  });

  it('puts people in the age band of their age at the start of the period', () => {
    expect(body(tableOf(f.report, 'reached.byAgeBand'))).toEqual({
      rows: [
        ['0-14', 0, 0, 0],
        ['15-17', 0, 1, 1],
        ['18-29', 1, 0, 1],
        ['30-59', 2, 1, 3],
        ['60+', 0, 1, 1],
      ],
      total: ['Total', 3, 3, 6],
    });
  });

  it('disaggregates by category, nationality and city, archived and consent-withdrawn people included', () => {
    expect(body(tableOf(f.report, 'reached.byCategory'))).toEqual({
      rows: [
        ['Sub-Saharan migrant', 1, 1, 2],
        ['Asylum seeker', 0, 1, 1],
        ['Moroccan woman in a vulnerable situation', 1, 0, 1],
        ['Moroccan youth from the neighbourhood', 0, 1, 1],
        ['Refugee', 1, 0, 1],
      ],
      total: ['Total', 3, 3, 6],
    });
    expect(body(tableOf(f.report, 'reached.byNationality'))).toEqual({
      rows: [
        ['Morocco', 1, 1, 2],
        ['Cameroon', 1, 0, 1],
        ['Guinea', 0, 1, 1],
        ['Mali', 0, 1, 1],
        ['Senegal', 1, 0, 1],
      ],
      total: ['Total', 3, 3, 6],
    });
    expect(body(tableOf(f.report, 'reached.byCity'))).toEqual({
      rows: [
        ['Oujda', 1, 1, 2],
        ['Rabat', 2, 0, 2],
        ['Not stated', 0, 2, 2],
      ],
      total: ['Total', 3, 3, 6],
    });
    expect(body(tableOf(f.report, 'reached.detail'))).toEqual({
      rows: [
        ['Men', '15-17', 'Moroccan youth from the neighbourhood', 'Morocco', 'Oujda', 1],
        ['Men', '30-59', 'Asylum seeker', 'Guinea', 'Not stated', 1],
        ['Men', '60+', 'Sub-Saharan migrant', 'Mali', 'Not stated', 1],
        ['Women', '18-29', 'Moroccan woman in a vulnerable situation', 'Morocco', 'Oujda', 1],
        ['Women', '30-59', 'Refugee', 'Cameroon', 'Rabat', 1],
        ['Women', '30-59', 'Sub-Saharan migrant', 'Senegal', 'Rabat', 1],
      ],
      total: ['Total', null, null, null, null, 6],
    });
  });

  it('counts activities, sessions held, participants and completions per theme', () => {
    expect(tableOf(f.report, 'activities.summary').rows).toEqual([
      ['Activities with at least one session held', 2],
      ['Sessions held', 3],
      ['Distinct participants', 3],
      ['Presences', 6],
      ['Participations (person × activity)', 4],
      ['Completed participations', 3],
    ]);
    // Awa was at 3 of the 3 sessions held of the workshop (one before the period), Bilal at 2 of 3.
    expect(body(tableOf(f.report, 'activities.byTheme'))).toEqual({
      rows: [
        ['Health', 1, 1, 2, 2, 2, 100],
        ['Employability', 1, 2, 2, 2, 1, 50],
      ],
      total: ['Total', 2, 3, 3, 4, 3, 75],
    });
  });

  it('counts procedures, referrals by outcome and case notes of the period', () => {
    expect(body(tableOf(f.report, 'followUp.procedures'))).toEqual({
      rows: [['ANAPEC registration', 1, 1, 0]],
      total: ['Total', 1, 1, 0],
    });
    expect(body(tableOf(f.report, 'followUp.referrals'))).toEqual({
      rows: [
        ['Sent', 1, 1],
        ['Received', 0, 0],
        ['Service given', 1, 1],
        ['Refused', 0, 0],
        ['No answer', 0, 0],
      ],
      total: ['Total', 2, 2],
    });
    expect(body(tableOf(f.report, 'followUp.caseNotes'))).toEqual({
      rows: [
        ['Visit', 1, 1],
        ['Call', 1, 1],
        ['Accompaniment', 0, 0],
        ['Referral', 0, 0],
        ['Other', 0, 0],
      ],
      total: ['Total', 2, 2],
    });
  });

  it('states its definitions, and has a section for every area', () => {
    expect(f.report.definitions.map((d) => d.term)).toEqual(['Person reached', 'Age', 'Completion', 'Session held', 'Archived and pseudonymous records', 'Governance activities', 'Small groups', 'Counted attendance', 'People informed (outreach)']);
    expect(f.report.definitions[1].text).toContain('start of the period');
    expect(f.report.sections.map((s) => [s.id, s.available])).toEqual([
      ['beneficiaries', true],
      ['activities', true],
      ['followUp', true],
      ['grants', true],
      ['members', true],
      ['cooperatives', true],
    ]);
    expect(f.report.notes).toEqual([]);
  });

  it('speaks the language asked for, and the user’s own by default', async () => {
    const fr = await f.core.must('reports.indicators', { from: PERIOD.from, to: PERIOD.to });
    expect(fr.locale).toBe('fr');
    expect(tableOf(fr, 'reached.summary').rows[0]).toEqual(['Personnes touchées', 6]);
    const ar = await f.core.must('reports.indicators', { ...PERIOD, locale: 'ar' });
    expect(tableOf(ar, 'reached.byNationality').rows[0]).toEqual(['المغرب', 1, 1, 2]);
  });

  it('renders a period with no data, and an end before the start, with notes and without writing anything', async () => {
    const key = await databaseKey(f.path, f.presidentId, PRESIDENT_PASSWORD);
    const before = withDb(f.path, key, (db) => auditRows(db).length);

    const empty = await f.core.must('reports.indicators', { from: '2020-01-01', to: '2020-12-31', locale: 'en' });
    expect(empty.notes).toEqual([]);
    expect(empty.sections.find((s) => s.id === 'beneficiaries')?.notes).toEqual(['Nobody was reached in this period.']);
    expect(empty.sections.find((s) => s.id === 'activities')?.notes).toEqual(['No session was held in this period.']);
    expect(empty.sections.find((s) => s.id === 'followUp')?.notes).toEqual(['No procedure, referral or case note in this period.']);
    expect(empty.sections.find((s) => s.id === 'grants')?.notes).toEqual([
      'Choose a funding agreement to compare its targets with what was achieved.',
      'No micro-project, disbursement or expense in this period.',
    ]);
    expect(empty.sections.find((s) => s.id === 'members')?.notes).toEqual(['No member registered by the end of the period.']);
    expect(empty.sections.find((s) => s.id === 'cooperatives')?.notes).toEqual(['No cooperative project by the end of the period.']);
    expect(body(tableOf(empty, 'reached.byAgeBand')).total).toEqual(['Total', 0, 0, 0]);
    expect(tableOf(empty, 'activities.byTheme').rows).toEqual([]);

    const reversed = await f.core.must('reports.indicators', { from: '2026-06-30', to: '2025-07-01', locale: 'en' });
    expect(reversed.notes).toEqual(['The end date is before the start date: the period is empty and nothing is counted.']);
    expect(tableOf(reversed, 'reached.summary').rows[0]).toEqual(['People reached', 0]);

    const bad = await f.core.call('reports.indicators', { from: '2026-02-30', to: '2026-03-01' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toEqual({ code: 'invalid_input', fields: { from: 'invalid_format' } });

    expect(withDb(f.path, key, (db) => auditRows(db).length)).toBe(before);
  });

  it('exports the report as XLSX: a cover sheet, one sheet per table, real numbers, frozen headings', async () => {
    const file = await f.core.must('reports.exportXlsx', PERIOD);
    expect(file.fileName).toBe('indicator-report-2025-07-01-2026-06-30.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual([
      'Indicator report',
      '1. People reached',
      '2. By age band and sex',
      '3. By category and sex',
      '4. By nationality and sex',
      '5. By city and sex',
      '6. By legal status and sex',
      '7. By vulnerability and sex',
      '8. By dependants and sex',
      '9. Detail sex × age × category',
      '10. Activities and sessions',
      '11. Participants and',
      '12. Cases open and closed by',
      '13. Procedures',
      '14. Referrals by outcome',
      '15. Case notes by type',
      '16. Micro-projects and amounts',
      '17. Members',
      '18. Members by current status',
      '19. Dues collected in the',
      '20. Projects and cooperatives',
      '21. Cooperatives by step',
    ]);

    const cover = workbook.getWorksheet('Indicator report')!;
    const coverText = cover.getSheetValues().flat().filter((v) => typeof v === 'string');
    expect(coverText).toEqual(expect.arrayContaining(['Association Amal', 'Person reached', 'Generated on']));
    expect(coverText.some((v) => v.includes('Choose a funding agreement'))).toBe(true);

    const ages = workbook.getWorksheet('2. By age band and sex')!;
    expect(ages.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ages.getRow(1).getCell(1).value).toBe('By age band and sex');
    expect(ages.getRow(2).values).toEqual([undefined, 'Age band', 'Women', 'Men', 'Total']);
    expect(ages.getRow(6).values).toEqual([undefined, '30-59', 2, 1, 3]);
    expect(ages.getRow(8).values).toEqual([undefined, 'Total', 3, 3, 6]);
    expect(typeof ages.getRow(6).getCell(4).value).toBe('number');

    const themes = workbook.getWorksheet('11. Participants and')!;
    expect(themes.getRow(4).values).toEqual([undefined, 'Employability', 1, 2, 2, 2, 1, 0.5]);
    expect(themes.getRow(4).getCell(7).numFmt).toBe('0.0%');
  });

  it('writes Arabic workbooks right to left', async () => {
    const file = await f.core.must('reports.exportXlsx', { ...PERIOD, locale: 'ar' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].name).toBe('تقرير المؤشرات');
    expect(workbook.worksheets[1].views[0]).toMatchObject({ rightToLeft: true });
  });

  it('counts someone present in the period between presences before and after it (last: it changes the fixture)', async () => {
    // Esther was present before the period and after it; now also at the October session.
    await f.core.must('attendance.mark', { sessionId: f.october, marks: [{ beneficiaryId: f.esther, status: 'present' }] });
    const report = await f.core.must('reports.indicators', PERIOD);
    expect(tableOf(report, 'reached.summary').rows[0]).toEqual(['People reached', 7]);
    // Born in 2012: 13 at the start of the period.
    expect(tableOf(report, 'reached.byAgeBand').rows[0]).toEqual(['0-14', 1, 0, 1]);
  });
});
