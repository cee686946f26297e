import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpInput } from '../../electron/contract';
import { memberInput } from './builders';
import { newAgreement, newOrganisation, subGrantInput } from './grants-builders';
import { auditRows, createdFile, databaseKey, expectFailure, PRESIDENT_PASSWORD, staffCore, testCore, useTempDir, withDb, type TestCore } from './helpers';

const tempDir = useTempDir();

/** The suite's "today": Monday 1 June 2026. */
const NOW = '2026-06-01T09:00:00.000Z';

async function signedInFile() {
  const dir = tempDir();
  const core = testCore(dir, () => new Date(NOW));
  const { session } = await createdFile(core, dir);
  return { core, dir, path: session.path, userId: session.user.id };
}

async function storedRows(path: string, userId: string, sql: string): Promise<unknown[]> {
  const key = await databaseKey(path, userId, PRESIDENT_PASSWORD);
  return withDb(path, key, (db) => db.prepare(sql).all());
}

const entry = (more: Partial<OpInput<'treasury.entries.add'>> = {}): OpInput<'treasury.entries.add'> => ({
  date: '2026-03-10',
  accountId: 'bank',
  direction: 'out',
  amountMinor: 1_000_00,
  categoryId: 'rent',
  counterpartKind: 'supplier',
  counterpartName: 'Propriétaire du local',
  ...more,
});

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function paidMember(core: TestCore, amount: number, method: 'cash' | 'bank_transfer' = 'cash', date = '2026-02-03') {
  await core.must('dues.setFees', { year: 2026, amounts: { standard: 200_00 } });
  const member = await core.must('members.save', memberInput());
  return core.must('dues.pay', { memberId: member.id, year: 2026, date, amount, method });
}

