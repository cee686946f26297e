import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person } from './builders';
import { newAgreement, newOrganisation, subGrantInput } from './grants-builders';
import { auditRows, createdFile, databaseKey, PRESIDENT_PASSWORD, testCore, useSuiteTempDir, withDb, type TestCore } from './helpers';

const suiteDir = useSuiteTempDir();
const NOW = '2026-07-01T09:00:00.000Z';
const TEMPORARY = 'mot de passe provisoire 1';
const RECEIPT = Buffer.from('%PDF-1.4\n% facture F-17\n');
const SIGNED_SHEET = Buffer.from('%PDF-1.4\n% feuille signee du 10 avril\n');
const SIGNED_PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const upload = (fileName: string, bytes: Buffer) => ({ fileName, contentBase64: bytes.toString('base64') });

describe('funder pack of a reporting deadline', () => {
  let president: TestCore;
  let volunteer: TestCore;
  let path: string;
  let presidentId: string;
  let agreementId: string;
  let activityId: string;
  let deadlines: { id: string; dueDate: string }[];

  beforeAll(async () => {
    const root = suiteDir();
    president = testCore(join(root, 'president'), () => new Date(NOW));
    const { session } = await createdFile(president, join(root, 'file'));
    path = session.path;
    presidentId = session.user.id;

    // Awa came in April (in the second period), Binta in March (the first one).
    const awa = await president.must('beneficiaries.create', person({ firstName: 'Awa', lastName: 'Diallo', phones: ['0612345678'] }));
    const binta = await president.must('beneficiaries.create', person({ firstName: 'Binta', lastName: 'Sy', phones: [] }));
    const activity = await president.must('activities.save', { title: 'Atelier CV', type: 'workshop', theme: 'employability' });
    activityId = activity.id;
    await president.must('registrations.add', { activityId: activity.id, beneficiaryIds: [awa.id, binta.id] });
    const march = await president.must('sessions.save', { activityId: activity.id, date: '2026-03-10', startTime: '10:00', endTime: '12:00' });
    const april = await president.must('sessions.save', { activityId: activity.id, date: '2026-04-10', startTime: '10:00', endTime: '12:00', place: 'Oujda' });
    await president.must('attendance.mark', { sessionId: march.id, marks: [{ beneficiaryId: binta.id, status: 'present' }] });
    await president.must('attendance.mark', {
      sessionId: april.id,
      marks: [
        { beneficiaryId: awa.id, status: 'present' },
        { beneficiaryId: binta.id, status: 'absent' },
      ],
    });

    const { agreement, lines } = await newAgreement(president, {
      deadlines: [
        { dueDate: '2026-03-31', kind: 'narrative', label: 'Rapport trimestriel' },
        { dueDate: '2026-06-30', kind: 'financial', label: 'Rapport semestriel' },
      ],
    });
    agreementId = agreement.id;
    await president.must('activities.save', { id: activity.id, title: 'Atelier CV', type: 'workshop', theme: 'employability', agreementId });
    deadlines = (await president.must('grants.agreements.get', { id: agreement.id })).deadlines;
    // April's paper sheet scanned twice (a PDF, then a photo); a scan of an activity outside the agreement stays out.
    await president.must('sessions.attachSignedSheet', { sessionId: april.id, file: upload('feuille avril.pdf', SIGNED_SHEET) });
    await president.must('sessions.attachSignedSheet', { sessionId: april.id, file: upload('photo feuille.png', SIGNED_PHOTO) });
    const other = await president.must('activities.save', { title: 'Causerie santé', type: 'workshop', theme: 'employability' });
    const otherSession = await president.must('sessions.save', { activityId: other.id, date: '2026-04-20', startTime: '10:00', endTime: '12:00' });
    await president.must('sessions.attachSignedSheet', { sessionId: otherSession.id, file: upload('autre.pdf', RECEIPT) });
    const recipient = await newOrganisation(president);
    const sg = await president.must('grants.subGrants.save', subGrantInput(agreement.id, recipient.id));
    const [t1] = (await president.must('grants.subGrants.get', { id: sg.id })).tranches;
    await president.must('grants.disbursements.add', { trancheId: t1.id, date: '2026-03-10', amountMinor: 6_000_00, method: 'transfer' });
    await president.must('grants.expenses.add', {
      subGrantId: sg.id,
      budgetLineId: lines[0].id,
      date: '2026-04-15',
      supplier: 'Tissus Oujda',
      description: 'Tissu',
      amountMinor: 1_000_00,
      receiptNumber: 'F-17',
      receipt: { fileName: 'facture.pdf', contentBase64: RECEIPT.toString('base64') },
    });

    const user = await president.must('users.create', { displayName: 'Meryem', role: 'volunteer', temporaryPassword: TEMPORARY });
    volunteer = testCore(join(root, 'volunteer'), () => new Date(NOW));
    await volunteer.must('file.open', { path, userId: user.id, password: TEMPORARY });
    await volunteer.must('session.changePassword', { currentPassword: TEMPORARY, newPassword: 'Meryem password 1' });
  });

  afterAll(() => {
    president?.close();
    volunteer?.close();
  });

  it('zips the report, attendance, financial statement, pseudonymised participants, receipts, signed sheets and an index', async () => {
    const built = await president.must('reports.funderPack', { agreementId, deadlineId: deadlines[1].id, locale: 'fr' });
    expect(built.fileName).toBe('MA-2026-017-2026-06-30.zip');
    expect(built.pack).toMatchObject({ agreementId, dueDate: '2026-06-30', from: '2026-04-01', to: '2026-06-30', sentOn: null, sentTo: null, builtByName: 'Nadia Bennani' });
    const archive = await JSZip.loadAsync(Buffer.from(built.contentBase64, 'base64'), { checkCRC32: true });
    const listed = Object.values(archive.files).map((f) => f.name);
    expect(listed).toEqual([
      '00-index.txt',
      '01-rapport-indicateurs.xlsx',
      '02-feuilles-de-presence.xlsx',
      '03-etat-financier.xlsx',
      '03-rapport-financier.xlsx',
      '04-participants-pseudonymises.xlsx',
      '05-justificatifs/001-SG-2026-00001-F-17-facture.pdf',
      '06-feuilles-signees/2026-04-10-A-2026-00001-1.pdf',
      '06-feuilles-signees/2026-04-10-A-2026-00001-2.png',
    ]);
    expect(built.pack.documents).toEqual(listed);
    const file = (name: string) => archive.file(name)!.async('nodebuffer');
    expect(await file('05-justificatifs/001-SG-2026-00001-F-17-facture.pdf')).toEqual(RECEIPT);
    expect(await file('06-feuilles-signees/2026-04-10-A-2026-00001-1.pdf')).toEqual(SIGNED_SHEET);
    expect(await file('06-feuilles-signees/2026-04-10-A-2026-00001-2.png')).toEqual(SIGNED_PHOTO);

    const index = (await file('00-index.txt')).toString('utf8');
    expect(index).toContain('MA-2026-017 — Inclusion socio-économique des migrants (Enabel)');
    expect(index).toContain('Période : 2026-04-01 – 2026-06-30');
    for (const name of listed.slice(1)) expect(index).toContain(name);
    // This core's host cannot print: the index says where the PDFs are saved by hand.
    expect(index).toContain('Les PDF (rapport et feuilles de présence) n’ont pas pu être produits ici');
    expect(index).toContain('06-feuilles-signees/2026-04-10-A-2026-00001-2.png\tFeuille de présence signée, scannée');
    expect(index).not.toContain('Aucune feuille de présence signée');
    expect(index).toContain('03-rapport-financier.xlsx\tReçu du bailleur, dépensé directement et reversé, par ligne budgétaire (trésorerie)');

    const sheets = async (name: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await file(name)) as unknown as ArrayBuffer);
      return workbook.worksheets.map((w) => w.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1)));
    };
    const [attendance] = await sheets('02-feuilles-de-presence.xlsx');
    expect(attendance).toEqual([
      ['Activité', 'Intitulé', 'Date', 'Horaire', 'Lieu', 'Présents', 'Absents', 'Excusés'],
      ['A-2026-00001', 'Atelier CV', new Date('2026-04-10T00:00:00.000Z'), '10:00–12:00', 'Oujda', 1, 1, 0],
    ]);
    const [participants] = await sheets('04-participants-pseudonymises.xlsx');
    expect(participants).toEqual([
      ['Référence', 'Sexe', 'Tranche d’âge', 'Catégorie', 'Nationalité', 'Ville'],
      ['B-2026-00001', 'Femme', '30-59', 'Migrant subsaharien', 'Sénégal', 'Rabat'],
    ]);
    const [treasury] = await sheets('03-rapport-financier.xlsx');
    expect(treasury.find((row) => row?.[0] === 'Reversé aux sous-bénéficiaires')).toEqual(['Reversé aux sous-bénéficiaires', 6000]);
    const [subGrants, expenses] = await sheets('03-etat-financier.xlsx');
    expect(subGrants[1].slice(0, 2)).toEqual(['SG-2026-00001', 'Atelier de couture solidaire']);
    expect(expenses[1]).toEqual(['SG-2026-00001', new Date('2026-04-15T00:00:00.000Z'), 'L1 Activités', 'Tissus Oujda', 'F-17', 'EUR', 1000, 'Déclarée']);
    const report = await sheets('01-rapport-indicateurs.xlsx');
    // A report for an agreement opens on its targets; the people reached follow (one person: a
    // group under the small-group threshold, shown as such).
    expect(report[1][0]).toEqual(['Cibles et réalisations']);
    expect(report.find((rows) => rows[0][0] === 'Personnes touchées')?.[2]).toEqual(['Personnes touchées', '< 5']);

    // No name or phone anywhere: every cell of every workbook, and the index.
    const cells = [index];
    for (const name of listed.filter((n) => n.endsWith('.xlsx'))) cells.push(JSON.stringify(await sheets(name)));
    for (const secret of ['Awa', 'Diallo', 'Binta', '612345678']) expect(cells.join('\n')).not.toContain(secret);
  });

  it('records the pack on the agreement, and when and to whom it was sent', async () => {
    const [first] = await president.must('reports.funderPacks', { agreementId });
    expect(first).toMatchObject({ dueDate: '2026-06-30', sentOn: null });
    const sent = await president.must('reports.recordPackSent', { packId: first.id, sentOn: '2026-07-01', sentTo: 'Enabel Rabat — chargée de suivi' });
    expect(sent).toMatchObject({ id: first.id, sentOn: '2026-07-01', sentTo: 'Enabel Rabat — chargée de suivi' });
    expect((await president.must('reports.funderPacks', { agreementId }))[0].sentTo).toBe('Enabel Rabat — chargée de suivi');

    const key = await databaseKey(path, presidentId, PRESIDENT_PASSWORD);
    const audit = withDb(path, key, (db) => auditRows(db)).filter((a) => a.op.startsWith('reports.'));
    expect(audit.map((a) => [a.op, a.entity_id])).toEqual([
      ['reports.funderPack', first.id],
      ['reports.recordPackSent', first.id],
    ]);
  });

  it('covers the agreement’s start up to its first deadline, and refuses volunteers and unknown deadlines', async () => {
    const firstPeriod = await president.must('reports.funderPack', { agreementId, deadlineId: deadlines[0].id, locale: 'en' });
    expect([firstPeriod.pack.from, firstPeriod.pack.to]).toEqual(['2026-01-01', '2026-03-31']);
    expect(firstPeriod.pack.documents).not.toContain(expect.stringMatching(/^0[56]-/));
    const archive = await JSZip.loadAsync(Buffer.from(firstPeriod.contentBase64, 'base64'));
    expect(await archive.file('00-index.txt')!.async('string')).toContain('No signed attendance sheet is attached to sessions in the application.');

    expect(await volunteer.call('reports.funderPack', { agreementId, deadlineId: deadlines[0].id })).toEqual({ ok: false, error: { code: 'forbidden' } });
    const before = (await president.must('reports.funderPacks', { agreementId })).length;
    expect(await president.call('reports.funderPack', { agreementId, deadlineId: 'nope' })).toEqual({ ok: false, error: { code: 'not_found' } });
    expect(await president.call('reports.recordPackSent', { packId: 'nope', sentOn: '2026-07-01', sentTo: 'Enabel' })).toEqual({ ok: false, error: { code: 'not_found' } });
    expect(await president.must('reports.funderPacks', { agreementId })).toHaveLength(before);
  });
  it('adds the printed report and each activity’s sheets of the period when the host can print, with progress', async () => {
    const routes: string[] = [];
    const printing = testCore(join(suiteDir(), 'printing'), () => new Date(NOW), {
      renderPdf: async (route) => {
        routes.push(route);
        return Buffer.from(`%PDF-1.7\n% ${route}\n`);
      },
    });
    try {
      await printing.must('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD });
      const built = await printing.must('reports.funderPack', { agreementId, deadlineId: deadlines[1].id, locale: 'ar', jobId: 'pack-job-0001' });
      const report = `/reports?from=2026-04-01&to=2026-06-30&lang=ar&agreement=${agreementId}`;
      const sheets = `/activities/${activityId}/sheets?from=2026-04-01&to=2026-06-30`;
      const financial = `/treasury/agreements/${agreementId}?lang=ar`;
      // The agreement's one activity with a session in the period; the other activity is not the agreement's.
      expect(routes).toEqual([report, financial, sheets]);
      expect(built.pack.documents.slice(0, 4)).toEqual(['00-index.txt', '01-rapport-indicateurs.xlsx', '01-rapport-indicateurs.pdf', '02-feuilles-de-presence/A-2026-00001.pdf']);
      const archive = await JSZip.loadAsync(Buffer.from(built.contentBase64, 'base64'));
      expect(await archive.file('02-feuilles-de-presence/A-2026-00001.pdf')!.async('string')).toBe(`%PDF-1.7\n% ${sheets}\n`);
      expect(await archive.file('03-rapport-financier.pdf')!.async('string')).toBe(`%PDF-1.7\n% ${financial}\n`);
      expect(built.pack.documents.indexOf('03-rapport-financier.pdf')).toBe(built.pack.documents.indexOf('03-rapport-financier.xlsx') + 1);
      const index = await archive.file('00-index.txt')!.async('string');
      expect(index).toContain('01-rapport-indicateurs.pdf\tتقرير المؤشرات نفسه مطبوعا (PDF)');
      expect(index).toContain('03-rapport-financier.pdf\tالتقرير المالي نفسه، مطبوعًا (PDF)');
      expect(index).not.toContain('تعذر إنتاج ملفات PDF');
      expect(await printing.must('jobs.progress', { jobId: 'pack-job-0001' })).toEqual({ done: 3, total: 3, finished: true });
    } finally {
      printing.close();
    }
  });

  it('still builds the pack when printing fails, and says the PDFs are to be saved by hand', async () => {
    const failing = testCore(join(suiteDir(), 'failing'), () => new Date(NOW), {
      renderPdf: () => Promise.reject(new Error('no window')),
    });
    try {
      await failing.must('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD });
      const built = await failing.must('reports.funderPack', { agreementId, deadlineId: deadlines[1].id, locale: 'en' });
      expect(built.pack.documents.filter((d) => d.endsWith('.pdf') && !d.startsWith('0'))).toEqual([]);
      expect(built.pack.documents).not.toContain('01-indicator-report.pdf');
      const archive = await JSZip.loadAsync(Buffer.from(built.contentBase64, 'base64'));
      expect(await archive.file('00-index.txt')!.async('string')).toContain('The PDF files (report and attendance sheets) could not be made here');
    } finally {
      failing.close();
    }
  });
});
