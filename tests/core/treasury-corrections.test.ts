import { describe, expect, it } from 'vitest';
import type { OpInput } from '../../electron/contract';
import { memberInput } from './builders';
import { newAgreement, newOrganisation, subGrantInput } from './grants-builders';
import { auditRows, createdFile, databaseKey, expectFailure, PRESIDENT_PASSWORD, staffCore, testCore, useTempDir, withDb, type TestCore } from './helpers';

// Corrections made where the money was recorded (dues, sub-grant payments), undoing a cooperative
// step, and transfers between the association's own accounts.

const tempDir = useTempDir();
const NOW = '2026-06-01T09:00:00.000Z';

async function signedInFile() {
  const dir = tempDir();
  const core = testCore(dir, () => new Date(NOW));
  const { session } = await createdFile(core, dir);
  return { core, dir, path: session.path, userId: session.user.id };
}

async function stored<T>(path: string, userId: string, sql: string, ...params: unknown[]): Promise<T[]> {
  const key = await databaseKey(path, userId, PRESIDENT_PASSWORD);
  return withDb(path, key, (db) => db.prepare(sql).all(...params) as T[]);
}

async function paidMember(core: TestCore, amount: number) {
  await core.must('dues.setFees', { year: 2026, amounts: { standard: 200_00 } });
  const member = await core.must('members.save', memberInput());
  const payment = await core.must('dues.pay', { memberId: member.id, year: 2026, date: '2026-02-03', amount, method: 'cash' });
  return { member, payment };
}

const balances = async (core: TestCore) => new Map((await core.must('treasury.accounts.list', {})).map((a) => [a.id, a.balanceMinor]));

describe('a dues payment corrected from the members area', () => {
  it('reverses its journal entry exactly once; the dues, the receipt, the balances and the year follow to the centime', async () => {
    const { core, path, userId } = await signedInFile();
    const { member, payment } = await paidMember(core, 150_55);
    expect((await balances(core)).get('cash')).toBe(150_55);

    const reversed = await core.must('dues.reverse', { paymentId: payment.id, date: '2026-02-10', reason: 'Saisi deux fois' });
    expect(reversed.reversal).toEqual({ date: '2026-02-10', reason: 'Saisi deux fois' });
    expect(reversed.receiptNumber).toBe(payment.receiptNumber);

    const rows = await stored<{ source: string; source_id: string; direction: string; amount_minor: number; reverses_id: string | null; reversal_reason: string | null }>(
      path,
      userId,
      "SELECT source, source_id, direction, amount_minor, reverses_id, reversal_reason FROM journal_entries WHERE source = 'dues' ORDER BY created_at, reverses_id IS NOT NULL",
    );
    expect(rows.map((r) => [r.source_id, r.direction, r.amount_minor, r.reversal_reason])).toEqual([
      [payment.id, 'in', 150_55, null],
      [payment.id, 'out', 150_55, 'Saisi deux fois'],
    ]);
    expect((await balances(core)).get('cash')).toBe(0);

    const detail = await core.must('members.get', { id: member.id });
    expect(detail.balances.find((b) => b.year === 2026)).toMatchObject({ due: 200_00, paid: 0, balance: 200_00 });
    expect(detail.payments[0].reversal?.reason).toBe('Saisi deux fois');
    expect((await core.must('dues.status', { year: 2026 })).unpaid.map((r) => r.memberId)).toEqual([member.id]);
    expect((await core.must('dues.receipt', { paymentId: payment.id })).payment.reversal?.date).toBe('2026-02-10');

    const year = await core.must('treasury.yearStatement', { year: 2026 });
    expect(year.currencies[0].income.find((c) => c.categoryId === 'dues')?.amountMinor).toBe(0);

    await expectFailure(core.call('dues.reverse', { paymentId: payment.id, date: '2026-02-11', reason: 'Encore' }), 'already_reversed');
    const entry = (await core.must('treasury.entries.list', {})).rows.find((r) => r.source === 'dues' && !r.reversesId);
    await expectFailure(core.call('treasury.entries.reverse', { id: entry?.id ?? '', date: '2026-02-11', reason: 'Encore' }), 'entry_from_other_area');
    expect(await stored(path, userId, "SELECT id FROM journal_entries WHERE source = 'dues'")).toHaveLength(2);

    const key = await databaseKey(path, userId, PRESIDENT_PASSWORD);
    expect(withDb(path, key, (db) => auditRows(db).filter((r) => r.op === 'dues.reverse').map((r) => r.entity_id))).toEqual([payment.id]);
    core.close();
  });

  it('refuses bad input at its field, a date before the payment, a closed year and a volunteer, writing nothing', async () => {
    const { core, dir, path, userId } = await signedInFile();
    const { payment } = await paidMember(core, 200_00);
    await expectFailure(core.call('dues.reverse', { paymentId: payment.id, date: '2026-02-10', reason: '  ' }), 'invalid_input', { reason: 'too_small' });
    await expectFailure(core.call('dues.reverse', { paymentId: payment.id, date: '10/02/2026', reason: 'Erreur' }), 'invalid_input', { date: 'invalid_format' });
    await expectFailure(core.call('dues.reverse', { paymentId: payment.id, date: '2026-01-10', reason: 'Erreur' }), 'date_outside_period', { date: 'before_original' });
    await expectFailure(core.call('dues.reverse', { paymentId: 'nope', date: '2026-02-10', reason: 'Erreur' }), 'not_found');
    const volunteer = await staffCore(core, path, `${dir}/volunteer`, { displayName: 'Salma Idrissi', role: 'volunteer', now: () => new Date(NOW) });
    await expectFailure(volunteer.call('dues.reverse', { paymentId: payment.id, date: '2026-02-10', reason: 'Erreur' }), 'forbidden');
    volunteer.close();
    await core.must('treasury.years.close', { year: 2026 });
    await expectFailure(core.call('dues.reverse', { paymentId: payment.id, date: '2026-02-10', reason: 'Erreur' }), 'period_closed', { date: 'period_closed' });
    expect(await stored(path, userId, 'SELECT id FROM journal_entries WHERE reverses_id IS NOT NULL')).toEqual([]);
    expect(await stored(path, userId, 'SELECT id FROM member_payments WHERE reversal_entry_id IS NOT NULL')).toEqual([]);
    core.close();
  });
});