describe('accounts, categories and the journal', () => {
  it('starts every file with a cash box, a bank account and the chart of categories', async () => {
    const { core } = await signedInFile();
    const accounts = await core.must('treasury.accounts.list', {});
    expect(accounts.map((a) => [a.id, a.kind, a.currency, a.balanceMinor])).toEqual([
      ['cash', 'cash', 'MAD', 0],
      ['bank', 'bank', 'MAD', 0],
    ]);
    const categories = await core.must('treasury.categories.list', {});
    expect(categories.map((c) => c.id)).toEqual(
      expect.arrayContaining(['dues', 'donations', 'grants_received', 'staff', 'trainers', 'rent', 'transport', 'training_materials', 'in_kind_aid', 'sub_grants_paid', 'bank_fees']),
    );
    const added = await core.must('treasury.categories.save', { direction: 'out', labelFr: 'Assurance', labelAr: 'التأمين', labelEn: 'Insurance' });
    expect((await core.must('treasury.categories.list', {})).map((c) => c.id)).toContain(added.id);
    await expectFailure(core.call('treasury.categories.save', { id: added.id, direction: 'in', labelFr: 'Assurance', labelAr: 'التأمين', labelEn: 'Insurance' }), 'invalid_input', {
      direction: 'cannot_change',
    });
    core.close();
  });

  it('refuses bad input at its field and writes nothing: zero or negative amounts, unknown category, wrong side, dates outside the agreement, no rate', async () => {
    const { core, path, userId } = await signedInFile();
    const { agreement, lines } = await newAgreement(core);
    await expectFailure(core.call('treasury.entries.add', entry({ amountMinor: 0 })), 'invalid_input', { amountMinor: 'too_small' });
    await expectFailure(core.call('treasury.entries.add', entry({ amountMinor: -500 })), 'invalid_input', { amountMinor: 'too_small' });
    await expectFailure(core.call('treasury.entries.add', entry({ amountMinor: 10.5 })), 'invalid_input', { amountMinor: 'invalid_type' });
    await expectFailure(core.call('treasury.entries.add', entry({ categoryId: 'no-such' })), 'invalid_input', { categoryId: 'not_found' });
    await expectFailure(core.call('treasury.entries.add', entry({ categoryId: 'donations' })), 'invalid_input', { categoryId: 'wrong_direction' });
    await expectFailure(core.call('treasury.entries.add', entry({ accountId: 'nope' })), 'invalid_input', { accountId: 'not_found' });
    await expectFailure(core.call('treasury.entries.add', entry({ agreementId: agreement.id, date: '2025-12-31' })), 'date_outside_period', { date: 'date_outside_period' });
    // A MAD expense on a EUR agreement needs the rate of its date.
    await expectFailure(core.call('treasury.entries.add', entry({ agreementId: agreement.id, budgetLineId: lines[0].id })), 'exchange_rate_missing', {
      date: 'exchange_rate_missing',
    });
    await expectFailure(core.call('treasury.entries.add', entry({ budgetLineId: lines[0].id })), 'invalid_input', { agreementId: 'required' });
    const plan = await core.must('treasury.tranches.plan', { agreementId: agreement.id, tranches: [{ dueDate: '2026-02-01', amountMinor: 50_000_00 }] });
    await expectFailure(core.call('treasury.tranches.receive', { funderTrancheId: plan.tranches[0].id, date: '2026-02-03', accountId: 'bank', amountMinor: 50_000_00 }), 'exchange_rate_missing', {
      rateMicro: 'exchange_rate_missing',
    });
    await expectFailure(core.call('treasury.tranches.receive', { funderTrancheId: plan.tranches[0].id, date: '2028-02-03', accountId: 'bank', amountMinor: 50_000_00, rateMicro: 10_800_000 }), 'date_outside_period', {
      date: 'date_outside_period',
    });
    await expectFailure(core.call('treasury.tranches.plan', { agreementId: agreement.id, tranches: [{ dueDate: '2026-02-01', amountMinor: 100_000_01 }] }), 'agreement_total_exceeded');
    expect(await storedRows(path, userId, 'SELECT id FROM journal_entries')).toEqual([]);

    const ok = await core.must('treasury.entries.add', entry({ agreementId: agreement.id, budgetLineId: lines[0].id, rateMicro: 10_800_000, receipt: { fileName: 'facture.png', contentBase64: PNG.toString('base64') } }));
    expect([ok.agreementMinor, ok.rateMicro, ok.rateInverse, ok.budgetLineCode]).toEqual([92_59, 10_800_000, 1, 'L1']);
    const receipt = await core.must('attachments.get', { id: ok.attachmentId ?? '' });
    expect(Buffer.from(receipt.contentBase64, 'base64').equals(PNG)).toBe(true);
    core.close();
  });

  it('writes each dues payment and sub-grant disbursement once, in the same transaction, and balances add up', async () => {
    const { core, path, userId } = await signedInFile();
    const payment = await paidMember(core, 150_00, 'cash');
    const { agreement } = await newAgreement(core, { currency: 'MAD', totalMinor: 500_000_00 });
    const recipient = await newOrganisation(core);
    const subGrant = await core.must('grants.subGrants.save', subGrantInput(agreement.id, recipient.id, { currency: 'MAD', amountMinor: 100_000_00 }));
    const detail = await core.must('grants.subGrants.get', { id: subGrant.id });
    const disbursement = await core.must('grants.disbursements.add', { trancheId: detail.tranches[0].id, date: '2026-02-20', amountMinor: 60_000_00, method: 'transfer' });

    const journal = await core.must('treasury.entries.list', {});
    expect(journal.rows.map((e) => [e.source, e.sourceId, e.accountId, e.direction, e.amountMinor, e.categoryId])).toEqual([
      ['disbursement', disbursement.id, 'bank', 'out', 60_000_00, 'sub_grants_paid'],
      ['dues', payment.id, 'cash', 'in', 150_00, 'dues'],
    ]);
    expect(journal.rows[0].counterpartName).toBe('Association Amal Berkane');
    expect(journal.rows[1].reference).toBe(payment.receiptNumber);
    const accounts = await core.must('treasury.accounts.list', {});
    expect(accounts.find((a) => a.id === 'cash')?.balanceMinor).toBe(150_00);
    expect(accounts.find((a) => a.id === 'bank')?.balanceMinor).toBe(-60_000_00);

    // A dues entry is corrected in the members area, never from the journal.
    await expectFailure(core.call('treasury.entries.reverse', { id: journal.rows[1].id, date: '2026-03-01', reason: 'erreur' }), 'entry_from_other_area');
    expect(await storedRows(path, userId, "SELECT source, count(*) AS n FROM journal_entries GROUP BY source ORDER BY source")).toEqual([
      { source: 'disbursement', n: 1 },
      { source: 'dues', n: 1 },
    ]);
    core.close();
  });

  it('corrects by reversal with a reason, once, the original left as it was, and the balance back', async () => {
    const { core, path, userId } = await signedInFile();
    const wrong = await core.must('treasury.entries.add', entry({ amountMinor: 2_500_00 }));
    await expectFailure(core.call('treasury.entries.reverse', { id: wrong.id, date: '2026-03-12', reason: '  ' }), 'invalid_input', { reason: 'too_small' });
    await expectFailure(core.call('treasury.entries.reverse', { id: wrong.id, date: '2026-03-01', reason: 'Montant faux' }), 'date_outside_period', { date: 'before_original' });
    const reversal = await core.must('treasury.entries.reverse', { id: wrong.id, date: '2026-03-12', reason: 'Montant faux' });
    expect([reversal.direction, reversal.amountMinor, reversal.categoryId, reversal.reversesId, reversal.reversalReason]).toEqual(['in', 2_500_00, 'rent', wrong.id, 'Montant faux']);
    await expectFailure(core.call('treasury.entries.reverse', { id: wrong.id, date: '2026-03-12', reason: 'encore' }), 'already_reversed');
    await expectFailure(core.call('treasury.entries.reverse', { id: reversal.id, date: '2026-03-12', reason: 'encore' }), 'already_reversed');
    expect((await core.must('treasury.accounts.list', {})).find((a) => a.id === 'bank')?.balanceMinor).toBe(0);
    const statement = await core.must('treasury.yearStatement', { year: 2026 });
    expect(statement.currencies[0].expenses.find((c) => c.categoryId === 'rent')?.amountMinor).toBe(0);
    const list = await core.must('treasury.entries.list', {});
    expect(list.rows.find((e) => e.id === wrong.id)?.reversedById).toBe(reversal.id);
    expect(await storedRows(path, userId, "SELECT op, entity_id AS id FROM audit_log WHERE op LIKE 'treasury.%' ORDER BY rowid")).toEqual([
      { op: 'treasury.entries.add', id: wrong.id },
      { op: 'treasury.entries.reverse', id: reversal.id },
    ]);
    core.close();
  });

  it('refuses any movement on a closed year, from the journal, dues or disbursements; only a president reopens it, audited', async () => {
    const { core, dir, path, userId } = await signedInFile();
    const treasurer = await staffCore(core, path, `${dir}/treasurer`, { displayName: 'Karim Tazi', role: 'treasurer', now: () => new Date(NOW) });
    const wrong = await treasurer.must('treasury.entries.add', entry({ date: '2025-11-02' }));
    await treasurer.must('treasury.years.close', { year: 2025 });
    await expectFailure(treasurer.call('treasury.years.close', { year: 2025 }), 'invalid_input', { year: 'already_closed' });
    await expectFailure(treasurer.call('treasury.entries.add', entry({ date: '2025-12-31' })), 'period_closed', { date: 'period_closed' });
    await expectFailure(treasurer.call('treasury.entries.reverse', { id: wrong.id, date: '2025-12-31', reason: 'erreur' }), 'period_closed', { date: 'period_closed' });
    await treasurer.must('dues.setFees', { year: 2025, amounts: { standard: 200_00 } });
    const member = await treasurer.must('members.save', memberInput());
    await expectFailure(treasurer.call('dues.pay', { memberId: member.id, year: 2025, date: '2025-12-20', amount: 200_00, method: 'cash' }), 'period_closed', { date: 'period_closed' });
    expect(await storedRows(path, userId, 'SELECT count(*) AS n FROM member_payments')).toEqual([{ n: 0 }]);
    // Corrected in the open year, the closed year's figures stay as presented.
    await treasurer.must('treasury.entries.reverse', { id: wrong.id, date: '2026-01-05', reason: 'Facture en double' });
    expect((await treasurer.must('treasury.yearStatement', { year: 2025 })).accounts.find((a) => a.accountId === 'bank')?.closingMinor).toBe(-1_000_00);

    await expectFailure(treasurer.call('treasury.years.reopen', { year: 2025 }), 'forbidden');
    await core.must('treasury.years.reopen', { year: 2025 });
    expect(await core.must('treasury.years.list', {})).toEqual([]);
    await treasurer.must('treasury.entries.add', entry({ date: '2025-12-31' }));
    const key = await databaseKey(path, userId, PRESIDENT_PASSWORD);
    const years = withDb(path, key, (db) => auditRows(db).filter((r) => r.op.startsWith('treasury.years.')));
    expect(years.map((r) => [r.op, r.entity_id, r.user_id === userId])).toEqual([
      ['treasury.years.close', 'year:2025', false],
      ['treasury.years.reopen', 'year:2025', true],
    ]);
    treasurer.close();
    core.close();
  });

  it('warns before saving: a budget line going over, with the figures, and an account going below zero', async () => {
    const { core } = await signedInFile();
    const { agreement, lines } = await newAgreement(core, { currency: 'MAD', totalMinor: 100_000_00, budgetLines: [{ code: 'L1', label: 'Loyer', amountMinor: 10_000_00 }] });
    await core.must('treasury.entries.add', entry({ accountId: 'bank', direction: 'in', categoryId: 'donations', amountMinor: 12_000_00 }));
    await core.must('treasury.entries.add', entry({ agreementId: agreement.id, budgetLineId: lines[0].id, amountMinor: 8_000_00 }));
    const check = (amountMinor: number) => core.must('treasury.entries.check', { date: '2026-03-20', accountId: 'bank', direction: 'out', amountMinor, agreementId: agreement.id, budgetLineId: lines[0].id });
    expect(await check(1_000_00)).toEqual([]);
    expect(await check(5_000_00)).toEqual([
      { kind: 'balance_short', balanceMinor: 4_000_00, afterMinor: -1_000_00, currency: 'MAD' },
      { kind: 'budget_line_over', budgetMinor: 10_000_00, usedMinor: 8_000_00, afterMinor: 13_000_00, currency: 'MAD' },
    ]);
    core.close();
  });
});

