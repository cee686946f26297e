import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { activitySearchSchema, beneficiaryInputSchema, beneficiarySearchSchema, memberSearchSchema, type Beneficiary, type BeneficiaryInput, type beneficiarySortSchema } from '../../electron/contract';
import { listActivities } from '../../electron/core/activities/repository';
import type { WriteTx } from '../../electron/core/context';
import { listMembers } from '../../electron/core/members/repository';
import { openEncrypted, type Db } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import { mergeBeneficiaries } from '../../electron/core/beneficiaries/merge';
import { createBeneficiary, searchIn, setArchived, updateBeneficiary, withdrawConsent } from '../../electron/core/beneficiaries/service';
import { phoneQueryDigits } from '../../electron/core/beneficiaries/phone-search';
import { normalizeForSearch, soundOf } from '../../electron/core/beneficiaries/text-normalization';
import { fictitiousBeneficiary } from '../../electron/core/demo/beneficiaries';
import { pick, seededRandom } from '../../electron/core/demo/random';
import { person } from './builders';
import { useSuiteTempDir, useTempDir } from './helpers';

type BeneficiarySort = z.infer<typeof beneficiarySortSchema>;

const YEAR = 2026;
const SORTS: BeneficiarySort[] = ['reference', 'name', 'age', 'category', 'nationality', 'city', 'createdAt'];
const ORDER: Record<BeneficiarySort, string> = {
  reference: 'reference',
  name: 'sort_name',
  age: 'birth_year',
  category: 'category',
  nationality: 'nationality',
  city: 'city COLLATE NOCASE',
  createdAt: 'created_at',
};

const txAt = (db: Db, at: string): WriteTx => ({
  db,
  user: { id: 'u', displayName: 'U', role: 'president', locale: 'fr', mustChangePassword: false, createdAt: '' },
  at,
  audit: () => undefined,
});

/**
 * The search as it was before the indexes (migration 0012): every term looked for with LIKE in the
 * search text, or by its sound in the phonetic text, on every row (a phone number typed is one
 * term, its digits as stored). Ties are in rowid order.
 */
