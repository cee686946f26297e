import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListExport, OpInput } from '../../electron/contract';
import { person } from './builders';
import { auditRows, createdFile, databaseKey, PRESIDENT_PASSWORD, staffCore, testCore, useSuiteTempDir, withDb, type TestCore } from './helpers';

const suiteDir = useSuiteTempDir();
const NOW = '2026-06-01T09:00:00.000Z';

/** Every name, phone (as typed and as stored) and document number of the fixture. */
const SECRETS = ['Aminata', 'Diallo', 'أمينة', 'Moussa', 'Traoré', 'Khadija', 'Bennani', '0612345678', '+212612345678', '612345678', '0661223344', '+212661223344', 'RC-778899', 'P-445566'];

/** The text of every part of an XLSX (a zip), inflated. */
async function unzipText(bytes: Buffer): Promise<string> {
  const archive = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const parts = await Promise.all(Object.values(archive.files).map((f) => f.async('string')));
  return parts.join('\n');
}

const bytesOf = (file: ListExport) => Buffer.from(file.contentBase64, 'base64');
const textOf = async (file: ListExport) => (file.fileName.endsWith('.xlsx') ? unzipText(bytesOf(file)) : bytesOf(file).toString('utf8'));

async function sheetOf(file: ListExport): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytesOf(file) as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

const rowsOf = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));

