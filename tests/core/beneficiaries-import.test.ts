import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { person } from './builders';
import { createdFile, testCore, useTempDir, type TestCore } from './helpers';

const tempDir = useTempDir();
const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

async function signedIn(): Promise<TestCore> {
  const dir = tempDir();
  const core = testCore(dir);
  await createdFile(core, dir);
  return core;
}

const HEADER = 'Prénom;Nom;Sexe;Date de naissance;Nationalité;Catégorie;Téléphone;Ville;Consentement';

describe('import from spreadsheets', () => {
  it('suggests a mapping and previews a French CSV with BOM and semicolons', async () => {
    const core = await signedIn();
    const csv = `\uFEFF${HEADER}\r\nAwa;Diop;F;12/03/1995;Sénégal;Migrant subsaharien;0612345678;Rabat;01/02/2026\r\n`;
    const preview = await core.must('beneficiaries.importPreview', { fileName: 'liste.csv', contentBase64: b64(csv) });
    expect(preview.headers[0]).toBe('Prénom');
    expect(preview.rowCount).toBe(1);
    expect(preview.suggestedMapping).toMatchObject({
      firstName: 0, lastName: 1, sex: 2, birthDate: 3, nationality: 4, category: 5, phone: 6, city: 7, consentDate: 8,
    });
  });

  it('imports good rows, reports each bad one, and sets aside likely duplicates', async () => {
    const core = await signedIn();
    const existing = await core.must('beneficiaries.create', person({ firstName: 'Ousmane', lastName: 'Sow', phones: [] }, { sex: 'male', birthYear: 1990 }));
    const csv = [
      HEADER,
      'Awa;Diop;F;12/03/1995;Sénégal;Migrant subsaharien;0612345678;Rabat;01/02/2026',
      'Koffi;Kouamé;Homme;1988-07-01;CI;subsaharan_migrant;;Oujda;',
      'Bad;Date;F;31/02/1990;SN;Migrant subsaharien;;Rabat;01/02/2026',
      'No;Category;M;01/01/1990;SN;Martien;;Rabat;01/02/2026',
      'Usman;Sow;M;05/05/1990;Sénégal;Migrant subsaharien;;Rabat;01/02/2026',
      'Bad;Phone;F;01/01/1990;SN;Migrant subsaharien;12345;Rabat;01/02/2026',
    ].join('\n');
    const preview = await core.must('beneficiaries.importPreview', { fileName: 'liste.csv', contentBase64: b64(csv) });
    const report = await core.must('beneficiaries.import', {
      fileName: 'liste.csv',
      contentBase64: b64(csv),
      mapping: preview.suggestedMapping,
      jobId: 'job-12345678',
    });
    expect(report.imported).toBe(2);
    expect(report.pseudonymous).toBe(1);
    expect(report.rejected.map((r) => [r.row, Object.keys(r.reasons)])).toEqual([
      [4, ['birthDate']],
      [5, ['category']],
      [7, ['personal.phones.0']],
    ]);
    expect(report.rejected[0].reasons.birthDate).toEqual({ code: 'no_such_day', value: '31/02/1990' });
    expect(report.toReview).toEqual([
      { row: 6, candidates: [{ id: existing.id, reference: existing.reference, displayName: 'Ousmane Sow' }], sameFileRows: [] },
    ]);
    expect(report.rejectedSheet).toMatchObject({ delimiter: ';', encoding: 'utf-8', bom: false });
    expect(report.rejectedSheet?.rows[1]).toEqual(['No', 'Category', 'M', '01/01/1990', 'SN', 'Martien', '', 'Rabat', '01/02/2026']);
    const found = await core.must('beneficiaries.search', { query: 'Awa Diop' });
    expect(found.rows.map((r) => [r.displayName, r.city])).toEqual([['Awa Diop', 'Rabat']]);
    const koffi = (await core.must('beneficiaries.search', { filters: { nationality: 'CI' } })).rows;
    expect(koffi.map((r) => [r.displayName, r.pseudonymous])).toEqual([['KK', true]]);
    expect(await core.must('jobs.progress', { jobId: 'job-12345678' })).toEqual({ done: 6, total: 6, finished: true });
  });

  it('reads an XLSX sheet, dates as real cells', async () => {
    const core = await signedIn();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Bénéficiaires');
    sheet.addRow(['Prénom', 'Nom', 'Sexe', 'Date de naissance', 'Nationalité', 'Catégorie', 'Consentement']);
    sheet.addRow(['Grâce', 'Mbuyi', 'F', new Date(Date.UTC(1999, 4, 17)), 'République démocratique du Congo', 'Réfugié', new Date(Date.UTC(2026, 0, 5))]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = await core.must('beneficiaries.importPreview', { fileName: 'liste.xlsx', contentBase64: b64(bytes) });
    const report = await core.must('beneficiaries.import', { fileName: 'liste.xlsx', contentBase64: b64(bytes), mapping: preview.suggestedMapping, jobId: 'job-xlsx-0001' });
    expect(report).toMatchObject({ imported: 1, rejected: [] });
    const [row] = (await core.must('beneficiaries.search', { query: 'grace' })).rows;
    const b = await core.must('beneficiaries.get', { id: row.id });
    expect([b.nationality, b.category, b.personal?.birthDate, b.consent?.date]).toEqual(['CD', 'refugee', '1999-05-17', '2026-01-05']);
  });

  it('refuses a file that is not a spreadsheet, writing nothing', async () => {
    const core = await signedIn();
    const result = await core.call('beneficiaries.importPreview', { fileName: 'liste.xlsx', contentBase64: b64('not a zip') });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { contentBase64: 'unreadable_file' } } });
  });

  it('imports 20,000 rows with 5% bad rows in one go', async () => {
    const core = await signedIn();
    const lines = [HEADER];
    for (let i = 0; i < 20_000; i++) {
      const bad = i % 20 === 0;
      // Distinct years and names keep the rows from looking like each other.
      lines.push(`P${i};N${i};${i % 2 ? 'F' : 'M'};01/01/${bad ? 'xxxx' : 1950 + (i % 60)};SN;Réfugié;;Rabat;`);
    }
    const csv = lines.join('\n');
    const report = await core.must('beneficiaries.import', {
      fileName: 'big.csv',
      contentBase64: b64(csv),
      mapping: { firstName: 0, lastName: 1, sex: 2, birthDate: 3, nationality: 4, category: 5, city: 7, consentDate: 8 },
      jobId: 'job-big-000001',
    });
    expect(report.imported).toBe(19_000);
    expect(report.rejected).toHaveLength(1_000);
    expect((await core.must('beneficiaries.search', {})).total).toBe(19_000);
  }, 120_000);

  it('writes nothing when the file is locked before the import is written', async () => {
    const core = await signedIn();
    const lines = [HEADER, ...Array.from({ length: 3000 }, (_, i) => `P${i};N${i};F;01/01/1990;SN;Réfugié;;Rabat;`)];
    const running = core.call('beneficiaries.import', {
      fileName: 'x.csv',
      contentBase64: b64(lines.join('\n')),
      mapping: { firstName: 0, lastName: 1, sex: 2, birthDate: 3, nationality: 4, category: 5 },
      jobId: 'job-locked-01',
    });
    await new Promise((r) => setImmediate(r));
    await core.must('session.lock', {});
    expect(await running).toMatchObject({ ok: false, error: { code: 'session_locked' } });
  });
});
