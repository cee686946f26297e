import { beforeAll, describe, expect, it } from 'vitest';
import { signedInToDemo, testCore, type TestCore, useSuiteTempDir } from './helpers';

describe('the demo members and cooperatives', () => {
  const suiteDir = useSuiteTempDir();
  let core: TestCore;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    core = testCore(suiteDir());
    await signedInToDemo(core);
  });

  it('has about forty members with dues over two years, some unpaid, receipts without gap', async () => {
    const list = await core.must('members.list', { limit: 500 });
    expect(list.total).toBe(40);
    expect(list.rows.filter((m) => m.status === 'resigned')).toHaveLength(2);
    expect(list.rows.filter((m) => m.beneficiaryId)).not.toHaveLength(0);
    const fees = await core.must('dues.fees', {});
    expect(fees.map((f) => f.year)).toEqual([year, year - 1]);
    for (const y of [year - 1, year]) {
      const status = await core.must('dues.status', { year: y });
      expect(status.unpaid.length + status.partlyPaid.length).toBeGreaterThan(0);
    }
    const receipts: string[] = [];
    for (const m of list.rows) receipts.push(...(await core.must('members.get', { id: m.id })).payments.map((p) => p.receiptNumber));
    expect(receipts.length).toBeGreaterThan(40);
    for (const y of [year - 1, year]) {
      const seqs = receipts.filter((r) => r.startsWith(`R-${y}-`)).map((r) => Number(r.slice(7))).sort((a, b) => a - b);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
    const assemblies = await core.must('members.assemblies', {});
    expect(assemblies).toHaveLength(1);
    expect(assemblies[0].present.length).toBeGreaterThan(0);
  });

  it('has four cooperative projects at different steps, one created and one without change for long', async () => {
    const board = await core.must('cooperatives.pipeline', {});
    const cards = [...board.columns.flatMap((c) => c.cards), ...board.created];
    expect(cards).toHaveLength(4);
    expect(board.created).toHaveLength(1);
    expect(new Set(cards.map((c) => c.currentStep?.code ?? 'created')).size).toBe(4);
    expect(cards.filter((c) => c.stale).map((c) => c.name)).toEqual(['Coopérative Tiwizi Artisanat']);
    const created = await core.must('cooperatives.get', { id: board.created[0].id });
    expect(created.visits[0].visit).not.toBeNull();
  });
});