describe('a sub-grant payment corrected from the grants area', () => {
  async function paidSubGrant(core: TestCore) {
    const { agreement } = await newAgreement(core, { currency: 'MAD', totalMinor: 500_000_00 });
    const recipient = await newOrganisation(core);
    const subGrant = await core.must('grants.subGrants.save', subGrantInput(agreement.id, recipient.id, { currency: 'MAD', amountMinor: 100_000_00 }));
    const detail = await core.must('grants.subGrants.get', { id: subGrant.id });
    const disbursement = await core.must('grants.disbursements.add', { trancheId: detail.tranches[0].id, date: '2026-02-20', amountMinor: 30_000_37, method: 'transfer' });
    return { agreement, subGrant, disbursement };
  }

  it('reverses its journal entry once; the sub-grant, its tranche and the agreement report drop it', async () => {
    const { core, path, userId } = await signedInFile();
    const { agreement, subGrant, disbursement } = await paidSubGrant(core);
    expect((await balances(core)).get('bank')).toBe(-30_000_37);
    const before = await core.must('treasury.agreementReport', { agreementId: agreement.id });

    const reversed = await core.must('grants.disbursements.reverse', { id: disbursement.id, date: '2026-03-01', reason: 'Virement rejeté par la banque' });
    expect([reversed.reversedOn, reversed.reversalReason]).toEqual(['2026-03-01', 'Virement rejeté par la banque']);

    const detail = await core.must('grants.subGrants.get', { id: subGrant.id });
    expect(detail.figures.disbursedMinor).toBe(0);
    expect(detail.tranches[0].disbursedMinor).toBe(0);
    expect(detail.disbursements.map((d) => [d.id, d.reversedOn])).toEqual([[disbursement.id, '2026-03-01']]);
    expect((await balances(core)).get('bank')).toBe(0);
    const after = await core.must('treasury.agreementReport', { agreementId: agreement.id });
    expect(before.passedOnMinor).toBeGreaterThan(0);
    expect(after.passedOnMinor).toBe(0);
    expect(
      (await stored<{ direction: string; amount_minor: number }>(path, userId, "SELECT direction, amount_minor FROM journal_entries WHERE source = 'disbursement' ORDER BY direction DESC")).map((r) => [
        r.direction,
        r.amount_minor,
      ]),
    ).toEqual([
      ['out', 30_000_37],
      ['in', 30_000_37],
    ]);
    await expectFailure(core.call('grants.disbursements.reverse', { id: disbursement.id, date: '2026-03-02', reason: 'Encore' }), 'already_reversed');
    core.close();
  });

  it('refuses a closed year and a volunteer, writing nothing', async () => {
    const { core, dir, path, userId } = await signedInFile();
    const { disbursement } = await paidSubGrant(core);
    const volunteer = await staffCore(core, path, `${dir}/volunteer`, { displayName: 'Salma Idrissi', role: 'volunteer', now: () => new Date(NOW) });
    await expectFailure(volunteer.call('grants.disbursements.reverse', { id: disbursement.id, date: '2026-03-01', reason: 'Erreur' }), 'forbidden');
    volunteer.close();
    await core.must('treasury.years.close', { year: 2026 });
    await expectFailure(core.call('grants.disbursements.reverse', { id: disbursement.id, date: '2026-03-01', reason: 'Erreur' }), 'period_closed', { date: 'period_closed' });
    await expectFailure(core.call('grants.disbursements.reverse', { id: disbursement.id, date: '2026-03-01', reason: '' }), 'invalid_input', { reason: 'too_small' });
    expect(await stored(path, userId, 'SELECT id FROM journal_entries WHERE reverses_id IS NOT NULL')).toEqual([]);
    expect(await stored(path, userId, 'SELECT disbursed_minor FROM grant_totals')).toEqual([{ disbursed_minor: 30_000_37 }]);
    core.close();
  });
});