describe('list exports', () => {
  let president: TestCore;
  let volunteer: TestCore;
  let path: string;
  let presidentId: string;
  let activityId: string;
  let sessionId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const root = suiteDir();
    president = testCore(join(root, 'president'), () => new Date(NOW));
    const { session } = await createdFile(president, join(root, 'file'));
    path = session.path;
    presidentId = session.user.id;
    volunteer = await staffCore(president, path, join(root, 'volunteer'), { displayName: 'Meryem', role: 'volunteer', now: () => new Date(NOW) });

    ids.aminata = (
      await president.must(
        'beneficiaries.create',
        person(
          {
            firstName: 'Aminata',
            lastName: 'Diallo',
            arabicName: 'أمينة',
            phones: ['0612345678'],
            city: '=HYPERLINK("http://x")',
            legalStatus: { code: 'residence_card', documentNumber: 'RC-778899' },
          },
          { birthYear: 1990 },
        ),
      )
    ).id;
    ids.moussa = (
      await president.must(
        'beneficiaries.create',
        person(
          { firstName: 'Moussa', lastName: 'Traoré', phones: ['0661223344'], city: 'Oujda', legalStatus: { code: 'refugee_card', documentNumber: 'P-445566' } },
          { sex: 'male', birthYear: 2010, nationality: 'ML' },
        ),
      )
    ).id;
    ids.khadija = (
      await president.must('beneficiaries.create', person({ firstName: 'Khadija', lastName: 'Bennani', phones: [], city: '+212 Tanger' }, { nationality: 'MA', category: 'vulnerable_woman' }))
    ).id;

    const activity = await president.must('activities.save', { title: 'Atelier CV', type: 'workshop', theme: 'employability' });
    activityId = activity.id;
    const s = await president.must('sessions.save', { activityId, date: '2026-05-20', startTime: '10:00', endTime: '12:00' });
    sessionId = s.id;
    await president.must('registrations.add', { activityId, beneficiaryIds: [ids.aminata, ids.moussa] });
    await president.must('attendance.mark', {
      sessionId,
      marks: [
        { beneficiaryId: ids.aminata, status: 'present' },
        { beneficiaryId: ids.moussa, status: 'absent' },
      ],
    });
    const partner = await president.must('partners.save', { name: 'Caritas Rabat', type: 'ngo' });
    await president.must('referrals.save', {
      beneficiaryId: ids.moussa,
      partnerId: partner.id,
      sentOn: '2026-05-02',
      reason: 'Soins dentaires urgents',
      status: 'received',
      notes: 'Rappeler Moussa',
    });
  });

  afterAll(() => {
    president?.close();
    volunteer?.close();
  });

  const everyone: OpInput<'exports.list'>['target'] = { list: 'beneficiaries', filters: { query: '', filters: { archived: false } } };

  it('pseudonymises by default: no name, phone or document number in the bytes of the file, XLSX or CSV', async () => {
    for (const format of ['xlsx', 'csv'] as const) {
      const file = await volunteer.must('exports.list', { target: everyone, format, locale: 'en' });
      expect(file.rows).toBe(3);
      const text = await textOf(file);
      for (const secret of SECRETS) expect(text, `${format}: ${secret}`).not.toContain(secret);
      expect(text).toContain('B-2026-00001');
      expect(text).toContain('Oujda');
    }
    const sheet = await sheetOf(await volunteer.must('exports.list', { target: everyone, format: 'xlsx', locale: 'en' }));
    expect(rowsOf(sheet)[0]).toEqual(['Reference', 'Sex', 'Age band', 'Category', 'Nationality', 'City']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Newest first, as on the list; the age band is this year's age (2026 − 2010 = 16).
    expect(rowsOf(sheet)).toContainEqual(['B-2026-00002', 'Male', '15-17', 'Sub-Saharan migrant', 'Mali', 'Oujda']);
  });

  it('exports what the list shows, with its filters', async () => {
    const men = await volunteer.must('exports.list', {
      target: { list: 'beneficiaries', filters: { query: '', filters: { sex: 'male', archived: false } } },
      format: 'csv',
      locale: 'en',
    });
    expect(men.rows).toBe(1);
    expect(await textOf(men)).toContain('B-2026-00002');
    const byName = await volunteer.must('exports.list', {
      target: { list: 'beneficiaries', filters: { query: 'khadija', filters: { archived: false } } },
      format: 'csv',
    });
    expect(byName.rows).toBe(1);
  });

  it('writes CSV with a byte order mark, the chosen delimiter, and formulas neutralised', async () => {
    const file = await volunteer.must('exports.list', { target: everyone, format: 'csv', delimiter: ';', locale: 'fr' });
    const bytes = bytesOf(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Référence;Sexe;Tranche d’âge;Catégorie;Nationalité;Ville');
    expect(lines).toContain('B-2026-00003;Femme;30-59;Femme marocaine en situation de vulnérabilité;Maroc;\'+212 Tanger');
    expect(lines.find((l) => l.startsWith('B-2026-00001'))).toBe('B-2026-00001;Femme;30-59;Migrant subsaharien;Sénégal;"\'=HYPERLINK(""http://x"")"');
    expect(file.mimeType).toBe('text/csv;charset=utf-8');
    expect(file.fileName).toBe('beneficiaries-2026-06-01.csv');
  });

  it('neutralises cells starting with -, @, a tab or a carriage return too, through the export op', async () => {
    await president.must('cooperatives.save', { proposedNames: ['-2+3'], sector: 'sewing', activity: 'Couture', city: '@SUM(A1:A9)', shareValue: 20_000 });
    const other = await president.must('cooperatives.save', { proposedNames: ['Coopérative Atlas'], sector: 'sewing', activity: 'Couture', city: 'Fès', shareValue: 20_000 });
    // The forms trim a leading tab or carriage return away; a file written by other means may still hold one.
    const key = await databaseKey(path, presidentId, PRESIDENT_PASSWORD);
    withDb(path, key, (db) =>
      db.prepare("UPDATE cooperatives SET proposed_names = json_array(char(9) || '=1+2'), city = char(13) || '=3+4' WHERE id = ?").run(other.id),
    );
    const target = { list: 'cooperatives', filters: {} } as const;
    const csv = bytesOf(await volunteer.must('exports.list', { target, format: 'csv', locale: 'en' })).toString('utf8');
    // Newest first: the edited project, then the other one.
    expect(csv.slice(1).split('\r\n').slice(1, 3).map((l) => l.split(',').slice(0, 4))).toEqual([
      ['C-2026-00002', "'\t=1+2", 'Sewing', '"\'\r=3+4"'],
      ['C-2026-00001', "'-2+3", 'Sewing', "'@SUM(A1:A9)"],
    ]);
    const sheet = await sheetOf(await volunteer.must('exports.list', { target, format: 'xlsx', locale: 'en' }));
    for (const cell of [sheet.getRow(2).getCell(2), sheet.getRow(2).getCell(4), sheet.getRow(3).getCell(2), sheet.getRow(3).getCell(4)]) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
    }
  });

  it('exports the participants of an activity and the attendance of a session, with numbers as numbers', async () => {
    const participants = await sheetOf(
      await volunteer.must('exports.list', { target: { list: 'participants', filters: { activityId } }, format: 'xlsx', locale: 'en' }),
    );
    expect(rowsOf(participants)).toEqual([
      ['Reference', 'Sex', 'Age band', 'Category', 'Nationality', 'City', 'Came unregistered', 'Presences', 'Completed'],
      ['B-2026-00001', 'Female', '30-59', 'Sub-Saharan migrant', 'Senegal', '=HYPERLINK("http://x")', 'No', 1, 'Yes'],
      ['B-2026-00002', 'Male', '15-17', 'Sub-Saharan migrant', 'Mali', 'Oujda', 'No', 0, 'No'],
    ]);
    // A string, never a formula.
    expect(participants.getRow(2).getCell(6).type).toBe(ExcelJS.ValueType.String);

    const attendance = await sheetOf(await volunteer.must('exports.list', { target: { list: 'attendance', filters: { sessionId } }, format: 'xlsx', locale: 'en' }));
    expect(rowsOf(attendance).map((r) => [r[0], r[6]])).toEqual([
      ['Reference', 'Attendance'],
      ['B-2026-00001', 'Present'],
      ['B-2026-00002', 'Absent'],
    ]);
  });

  it('exports referrals without their free-text reason and notes', async () => {
    const file = await volunteer.must('exports.list', { target: { list: 'referrals', filters: { from: '2026-05-01' } }, format: 'csv', locale: 'en' });
    const text = await textOf(file);
    expect(text).toContain('B-2026-00002,Male,15-17,Sub-Saharan migrant,Mali,Oujda,2026-05-02,Caritas Rabat,Received,2026-06-01');
    for (const secret of ['Soins dentaires', 'Rappeler', ...SECRETS]) expect(text).not.toContain(secret);
    const none = await volunteer.must('exports.list', { target: { list: 'referrals', filters: { from: '2026-05-03' } }, format: 'csv' });
    expect(none.rows).toBe(0);
  });

  it('a named export is for presidents, with a purpose, says it holds personal data, and is logged without names', async () => {
    const purpose = 'Liste pour le HCR (réinstallation)';
    const denied = await volunteer.call('exports.namedList', { target: everyone, format: 'csv', purpose });
    expect(denied).toEqual({ ok: false, error: { code: 'forbidden' } });
    const noPurpose = await president.call('exports.namedList', { target: everyone, format: 'csv', purpose: ' ' } as never);
    expect(noPurpose).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { purpose: 'too_small' } } });

    const file = await president.must('exports.namedList', { target: everyone, format: 'xlsx', purpose, locale: 'en' });
    expect(file.fileName).toBe('beneficiaries-named-2026-06-01.xlsx');
    const rows = rowsOf(await sheetOf(file));
    expect(rows[0]).toEqual(['CONFIDENTIAL — PERSONAL DATA']);
    expect(rows[1]).toEqual(['Named export by Nadia Bennani on 2026-06-01']);
    expect(rows[2]).toEqual([`Purpose : ${purpose}`]);
    expect(rows[3]).toEqual(['Reference', 'Sex', 'Age band', 'Category', 'Nationality', 'City', 'Last name', 'First name', 'Arabic name', 'Phones', 'Document number']);
    expect(rows).toContainEqual(['B-2026-00002', 'Male', '15-17', 'Sub-Saharan migrant', 'Mali', 'Oujda', 'Traoré', 'Moussa', undefined, '+212661223344', 'P-445566']);

    const csv = await president.must('exports.namedList', { target: everyone, format: 'csv', purpose, locale: 'en' });
    expect((await textOf(csv)).slice(1).split('\r\n')[0]).toBe('CONFIDENTIAL — PERSONAL DATA');

    const key = await databaseKey(path, presidentId, PRESIDENT_PASSWORD);
    withDb(path, key, (db) => {
      const logged = db.prepare('SELECT * FROM list_exports WHERE named = 1 ORDER BY at, rowid').all() as { id: string; purpose: string; list: string; row_count: number; user_id: string }[];
      expect(logged.map((l) => [l.list, l.purpose, l.row_count, l.user_id])).toEqual([
        ['beneficiaries', purpose, 3, presidentId],
        ['beneficiaries', purpose, 3, presidentId],
      ]);
      const audited = auditRows(db).filter((a) => a.op === 'exports.namedList');
      expect(audited.map((a) => a.entity_id)).toEqual(logged.map((l) => l.id));
      const everything = JSON.stringify(db.prepare('SELECT * FROM list_exports').all()) + JSON.stringify(auditRows(db));
      for (const secret of SECRETS) expect(everything).not.toContain(secret);
    });
  });

  it('reports progress on the job it is given', async () => {
    const jobId = 'export-job-0001';
    await volunteer.must('exports.list', { target: everyone, format: 'xlsx', jobId });
    expect(await volunteer.must('jobs.progress', { jobId })).toEqual({ done: 3, total: 3, finished: true });
  });

  it('refuses an unknown activity and bad filters, writing nothing', async () => {
    const key = await databaseKey(path, presidentId, PRESIDENT_PASSWORD);
    const before = withDb(path, key, (db) => auditRows(db).length);
    expect(await volunteer.call('exports.list', { target: { list: 'participants', filters: { activityId: 'nope' } }, format: 'csv' })).toEqual({
      ok: false,
      error: { code: 'not_found' },
    });
    const bad = await volunteer.call('exports.list', { target: { list: 'people' }, format: 'pdf' } as never);
    expect(bad.ok).toBe(false);
    expect(withDb(path, key, (db) => auditRows(db).length)).toBe(before);
  });
});
