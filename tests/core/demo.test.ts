import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../electron/contract';
import { DEMO_ASSOCIATION, DEMO_SEED } from '../../electron/core/demo/generator';
import { demoCities, namePatterns } from '../../electron/core/demo/names';
import { fictitiousPerson, type FictitiousPerson } from '../../electron/core/demo/people';
import { fictitiousBeneficiary } from '../../electron/core/demo/beneficiaries';
import { seededRandom } from '../../electron/core/demo/random';
import { sha256, testCore, useSuiteTempDir, type TestCore } from './helpers';

describe('the demo file', () => {
  const suiteDir = useSuiteTempDir();
  let dir: string;
  let core: TestCore;
  let path: string;

  beforeAll(async () => {
    dir = suiteDir();
    core = testCore(dir);
    path = (await core.must('file.openDemo', {})).path;
  });

  it('is created in the device folder, beside its keys file, and opens no session by itself', async () => {
    expect(path.startsWith(join(dir, 'data', 'demo'))).toBe(true);
    expect(readdirSync(dirname(path)).sort()).toEqual([path.split('/').pop(), `${path.split('/').pop()}.keys`].sort());
    expect((await core.must('app.status', {})).session).toBeNull();
  });

  it('has a president, a treasurer and a volunteer, who all sign in with DEMO_PASSWORD', async () => {
    const { users } = await core.must('file.inspect', { path });
    expect(users).toHaveLength(3);
    const sessions = [];
    for (const u of users) {
      const s = await core.must('file.open', { path, userId: u.id, password: DEMO_PASSWORD });
      sessions.push(s);
    }
    expect(sessions.map((s) => s.user.role).sort()).toEqual(['president', 'treasurer', 'volunteer']);
    for (const s of sessions) {
      expect(s.user.mustChangePassword).toBe(false);
      expect(s.association).toEqual({ name: DEMO_ASSOCIATION.name, city: DEMO_ASSOCIATION.city });
    }
    expect(sessions.map((s) => s.user.displayName).sort()).toEqual(users.map((u) => u.displayName).sort());
    await core.must('session.lock', {});
  });

  it('asking again returns the same file and leaves it as it is', async () => {
    const before = sha256(path);
    expect(await core.must('file.openDemo', {})).toEqual({ path });
    expect(sha256(path)).toBe(before);
  });

  it('has the same staff names on another machine (same seed)', async () => {
    const other = testCore(suiteDir());
    const otherPath = (await other.must('file.openDemo', {})).path;
    expect(otherPath).not.toBe(path);
    const names = async (c: TestCore, p: string) => (await c.must('file.inspect', { path: p })).users.map((u) => u.displayName);
    const here = await names(core, path);
    expect(await names(other, otherPath)).toEqual(here);
    expect(new Set(here).size).toBe(3);
    // …and they are the first three Moroccan people of the seeded generator
    const random = seededRandom(DEMO_SEED);
    const expected = [0, 1, 2].map(() => {
      const p = fictitiousPerson(random, 'MA');
      return `${p.firstName} ${p.lastName}`;
    });
    expect([...here].sort()).toEqual([...expected].sort());
  });
});

describe('fictitious people', () => {
  const sample = (seed: number, n: number, nationality?: FictitiousPerson['nationality']) => {
    const random = seededRandom(seed);
    return Array.from({ length: n }, () => fictitiousPerson(random, nationality));
  };
  const arabic = /^[\u0600-\u06FF ]+$/;

  it('every person is well formed, whatever the seed', () => {
    fc.assert(
      fc.property(fc.integer(), fc.option(fc.constantFrom(...namePatterns.map((p) => p.nationality)), { nil: undefined }), (seed, nationality) => {
        for (const p of sample(seed, 10, nationality)) {
          if (nationality) expect(p.nationality).toBe(nationality);
          const pattern = namePatterns.find((n) => n.nationality === p.nationality)!;
          expect(['female', 'male']).toContain(p.sex);
          expect((p.sex === 'female' ? pattern.female : pattern.male).map(([latin]) => latin)).toContain(p.firstName);
          expect(pattern.last.map(([latin]) => latin)).toContain(p.lastName);
          expect(Number.isInteger(p.age) && p.age >= 0 && p.age <= 70).toBe(true);
          expect(demoCities).toContain(p.city);
          if (p.nationality === 'MA') expect(p.arabicName).toMatch(arabic);
          else expect(p.arabicName).toBeNull();
        }
      }),
      { numRuns: 100 },
    );
  });

  it('over a large sample: both sexes, ages from 0 to 70, all nationalities and all 8 cities', () => {
    const people = sample(DEMO_SEED, 3000);
    expect(new Set(people.map((p) => p.sex))).toEqual(new Set(['female', 'male']));
    const ages = people.map((p) => p.age);
    expect(Math.min(...ages)).toBe(0);
    expect(Math.max(...ages)).toBe(70);
    expect(new Set(people.map((p) => p.nationality))).toEqual(new Set(namePatterns.map((p) => p.nationality)));
    expect(demoCities).toHaveLength(8);
    expect(new Set(demoCities).size).toBe(8);
    expect(new Set(people.map((p) => p.city))).toEqual(new Set(demoCities));
    // Arabic names exactly for Moroccans
    expect(people.filter((p) => p.arabicName !== null).every((p) => p.nationality === 'MA')).toBe(true);
    expect(people.filter((p) => p.nationality === 'MA').every((p) => p.arabicName !== null)).toBe(true);
    expect(people.some((p) => p.nationality === 'MA')).toBe(true);
  });

  it('the Arabic name is the Arabic spelling of the same first and last name', () => {
    const ma = namePatterns.find((p) => p.nationality === 'MA')!;
    const spelling = new Map([...ma.male, ...ma.female, ...ma.last].map(([latin, ar]) => [latin, ar]));
    for (const p of sample(7, 200, 'MA')) expect(p.arabicName).toBe(`${spelling.get(p.firstName)} ${spelling.get(p.lastName)}`);
  });

  it('is the same sequence for the same seed, and another for another seed', () => {
    expect(sample(42, 50)).toEqual(sample(42, 50));
    expect(sample(42, 50)).not.toEqual(sample(43, 50));
  });
});

describe('fictitious beneficiaries', () => {
  it('are never born after the day they are made, even early in the year', () => {
    for (const today of ['2026-01-01', '2026-12-02']) {
      const random = seededRandom(7);
      const births = Array.from({ length: 3000 }, () => fictitiousBeneficiary(random, new Date(`${today}T09:00:00Z`)).personal?.birthDate).filter((d): d is string => Boolean(d));
      expect(births.some((d) => d.startsWith(today.slice(0, 4)))).toBe(true);
      expect(births.filter((d) => d > today)).toEqual([]);
    }
  });
});
