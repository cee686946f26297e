import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListExport } from '../../electron/contract';
import { memberInput, person } from './builders';
import { newAgreement, newOrganisation, subGrantInput } from './grants-builders';
import { createdFile, staffCore, testCore, useSuiteTempDir, type TestCore } from './helpers';

// Exports of the members, cooperatives, sub-grants and expenses lists.

const suiteDir = useSuiteTempDir();
const NOW = '2026-06-01T09:00:00.000Z';

const text = (file: ListExport) => Buffer.from(file.contentBase64, 'base64').toString('utf8');
const lines = (file: ListExport) => text(file).slice(1).split('\r\n').filter(Boolean);

describe('exports of the grants, members and cooperatives lists', () => {
  let president: TestCore;
  let volunteer: TestCore;
  let agreementId: string;

  beforeAll(async () => {
    const root = suiteDir();
    president = testCore(join(root, 'president'), () => new Date(NOW));
    const { session } = await createdFile(president, join(root, 'file'));

    await president.must('dues.setFees', { year: 2026, amounts: { standard: 12_000 } });
    const khadija = await president.must('members.save', memberInput({ email: 'khadija@example.org', birthDate: '1996-11-30' }));
    await president.must('dues.pay', { memberId: khadija.id, year: 2026, date: '2026-03-20', amount: 5_000, method: 'cash' });
    await president.must('members.save', memberInput({ firstName: 'Omar', lastName: 'Tazi', arabicName: undefined, sex: 'male', phones: [], joinDate: '2025-01-15' }));

    const coop = await president.must('cooperatives.save', { proposedNames: ['Coopérative Nour'], sector: 'sewing', activity: 'Couture', city: 'Oujda', shareValue: 20_000 });
    const founder = await president.must('beneficiaries.create', person({ firstName: 'Houda', lastName: 'Zerouali', phones: [] }, { nationality: 'MA' }));
    await president.must('cooperatives.saveFounder', { cooperativeId: coop.id, beneficiaryId: founder.id, sharesSubscribed: 2, sharesPaid: 1 });
    const abandoned = await president.must('cooperatives.save', { proposedNames: ['Coopérative Argan'], sector: 'sewing', activity: 'Couture', city: 'Nador', shareValue: 20_000 });
    await president.must('cooperatives.archive', { id: abandoned.id });

    const { agreement, lines: budget } = await newAgreement(president);
    agreementId = agreement.id;
    const organisation = await newOrganisation(president);
    const grantee = await president.must('beneficiaries.create', person({ firstName: 'Aminata', lastName: 'Sow', phones: [] }));
    const individual = await president.must('grants.recipients.save', { kind: 'individual', beneficiaryId: grantee.id, city: 'Rabat' });
    const a = await president.must('grants.subGrants.save', subGrantInput(agreement.id, organisation.id));
    await president.must('grants.subGrants.save', subGrantInput(agreement.id, individual.id, { title: 'Épicerie', amountMinor: 2_500_50 }));
    const cancelled = await president.must('grants.subGrants.save', subGrantInput(agreement.id, organisation.id, { title: 'Projet annulé', amountMinor: 1_000_00 }));
    await president.must('grants.subGrants.archive', { id: cancelled.id });
    const [t1] = (await president.must('grants.subGrants.get', { id: a.id })).tranches;
    await president.must('grants.disbursements.add', { trancheId: t1.id, date: '2026-03-10', amountMinor: 6_000_00, method: 'transfer' });
    const e = await president.must('grants.expenses.add', {
      subGrantId: a.id,
      budgetLineId: budget[0].id,
      date: '2026-04-01',
      supplier: 'Tissus Oujda',
      description: 'Tissu pour Mme Zerouali',
      amountMinor: 1_000_00,
      receiptNumber: 'F-17',
    });
    await president.must('grants.expenses.decide', { id: e.id, status: 'accepted' });

    volunteer = await staffCore(president, session.path, join(root, 'volunteer'), { displayName: 'Meryem', role: 'volunteer', now: () => new Date(NOW) });
  });

  afterAll(() => {
    president?.close();
    volunteer?.close();
  });

  it('exports members without names, phones, email or birth date unless a president asks with a purpose', async () => {
    const file = await volunteer.must('exports.list', { target: { list: 'members', filters: { query: '', archived: false } }, format: 'csv', locale: 'en' });
    // The age band is this year's age, as in the beneficiaries export (2026 − 1996 = 30); none without a birth date.
    expect(lines(file)).toEqual([
      'Member number,Sex,Age band,Member category,Status,Joined on,Role,Dues owed (year),Dues paid (year)',
      '1,Female,30-59,Standard,Active,2024-03-10,Member,120,50',
      '2,Male,,Standard,Active,2025-01-15,Member,120,0',
    ]);
    for (const secret of ['Khadija', 'Benali', 'خديجة', '661234567', 'khadija@', '1996']) expect(text(file)).not.toContain(secret);

    const named = await president.must('exports.namedList', {
      target: { list: 'members', filters: { query: '', archived: false } },
      format: 'csv',
      locale: 'en',
      purpose: 'Convocation à l’assemblée générale',
    });
    expect(lines(named)[0]).toBe('CONFIDENTIAL — PERSONAL DATA');
    // A phone starting with + is a formula for spreadsheets: it leaves with the apostrophe.
    expect(lines(named)[4]).toBe("1,Female,30-59,Standard,Active,2024-03-10,Member,120,50,Benali,Khadija,خديجة بنعلي,'+212661234567,khadija@example.org");
  });

  it('exports cooperative projects with their founders counted, never named, the archived ones when the screen shows them', async () => {
    const file = await volunteer.must('exports.list', { target: { list: 'cooperatives', filters: {} }, format: 'csv', locale: 'en' });
    expect(lines(file)).toEqual([
      'Reference,Project name,Sector,City,Current step,Founders',
      'C-2026-00001,Coopérative Nour,Sewing,Oujda,Name approval by ODCO (certificat négatif),1',
    ]);
    expect(text(file)).not.toContain('Zerouali');
    // The switch on, the screen shows the board and then the archived projects.
    const withArchived = await volunteer.must('exports.list', { target: { list: 'cooperatives', filters: { archived: true } }, format: 'csv', locale: 'en' });
    expect(lines(withArchived).slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['C-2026-00001,Coopérative Nour', 'C-2026-00002,Coopérative Argan']);
  });

  it('exports sub-grants and expenses to treasurers and presidents, amounts as numbers, people by reference', async () => {
    const denied = await volunteer.call('exports.list', { target: { list: 'subGrants', filters: {} }, format: 'csv' });
    expect(denied).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect((await volunteer.call('exports.list', { target: { list: 'expenses', filters: {} }, format: 'csv' })).ok).toBe(false);

    const file = await president.must('exports.list', { target: { list: 'subGrants', filters: { agreementId } }, format: 'xlsx', locale: 'en' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0].getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(['Reference', 'Title', 'Recipient type', 'Grant recipient', 'City', 'Currency', 'Amount', 'Start', 'End', 'Disbursed', 'Justified (accepted)']);
    expect(rows.slice(1).map((r) => r.slice(2))).toEqual([
      ['Organisation', 'Association Amal Berkane', 'Berkane', 'EUR', 10_000, '2026-02-01', '2026-12-31', 6_000, 1_000],
      ['Individual', 'B-2026-00002', 'Rabat', 'EUR', 2_500.5, '2026-02-01', '2026-12-31', 0, 0],
    ]);
    expect(text(file)).not.toContain('Aminata');
    // Archived sub-grants are off the agreement's page and its figures: off its export too.
    expect(text(file)).not.toContain('Projet annulé');

    const expenses = await president.must('exports.list', { target: { list: 'expenses', filters: { agreementId } }, format: 'csv', delimiter: ';', locale: 'en' });
    expect(lines(expenses)[1]).toMatch(/;2026-04-01;L1 Activités;Tissus Oujda;F-17;EUR;1000;Accepted$/);
    expect(text(expenses)).not.toContain('Zerouali');
  });
});
