import { beforeAll, describe, expect, it } from 'vitest';
import type { GrantsDashboard, BudgetFollowUp } from '../../electron/contract';
import { newAgreement, newOrganisation } from './grants-builders';
import { createdFile, testCore, useSuiteTempDir } from './helpers';

const suiteDir = useSuiteTempDir();

/**
 * The treasurer's figures against a fixture worked out independently of the app (plain integer
 * arithmetic): 1 agreement in EUR (500,000.00), 12 sub-grants alternating MAD and EUR,
 * 30 tranches, 200 expenses. MAD sub-grants convert at the EUR→MAD rate of their start date
 * (10.80 from 1 January, 10.95 from 1 March), rounded half up once per sub-grant total.
 * Today is 1 June 2026.
 *
 * Sub-grant i (1…12): MAD when i is odd, else EUR; starts 1 Feb (i ≤ 6) or 15 Mar (i > 6), ends 31 Dec;
 * amount 100,000.00 + i × 1,234.56 MAD, or 9,000.00 + i × 111.11 EUR;
 * tranches 40/40/20 % due 15 Feb, 15 Jun, 15 Nov (i ≤ 6), 60/40 % (7…9) or 30/70 % (10…12) due 20 Mar, 1 Sep;
 * the first tranche paid in full, the second too for i ≤ 3; a report due 15 May unsent for i = 1, 2
 * (30 Sep for the others). Expense j (0…199) goes to sub-grant (j mod 12) + 1, budget line (j mod 3) + 1,
 * k = 37j mod 100, amount 1,000.00 + k × 30.01 MAD or 80.00 + k × 3.01 EUR; rejected when j mod 5 = 0,
 * left submitted when j mod 5 = 1 for sub-grants 1…9, else accepted.
 */
const NOW = '2026-06-01T09:00:00.000Z';

let dashboard: GrantsDashboard;
let budget: BudgetFollowUp;

beforeAll(async () => {
  const dir = suiteDir();
  const core = testCore(dir, () => new Date(NOW));
  await createdFile(core, dir);
  await core.must('grants.rates.save', { date: '2026-01-01', fromCurrency: 'EUR', toCurrency: 'MAD', rateMicro: 10_800_000 });
  await core.must('grants.rates.save', { date: '2026-03-01', fromCurrency: 'EUR', toCurrency: 'MAD', rateMicro: 10_950_000 });
  const { agreement, lines: budgetLines } = await newAgreement(
    core,
    {
      reference: 'EU-TF-2026-01',
      totalMinor: 500_000_00,
      budgetLines: [
        { code: 'L1', label: 'Activités', amountMinor: 300_000_00 },
        { code: 'L2', label: 'Équipement', amountMinor: 195_000_00 },
        { code: 'L3', label: 'Fonctionnement', amountMinor: 5_000_00 },
      ],
      deadlines: [
        { dueDate: '2026-04-30', kind: 'narrative', submittedOn: '2026-04-28' },
        { dueDate: '2026-12-31', kind: 'financial' },
      ],
    },
    'Union européenne',
  );
  const lines = budgetLines.map((l) => l.id);

  const subGrants: string[] = [];
  for (let i = 1; i <= 12; i++) {
    const mad = i % 2 === 1;
    const early = i <= 6;
    const recipient = await newOrganisation(core, `Association ${i}`);
    const percents = early ? [40, 40, 20] : i <= 9 ? [60, 40] : [30, 70];
    const dues = early ? ['2026-02-15', '2026-06-15', '2026-11-15'] : ['2026-03-20', '2026-09-01'];
    const sg = await core.must('grants.subGrants.save', {
      agreementId: agreement.id,
      recipientId: recipient.id,
      title: `Micro-projet ${i}`,
      amountMinor: mad ? 100_000_00 + i * 1_234_56 : 9_000_00 + i * 111_11,
      currency: mad ? 'MAD' : 'EUR',
      startDate: early ? '2026-02-01' : '2026-03-15',
      endDate: '2026-12-31',
      tranches: percents.map((percent, n) => ({ percent, dueDate: dues[n] as string })),
      reportDates: [{ dueDate: i <= 2 ? '2026-05-15' : '2026-09-30' }],
    });
    subGrants.push(sg.id);
    const { tranches } = await core.must('grants.subGrants.get', { id: sg.id });
    const paid = i <= 3 ? tranches.slice(0, 2) : tranches.slice(0, 1);
    for (const t of paid) await core.must('grants.disbursements.add', { trancheId: t.id, date: t.dueDate, amountMinor: t.amountMinor, method: 'transfer' });
  }
  for (let j = 0; j < 200; j++) {
    const i = (j % 12) + 1;
    const k = (j * 37) % 100;
    const e = await core.must('grants.expenses.add', {
      subGrantId: subGrants[i - 1] as string,
      budgetLineId: lines[j % 3] as string,
      date: '2026-04-10',
      supplier: `Fournisseur ${k}`,
      description: `Dépense ${j}`,
      amountMinor: i % 2 === 1 ? 1_000_00 + k * 30_01 : 80_00 + k * 3_01,
    });
    if (j % 5 === 0) await core.must('grants.expenses.decide', { id: e.id, status: 'rejected', reason: 'Pièce manquante' });
    else if (!(j % 5 === 1 && i <= 9)) await core.must('grants.expenses.decide', { id: e.id, status: 'accepted' });
  }
  dashboard = await core.must('grants.dashboard', {});
  budget = await core.must('grants.budget', { agreementId: agreement.id });
  core.close();
}, 120_000);