describe('a cooperative step undone', () => {
  it('goes back to in progress with the reason kept and audited; only a done step, never under a later done one', async () => {
    const { core, path, userId } = await signedInFile();
    const coop = await core.must('cooperatives.save', {
      proposedNames: ['Coopérative Nour'],
      sector: 'sewing',
      activity: 'Couture',
      city: 'Oujda',
      coach: 'Meryem El Amrani',
      shareValue: 20_000,
    });
    const [first, second] = (await core.must('cooperatives.get', { id: coop.id })).steps;
    await core.must('cooperatives.saveStep', { id: first.id, status: 'done', doneOn: '2026-05-01' });
    await expectFailure(core.call('cooperatives.saveStep', { id: first.id, status: 'in_progress' }), 'step_done', { status: 'step_done' });
    await expectFailure(core.call('cooperatives.undoStep', { id: second.id, reason: 'Erreur' }), 'step_not_done');
    await expectFailure(core.call('cooperatives.undoStep', { id: first.id, reason: ' ' }), 'invalid_input', { reason: 'too_small' });
    if (!second.mandatory) throw new Error('the template changed');
    await core.must('cooperatives.saveStep', { id: second.id, status: 'done', doneOn: '2026-05-10' });
    await expectFailure(core.call('cooperatives.undoStep', { id: first.id, reason: 'Erreur' }), 'later_step_done');
    await core.must('cooperatives.undoStep', { id: second.id, reason: 'Statuts non signés par tous' });

    const undone = (await core.must('cooperatives.get', { id: coop.id })).steps[1];
    expect([undone.status, undone.doneOn]).toEqual(['in_progress', null]);
    expect(await stored(path, userId, 'SELECT step_id, done_on, reason FROM cooperative_step_undos')).toEqual([
      { step_id: second.id, done_on: '2026-05-10', reason: 'Statuts non signés par tous' },
    ]);
    const key = await databaseKey(path, userId, PRESIDENT_PASSWORD);
    expect(withDb(path, key, (db) => auditRows(db).filter((r) => r.op === 'cooperatives.undoStep').map((r) => r.entity_id))).toEqual([second.id]);
    core.close();
  });
});

