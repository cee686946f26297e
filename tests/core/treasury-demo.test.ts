import { beforeAll, describe, expect, it } from 'vitest';
import { signedInToDemo, testCore, type TestCore, useSuiteTempDir } from './helpers';

describe('the demo treasury', () => {
  const suiteDir = useSuiteTempDir();
  let core: TestCore;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    core = testCore(suiteDir());
    await signedInToDemo(core);
  });

  it('has its accounts opened with balances, a year of movements, dues and sub-grant payments once each', async () => {
    const accounts = await core.must('treasury.accounts.list', {});
    expect(accounts.map((a) => [a.id, a.openingMinor > 0])).toEqual([
      ['cash', true],
      ['bank', true],
    ]);
    for (const a of accounts) expect(a.balanceMinor).toBeGreaterThan(0);
    const journal = await core.must('treasury.entries.list', { limit: 500 });
    const sources = journal.rows.map((e) => e.source);
    expect(sources.filter((s) => s === 'disbursement')).toHaveLength(2);
    expect(sources.filter((s) => s === 'manual').length).toBeGreaterThan(50);
    const receipts = journal.rows.filter((e) => e.source === 'dues').map((e) => e.sourceId);
    expect(new Set(receipts).size).toBe(receipts.length);
    const statement = await core.must('treasury.yearStatement', { year });
    for (const a of statement.accounts) {
      const row = accounts.find((x) => x.id === a.accountId);
      expect(a.closingMinor).toBe(row?.balanceMinor);
    }
  });

  it('has the funder’s tranches planned and received, and a financial report that adds up', async () => {
    const [agreement] = await core.must('grants.agreements.list', {});
    const report = await core.must('treasury.agreementReport', { agreementId: agreement.id });
    expect(report.tranches).toHaveLength(3);
    expect(report.receivedMinor).toBeGreaterThanOrEqual(100_000_00);
    expect(report.spentDirectlyMinor).toBeGreaterThan(0);
    expect(report.passedOnMinor).toBeGreaterThan(0);
    expect(report.remainingMinor).toBe(report.receivedMinor - report.spentDirectlyMinor - report.passedOnMinor);
    expect(report.lines.reduce((s, l) => s + l.spentDirectlyMinor, 0) + report.unallocatedMinor).toBe(report.spentDirectlyMinor);
  });
});