describe('treasurer dashboard against the hand-computed fixture', () => {
  it('gives each sub-grant its amount, disbursed, justified, what is left, next tranche, overdue reports and state', () => {
    const rows = dashboard.agreements[0]?.subGrants.map((s) => [
      s.reference.slice(-2),
      s.currency,
      s.amountMinor,
      s.disbursedMinor,
      s.justifiedMinor,
      s.submittedMinor,
      s.rejectedMinor,
      s.leftToDisburseMinor,
      s.leftToJustifyMinor,
      s.nextTrancheDue,
      s.overdueReports,
      s.state,
    ]);
    expect(rows).toEqual([
      ['01', 'MAD', 101_234_56, 80_987_64, 25_245_08, 7_681_56, 7_601_20, 20_246_92, 55_742_56, '2026-11-15', 1, 'late'],
      ['02', 'EUR', 9_222_22, 7_377_76, 2_034_10, 1_126_68, 646_35, 1_844_46, 5_343_66, '2026-11-15', 1, 'late'],
      ['03', 'MAD', 103_703_68, 82_962_94, 25_584_86, 7_381_46, 9_302_10, 20_740_74, 57_378_08, '2026-11-15', 0, 'watch'],
      ['04', 'EUR', 9_444_44, 3_777_77, 2_335_10, 604_21, 1_042_40, 5_666_67, 1_442_67, '2026-06-15', 0, 'watch'],
      ['05', 'MAD', 106_172_80, 42_469_12, 25_365_12, 9_641_88, 6_001_00, 63_703_68, 17_104_00, '2026-06-15', 0, 'watch'],
      ['06', 'EUR', 9_666_66, 3_866_66, 2_479_58, 574_11, 801_60, 5_800_00, 1_387_08, '2026-06-15', 0, 'watch'],
      ['07', 'MAD', 108_641_92, 65_185_15, 26_805_60, 10_242_08, 5_700_90, 43_456_77, 38_379_55, '2026-09-01', 0, 'watch'],
      ['08', 'EUR', 9_888_88, 5_933_32, 2_448_21, 845_01, 736_65, 3_955_56, 3_485_11, '2026-09-01', 0, 'watch'],
      ['09', 'MAD', 111_111_04, 66_666_62, 23_804_60, 8_281_76, 8_401_80, 44_444_42, 42_862_02, '2026-09-01', 0, 'watch'],
      ['10', 'EUR', 10_111_10, 3_033_33, 3_005_53, 0, 706_55, 7_077_77, 27_80, '2026-09-01', 0, 'ok'],
      ['11', 'MAD', 113_580_16, 34_074_04, 30_006_00, 0, 10_002_00, 79_506_12, 4_068_04, '2026-09-01', 0, 'ok'],
      ['12', 'EUR', 10_333_32, 3_099_99, 2_987_47, 0, 676_45, 7_233_33, 112_52, '2026-09-01', 0, 'ok'],
    ]);
  });

  it('gives the agreement its totals in EUR, converted sub-grant by sub-grant', () => {
    const a = dashboard.agreements[0];
    expect(dashboard.agreements).toHaveLength(1);
    expect(a).toMatchObject({
      reference: 'EU-TF-2026-01',
      funderName: 'Union européenne',
      currency: 'EUR',
      totalMinor: 500_000_00,
      committedMinor: 117_914_58,
      disbursedMinor: 61_354_81,
      justifiedMinor: 29_707_30,
      leftToCommitMinor: 382_085_42,
      leftToDisburseMinor: 56_559_77,
      leftToJustifyMinor: 31_647_51,
      nextTrancheDue: '2026-06-15',
      overdueReports: 0,
      state: 'late',
      unconverted: 0,
    });
    // MAD sub-grants went through the EUR→MAD rates typed, backwards: the one of each start date.
    expect(a.ratesUsed).toEqual([
      { date: '2026-01-01', fromCurrency: 'MAD', toCurrency: 'EUR', rateMicro: 10_800_000, inverse: true },
      { date: '2026-03-01', fromCurrency: 'MAD', toCurrency: 'EUR', rateMicro: 10_950_000, inverse: true },
    ]);
  });

  it('follows the budget per line: planned, spent (accepted, converted), % used, overspent highlighted', () => {
    expect(budget.lines.map((l) => [l.code, l.amountMinor, l.spentMinor, l.usedPct, l.overspent])).toEqual([
      ['L1', 300_000_00, 10_126_14, 3.4, false],
      ['L2', 195_000_00, 9_571_20, 4.9, false],
      ['L3', 5_000_00, 10_009_96, 200.2, true],
    ]);
    expect(budget.totalPlannedMinor).toBe(500_000_00);
    expect(budget.totalSpentMinor).toBe(29_707_30);
    expect(budget.ratesUsed.map((r) => [r.date, r.rateMicro])).toEqual([
      ['2026-01-01', 10_800_000],
      ['2026-03-01', 10_950_000],
    ]);
  });
});
