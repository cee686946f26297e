import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rejectedFileText, type ImportReport, type OpInput } from '../../electron/contract';
import { person } from './builders';
import { signedInAt, useTempDir, type TestCore } from './helpers';

const tempDir = useTempDir();
const b64 = (bytes: string | Buffer) => Buffer.from(bytes).toString('base64');
const NOW = '2026-12-06T10:00:00Z';

type Setup = Omit<OpInput<'beneficiaries.import'>, 'fileName' | 'contentBase64' | 'jobId'>;
let job = 0;

async function importFile(core: TestCore, fileName: string, content: string | Buffer, setup: Setup): Promise<ImportReport> {
  job += 1;
  return core.must('beneficiaries.import', { fileName, contentBase64: b64(content), jobId: `job-sheets-${job}`, ...setup });
}

async function xlsx(build: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('Liste'));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function personNamed(core: TestCore, query: string) {
  const [row] = (await core.must('beneficiaries.search', { query })).rows;
  return core.must('beneficiaries.get', { id: row.id });
}

const THIRTEEN = [
  ['DIOP Awa', 'F', '12/03/1995', 'Sénégal', '0612345601'],
  ['TRAORÉ Moussa', 'H', '1990', 'Mali', '0612345602'],
  ['KOUASSI Aya Marie', 'F', '05/06/1998', 'ivoirienne', '0612345603'],
  ['MBALA Grâce', 'F', '17/05/1999', 'Congo Brazzaville', '0612345604'],
  ['CAMARA Ibrahima', 'H', '01/01/1993', 'guinéen', '0612345605'],
  ['NDIAYE Fatou', 'F', '1987', 'sénégalais(e)', '0612345606'],
  ['KEITA Seydou', 'H', '23/09/2000', 'Mali', '0612345607'],
  ['EL AMRANI Youssef', 'H', '14/02/1985', 'Maroc', '0612345608'],
  ['BAMBA Mariam', 'F', '30/11/1996', "Côte d'Ivoire", '0612345609'],
  ['OKAFOR Chinedu', 'M', '08/08/1991', 'nigérian', '0612345610'],
  ['TOURÉ Aïssata', 'F', '2/3/97', 'RDC', '0612345611'],
  ['SANKARA Ousmane', 'H', '1989', 'burkinabé', '0612345612'],
  ['FOFANA Kadiatou', 'F', '19/07/2002', 'Guinée', '0612345613'],
];