describe('an agreement in EUR, worked by hand', () => {
  // Rates EUR→MAD 10.80 from 1 Jan, 10.90 from 1 Mar. Budget 40,000 + 20,000 + 10,000 + 30,000 EUR.
  // Tranches received: 50,000 EUR at 10.80 (540,000 MAD) and 30,000 EUR at 10.90 (327,000 MAD).
  // Spent directly from the bank: 10,800 MAD (1,000 EUR), 5,450 MAD (500 EUR), 2,180 MAD (200 EUR),
  // 1,090 MAD (100 EUR). Sub-grant of 108,000 MAD (10,000 EUR at 10.80), 64,800 MAD paid (6,000 EUR).
  // Dues 200 MAD and a donation of 1,000 MAD into the cash box, opened at 500 MAD.
  it('prints the figures computed by hand: the funder report and the year statement', async () => {
    const { core } = await signedInFile();
    await core.must('grants.rates.save', { date: '2026-01-01', fromCurrency: 'EUR', toCurrency: 'MAD', rateMicro: 10_800_000 });
    await core.must('grants.rates.save', { date: '2026-03-01', fromCurrency: 'EUR', toCurrency: 'MAD', rateMicro: 10_900_000 });
    const { agreement, lines } = await newAgreement(core, {
      budgetLines: [
        { code: 'P', label: 'Personnel', amountMinor: 40_000_00 },
        { code: 'F', label: 'Formateurs', amountMinor: 20_000_00 },
        { code: 'T', label: 'Transport', amountMinor: 10_000_00 },
        { code: 'M', label: 'Matériel de formation', amountMinor: 30_000_00 },
      ],
    });
    await core.must('treasury.accounts.save', { id: 'cash', name: 'Caisse', kind: 'cash', currency: 'MAD', openingDate: '2026-01-01', openingMinor: 500_00 });
    const plan = await core.must('treasury.tranches.plan', {
      agreementId: agreement.id,
      tranches: [
        { dueDate: '2026-01-15', amountMinor: 50_000_00 },
        { dueDate: '2026-05-01', amountMinor: 40_000_00 },
      ],
    });
    // Without a typed rate, the stored rate of the day is used.
    const first = await core.must('treasury.tranches.receive', { funderTrancheId: plan.tranches[0].id, date: '2026-01-20', accountId: 'bank', amountMinor: 50_000_00 });
    expect([first.amountMinor, first.rateDate]).toEqual([540_000_00, '2026-01-01']);
    const second = await core.must('treasury.tranches.receive', { funderTrancheId: plan.tranches[1].id, date: '2026-05-10', accountId: 'bank', amountMinor: 30_000_00, rateMicro: 10_900_000 });
    expect(second.amountMinor).toBe(327_000_00);

    const spend = (date: string, line: number, categoryId: string, amountMinor: number) =>
      core.must('treasury.entries.add', entry({ date, agreementId: agreement.id, budgetLineId: lines[line].id, categoryId, amountMinor }));
    await spend('2026-02-10', 0, 'staff', 10_800_00);
    await spend('2026-03-15', 1, 'trainers', 5_450_00);
    await spend('2026-04-01', 2, 'transport', 2_180_00);
    await spend('2026-04-20', 3, 'training_materials', 1_090_00);

    const recipient = await newOrganisation(core);
    const subGrant = await core.must('grants.subGrants.save', subGrantInput(agreement.id, recipient.id, { currency: 'MAD', amountMinor: 108_000_00 }));
    const tranche = (await core.must('grants.subGrants.get', { id: subGrant.id })).tranches[0];
    await core.must('grants.disbursements.add', { trancheId: tranche.id, date: '2026-02-15', amountMinor: 64_800_00, method: 'transfer' });
    await paidMember(core, 200_00, 'cash', '2026-02-03');
    await core.must('treasury.entries.add', entry({ date: '2026-03-08', accountId: 'cash', direction: 'in', categoryId: 'donations', counterpartKind: 'person', counterpartName: 'Donateur anonyme', amountMinor: 1_000_00 }));

    const report = await core.must('treasury.agreementReport', { agreementId: agreement.id });
    expect([report.receivedMinor, report.spentDirectlyMinor, report.passedOnMinor, report.remainingMinor]).toEqual([80_000_00, 1_800_00, 6_000_00, 72_200_00]);
    expect(report.tranches.map((t) => [t.seq, t.amountMinor, t.receivedMinor])).toEqual([
      [1, 50_000_00, 50_000_00],
      [2, 40_000_00, 30_000_00],
    ]);
    expect(report.lines.map((l) => [l.code, l.budgetMinor, l.spentDirectlyMinor, l.justifiedBySubGranteesMinor, l.remainingMinor, l.usedPct])).toEqual([
      ['P', 40_000_00, 1_000_00, 0, 39_000_00, 2.5],
      ['F', 20_000_00, 500_00, 0, 19_500_00, 2.5],
      ['T', 10_000_00, 200_00, 0, 9_800_00, 2],
      ['M', 30_000_00, 100_00, 0, 29_900_00, 0.3],
    ]);
    expect(report.subGrants.map((s) => [s.reference.slice(0, 2), s.passedOnMinor])).toEqual([['SG', 64_800_00]]);
    expect(report.ratesUsed.map((r) => [r.date, r.fromCurrency, r.toCurrency, r.rateMicro, r.inverse])).toEqual([
      ['2026-01-01', 'MAD', 'EUR', 10_800_000, true],
      ['2026-03-01', 'MAD', 'EUR', 10_900_000, true],
      ['2026-05-10', 'MAD', 'EUR', 10_900_000, true],
    ]);

    const year = await core.must('treasury.yearStatement', { year: 2026 });
    const mad = year.currencies.find((c) => c.currency === 'MAD');
    expect(mad?.income.map((c) => [c.categoryId, c.amountMinor])).toEqual([
      ['dues', 200_00],
      ['donations', 1_000_00],
      ['grants_received', 867_000_00],
    ]);
    expect(mad?.expenses.map((c) => [c.categoryId, c.amountMinor])).toEqual([
      ['staff', 10_800_00],
      ['trainers', 5_450_00],
      ['transport', 2_180_00],
      ['training_materials', 1_090_00],
      ['sub_grants_paid', 64_800_00],
    ]);
    expect([mad?.incomeMinor, mad?.expensesMinor, mad?.resultMinor]).toEqual([868_200_00, 84_320_00, 783_880_00]);
    const account = (id: string) => year.accounts.find((a) => a.accountId === id);
    expect([account('cash')?.openingMinor, account('cash')?.inMinor, account('cash')?.outMinor, account('cash')?.closingMinor]).toEqual([500_00, 1_200_00, 0, 1_700_00]);
    expect([account('bank')?.openingMinor, account('bank')?.inMinor, account('bank')?.outMinor, account('bank')?.closingMinor]).toEqual([0, 867_000_00, 84_320_00, 782_680_00]);
    expect(account('bank')?.months.slice(0, 5).map((m) => [m.month, m.inMinor, m.outMinor, m.closingMinor])).toEqual([
      ['2026-01', 540_000_00, 0, 540_000_00],
      ['2026-02', 0, 75_600_00, 464_400_00],
      ['2026-03', 0, 5_450_00, 458_950_00],
      ['2026-04', 0, 3_270_00, 455_680_00],
      ['2026-05', 327_000_00, 0, 782_680_00],
    ]);

    const csv = await core.must('treasury.exportJournal', { year: 2026, format: 'csv', delimiter: ';' });
    const lines_ = Buffer.from(csv.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines_[0].split(';').slice(0, 6)).toEqual(['date', 'entry_id', 'account', 'currency', 'direction', 'amount']);
    expect(lines_).toHaveLength(1 + 9);
    expect(lines_.filter((l) => l.includes(';sub_grants_paid;'))).toHaveLength(1);
    expect(lines_.find((l) => l.includes(';grants_received;') && l.startsWith('2026-01-20'))?.split(';').slice(4, 6)).toEqual(['in', '540000.00']);
    core.close();
  });
});

