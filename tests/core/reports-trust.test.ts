import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AttendanceStatus, BeneficiaryInput, IndicatorReport, ReportTable } from '../../electron/contract';
import { person } from './builders';
import { agreementInput, newFunder } from './grants-builders';
import { expectFailure, signedInAt, useTempDir, type TestCore } from './helpers';

const tempDir = useTempDir();
const PERIOD = { from: '2026-01-01', to: '2026-12-31', locale: 'en' } as const;

const tableOf = (report: IndicatorReport, id: string): ReportTable => {
  const found = report.sections.flatMap((s) => s.tables).find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};
const summaryValue = (report: IndicatorReport, id: string, label: string) => tableOf(report, id).rows.find((r) => r[0] === label)?.[1];

async function people(core: TestCore, count: number, top: Partial<BeneficiaryInput> = {}): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await core.must('beneficiaries.create', person({ firstName: `P${ids.length}`, phones: [] }, top))).id);
  return ids;
}

/** An activity of the given type with one session on `date` where everyone listed was present. */
async function heldWith(core: TestCore, type: string, date: string, present: string[]): Promise<void> {
  const activity = await core.must('activities.save', { title: `Activité ${type}`, type, theme: 'employability' });
  const session = await core.must('sessions.save', { activityId: activity.id, date, startTime: '10:00', endTime: '12:00' });
  await core.must('registrations.add', { activityId: activity.id, beneficiaryIds: present });
  const marks = present.map((beneficiaryId) => ({ beneficiaryId, status: 'present' as AttendanceStatus }));
  await core.must('attendance.mark', { sessionId: session.id, marks });
}

describe('governance activities in the indicator report', () => {
  it('members present only at a general assembly or a board meeting are not reached, and those activities are not counted', async () => {
    const core = await signedInAt(tempDir(), '2026-03-10T09:00:00.000Z');
    await core.must('settings.update', { smallCellThreshold: 1 });
    const trainees = await people(core, 3);
    const boardOnly = await people(core, 4, { sex: 'male' });
    await heldWith(core, 'workshop', '2026-02-02', trainees);
    // One trainee is also a member at the assembly: still reached once, through the workshop.
    await heldWith(core, 'general_assembly', '2026-02-20', [...boardOnly, trainees[0]]);
    await heldWith(core, 'board_meeting', '2026-03-01', boardOnly.slice(0, 2));

    const report = await core.must('reports.indicators', PERIOD);
    expect(summaryValue(report, 'reached.summary', 'People reached')).toBe(3);
    expect(summaryValue(report, 'reached.summary', 'of whom men')).toBe(0);
    expect(summaryValue(report, 'activities.summary', 'Activities with at least one session held')).toBe(1);
    expect(summaryValue(report, 'activities.summary', 'Sessions held')).toBe(1);
    expect(summaryValue(report, 'activities.summary', 'Distinct participants')).toBe(3);
    expect(report.definitions.map((d) => d.term)).toContain('Governance activities');

    // The flag is the association's to set: an activity type marked governance leaves the count too.
    await core.must('lookups.save', {
      list: 'activityType',
      code: 'workshop',
      labels: { fr: 'Atelier', ar: 'ورشة', en: 'Workshop' },
      sensitive: false,
      governance: true,
      archived: false,
    });
    const after = await core.must('reports.indicators', PERIOD);
    expect(summaryValue(after, 'reached.summary', 'People reached')).toBe(0);
    expect(summaryValue(after, 'activities.summary', 'Activities with at least one session held')).toBe(0);
    const types = await core.must('lookups.list', { list: 'activityType' });
    expect(types.filter((t) => t.governance).map((t) => t.code).sort()).toEqual(['board_meeting', 'general_assembly', 'workshop']);
  });
});

/** No group of 1 to threshold-1 shows, and no line adding up to a total has exactly one hidden cell. */
function expectNoSmallGroup(t: ReportTable, threshold: number, parts: number[], totalColumn: number | null) {
  const all = t.total ? [...t.rows, t.total] : t.rows;
  for (const row of all) for (const col of [...parts, ...(totalColumn === null ? [] : [totalColumn])]) {
    const cell = row[col];
    if (typeof cell === 'number') expect(cell === 0 || cell >= threshold).toBe(true);
    else expect(cell).toBe(`< ${threshold}`);
  }
  const hidden = (cells: unknown[]) => cells.filter((c) => typeof c === 'string').length;
  if (totalColumn !== null) for (const row of all) expect(hidden([...parts, totalColumn].map((c) => row[c]))).not.toBe(1);
  for (const col of [...parts, ...(totalColumn === null ? [] : [totalColumn])]) expect(hidden(all.map((row) => row[col]))).not.toBe(1);
}

