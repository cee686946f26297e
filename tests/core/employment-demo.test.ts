import { beforeAll, describe, expect, it } from 'vitest';
import { WORKING_SITUATIONS, type PersonEmployment } from '../../electron/contract';
import { signedInToDemo, testCore, type TestCore, useSuiteTempDir } from './helpers';

describe('the demo employment', () => {
  const suiteDir = useSuiteTempDir();
  let core: TestCore;
  let people: { reference: string; sex: string; employment: PersonEmployment }[];

  beforeAll(async () => {
    core = testCore(suiteDir());
    await signedInToDemo(core);
    const { rows } = await core.must('beneficiaries.search', { limit: 500 });
    people = [];
    for (const row of rows) {
      const employment = await core.must('employment.person', { beneficiaryId: row.id });
      if (employment.records.length > 0) people.push({ reference: row.reference, sex: row.sex, employment });
    }
  });

  it('has people, mostly women, in work after a training, with their situation before it', () => {
    const working = people.filter((p) => WORKING_SITUATIONS.includes(p.employment.records[0].situation));
    expect(working.length).toBeGreaterThanOrEqual(3);
    expect(working.filter((p) => p.sex === 'female').length).toBeGreaterThanOrEqual(2);
    for (const p of working) {
      expect(p.employment.records.at(-1)?.situation).toBe('unemployed_looking');
      expect(p.employment.records[0].startDate).not.toBeNull();
    }
  });

  it('has one business with a grant and its visits', () => {
    const businesses = people.flatMap((p) => p.employment.businesses);
    expect(businesses).toHaveLength(1);
    expect(businesses[0]).toMatchObject({ sector: 'crafts', grantMinor: 500_000 });
    expect(businesses[0].visits.map((v) => v.state)).toEqual(['active', 'struggling']);
  });

  it('has follow-ups after the jobs late on the dashboard, each one of these people', async () => {
    const { late } = (await core.must('followUp.dashboard', {})).employmentFollowUps;
    expect(late.filter((f) => f.anchor.kind === 'job').length).toBeGreaterThan(0);
    for (const f of late) expect(people.map((p) => p.reference)).toContain(f.reference);
  });
});
