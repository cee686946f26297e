import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { join } from 'node:path';
import doubleMetaphone from 'talisman/phonetics/double-metaphone';
import { describe, expect, it } from 'vitest';
import { beneficiarySearchSchema, DUPLICATE_PAIRS_SHOWN, type BeneficiaryInput } from '../../electron/contract';
import { duplicatePairs, proposedPairs } from '../../electron/core/beneficiaries/duplicate-finder';
import { personKey, type ComparedPerson } from '../../electron/core/beneficiaries/duplicates';
import { createBeneficiary, searchIn } from '../../electron/core/beneficiaries/service';
import { latinWords, nameSounds } from '../../electron/core/beneficiaries/text-normalization';
import type { WriteTx } from '../../electron/core/context';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { person } from './builders';
import {
  createdFile,
  databaseKey,
  expectFailure,
  fileAtVersion,
  PRESIDENT_PASSWORD,
  staffCore,
  testCore,
  type TestCore,
  useTempDir,
  withDb,
} from './helpers';

const tempDir = useTempDir();

/** Ways one name is written: any two of a group are the same name. */
const FIRST_NAMES = [
  ['Mohamed', 'Mohammed', 'Muhammad'],
  ['Fatima', 'Fatma', 'Fatoumata'],
  ['Ousmane', 'Usman'],
];
const LAST_NAMES = [
  ['El Amrani', 'Elamrani'],
  ['Tshibangu', 'Chibangu'],
  ["N'Diaye", 'Ndiaye'],
];

const spellings = (groups: string[][]) => fc.constantFrom(...groups).chain((group) => fc.tuple(fc.constantFrom(...group), fc.constantFrom(...group)));

const proposed = (people: ComparedPerson[]) => proposedPairs(people.map(personKey)).map(([i, j]) => `${i}-${j}`);