describe('small groups in the indicator report', () => {
  it('shows a group of fewer than 5 as "< 5", hides one more cell where a total would give it away, and keeps the true totals', async () => {
    const core = await signedInAt(tempDir(), '2026-03-10T09:00:00.000Z');
    const migrants = [...(await people(core, 12)), ...(await people(core, 3, { sex: 'male' }))];
    const refugees = [...(await people(core, 6, { category: 'refugee' })), ...(await people(core, 8, { category: 'refugee', sex: 'male' }))];
    const youth = [...(await people(core, 10, { category: 'local_youth' })), ...(await people(core, 10, { category: 'local_youth', sex: 'male' }))];
    await heldWith(core, 'workshop', '2026-02-02', [...migrants, ...refugees, ...youth]);
    const health = await core.must('activities.save', { title: 'Santé', type: 'awareness_session', theme: 'health' });
    const healthSession = await core.must('sessions.save', { activityId: health.id, date: '2026-02-09', startTime: '10:00', endTime: '12:00' });
    await core.must('registrations.add', { activityId: health.id, beneficiaryIds: youth.slice(0, 2) });
    await core.must('attendance.mark', { sessionId: healthSession.id, marks: youth.slice(0, 2).map((beneficiaryId) => ({ beneficiaryId, status: 'present' as const })) });

    const report = await core.must('reports.indicators', PERIOD);
    // Two people at the health session: hidden, the other theme with them, and the rates that would tell.
    expect(tableOf(report, 'activities.byTheme').rows).toEqual([
      ['Health', 1, 1, '< 5', '< 5', '< 5', null],
      ['Employability', 1, 1, '< 5', '< 5', '< 5', null],
    ]);
    expect(tableOf(report, 'activities.byTheme').total).toEqual(['Total', 2, 2, 49, 51, 51, 100]);
    const byCategory = tableOf(report, 'reached.byCategory');
    // Men among migrants (3) are hidden; their row's total would then give them away, so the women
    // are hidden too, and so on along each column: the youth's groups can stay.
    expect(byCategory.rows).toEqual([
      ['Moroccan youth from the neighbourhood', 10, 10, 20],
      ['Sub-Saharan migrant', '< 5', '< 5', 15],
      ['Refugee', '< 5', '< 5', 14],
    ]);
    expect(byCategory.total).toEqual(['Total', 28, 21, 49]);
    for (const id of ['reached.byAgeBand', 'reached.byCategory', 'reached.byNationality', 'reached.byCity']) {
      expectNoSmallGroup(tableOf(report, id), 5, [1, 2], 3);
    }
    const detail = tableOf(report, 'reached.detail');
    expectNoSmallGroup(detail, 5, [5], null);
    // Men, then women; in each, youth, refugees, migrants: the 3 men are hidden, and the 6 refugee women with them.
    expect(detail.rows.map((r) => r[5])).toEqual([10, 8, '< 5', 10, '< 5', 12]);
    expect(detail.total?.[5]).toBe(49);
    expect(report.definitions.find((d) => d.term === 'Small groups')?.text).toContain('fewer than 5 people');

    // The XLSX says the same: the hidden group is not in the file.
    const file = await core.must('reports.exportXlsx', PERIOD);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets.find((w) => w.getCell('A1').value === 'By category and sex')!;
    expect(sheet.getRow(4).values).toEqual([undefined, 'Sub-Saharan migrant', '< 5', '< 5', 15]);

    // The threshold is the association's setting; the definition follows it.
    await core.must('settings.update', { smallCellThreshold: 3 });
    const lower = await core.must('reports.indicators', PERIOD);
    expect(tableOf(lower, 'reached.byCategory').rows).toEqual([
      ['Moroccan youth from the neighbourhood', 10, 10, 20],
      ['Sub-Saharan migrant', 12, 3, 15],
      ['Refugee', 6, 8, 14],
    ]);
    expect(lower.definitions.find((d) => d.term === 'Small groups')?.text).toContain('fewer than 3 people');
    await expectFailure(core.call('settings.update', { smallCellThreshold: 0 }), 'invalid_input', { smallCellThreshold: 'too_small' });
  });
});

