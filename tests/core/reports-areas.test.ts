import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorReport, OpInput, ReportTable } from '../../electron/contract';
import { person } from './builders';
import { newAgreement, newOrganisation, subGrantInput } from './grants-builders';
import { createdFile, staffCore, testCore, useSuiteTempDir, type TestCore } from './helpers';

// The grants, members and cooperatives sections of the indicator report, and an agreement's
// targets against what the report measured. Every expected table is worked out by hand below.

const suiteDir = useSuiteTempDir();
const NOW = '2026-06-01T09:00:00.000Z';
const PERIOD = { from: '2026-03-01', to: '2026-06-30', locale: 'en' as const };

const tableOf = (report: IndicatorReport, id: string): ReportTable | undefined => report.sections.flatMap((s) => s.tables).find((t) => t.id === id);
const body = (report: IndicatorReport, id: string) => {
  const t = tableOf(report, id);
  return t && { columns: t.columns.map((c) => c.heading), rows: t.rows, total: t.total };
};
const notesOf = (report: IndicatorReport, id: string) => report.sections.find((s) => s.id === id)?.notes;

describe('report sections of grants, members and cooperatives', () => {
  let president: TestCore;
  let volunteer: TestCore;
  let agreementId: string;
  let bareAgreementId: string;

  beforeAll(async () => {
    const root = suiteDir();
    president = testCore(join(root, 'president'), () => new Date(NOW));
    const { session } = await createdFile(president, join(root, 'file'));
    // Every figure to the unit: small groups are hidden by a setting tested in reports-trust.test.ts.
    await president.must('settings.update', { smallCellThreshold: 1 });
    await president.must('settings.update', { cooperativeMinFounders: 2, cooperativeMinCapital: 0 });

    // Two people reached in the period: one present at a session, one with a case note.
    const awa = await president.must('beneficiaries.create', person({ firstName: 'Awa', phones: [] }));
    const sara = await president.must('beneficiaries.create', person({ firstName: 'Sara', phones: [] }));
    const activity = await president.must('activities.save', { title: 'Atelier', type: 'workshop', theme: 'health' });
    const s = await president.must('sessions.save', { activityId: activity.id, date: '2026-04-10', startTime: '10:00', endTime: '12:00' });
    await president.must('registrations.add', { activityId: activity.id, beneficiaryIds: [awa.id] });
    await president.must('attendance.mark', { sessionId: s.id, marks: [{ beneficiaryId: awa.id, status: 'present' }] });
    await president.must('caseNotes.add', { beneficiaryId: sara.id, date: '2026-03-05', type: 'call', text: 'Appel', sensitive: false });

    // Grants: sub-grant A started before the period, B in it. In the period: 6,000.00 disbursed to A,
    // and A's expenses: 1,000.00 accepted, 500.00 rejected, 250.00 still pending.
    const { agreement, lines } = await newAgreement(president, {
      indicators: [
        { code: 'people_reached', label: 'Personnes touchées', target: 4 },
        { code: 'micro_projects_funded', label: 'Microprojets financés', target: 4 },
        { code: 'IND-X', label: 'Partenariats signés', target: 2 },
      ],
    });
    agreementId = agreement.id;
    await president.must('activities.save', { id: activity.id, title: 'Atelier', type: 'workshop', theme: 'health', agreementId });
    // Another activity, not linked to the agreement: counted for all the work, not for the agreement.
    const other = await president.must('activities.save', { title: 'Café langues', type: 'workshop', theme: 'language_classes' });
    const hind = await president.must('beneficiaries.create', person({ firstName: 'Hind', phones: [] }));
    await president.must('registrations.add', { activityId: other.id, beneficiaryIds: [hind.id] });
    const cafe = await president.must('sessions.save', { activityId: other.id, date: '2026-04-12', startTime: '10:00', endTime: '12:00' });
    await president.must('attendance.mark', { sessionId: cafe.id, marks: [{ beneficiaryId: hind.id, status: 'present' }] });
    const recipient = await newOrganisation(president);
    const a = await president.must('grants.subGrants.save', subGrantInput(agreement.id, recipient.id));
    await president.must('grants.subGrants.save', {
      ...subGrantInput(agreement.id, recipient.id, { title: 'Épicerie solidaire', amountMinor: 4_000_00, startDate: '2026-03-15' }),
      tranches: [{ percent: 100, dueDate: '2026-03-20' }],
    });
    const [t1] = (await president.must('grants.subGrants.get', { id: a.id })).tranches;
    await president.must('grants.disbursements.add', { trancheId: t1.id, date: '2026-03-10', amountMinor: 6_000_00, method: 'transfer' });
    const expense = (amountMinor: number, date: string) =>
      president.must('grants.expenses.add', { subGrantId: a.id, budgetLineId: lines[0].id, date, supplier: 'Tissus Oujda', description: 'Tissu', amountMinor });
    await president.must('grants.expenses.decide', { id: (await expense(1_000_00, '2026-04-01')).id, status: 'accepted' });
    await president.must('grants.expenses.decide', { id: (await expense(500_00, '2026-04-02')).id, status: 'rejected', reason: 'Facture illisible' });
    await expense(250_00, '2026-05-05');
    const bare = await newAgreement(president, { reference: 'MA-2026-099', indicators: [] });
    bareAgreementId = bare.agreement.id;

    // Members: four joined by the end of the period (two in it), one resigned; 170.00 MAD of dues in the period.
    const member = (more: Partial<OpInput<'members.save'>>) =>
      president.must('members.save', { firstName: 'Khadija', lastName: 'Benali', sex: 'female', joinDate: '2024-03-10', phones: [], ...more });
    await president.must('dues.setFees', { year: 2026, amounts: { standard: 12_000 } });
    const m1 = await member({});
    const m2 = await member({ firstName: 'Omar', sex: 'male', joinDate: '2026-04-01' });
    await member({ firstName: 'Salma', joinDate: '2025-01-01', status: 'resigned', statusDate: '2026-02-01' });
    await member({ firstName: 'Youssef', sex: 'male', joinDate: '2026-06-01' });
    await president.must('dues.pay', { memberId: m1.id, year: 2026, date: '2026-03-20', amount: 12_000, method: 'cash' });
    await president.must('dues.pay', { memberId: m2.id, year: 2026, date: '2026-04-05', amount: 5_000, method: 'cash' });

    // Cooperatives, all started today (in the period): K1 set up on 20 May with two founders,
    // K2 past its first step with one founder, K3 at its first step with none.
    const project = (sector: OpInput<'cooperatives.save'>['sector']) =>
      president.must('cooperatives.save', { proposedNames: ['Coopérative'], sector, activity: 'Production', city: 'Oujda', shareValue: 20_000 });
    const founder = async (cooperativeId: string, firstName: string) => {
      const p = await president.must('beneficiaries.create', person({ firstName, phones: [] }, { nationality: 'MA', category: 'vulnerable_woman' }));
      await president.must('cooperatives.saveFounder', { cooperativeId, beneficiaryId: p.id, sharesSubscribed: 2, sharesPaid: 1 });
    };
    const done = async (cooperativeId: string, doneOn: string, codes?: string[]) => {
      for (const step of (await president.must('cooperatives.get', { id: cooperativeId })).steps) {
        if (codes ? codes.includes(step.code) : step.mandatory) await president.must('cooperatives.saveStep', { id: step.id, status: 'done', doneOn });
      }
    };
    const k1 = await project('sewing');
    await founder(k1.id, 'Fatima');
    await founder(k1.id, 'Houda');
    await done(k1.id, '2026-05-20');
    const k2 = await project('catering');
    await founder(k2.id, 'Naima');
    await done(k2.id, '2026-04-01', ['name_approval']);
    await project('sewing');

    volunteer = await staffCore(president, session.path, join(root, 'volunteer'), { displayName: 'Meryem', role: 'volunteer', now: () => new Date(NOW) });
  });

  afterAll(() => {
    president?.close();
    volunteer?.close();
  });

  it('compares the agreement’s targets with what the report measured, and counts its micro-projects and amounts', async () => {
    const report = await president.must('reports.indicators', { ...PERIOD, agreementId });
    expect(report.agreement).toEqual({ id: agreementId, reference: 'MA-2026-017', title: 'Inclusion socio-économique des migrants', funderName: 'Enabel' });
    expect(body(report, 'targets.byIndicator')).toEqual({
      columns: ['Indicator', 'Target', 'Achieved', 'Achieved (%)'],
      rows: [
        ['Personnes touchées', 4, 2, 50],
        ['Microprojets financés', 4, 1, 25],
        ['Partenariats signés', 2, null, null],
      ],
      total: null,
    });
    expect(body(report, 'grants.amounts')).toEqual({
      columns: ['Item', 'Currency', 'Micro-projects', 'Amount'],
      rows: [
        ['Granted (starting in the period)', 'EUR', 1, 4_000_00],
        ['Disbursed in the period', 'EUR', 1, 6_000_00],
        ['Expenses submitted, pending', 'EUR', 1, 250_00],
        ['Expenses accepted', 'EUR', 1, 1_000_00],
        ['Expenses rejected', 'EUR', 1, 500_00],
      ],
      total: null,
    });
    // Only the activity linked to the agreement counts; Hind, at the other one, is not reached for it.
    expect(tableOf(report, 'activities.summary')?.rows.slice(0, 3)).toEqual([
      ['Activities with at least one session held', 1],
      ['Sessions held', 1],
      ['Distinct participants', 1],
    ]);
    const all = await president.must('reports.indicators', PERIOD);
    expect(tableOf(all, 'reached.summary')?.rows[0]).toEqual(['People reached', 3]);
    expect(tableOf(all, 'activities.summary')?.rows[0]).toEqual(['Activities with at least one session held', 2]);
    expect(notesOf(report, 'grants')).toEqual([
      'Micro-projects and activities are those of the agreement; a person is reached by attending these activities or by individual follow-up in the period.',
      'An indicator not linked to a figure of the report is shown with its target only.',
    ]);
  });

  it('lets a treasurer link an indicator to the figure that measures it', async () => {
    const forbidden = await volunteer.call('reports.setIndicatorMeasure', { agreementId, code: 'IND-X', measure: 'case_notes' });
    expect(forbidden).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(await president.call('reports.setIndicatorMeasure', { agreementId, code: 'NOPE', measure: 'case_notes' })).toEqual({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await president.must('reports.setIndicatorMeasure', { agreementId, code: 'IND-X', measure: 'case_notes' })).toEqual({
      code: 'IND-X',
      label: 'Partenariats signés',
      target: 2,
      measure: 'case_notes',
      filters: null,
      result: null,
    });
    const linked = await president.must('reports.indicators', { ...PERIOD, agreementId });
    expect(linked.indicators.map((i) => [i.code, i.measure])).toEqual([
      ['people_reached', 'people_reached'],
      ['micro_projects_funded', 'micro_projects_funded'],
      ['IND-X', 'case_notes'],
    ]);
    // One case note in the period, for a target of 2.
    expect(tableOf(linked, 'targets.byIndicator')?.rows[2]).toEqual(['Partenariats signés', 2, 1, 50]);
    expect(notesOf(linked, 'grants')).not.toContain('An indicator not linked to a figure of the report is shown with its target only.');

    await president.must('reports.setIndicatorMeasure', { agreementId, code: 'IND-X', measure: null });
    const unlinked = await president.must('reports.indicators', { ...PERIOD, agreementId });
    expect(tableOf(unlinked, 'targets.byIndicator')?.rows[2]).toEqual(['Partenariats signés', 2, null, null]);
  });

  it('says when an agreement has no targets, asks for one otherwise, and refuses an unknown one', async () => {
    const bare = await president.must('reports.indicators', { ...PERIOD, agreementId: bareAgreementId });
    expect(tableOf(bare, 'targets.byIndicator')?.rows).toEqual([]);
    expect(notesOf(bare, 'grants')).toContain('This agreement has no targets yet.');
    expect(tableOf(bare, 'grants.amounts')?.rows).toEqual([]);

    const all = await president.must('reports.indicators', PERIOD);
    expect(all.agreement).toBeNull();
    expect(tableOf(all, 'targets.byIndicator')).toBeUndefined();
    expect(notesOf(all, 'grants')).toEqual(['Choose a funding agreement to compare its targets with what was achieved.']);
    expect(tableOf(all, 'grants.amounts')?.rows).toHaveLength(5);

    expect(await president.call('reports.indicators', { ...PERIOD, agreementId: 'nope' })).toEqual({ ok: false, error: { code: 'not_found' } });
  });

  it('counts members by sex and current status, newcomers, and dues collected in the period', async () => {
    const report = await president.must('reports.indicators', PERIOD);
    expect(tableOf(report, 'members.summary')?.rows).toEqual([
      ['Members registered by the end of the period', 4],
      ['New members in the period', 2],
      ['Dues payments in the period', 2],
    ]);
    expect(body(report, 'members.byStatus')).toEqual({
      columns: ['Status', 'Women', 'Men', 'Total'],
      rows: [
        ['Active', 1, 2, 3],
        ['Lapsed', 0, 0, 0],
        ['Resigned', 1, 0, 1],
      ],
      total: ['Total', 2, 2, 4],
    });
    expect(body(report, 'members.dues')).toEqual({
      columns: ['Dues year', 'Currency', 'Payments', 'Members', 'Amount'],
      rows: [['2026', 'MAD', 2, 2, 170_00]],
      total: null,
    });
  });

  it('counts cooperative projects started and set up by sector, and where each one stands', async () => {
    const report = await president.must('reports.indicators', PERIOD);
    expect(body(report, 'cooperatives.created')).toEqual({
      columns: ['Sector', 'Projects started', 'Cooperatives set up'],
      rows: [
        ['Sewing', 2, 1],
        ['Catering', 1, 0],
        ['Farming', 0, 0],
        ['Handicraft', 0, 0],
        ['Services', 0, 0],
        ['Other', 0, 0],
      ],
      total: ['Total', 3, 1],
    });
    expect(body(report, 'cooperatives.byStep')).toEqual({
      columns: ['Current step', 'Cooperatives', 'Founders'],
      rows: [
        ['Name approval by ODCO (certificat négatif)', 1, 0],
        ['Statutes drafted and signed', 1, 1],
        ['All steps done', 1, 2],
      ],
      total: ['Total', 3, 3],
    });
    // Before K1's last step, nothing was set up.
    const before = await president.must('reports.indicators', { ...PERIOD, to: '2026-05-19' });
    expect(tableOf(before, 'cooperatives.created')?.total).toEqual(['Total', 0, 0]);
  });

  it('shows amounts to treasurers and presidents only', async () => {
    const report = await volunteer.must('reports.indicators', PERIOD);
    expect(body(report, 'grants.amounts')).toMatchObject({
      columns: ['Item', 'Currency', 'Micro-projects'],
      rows: [
        ['Granted (starting in the period)', 'EUR', 1],
        ['Disbursed in the period', 'EUR', 1],
        ['Expenses submitted, pending', 'EUR', 1],
        ['Expenses accepted', 'EUR', 1],
        ['Expenses rejected', 'EUR', 1],
      ],
    });
    expect(tableOf(report, 'members.dues')).toBeUndefined();
    expect(notesOf(report, 'members')).toEqual(['Amounts are shown to treasurers and presidents.']);
    expect(notesOf(report, 'grants')).toContain('Amounts are shown to treasurers and presidents.');
  });
});