describe('importing lists as associations keep them', () => {
  it('imports all 13 people of a list without a category column, with one category and a paper consent for the batch', async () => {
    const core = await signedInAt(tempDir(), NOW);
    const file = await xlsx((sheet) => {
      sheet.addRow(['Liste des bénéficiaires — accueil de novembre']);
      sheet.mergeCells('A1:F1');
      sheet.addRow([]);
      sheet.addRow(['N°', 'Nom et prénom', 'Sexe', 'Date de naissance', 'Nationalité', 'Téléphone']);
      THIRTEEN.forEach((person, i) => sheet.addRow([i + 1, ...person]));
    });
    const preview = await core.must('beneficiaries.importPreview', { fileName: 'novembre.xlsx', contentBase64: b64(file) });
    expect(preview).toMatchObject({ headerRow: 3, rowCount: 13 });
    expect(preview.suggestedMapping).toEqual({ fullName: 1, sex: 2, birthDate: 3, nationality: 4, phone: 5 });

    const withoutBatch = await importFile(core, 'novembre.xlsx', file, { mapping: preview.suggestedMapping });
    expect(withoutBatch.imported).toBe(0);
    expect(withoutBatch.rejected).toHaveLength(13);
    expect(withoutBatch.rejected[0]).toEqual({ row: 4, reasons: { category: { code: 'missing' } } });

    const report = await importFile(core, 'novembre.xlsx', file, {
      mapping: preview.suggestedMapping,
      batch: { category: 'subsaharan_migrant', city: 'Oujda' },
      consent: { basis: 'paperForm', date: '2026-11-20' },
    });
    expect(report).toMatchObject({ imported: 13, pseudonymous: 0, rejected: [], toReview: [], skipped: [] });
    const aya = await personNamed(core, 'Aya Marie');
    expect([aya.personal?.lastName, aya.personal?.firstName, aya.nationality, aya.category, aya.personal?.city, aya.consent?.date]).toEqual([
      'KOUASSI', 'Aya Marie', 'CI', 'subsaharan_migrant', 'Oujda', '2026-11-20',
    ]);
    const youssef = await personNamed(core, 'Youssef');
    expect([youssef.personal?.lastName, youssef.personal?.phones]).toEqual(['EL AMRANI', ['+212612345608']]);
    const ousmane = await personNamed(core, 'Ousmane');
    expect([ousmane.birthYear, ousmane.birthYearEstimated, ousmane.personal?.birthDate]).toEqual([1989, true, undefined]);
    expect((await personNamed(core, 'Aïssata')).nationality).toBe('CD');
    expect((await personNamed(core, 'Aïssata')).personal?.birthDate).toBe('1997-03-02');
    expect((await personNamed(core, 'Grâce')).nationality).toBe('CG');
  });

  it('reads a French CSV with title lines, a yes/no consent column, dates that cannot be, duplicates inside the file and a total', async () => {
    const core = await signedInAt(tempDir(), NOW);
    const csv = `\uFEFF${[
      'Association Amal — participants;;;;;;;',
      ';;;;;;;',
      'Nom;Prénom;Sexe;Né(e) le;Nationalité;Catégorie;Téléphone;Accord',
      "Diop;Awa;F;12/03/1995;sénégalaise;Migrant subsaharien;'+212612345678;oui",
      'Traoré;Moussa;H;29/02/2001;malien;Migrant subsaharien;;non',
      "Kouamé;Koffi;M;15/13/1995;ivoirien;Migrant subsaharien;'+212698765432;x",
      'Ndiaye;Fatou;F;2031;Sénégal;Migrant subsaharien;;oui',
      'Mbala;Grâce;F;1985;Congo Brazzaville;Réfugié;;نعم',
      'Camara;Ibrahima;M;5/6/98;guinéen;Migrant subsaharien;06 12 34 56 78;yes',
      'Dioop;Awa;F;01/01/1995;SN;Migrant subsaharien;;1',
      'Sow;Aminata;F;03/04/1990;Mauritanie;Migrant subsaharien;;0',
      'Total : 8 personnes;;;;;;;',
      'Liste établie le 01/12/2026;;;;;;;',
    ].join('\r\n')}\r\n`;
    const preview = await core.must('beneficiaries.importPreview', { fileName: 'participants.csv', contentBase64: b64(csv) });
    expect(preview.headerRow).toBe(3);
    expect(preview.suggestedMapping).toEqual({
      lastName: 0, firstName: 1, sex: 2, birthDate: 3, nationality: 4, category: 5, phone: 6, consentAnswer: 7,
    });
    const setup: Setup = { mapping: preview.suggestedMapping, consent: { basis: 'answerColumn', date: '2026-11-20' } };
    expect(await core.must('beneficiaries.importValues', { fileName: 'participants.csv', contentBase64: b64(csv), ...setup })).toEqual([]);

    const report = await importFile(core, 'participants.csv', csv, setup);
    expect([report.imported, report.pseudonymous]).toEqual([3, 1]);
    expect(report.rejected).toEqual([
      { row: 5, reasons: { birthDate: { code: 'not_leap_year', value: '29/02/2001', year: 2001 } } },
      { row: 6, reasons: { birthDate: { code: 'no_such_month', value: '15/13/1995' } } },
      { row: 7, reasons: { birthDate: { code: 'born_in_future', value: '2031', year: 2031 } } },
    ]);
    expect(report.toReview).toEqual([
      { row: 9, candidates: [], sameFileRows: [4] },
      { row: 10, candidates: [], sameFileRows: [4] },
    ]);
    expect(report.skipped).toEqual([
      { row: 12, text: 'Total : 8 personnes' },
      { row: 13, text: 'Liste établie le 01/12/2026' },
    ]);
    const awa = await personNamed(core, 'Awa Diop');
    expect([awa.personal?.phones, awa.nationality, awa.consent?.date]).toEqual([['+212612345678'], 'SN', '2026-11-20']);
    const grace = await personNamed(core, 'Grâce');
    expect([grace.birthYear, grace.birthYearEstimated, grace.nationality]).toEqual([1985, true, 'CG']);
    const pseudonymous = (await core.must('beneficiaries.search', { filters: { nationality: 'MR' } })).rows;
    expect(pseudonymous.map((r) => [r.displayName, r.pseudonymous])).toEqual([['AS', true]]);

    expect(report.rejectedSheet).toMatchObject({ delimiter: ';', encoding: 'utf-8', bom: true });
    const file = rejectedFileText(report.rejectedSheet!, 'Motif', ['a', 'b', 'c']);
    expect(file.split('\r\n').slice(0, 3)).toEqual([
      '\uFEFFNom;Prénom;Sexe;Né(e) le;Nationalité;Catégorie;Téléphone;Accord;Motif',
      'Traoré;Moussa;H;29/02/2001;malien;Migrant subsaharien;;non;a',
      'Kouamé;Koffi;M;15/13/1995;ivoirien;Migrant subsaharien;+212698765432;x;b',
    ]);

    const fixed = file.replace('29/02/2001', '28/02/2001').replace('15/13/1995', '15/12/1995').replace(';2031;', ';1981;');
    const again = await core.must('beneficiaries.importPreview', { fileName: 'corrige.csv', contentBase64: b64(fixed) });
    expect(again.suggestedMapping).toEqual(preview.suggestedMapping);
    const second = await importFile(core, 'corrige.csv', fixed, { mapping: again.suggestedMapping, consent: { basis: 'answerColumn', date: '2026-11-20' } });
    expect([second.imported, second.pseudonymous, second.rejected.length, second.toReview.length]).toEqual([3, 1, 0, 0]);
    expect((await personNamed(core, 'Koffi')).personal?.phones).toEqual(['+212698765432']);
  });

  it('reads an XLSX with a merged title, merged city cells, Excel dates, a full-name column and a total line', async () => {
    const core = await signedInAt(tempDir(), NOW);
    const file = await xlsx((sheet) => {
      sheet.addRow(['Association Amal — bénéficiaires 2026']);
      sheet.mergeCells('A1:G1');
      sheet.addRow(['N°', 'Nom et prénom', 'Sexe', 'Date de naissance', 'Nationalité', 'Ville', 'Consentement']);
      sheet.addRow([1, 'DIOP Awa', 'F', new Date(Date.UTC(1995, 2, 12)), 'Sénégal', 'Oujda', new Date(Date.UTC(2026, 0, 5))]);
      sheet.addRow([2, 'محمد العلوي', 'ذكر', 34700, 'المغرب', null, new Date(Date.UTC(2026, 0, 5))]);
      sheet.addRow([3, 'EL AMRANI Nadia', 'أنثى', '1988', 'marocaine', null, new Date(Date.UTC(2026, 0, 6))]);
      sheet.mergeCells('F3:F5');
      sheet.addRow([4, 'KOUASSI Aya', 'F', '29/02/2001', 'ivoirienne', 'Rabat', '06/01/2026']);
      sheet.addRow(['Total', null, null, null, null, null, 4]);
    });
    const preview = await core.must('beneficiaries.importPreview', { fileName: 'amal.xlsx', contentBase64: b64(file) });
    expect(preview.headerRow).toBe(2);
    expect(preview.topRows[0]).toEqual({ line: 1, cells: Array(7).fill('Association Amal — bénéficiaires 2026') });
    expect(preview.suggestedMapping).toEqual({ fullName: 1, sex: 2, birthDate: 3, nationality: 4, city: 5, consentDate: 6 });
    const chosen = await core.must('beneficiaries.importPreview', { fileName: 'amal.xlsx', contentBase64: b64(file), headerRow: 1 });
    expect([chosen.headerRow, chosen.headers[0], chosen.rowCount]).toEqual([1, 'Association Amal — bénéficiaires 2026', 5]);

    const report = await importFile(core, 'amal.xlsx', file, { mapping: preview.suggestedMapping, batch: { category: 'refugee' } });
    expect([report.imported, report.pseudonymous, report.toReview]).toEqual([3, 0, []]);
    expect(report.rejected).toEqual([{ row: 6, reasons: { birthDate: { code: 'not_leap_year', value: '29/02/2001', year: 2001 } } }]);
    expect(report.skipped).toEqual([{ row: 7, text: 'Total · 4' }]);
    const mohamed = await personNamed(core, 'محمد');
    expect([mohamed.personal?.arabicName, mohamed.sex, mohamed.nationality, mohamed.personal?.birthDate, mohamed.personal?.city]).toEqual([
      'محمد العلوي', 'male', 'MA', '1995-01-01', 'Oujda',
    ]);
    const nadia = await personNamed(core, 'Nadia');
    expect([nadia.personal?.lastName, nadia.birthYear, nadia.birthYearEstimated, nadia.personal?.city, nadia.consent?.date]).toEqual([
      'EL AMRANI', 1988, true, 'Oujda', '2026-01-06',
    ]);
    expect((await personNamed(core, 'Awa')).personal?.birthDate).toBe('1995-03-12');
  });

  it('asks once per unknown value, imports with the choices and remembers them for the next file', async () => {
    const core = await signedInAt(tempDir(), NOW);
    const csv = [
      'Nom,Prénom,Sexe,Année de naissance,Nationalité,Catégorie',
      'Ilunga,Jean,Masc.,1990,Congolais,Migrant',
      'Kabila,Marie,F,1991,Congo-Kinshasa,Migrant',
      'Mukendi,Esther,F,1992,Congolaise,Réfugiée',
      'Tshala,Rose,F,1993,Atlantide,Réfugié',
    ].join('\n');
    const setup: Setup = { mapping: { lastName: 0, firstName: 1, sex: 2, birthYear: 3, nationality: 4, category: 5 }, consent: { basis: 'none' } };
    const ask = (content: string) => core.must('beneficiaries.importValues', { fileName: 'rdc.csv', contentBase64: b64(content), ...setup });
    expect(await ask(csv)).toEqual([
      { field: 'sex', value: 'Masc.', count: 1, suggestion: 'male' },
      { field: 'nationality', value: 'Congolais', count: 1, suggestion: 'CD' },
      { field: 'nationality', value: 'Congolaise', count: 1, suggestion: 'CD' },
      { field: 'nationality', value: 'Atlantide', count: 1, suggestion: null },
      { field: 'category', value: 'Migrant', count: 2, suggestion: 'subsaharan_migrant' },
      { field: 'category', value: 'Réfugiée', count: 1, suggestion: 'refugee' },
    ]);

    const values = {
      sex: { 'Masc.': 'male' },
      nationality: { Congolais: 'CD', Congolaise: 'CD' },
      category: { Migrant: 'subsaharan_migrant', Réfugiée: 'refugee' },
    };
    const report = await importFile(core, 'rdc.csv', csv, { ...setup, values });
    expect([report.imported, report.pseudonymous]).toEqual([3, 3]);
    expect(report.rejected).toEqual([{ row: 5, reasons: { nationality: { code: 'unknown_value', value: 'Atlantide' } } }]);
    expect((await core.must('beneficiaries.search', { filters: { nationality: 'CD' } })).total).toBe(3);

    const next = ['Nom,Prénom,Sexe,Année de naissance,Nationalité,Catégorie', 'Lumbu,Paul,MASC.,1980,CONGOLAIS,migrant'].join('\n');
    expect(await ask(next)).toEqual([]);

    const wrong = await core.call('beneficiaries.import', {
      fileName: 'rdc.csv', contentBase64: b64(csv), jobId: 'job-wrong-choice', ...setup,
      values: { category: { Migrant: 'martian' } }, batch: { category: 'nowhere' },
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'batch.category': 'not_in_list', 'values.category.Migrant': 'not_in_list' } } });
    expect((await core.must('beneficiaries.search', {})).total).toBe(3);
  });

  it('matches a city to a spelling already in the file and keeps a new one as written', async () => {
    const core = await signedInAt(tempDir(), NOW);
    await core.must('beneficiaries.create', person({ firstName: 'Awa', lastName: 'Diop', city: 'Oujda', phones: [] }));
    const csv = [
      'Prénom;Nom;Sexe;Année de naissance;Nationalité;Ville',
      'Koffi;Kouamé;M;1990;CI;OUJDA',
      'Aya;Bamba;F;1991;CI;Oujdaa',
      'Fatou;Sow;F;1992;SN;Nador',
      'Marie;Kabila;F;1993;CD;Oujdaa',
    ].join('\n');
    const setup: Setup = {
      mapping: { firstName: 0, lastName: 1, sex: 2, birthYear: 3, nationality: 4, city: 5 },
      batch: { category: 'refugee' },
      consent: { basis: 'paperForm', date: '2026-11-20' },
    };
    expect(await core.must('beneficiaries.importValues', { fileName: 'villes.csv', contentBase64: b64(csv), ...setup })).toEqual([
      { field: 'city', value: 'Oujdaa', count: 2, suggestion: 'Oujda', choices: ['Oujda'] },
    ]);
    const report = await importFile(core, 'villes.csv', csv, { ...setup, values: { city: { Oujdaa: 'Oujda' } } });
    expect([report.imported, report.rejected, report.toReview]).toEqual([4, [], []]);
    const inCity = async (city: string) => (await core.must('beneficiaries.search', { filters: { city } })).rows.map((r) => [r.displayName, r.city]);
    expect((await inCity('Oujda')).sort()).toEqual([['Awa Diop', 'Oujda'], ['Aya Bamba', 'Oujda'], ['Koffi Kouamé', 'Oujda'], ['Marie Kabila', 'Oujda']]);
    expect(await inCity('Nador')).toEqual([['Fatou Sow', 'Nador']]);
  });

  it('keeps a Windows-1252 CSV with commas in its own encoding and delimiter for the rejected rows', async () => {
    const core = await signedInAt(tempDir(), NOW);
    const csv = Buffer.from(['Prénom,Nom,Sexe,Année de naissance,Nationalité', 'Hélène,Bâ,F,1990,Sénégal', 'Zoé,Léger,F,31/04/1990,France'].join('\r\n'), 'latin1');
    const report = await importFile(core, 'ancien.csv', csv, {
      mapping: { firstName: 0, lastName: 1, sex: 2, birthYear: 3, nationality: 4 },
      batch: { category: 'other' },
      consent: { basis: 'paperForm', date: '2026-10-01' },
    });
    expect(report.imported).toBe(1);
    expect(report.rejected).toEqual([{ row: 3, reasons: { birthYear: { code: 'no_such_day', value: '31/04/1990' } } }]);
    expect(report.rejectedSheet).toEqual({
      delimiter: ',', encoding: 'windows-1252', bom: false,
      headers: ['Prénom', 'Nom', 'Sexe', 'Année de naissance', 'Nationalité'],
      rows: [['Zoé', 'Léger', 'F', '31/04/1990', 'France']],
    });
    expect((await personNamed(core, 'Hélène')).personal?.lastName).toBe('Bâ');
  });
});