describe('transfers between the association\'s own accounts', () => {
  const transfer = (more: Partial<OpInput<'treasury.transfers.add'>> = {}): OpInput<'treasury.transfers.add'> => ({
    date: '2026-03-05',
    fromAccountId: 'cash',
    toAccountId: 'bank',
    amountMinor: 120_45,
    reference: 'Versement 12',
    ...more,
  });

  it('writes both entries together, keeps the sum of balances, and is neither income nor expense', async () => {
    const { core, path, userId } = await signedInFile();
    await paidMember(core, 200_00);
    const legs = await core.must('treasury.transfers.add', transfer());
    expect(legs.map((e) => [e.accountId, e.direction, e.amountMinor, e.categoryId])).toEqual([
      ['cash', 'out', 120_45, 'transfer_out'],
      ['bank', 'in', 120_45, 'transfer_in'],
    ]);
    expect(legs[0].transferId).toBe(legs[1].transferId);
    const after = await balances(core);
    expect([after.get('cash'), after.get('bank')]).toEqual([79_55, 120_45]);

    const year = await core.must('treasury.yearStatement', { year: 2026 });
    const mad = year.currencies[0];
    expect([mad.incomeMinor, mad.expensesMinor]).toEqual([200_00, 0]);
    expect([...mad.income, ...mad.expenses].map((c) => c.categoryId)).toEqual(['dues']);
    const account = (id: string) => year.accounts.find((a) => a.accountId === id);
    expect([account('cash')?.outMinor, account('bank')?.inMinor, account('bank')?.closingMinor]).toEqual([120_45, 120_45, 120_45]);

    // Reversing either entry reverses the transfer: both accounts are back.
    await core.must('treasury.entries.reverse', { id: legs[1].id, date: '2026-03-06', reason: 'Mauvais compte' });
    const back = await balances(core);
    expect([back.get('cash'), back.get('bank')]).toEqual([200_00, 0]);
    expect(await stored(path, userId, 'SELECT id FROM journal_entries WHERE transfer_id IS NOT NULL')).toHaveLength(4);
    await expectFailure(core.call('treasury.entries.reverse', { id: legs[0].id, date: '2026-03-07', reason: 'Encore' }), 'already_reversed');
    core.close();
  });

  it('refuses the same account, another currency, a closed year, a hand-picked transfer category and a volunteer, writing nothing', async () => {
    const { core, dir, path, userId } = await signedInFile();
    await expectFailure(core.call('treasury.transfers.add', transfer({ toAccountId: 'cash' })), 'invalid_input', { toAccountId: 'same_account' });
    await expectFailure(core.call('treasury.transfers.add', transfer({ amountMinor: 0 })), 'invalid_input', { amountMinor: 'too_small' });
    await expectFailure(core.call('treasury.transfers.add', transfer({ toAccountId: 'nope' })), 'invalid_input', { toAccountId: 'not_found' });
    const eur = await core.must('treasury.accounts.save', { name: 'Banque EUR', kind: 'bank', currency: 'EUR', openingDate: '2026-01-01', openingMinor: 0 });
    await expectFailure(core.call('treasury.transfers.add', transfer({ toAccountId: eur.id })), 'currency_mismatch', { toAccountId: 'currency_mismatch' });
    await expectFailure(
      core.call('treasury.entries.add', { date: '2026-03-05', accountId: 'bank', direction: 'in', amountMinor: 100, categoryId: 'transfer_in', counterpartKind: 'other', counterpartName: 'Caisse' }),
      'invalid_input',
      { categoryId: 'not_found' },
    );
    const volunteer = await staffCore(core, path, `${dir}/volunteer`, { displayName: 'Salma Idrissi', role: 'volunteer', now: () => new Date(NOW) });
    await expectFailure(volunteer.call('treasury.transfers.add', transfer()), 'forbidden');
    volunteer.close();
    await core.must('treasury.years.close', { year: 2026 });
    await expectFailure(core.call('treasury.transfers.add', transfer()), 'period_closed', { date: 'period_closed' });
    expect(await stored(path, userId, 'SELECT id FROM journal_entries')).toEqual([]);
    core.close();
  });
});

describe('the grants budget follow-up', () => {
  it('counts the association\'s own spending on each line beside the sub-grantees\', reversals deducted, to the centime', async () => {
    const { core } = await signedInFile();
    const { agreement, lines } = await newAgreement(core, { currency: 'MAD', totalMinor: 500_000_00 });
    const spend = (line: number, amountMinor: number) =>
      core.must('treasury.entries.add', {
        date: '2026-03-10',
        accountId: 'bank',
        direction: 'out',
        amountMinor,
        categoryId: 'trainers',
        counterpartKind: 'supplier',
        counterpartName: 'Formatrice',
        agreementId: agreement.id,
        budgetLineId: lines[line].id,
      });
    await spend(0, 1_234_56);
    const wrong = await spend(0, 500_00);
    await core.must('treasury.entries.reverse', { id: wrong.id, date: '2026-03-11', reason: 'Mauvaise ligne' });
    await spend(1, 10_01);

    const budget = await core.must('grants.budget', { agreementId: agreement.id });
    const byCode = budget.lines.map((l) => [l.code, l.spentDirectlyMinor, l.spentMinor, l.usedPct]);
    expect(byCode.slice(0, 2)).toEqual([
      ['L1', 1_234_56, 0, 2.1],
      ['L2', 10_01, 0, 0],
    ]);
    expect(budget.totalSpentDirectlyMinor).toBe(1_244_57);
    const report = await core.must('treasury.agreementReport', { agreementId: agreement.id });
    expect(report.lines.map((l) => l.spentDirectlyMinor).slice(0, 2)).toEqual([1_234_56, 10_01]);
    core.close();
  });
});