describe('consent to reporting', () => {
  it('leaves a person without consent to reporting out of named exports, says how many, and still counts them in the report', async () => {
    const core = await signedInAt(tempDir(), '2026-03-10T09:00:00.000Z');
    await core.must('settings.update', { smallCellThreshold: 1 });
    const consented = await core.must('beneficiaries.create', person({ firstName: 'Awa', lastName: 'Diallo', phones: [] }));
    const serviceOnly = await core.must(
      'beneficiaries.create',
      person({ firstName: 'Binta', lastName: 'Sy', phones: [] }, { consent: { date: '2026-01-15', givenBy: 'person', scopes: ['service', 'sharing'] } }),
    );
    await heldWith(core, 'workshop', '2026-02-02', [consented.id, serviceOnly.id]);

    const everyone = { list: 'beneficiaries', filters: { query: '', filters: { archived: false } } } as const;
    const file = await core.must('exports.namedList', { target: everyone, format: 'xlsx', purpose: 'Convocation à l’atelier', locale: 'en' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const cells = JSON.stringify(workbook.worksheets[0].getSheetValues());
    expect(cells).toContain('Diallo');
    expect(cells).not.toContain('Binta');
    expect(cells).not.toContain(serviceOnly.reference);
    expect(cells).toContain('1 person(s) not listed: without consent to reporting, they are counted in totals only.');
    expect(file.rows).toBe(1);

    // A pseudonymised list names nobody: both stay in it; and both are counted as reached.
    expect((await core.must('exports.list', { target: everyone, format: 'csv', locale: 'en' })).rows).toBe(2);
    const report = await core.must('reports.indicators', PERIOD);
    expect(summaryValue(report, 'reached.summary', 'People reached')).toBe(2);

    // Consent to reporting given later: the person is listed.
    await core.must('beneficiaries.update', {
      id: serviceOnly.id,
      input: person({ firstName: 'Binta', lastName: 'Sy', phones: [] }, { consent: { date: '2026-03-01', givenBy: 'person', scopes: ['service', 'reporting'] } }),
    });
    expect((await core.must('exports.namedList', { target: everyone, format: 'csv', purpose: 'Convocation à l’atelier', locale: 'en' })).rows).toBe(2);
  });
});

describe('indicators beyond the built-in measures', () => {
  it('narrows a measure by category, theme and activity type, takes a result entered with its source, and breaks people down by legal status, vulnerability and household', async () => {
    const core = await signedInAt(tempDir(), '2026-03-10T09:00:00.000Z');
    await core.must('settings.update', { smallCellThreshold: 1 });
    const women = await people(core, 3, { category: 'vulnerable_woman' });
    const men = await people(core, 2, { sex: 'male' });
    const refugee = await core.must(
      'beneficiaries.create',
      person({ firstName: 'Rose', phones: [], legalStatus: null, household: { dependants: 5, childrenUnder18: 3, singleParent: false }, vulnerabilities: [] }, { category: 'refugee' }),
    );
    const funder = await newFunder(core);
    const agreement = await core.must(
      'grants.agreements.save',
      agreementInput(funder.id, {
        indicators: [
          { code: 'W_TRAINED', label: 'Femmes vulnérables formées', target: 10 },
          { code: 'AWARENESS', label: 'Séances de sensibilisation', target: 4 },
          { code: 'PLACED', label: 'Personnes placées en emploi', target: 5 },
        ],
      }),
    );
    const link = async (activityType: string, theme: string, present: string[]) => {
      const activity = await core.must('activities.save', { title: activityType, type: activityType, theme, agreementId: agreement.id });
      const session = await core.must('sessions.save', { activityId: activity.id, date: '2026-02-10', startTime: '10:00', endTime: '12:00' });
      await core.must('registrations.add', { activityId: activity.id, beneficiaryIds: present });
      await core.must('attendance.mark', { sessionId: session.id, marks: present.map((beneficiaryId) => ({ beneficiaryId, status: 'present' as const })) });
    };
    await link('vocational_training', 'employability', [...women, men[0]]);
    await link('awareness_session', 'health', [women[0], men[1], refugee.id]);

    await core.must('reports.setIndicatorMeasure', {
      agreementId: agreement.id,
      code: 'W_TRAINED',
      measure: 'participants',
      filters: { category: ['vulnerable_woman'], activityType: ['vocational_training'] },
    });
    await core.must('reports.setIndicatorMeasure', { agreementId: agreement.id, code: 'AWARENESS', measure: 'sessions_held', filters: { theme: ['health'] } });
    // A category says nothing of a session: refused at the field, nothing stored.
    await expectFailure(
      core.call('reports.setIndicatorMeasure', { agreementId: agreement.id, code: 'PLACED', measure: 'sessions_held', filters: { category: ['refugee'] } }),
      'invalid_input',
      { 'filters.category': 'filter_not_applicable' },
    );
    const period = { from: '2026-01-01', to: '2026-06-30' };
    await core.must('reports.setIndicatorResult', { agreementId: agreement.id, code: 'PLACED', ...period, value: 2, source: 'Attestations ANAPEC du 2 juin' });
    await expectFailure(
      core.call('reports.setIndicatorResult', { agreementId: agreement.id, code: 'AWARENESS', ...period, value: 3, source: 'Feuilles papier' }),
      'invalid_input',
      { value: 'indicator_measured' },
    );
    await expectFailure(
      core.call('reports.setIndicatorResult', { agreementId: agreement.id, code: 'PLACED', ...period, value: -1, source: 'x' }),
      'invalid_input',
      { value: 'too_small', source: 'too_small' },
    );

    const report = await core.must('reports.indicators', { ...period, agreementId: agreement.id, locale: 'en' });
    expect(tableOf(report, 'targets.byIndicator').rows).toEqual([
      ['Femmes vulnérables formées', 10, 3, 30],
      ['Séances de sensibilisation', 4, 1, 25],
      ['Personnes placées en emploi', 5, 2, 40],
    ]);
    const grants = report.sections.find((s) => s.id === 'grants')!;
    expect(grants.notes).toContain('Personnes placées en emploi: result entered by hand — source: Attestations ANAPEC du 2 juin');
    expect(grants.notes.some((n) => n.startsWith('A filtered indicator counts only'))).toBe(true);
    // Another period has no result entered: the indicator shows its target only.
    const other = await core.must('reports.indicators', { from: '2026-01-01', to: '2026-12-31', agreementId: agreement.id, locale: 'en' });
    expect(tableOf(other, 'targets.byIndicator').rows[2]).toEqual(['Personnes placées en emploi', 5, null, null]);

    // Six people: five with the builder's residence card, one child-free single mother each, and Rose.
    expect(tableOf(report, 'reached.byLegalStatus').rows).toEqual([
      ['Residence card', 3, 2, 5],
      ['Not stated', 1, 0, 1],
    ]);
    expect(tableOf(report, 'reached.byVulnerability').rows).toEqual([['Single mother', 3, 2, 5]]);
    expect(tableOf(report, 'reached.byVulnerability').total).toBeNull();
    expect(tableOf(report, 'reached.byHousehold').rows).toEqual([
      ['1 or 2', 3, 2, 5],
      ['5 or more', 1, 0, 1],
    ]);
  });
});

describe('the report as XLSX', () => {
  it('writes its dates as dates, the time in the association’s time zone, and its sheet and file names in its language', async () => {
    // 10:30 UTC on 10 April 2026 is 11:30 in Casablanca (UTC+1 outside Ramadan), 06:30 in Montreal.
    const core = await signedInAt(tempDir(), '2026-04-10T10:30:00.000Z');
    const cover = async (locale: 'fr' | 'ar' | 'en') => {
      const file = await core.must('reports.exportXlsx', { from: '2026-01-01', to: '2026-03-31', locale });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      const row = (label: string) => sheet.getColumn(1).values.indexOf(label);
      return { file, workbook, sheet, cell: (label: string) => sheet.getRow(row(label)).getCell(2) };
    };

    const fr = await cover('fr');
    expect(fr.file.fileName).toBe('rapport-indicateurs-2026-01-01-2026-03-31.xlsx');
    expect(fr.sheet.name).toBe('Rapport d’indicateurs');
    expect(fr.cell('Du').value).toEqual(new Date('2026-01-01T00:00:00.000Z'));
    expect(fr.cell('Du').numFmt).toBe('dd/mm/yyyy');
    expect(fr.cell('Au').value).toEqual(new Date('2026-03-31T00:00:00.000Z'));
    expect(fr.cell('Généré le').value).toEqual(new Date('2026-04-10T11:30:00.000Z'));
    expect(fr.cell('Généré le').numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(fr.cell('Fuseau horaire').value).toBe('Africa/Casablanca');
    for (const sheet of fr.workbook.worksheets) {
      expect(sheet.name.length).toBeLessThanOrEqual(31);
      // Cut only between words: every word of the name is a whole word of its table's title.
      const title = String(sheet.getCell('A1').value);
      if (sheet !== fr.sheet) for (const word of sheet.name.replace(/^\d+\. /, '').split(' ')) expect(title.split(' ')).toContain(word);
    }
    expect(fr.workbook.worksheets.map((w) => w.name)).toContain('2. Par tranche d’âge et sexe');

    const ar = await cover('ar');
    expect(ar.file.fileName).toBe('تقرير-المؤشرات-2026-01-01-2026-03-31.xlsx');
    expect(ar.workbook.worksheets.map((w) => w.name)).toContain('2. حسب الفئة العمرية والجنس');

    await core.must('settings.update', { timeZone: 'America/Montreal' });
    expect((await cover('en')).cell('Generated on').value).toEqual(new Date('2026-04-10T06:30:00.000Z'));
    await expectFailure(core.call('settings.update', { timeZone: 'Mars/Olympus' }), 'invalid_input', { timeZone: 'unknown_time_zone' });
    expect((await core.must('settings.get', {})).timeZone).toBe('America/Montreal');
  });
});