function oracle(db: Db, query: string, by: BeneficiarySort, direction: 'asc' | 'desc', offset: number, limit: number, archived = false) {
  const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
  const where = [archived ? 'archived_at IS NOT NULL' : 'archived_at IS NULL'];
  const args: unknown[] = [];
  const phone = phoneQueryDigits(query);
  for (const text of (phone === null ? normalizeForSearch(query).split(' ') : [phone]).filter(Boolean)) {
    const code = /^[a-z]{3,}$/.test(text) ? soundOf(text) : undefined;
    if (code && code.length >= 2) {
      where.push(`(search_text LIKE ? ESCAPE '\\' OR (' ' || phonetic_text || ' ') LIKE ?)`);
      args.push(`%${escapeLike(text)}%`, `% ${code} %`);
    } else {
      where.push(`search_text LIKE ? ESCAPE '\\'`);
      args.push(`%${escapeLike(text)}%`);
    }
  }
  const clause = where.join(' AND ');
  const n = (db.prepare(`SELECT count(*) AS n FROM beneficiaries WHERE ${clause}`).get(...args) as { n: number }).n;
  const typed = query.trim() !== '';
  const ids = db
    .prepare(`SELECT id FROM beneficiaries WHERE ${clause} ORDER BY ${ORDER[by]} ${direction}, rowid ${direction} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...args, limit, offset) as string[];
  return { total: typed ? Math.min(n, 1000) : n, capped: typed && n > 1000, ids };
}

function searched(db: Db, query: string, by: BeneficiarySort, direction: 'asc' | 'desc', offset: number, limit: number, archived = false) {
  const params = beneficiarySearchSchema.parse({ query, sort: { by, direction }, offset, limit, filters: { archived } });
  const result = searchIn(db, params, YEAR);
  return { total: result.total, capped: result.capped, ids: result.rows.map((r) => r.id) };
}

/** Every prefix of a word, as typed one key at a time. */
const prefixes = (word: string) => [...word].map((_, i) => [...word].slice(0, i + 1).join(''));

describe('search through the indexes gives what reading every row gave', () => {
  const suiteDir = useSuiteTempDir();
  let db: Db;
  let path: string;
  const key = randomBytes(32);
  const queries: string[] = [];

  beforeAll(() => {
    path = join(suiteDir(), 'search.tadamon');
    db = openEncrypted(path, key, { create: true });
    migrate(db);
    const random = seededRandom(16);
    const today = new Date(`${YEAR}-05-01T00:00:00.000Z`);
    const generated = Array.from({ length: 4000 }, () => beneficiaryInputSchema.parse(fictitiousBeneficiary(random, today)));
    const special: BeneficiaryInput[] = [
      person({ firstName: 'Mohamed', lastName: 'El Amrani', arabicName: 'محمد العمراني', phones: ['+212 661 23 45 67'] }, { sex: 'male', nationality: 'MA' }),
      person({ firstName: 'Muhammad', lastName: "N'Guessan", arabicName: undefined, phones: ['0700112233'] }, { sex: 'male', nationality: 'CI' }),
      person({ firstName: 'Amine', lastName: 'Alaoui', arabicName: 'أمين العلوي', phones: [] }, { sex: 'male', nationality: 'MA' }),
      person({ firstName: 'Fatima', lastName: 'Zahrae', arabicName: 'فاطمة الزهراء', phones: [] }, { nationality: 'MA' }),
      person({ firstName: 'Héritier', lastName: 'Kouamé', arabicName: undefined, city: 'Salé' }, { sex: 'male', nationality: 'CD' }),
      person({ firstName: 'Ousmane', lastName: 'Sow-Ba', arabicName: undefined, phones: ['0699887766', '+33 6 11 22 33 44'] }, { sex: 'male' }),
      person({ firstName: 'Zoé', lastName: '100% "Quoted"_x', arabicName: undefined, phones: [] }),
      person({ firstName: 'Ll', lastName: 'Aa', arabicName: undefined, phones: [] }),
    ];
    // Few distinct creation times, so sorting by date has ties as well as order.
    const everyone = [...generated, ...special];
    const created = db.transaction(() =>
      everyone.map((p, i) => createBeneficiary(p)(txAt(db, `${YEAR - 1 - (i % 3)}-0${1 + (i % 7)}-01T09:00:00.000Z`))),
    )();
    // Every kind of write after creation, so the indexes are checked after each of them.
    const later = txAt(db, `${YEAR}-04-01T09:00:00.000Z`);
    db.transaction(() => {
      const named = created.filter((b) => b.personal);
      for (const b of named.slice(0, 60)) {
        const input = { ...b, personal: { ...b.personal!, firstName: pick(random, ['Mamadou', 'Aïcha', 'Yasmine', 'Jean-Paul']) } };
        updateBeneficiary(b.id, input)(later);
      }
      for (const b of named.slice(60, 120)) setArchived(b.id, true)(later);
      for (const b of named.slice(120, 180)) withdrawConsent(b.id)(later);
      for (let i = 180; i < 240; i += 2) mergeBeneficiaries(named[i].id, named[i + 1].id)(later);
      setArchived(named[62].id, false)(later);
    })();

    const words = created.flatMap((b: Beneficiary) => (b.personal ? [b.personal.firstName, b.personal.lastName] : [b.initials]));
    for (let i = 0; i < 40; i++) queries.push(...prefixes(pick(random, words)).slice(0, 7));
    const arabic = created.flatMap((b) => (b.personal?.arabicName ? b.personal.arabicName.split(' ') : []));
    for (let i = 0; i < 10; i++) queries.push(...prefixes(pick(random, arabic)).slice(1, 5));
    queries.push(
      // Spellings and sounds
      'Mohammed', 'Muhammad', 'mohamed el', 'Usman', 'Osman', 'Fatoumata', 'Khadidja', 'HERITIER', 'heritier', 'kouame', 'kouamé',
      "n'guessan", 'n guess', 'sow ba', 'sow-ba', 'jean paul',
      // Arabic letter variants
      'امين', 'أمين', 'إمين', 'فاطمه', 'فاطمة', 'الزهراء', 'العلوى', 'محمد',
      // Phones and references
      '0661234567', '+212661234567', '661 23', '0700112233', '33611223344', `B-${YEAR}-00042`, `${YEAR}-0004`, '00042', 'b 2025', '77',
      // Quoting, wildcards, repeated and single characters
      '"', '"quoted"', '100%', '%', '_x', 'll', 'aa', 'lll', 'a', 'z', '7', 'é', 'مح', 'ب',
      // Several terms, short and long mixed
      'mo d', 'a b', 'ma di', 'fatou diallo', 'diallo fatou', 'mamadou b', 'zz qq', '20', '2025', 'b 2024',
    );
  });

  afterAll(() => db?.close());

  it('finds the same people, counts them the same (with the 1000+ cap) and pages them in the same order, for every sort', () => {
    let capped = 0;
    let compared = 0;
    for (const [i, query] of queries.entries()) {
      const by = SORTS[i % SORTS.length];
      const direction = i % 2 === 0 ? 'asc' : 'desc';
      for (const offset of [0, 40]) {
        const expected = oracle(db, query, by, direction, offset, 40);
        expect(searched(db, query, by, direction, offset, 40), `${query} by ${by} ${direction} from ${offset}`).toEqual(expected);
        if (expected.capped) capped++;
        compared += expected.ids.length;
      }
    }
    expect(capped).toBeGreaterThan(20);
    expect(compared).toBeGreaterThan(5000);
  });

  it('pages the whole list, unfiltered and archived, the same way at the start, the middle and the end, by every column both ways', () => {
    for (const by of SORTS) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const offset of [0, 1200, 2900, 3880, 4000]) {
          expect(searched(db, '', by, direction, offset, 50), `${by} ${direction} from ${offset}`).toEqual(oracle(db, '', by, direction, offset, 50));
        }
        expect(searched(db, 'a', by, direction, 0, 50, true)).toEqual(oracle(db, 'a', by, direction, 0, 50, true));
      }
    }
  });

  it('keeps the trigram index equal to the search text of every row, and the sounds to the phonetic text', () => {
    expect(() => db.prepare("INSERT INTO beneficiary_search (beneficiary_search, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    const stored = db.prepare('SELECT code, person FROM beneficiary_phonetic ORDER BY person, code').all();
    const expected = (db.prepare("SELECT rowid AS person, phonetic_text FROM beneficiaries WHERE phonetic_text <> ''").all() as { person: number; phonetic_text: string }[])
      .flatMap((r) => [...new Set(r.phonetic_text.split(' '))].map((code) => ({ code, person: r.person })))
      .sort((a, b) => a.person - b.person || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    expect(stored).toEqual(expected);
  });

  it('answers a page by walking a sort index, never sorting the whole list', () => {
    // A connection of its own: the statements are prepared (and seen here) once per connection.
    const fresh = openEncrypted(path, key);
    const plans = pagePlans(fresh, () => {
      for (const by of SORTS) for (const direction of ['asc', 'desc'] as const) for (const offset of [0, 3000]) searched(fresh, '', by, direction, offset, 50);
    });
    fresh.close();
    expect(plans.filter((d) => d.includes('TEMP B-TREE'))).toEqual([]);
    expect(plans.filter((d) => /COVERING INDEX beneficiaries_sort_/.test(d))).toHaveLength(SORTS.length * 2);
  });

  it('pages the members and activities lists in their order without sorting them either', () => {
    const plans = pagePlans(db, () => {
      listMembers(db, memberSearchSchema.parse({}), []);
      listActivities(db, activitySearchSchema.parse({}), `${YEAR}-01-01`);
    });
    expect(plans.filter((d) => d.includes('TEMP B-TREE'))).toEqual([]);
    expect(plans).toEqual(expect.arrayContaining([expect.stringContaining('members_by_number'), expect.stringContaining('activities_by_created')]));
  });
});

/** The query plans of the paged statements `run` prepares on `db`. */
function pagePlans(db: Db, run: () => void): string[] {
  const plans: string[] = [];
  const prepare = db.prepare.bind(db);
  const spy = (sql: string) => {
    if (sql.includes('LIMIT ? OFFSET ?')) {
      const params = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 0);
      plans.push(...(prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail));
    }
    return prepare(sql);
  };
  Object.assign(db, { prepare: spy });
  try {
    run();
  } finally {
    Object.assign(db, { prepare });
  }
  return plans;
}

describe('a withdrawn consent leaves the search indexes', () => {
  const tempDir = useTempDir();

  it('finds nobody by the old name, phone or sound, and the old text is gone from the index pages', () => {
    // Plaintext, so that leftover bytes of the index could be seen at all.
    const db = new Database(join(tempDir(), 'plain.sqlite'));
    db.pragma('secure_delete = ON');
    migrate(db);
    const tx = txAt(db, `${YEAR}-02-01T09:00:00.000Z`);
    const marker = 'Zyxwvutsrqonmlk';
    const b = db.transaction(() => {
      createBeneficiary(person({ firstName: 'Mariama', lastName: 'Barry', phones: ['0655555555'] }))(tx);
      return createBeneficiary(person({ firstName: marker, lastName: 'Qjhgfedcb', phones: ['0698765432'] }))(tx);
    })();
    const pages = () => Buffer.concat((db.prepare('SELECT block FROM beneficiary_search_data UNION ALL SELECT block FROM beneficiary_search_pairs_data').pluck().all() as (Buffer | null)[]).filter((x): x is Buffer => x !== null));
    // Terms the index stores whole (first of their letter): trigrams of the name and phone, and pairs.
    const traces = ['zyx', 'xwv', 'tsr', 'onm', 'qjh', 'gfe', '987', 'zyy', 'qjj'];
    expect(traces.filter((t) => pages().includes(t))).toEqual(traces);

    db.transaction(() => withdrawConsent(b.id)(tx))();

    expect(traces.filter((t) => pages().includes(t))).toEqual([]);
    for (const query of ['zyxwvuts', 'qjhgfedcb', 'zy', '0698765432', 'Ziksouts']) {
      expect(searched(db, query, 'createdAt', 'desc', 0, 10).ids, query).toEqual([]);
    }
    expect(db.prepare('SELECT code FROM beneficiary_phonetic WHERE person = (SELECT rowid FROM beneficiaries WHERE id = ?)').all(b.id)).toEqual([]);
    expect(searched(db, 'zq', 'createdAt', 'desc', 0, 10).ids).toEqual([b.id]);
    db.close();
  });
});