describe('invariants over random journals', () => {
  it('per account, the year\'s movements are closing − opening, and income − expenses is their sum, to the centime', async () => {
    const { core } = await signedInFile();
    await core.must('treasury.accounts.save', { id: 'cash', name: 'Caisse', kind: 'cash', currency: 'MAD', openingDate: '2026-01-01', openingMinor: 1_234_56 });
    const expected = new Map<string, number>([
      ['cash', 1_234_56],
      ['bank', 0],
    ]);
    const written: { id: string; accountId: string; direction: 'in' | 'out'; amountMinor: number }[] = [];
    const move = fc.record({
      accountId: fc.constantFrom('cash', 'bank'),
      direction: fc.constantFrom('in' as const, 'out' as const),
      amountMinor: fc.integer({ min: 1, max: 50_000_000 }),
      month: fc.integer({ min: 1, max: 12 }),
      reverse: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(move, { minLength: 1, maxLength: 8 }), async (moves) => {
        for (const m of moves) {
          const date = `2026-${String(m.month).padStart(2, '0')}-15`;
          const saved = await core.must('treasury.entries.add', entry({ date, accountId: m.accountId, direction: m.direction, amountMinor: m.amountMinor, categoryId: m.direction === 'in' ? 'donations' : 'transport' }));
          written.push(saved);
          expected.set(m.accountId, (expected.get(m.accountId) ?? 0) + (m.direction === 'in' ? m.amountMinor : -m.amountMinor));
          if (m.reverse) {
            await core.must('treasury.entries.reverse', { id: saved.id, date: '2026-12-31', reason: 'Erreur de saisie' });
            expected.set(m.accountId, (expected.get(m.accountId) ?? 0) - (m.direction === 'in' ? m.amountMinor : -m.amountMinor));
          }
        }
        const year = await core.must('treasury.yearStatement', { year: 2026 });
        const mad = year.currencies[0];
        let movements = 0;
        for (const a of year.accounts) {
          expect(a.closingMinor).toBe(expected.get(a.accountId));
          expect(a.inMinor - a.outMinor).toBe(a.closingMinor - a.openingMinor);
          expect(a.months.at(-1)?.closingMinor).toBe(a.closingMinor);
          movements += a.closingMinor - a.openingMinor;
        }
        expect(mad.incomeMinor - mad.expensesMinor).toBe(movements);
        const balances = await core.must('treasury.accounts.list', {});
        for (const b of balances) expect(b.balanceMinor).toBe(expected.get(b.id));
      }),
      { numRuns: 12 },
    );
    expect(written.length).toBeGreaterThan(12);
    core.close();
  });
});
