import { beforeAll, describe, expect, it } from 'vitest';
import { todayIso, type CaseLifecycle, type IntakeNeed } from '../../electron/contract';
import { signedInToDemo, testCore, type TestCore, useSuiteTempDir } from './helpers';

describe('the demo case lifecycle', () => {
  const suiteDir = useSuiteTempDir();
  let core: TestCore;
  let people: { id: string; lifecycle: CaseLifecycle; needs: IntakeNeed[] }[];

  beforeAll(async () => {
    core = testCore(suiteDir());
    await signedInToDemo(core);
    const { rows } = await core.must('beneficiaries.search', { limit: 500 });
    people = [];
    for (const row of rows) {
      people.push({
        id: row.id,
        lifecycle: await core.must('cases.lifecycle', { beneficiaryId: row.id }),
        needs: await core.must('intakeNeeds.list', { beneficiaryId: row.id }),
      });
    }
  });

  it('has cases closed for several reasons, one reopened since, none of them on the dashboard', async () => {
    const closed = people.filter((p) => p.lifecycle.status === 'closed');
    expect(new Set(closed.map((p) => p.lifecycle.history.at(-1)?.reason)).size).toBeGreaterThanOrEqual(5);
    expect(people.filter((p) => p.lifecycle.history.some((e) => e.kind === 'reopened'))).toHaveLength(1);
    const dashboard = await core.must('followUp.dashboard', {});
    const listed = new Set([...dashboard.expiringDocuments, ...dashboard.expiredDocuments, ...dashboard.overdueNextSteps].map((r) => r.beneficiaryId));
    for (const p of closed) expect(listed.has(p.id)).toBe(false);
  });

  it('has needs assessments, some needs met, a health need the president reads', () => {
    const assessed = people.filter((p) => p.needs.length > 0);
    expect(assessed.length).toBeGreaterThanOrEqual(10);
    expect(assessed.flatMap((p) => p.needs).filter((n) => n.metOn !== null).length).toBeGreaterThanOrEqual(5);
    expect(assessed.some((p) => p.needs.some((n) => n.need === 'health'))).toBe(true);
  });

  it('counts the closed cases in the report of the last months', async () => {
    const today = todayIso();
    const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const report = await core.must('reports.indicators', { from, to: today });
    const cases = report.sections.flatMap((s) => s.tables).find((t) => t.id === 'followUp.cases');
    expect(cases?.total?.[1]).toBe(people.filter((p) => p.lifecycle.status === 'closed').length);
  });
});