describe('who the duplicate finder proposes (property)', () => {
  it('proposes any two transliterations of one person born the same year, among other people', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            first: spellings(FIRST_NAMES),
            last: spellings(LAST_NAMES),
            sex: fc.constantFrom('female' as const, 'male' as const),
            birthYear: fc.integer({ min: 1940, max: 2020 }),
            estimated: fc.boolean(),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (twins) => {
          const people = twins.flatMap((t): ComparedPerson[] => [
            { firstName: t.first[0], lastName: t.last[0], sex: t.sex, birthYear: t.birthYear, birthYearEstimated: t.estimated },
            { firstName: t.first[1], lastName: t.last[1], sex: t.sex, birthYear: t.birthYear, birthYearEstimated: false },
          ]);
          const found = proposed(people);
          twins.forEach((_, k) => expect(found).toContain(`${2 * k}-${2 * k + 1}`));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never proposes people of different sexes, or born more than two years apart, whatever their names', () => {
    // Same-sex people are given years three or more apart; the names come from the same groups.
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 25 }), { maxLength: 10 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 25 }), { maxLength: 10 }),
        fc.infiniteStream(fc.tuple(spellings(FIRST_NAMES), spellings(LAST_NAMES), fc.boolean())),
        (women, men, names) => {
          const stream = names[Symbol.iterator]();
          const someone = (sex: 'female' | 'male', step: number): ComparedPerson => {
            const [[first], [last], estimated] = stream.next().value as [[string, string], [string, string], boolean];
            return { firstName: first, lastName: last, sex, birthYear: 1940 + 3 * step, birthYearEstimated: estimated };
          };
          const people = [...women.map((s) => someone('female', s)), ...men.map((s) => someone('male', s))];
          expect(proposed(people)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

async function president(): Promise<{ core: TestCore; dir: string; path: string; userId: string }> {
  const dir = tempDir();
  const core = testCore(dir, () => new Date('2026-06-01T10:00:00.000Z'));
  const { session } = await createdFile(core, dir);
  return { core, dir, path: session.path, userId: session.user.id };
}

const named = (firstName: string, lastName: string, top: Partial<BeneficiaryInput>, phones: string[] = []) =>
  person({ firstName, lastName, phones }, { sex: 'male', birthYear: 1996, ...top });

describe('the possible duplicates screen', () => {
  it('pairs the ways of writing one person with their reasons, and not a brother and sister', async () => {
    const { core } = await president();
    const create = (input: BeneficiaryInput) => core.must('beneficiaries.create', input);
    const amrani = await create(named('Rachid', 'Amrani', {}));
    const elAmrani = await create(named('Rachid', 'El Amrani', {}));
    const glued = await create(named('Rachid', 'Elamrani', { birthYear: 1998, birthYearEstimated: true }));
    const tshibangu = await create(named('Grâce', 'Tshibangu', { sex: 'female', birthYear: 1990 }, ['+212665884118']));
    const chibangu = await create(named('Grace', 'Chibangu', { sex: 'female', birthYear: 1990 }));
    await create(named('Grâce', 'Kalonji', { sex: 'female', birthYear: 1985 }));
    await create(named('Christian', 'Kalonji', { sex: 'male', birthYear: 1985 }));
    const ndiaye = await create(named('Ousmane', "N'Diaye", { birthYear: 1970 }, ['0700000002']));
    const usman = await create(named('Usman', 'Ndiaye', { birthYear: 1970 }));
    // Swapped on a paper form: family name written as the first name.
    const swapped = await create(named('Ndiaye', 'Ousmane', { birthYear: 1970 }));

    const { pairs, total } = await core.must('beneficiaries.duplicatePairs', {});
    const byIds = new Map(pairs.map((p) => [[p.a.id, p.b.id].sort().join('+'), p.a.reasons]));
    const reasonsOf = (x: { id: string }, y: { id: string }) => byIds.get([x.id, y.id].sort().join('+'));
    expect(reasonsOf(amrani, elAmrani)).toEqual(['sameBirthYear', 'sameFirstName', 'sameLastName']);
    expect(reasonsOf(elAmrani, glued)).toEqual(['closeBirthYear', 'sameFirstName', 'sameLastName']);
    expect(reasonsOf(amrani, glued)).toEqual(['closeBirthYear', 'sameFirstName', 'sameLastName']);
    expect(reasonsOf(tshibangu, chibangu)).toEqual(['sameBirthYear', 'sameFirstName', 'lastNamesSoundAlike']);
    expect(reasonsOf(ndiaye, usman)).toEqual(['sameBirthYear', 'firstNamesSoundAlike', 'sameLastName']);
    expect(reasonsOf(ndiaye, swapped)).toEqual(['sameBirthYear', 'namesSwapped', 'sameFirstName', 'sameLastName']);
    expect(reasonsOf(usman, swapped)).toEqual(['sameBirthYear', 'namesSwapped', 'firstNamesSoundAlike', 'sameLastName']);
    expect(pairs.flatMap((p) => [p.a.displayName, p.b.displayName])).not.toContain('Christian Kalonji');
    expect(total).toBe(7);
    expect(pairs).toHaveLength(7);
    core.close();
  });

  it('remembers "different people" in the file, by whom and when: never proposed again, on the screen or in the form', async () => {
    const { core, dir, path, userId } = await president();
    const ndiaye = await core.must('beneficiaries.create', named('Ousmane', "N'Diaye", { birthYear: 1970 }));
    const usman = await core.must('beneficiaries.create', named('Usman', 'Ndiaye', { birthYear: 1970 }));
    expect((await core.must('beneficiaries.duplicatePairs', {})).total).toBe(1);
    await expectFailure(core.call('beneficiaries.markDifferent', { a: ndiaye.id, b: ndiaye.id }), 'invalid_input', { b: 'same_record' });
    await expectFailure(core.call('beneficiaries.markDifferent', { a: ndiaye.id, b: 'no-such-person' }), 'not_found');

    await core.must('beneficiaries.markDifferent', { a: usman.id, b: ndiaye.id });
    core.close();

    const again = testCore(dir);
    await again.must('file.open', { path, userId, password: PRESIDENT_PASSWORD });
    expect(await again.must('beneficiaries.duplicatePairs', {})).toEqual({ pairs: [], total: 0 });
    const edited = await again.must('beneficiaries.findDuplicates', { input: named('Usman', 'Ndiaye', { birthYear: 1970 }), excludeId: usman.id });
    expect(edited).toEqual([]);
    // Someone new typed with the same name is still compared with both.
    const typed = await again.must('beneficiaries.findDuplicates', { input: named('Ousmane', 'Ndiaye', { birthYear: 1970 }) });
    expect(typed.map((c) => c.id).sort()).toEqual([ndiaye.id, usman.id].sort());
    again.close();

    const key = await databaseKey(path, userId, PRESIDENT_PASSWORD);
    const stored = withDb(path, key, (db) => db.prepare('SELECT person_a, person_b, decided_by, decided_at FROM duplicate_dismissals').all());
    expect(stored).toEqual([{ person_a: [ndiaye.id, usman.id].sort()[0], person_b: [ndiaye.id, usman.id].sort()[1], decided_by: userId, decided_at: '2026-06-01T10:00:00.000Z' }]);
  });
});

describe('a file with more pairs than the screen shows', () => {
  it('gives the likeliest first, the number shown and how many there are in all', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.prepare("INSERT INTO users (id, display_name, role, created_at) VALUES ('u', 'U', 'president', '2026-01-01')").run();
    const tx: WriteTx = { db, user: { id: 'u', displayName: 'U', role: 'president', locale: 'fr', mustChangePassword: false, createdAt: '' }, at: '2026-01-02T00:00:00.000Z', audit: () => undefined };
    const save = (input: BeneficiaryInput) => db.transaction(() => createBeneficiary(input)(tx))();
    // Twins of a name by birth year: 240 pairs by name alone, then one that also shares a phone.
    for (const [first, last] of [['Moussa', 'Diop'], ['Ibrahima', 'Fall']]) {
      for (let year = 1901; year <= 2020; year++) for (let twin = 0; twin < 2; twin++) save(named(first, last, { birthYear: year }));
    }
    const [x, y] = [save(named('Awa', 'Sarr', { sex: 'female', birthYear: 1950 }, ['+212611111111'])), save(named('Aoua', 'Sarr', { sex: 'female', birthYear: 1950 }, ['+212611111111']))];
    const { pairs, total } = duplicatePairs(db);
    expect(total).toBe(241);
    expect(pairs).toHaveLength(DUPLICATE_PAIRS_SHOWN);
    expect([pairs[0].a.id, pairs[0].b.id]).toEqual([x.id, y.id]);
    db.close();
  });
});

describe('merging two records', () => {
  it('is refused to a volunteer; a president merges after a backup that still holds both records', async () => {
    const { core, dir, path, userId } = await president();
    const first = await core.must('beneficiaries.create', named('Rachid', 'Amrani', {}));
    const second = await core.must('beneficiaries.create', named('Rachid', 'El Amrani', {}));
    const volunteer = await staffCore(core, path, join(dir, 'volunteer'), { displayName: 'Meryem', role: 'volunteer' });
    await expectFailure(volunteer.call('beneficiaries.merge', { survivorId: first.id, mergedId: second.id }), 'forbidden');
    volunteer.close();
    const beforeMerges = () => core.must('backups.list', {}).then((list) => list.filter((b) => b.kind === 'beforeMerge'));
    expect(await beforeMerges()).toEqual([]);

    await expectFailure(core.call('beneficiaries.merge', { survivorId: first.id, mergedId: 'no-such-person' }), 'not_found');
    expect(await beforeMerges()).toEqual([]);

    await core.must('beneficiaries.merge', { survivorId: first.id, mergedId: second.id });
    const [backup] = await beforeMerges();
    expect(backup.fileName).toMatch(/\.before-merge\.\d{4}-.*\.tadamon$/);
    const key = await databaseKey(path, userId, PRESIDENT_PASSWORD);
    const archived = (file: string) =>
      withDb(file, key, (db) => db.prepare('SELECT archived_at FROM beneficiaries WHERE id IN (?, ?)').pluck().all(first.id, second.id));
    expect(archived(backup.path)).toEqual([null, null]);
    expect((await core.must('beneficiaries.get', { id: second.id })).archivedAt).not.toBeNull();
    core.close();
  });
});

describe('search by sound and by phone', () => {
  it('finds Tshibangu typed Chibangu, El Amrani typed Elamrani, and a phone however it is written', async () => {
    const { core } = await president();
    await core.must('beneficiaries.create', named('Patrick', 'Tshibangu', {}, ['06 65 88 41 18']));
    await core.must('beneficiaries.create', named('Omar', 'El Amrani', {}, ['+33 6 12 34 56 78']));
    const found = async (query: string) => (await core.must('beneficiaries.search', { query })).rows.map((r) => r.displayName);
    expect(await found('Chibangu')).toEqual(['Patrick Tshibangu']);
    expect(await found('Elamrani')).toEqual(['Omar El Amrani']);
    for (const phone of ['+212665884118', '+212 6 65 88 41 18', '00212665884118', '06 65 88 41 18', '06.65.88.41.18', '0665884118', '+212 66588']) {
      expect(await found(phone), phone).toEqual(['Patrick Tshibangu']);
    }
    expect(await found('+33 6 12 34 56 78')).toEqual(['Omar El Amrani']);
    expect(await found('+212 6 65 88 41 19')).toEqual([]);
    core.close();
  });
});

describe('migration 0016', () => {
  /** Double Metaphone of each word, as the app derived the sounds before 0016. */
  const oldSounds = (text: string) => latinWords(text).map((w) => doubleMetaphone(w)[0]).join(' ');

  it('works out again the sounds of the people already in the file', () => {
    const version = migrations.findIndex((m) => m.name === '0016_duplicate_decisions') + 1;
    const db = fileAtVersion(tempDir(), version - 1);
    db.prepare("INSERT INTO users (id, display_name, role, created_at) VALUES ('u', 'U', 'president', '2026-01-01')").run();
    const tx: WriteTx = { db, user: { id: 'u', displayName: 'U', role: 'president', locale: 'fr', mustChangePassword: false, createdAt: '' }, at: '2026-01-02T00:00:00.000Z', audit: () => undefined };
    const saved = db.transaction(() => createBeneficiary(named('Patrick', 'Tshibangu', {}))(tx))();
    const person = db.prepare('SELECT rowid FROM beneficiaries WHERE id = ?').pluck().get(saved.id) as number;
    db.prepare('UPDATE beneficiaries SET phonetic_text = ? WHERE rowid = ?').run(oldSounds('Patrick Tshibangu'), person);
    db.prepare('DELETE FROM beneficiary_phonetic').run();
    for (const code of oldSounds('Patrick Tshibangu').split(' ')) db.prepare('INSERT INTO beneficiary_phonetic VALUES (?, ?)').run(code, person);
    const search = (query: string) => searchIn(db, beneficiarySearchSchema.parse({ query }), 2026).rows.map((r) => r.id);
    expect(search('Chibangu')).toEqual([]);

    migrate(db, { target: version });

    expect(search('Chibangu')).toEqual([saved.id]);
    const sounds = nameSounds('Patrick', 'Tshibangu');
    expect(db.prepare('SELECT phonetic_text FROM beneficiaries').pluck().get()).toBe(sounds.join(' '));
    expect(db.prepare('SELECT code FROM beneficiary_phonetic ORDER BY code').pluck().all()).toEqual([...sounds].sort());
    db.close();
  });
});
