import type { z } from 'zod';
import {
  SEARCH_COUNT_CAP,
  type AgeBand,
  type Beneficiary,
  type BeneficiarySearchResult,
  type beneficiarySearchSchema,
  type Consent,
  type PersonalData,
} from '../../contract';
import type { Db } from '../db/database';
import { prepared } from '../db/prepared';

interface Row {
  id: string;
  reference: string;
  sex: Beneficiary['sex'];
  birth_year: number;
  birth_year_estimated: 0 | 1;
  nationality: string;
  category: string;
  initials: string;
  consent_json: string | null;
  personal_json: string | null;
  display_name: string | null;
  city: string | null;
  legal_status: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

/** Columns derived from the record, recomputed on every write (and erased with the personal data). */
export interface Derived {
  displayName: string | null;
  sortName: string;
  searchText: string;
  phoneticText: string;
  city: string | null;
  legalStatus: string | null;
  legalExpiry: string | null;
  phones: string[];
}

const toBeneficiary = (row: Row): Beneficiary => ({
  id: row.id,
  reference: row.reference,
  sex: row.sex,
  birthYear: row.birth_year,
  birthYearEstimated: row.birth_year_estimated === 1,
  nationality: row.nationality,
  category: row.category,
  initials: row.initials,
  consent: row.consent_json ? (JSON.parse(row.consent_json) as Consent) : null,
  personal: row.personal_json ? (JSON.parse(row.personal_json) as PersonalData) : null,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  archivedAt: row.archived_at,
});

export function getBeneficiary(db: Db, id: string): Beneficiary | undefined {
  const row = prepared(db, 'SELECT * FROM beneficiaries WHERE id = ?').get(id) as Row | undefined;
  return row && toBeneficiary(row);
}

function writePhones(db: Db, id: string, phones: string[]): void {
  prepared(db, 'DELETE FROM beneficiary_phones WHERE beneficiary_id = ?').run(id);
  const insert = prepared(db, 'INSERT OR IGNORE INTO beneficiary_phones (beneficiary_id, phone) VALUES (?, ?)');
  for (const phone of phones) insert.run(id, phone);
}

/** "xy" is in a text exactly when the trigram "xxy" is in the text with every character doubled. */
const doubled = (text: string) => [...text].map((c) => c + c).join('');

const codesOf = (phoneticText: string) => phoneticText.split(' ').filter(Boolean);

/**
 * Keeps the search indexes (migration 0012) in step with a saved person. An FTS5 entry is deleted
 * with the values it was made from, so the old text is read before the row is overwritten.
 */
function writeSearchIndex(db: Db, person: number | bigint, before: IndexedText | undefined, after: Derived): void {
  if (before?.search_text !== after.searchText) {
    if (before) {
      prepared(db, "INSERT INTO beneficiary_search (beneficiary_search, rowid, search_text) VALUES ('delete', ?, ?)").run(person, before.search_text);
      prepared(db, "INSERT INTO beneficiary_search_pairs (beneficiary_search_pairs, rowid, pairs) VALUES ('delete', ?, ?)").run(
        person,
        doubled(before.search_text),
      );
    }
    prepared(db, 'INSERT INTO beneficiary_search (rowid, search_text) VALUES (?, ?)').run(person, after.searchText);
    prepared(db, 'INSERT INTO beneficiary_search_pairs (rowid, pairs) VALUES (?, ?)').run(person, doubled(after.searchText));
  }
  if (before?.phonetic_text !== after.phoneticText) {
    const remove = prepared(db, 'DELETE FROM beneficiary_phonetic WHERE code = ? AND person = ?');
    for (const code of codesOf(before?.phonetic_text ?? '')) remove.run(code, person);
    const insert = prepared(db, 'INSERT OR IGNORE INTO beneficiary_phonetic (code, person) VALUES (?, ?)');
    for (const code of codesOf(after.phoneticText)) insert.run(code, person);
  }
}

interface IndexedText {
  person: number;
  search_text: string;
  phonetic_text: string;
}

export function saveBeneficiary(db: Db, b: Beneficiary, derived: Derived): void {
  const before = prepared(db, 'SELECT rowid AS person, search_text, phonetic_text FROM beneficiaries WHERE id = ?').get(b.id) as
    | IndexedText
    | undefined;
  const saved = prepared(
    db,
    `INSERT INTO beneficiaries (id, reference, sex, birth_year, birth_year_estimated, nationality, category, initials,
       consent_json, personal_json, display_name, sort_name, search_text, phonetic_text, city, legal_status, legal_expiry,
       created_at, updated_at, archived_at)
     VALUES (@id, @reference, @sex, @birthYear, @birthYearEstimated, @nationality, @category, @initials,
       @consent, @personal, @displayName, @sortName, @searchText, @phoneticText, @city, @legalStatus, @legalExpiry,
       @createdAt, @updatedAt, @archivedAt)
     ON CONFLICT (id) DO UPDATE SET sex = excluded.sex, birth_year = excluded.birth_year,
       birth_year_estimated = excluded.birth_year_estimated, nationality = excluded.nationality,
       category = excluded.category, initials = excluded.initials, consent_json = excluded.consent_json,
       personal_json = excluded.personal_json, display_name = excluded.display_name, sort_name = excluded.sort_name,
       search_text = excluded.search_text, phonetic_text = excluded.phonetic_text, city = excluded.city,
       legal_status = excluded.legal_status, legal_expiry = excluded.legal_expiry,
       updated_at = excluded.updated_at, archived_at = excluded.archived_at`,
  ).run({
    id: b.id,
    reference: b.reference,
    sex: b.sex,
    birthYear: b.birthYear,
    birthYearEstimated: b.birthYearEstimated ? 1 : 0,
    nationality: b.nationality,
    category: b.category,
    initials: b.initials,
    consent: b.consent ? JSON.stringify(b.consent) : null,
    personal: b.personal ? JSON.stringify(b.personal) : null,
    ...derived,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
    archivedAt: b.archivedAt,
  });
  writeSearchIndex(db, before?.person ?? saved.lastInsertRowid, before, derived);
  writePhones(db, b.id, derived.phones);
}

export function markConsentWithdrawn(db: Db, id: string, at: string): void {
  prepared(db, 'UPDATE beneficiaries SET consent_withdrawn_at = ? WHERE id = ?').run(at, id);
}

/**
 * A named person as the duplicate finder compares them: the facts it weighs and what the screen
 * shows, read without parsing the whole record.
 */
export interface ComparedRow {
  id: string;
  reference: string;
  displayName: string;
  sex: Beneficiary['sex'];
  birthYear: number;
  birthYearEstimated: boolean;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  arabicName: string | null;
  phones: string[];
}

// One JSON parse per row for the four facts (json_extract with several paths gives an array).
const COMPARED_COLUMNS = `b.id, b.reference, b.display_name, b.sex, b.birth_year, b.birth_year_estimated,
  json_extract(b.personal_json, '$.firstName', '$.lastName', '$.birthDate', '$.arabicName') AS facts`;

type ComparedSqlRow = [string, string, string, Beneficiary['sex'], number, 0 | 1, string];

function compared(rows: ComparedSqlRow[], phones: Map<string, string[]>): ComparedRow[] {
  return rows.map(([id, reference, displayName, sex, birthYear, estimated, facts]) => {
    const [firstName, lastName, birthDate, arabicName] = JSON.parse(facts) as [string, string, string | null, string | null];
    return { id, reference, displayName, sex, birthYear, birthYearEstimated: estimated === 1, firstName, lastName, birthDate, arabicName, phones: phones.get(id) ?? [] };
  });
}

function phonesByPerson(rows: [string, string][]): Map<string, string[]> {
  const phones = new Map<string, string[]>();
  for (const [id, phone] of rows) phones.set(id, [...(phones.get(id) ?? []), phone]);
  return phones;
}

/** Everyone the duplicates screen compares: named, not archived. */
export function activeComparedPeople(db: Db): ComparedRow[] {
  const rows = db
    .prepare(`SELECT ${COMPARED_COLUMNS} FROM beneficiaries b WHERE b.archived_at IS NULL AND b.personal_json IS NOT NULL`)
    .raw()
    .all() as ComparedSqlRow[];
  return compared(rows, phonesByPerson(db.prepare('SELECT beneficiary_id, phone FROM beneficiary_phones').raw().all() as [string, string][]));
}

/**
 * The named people a new record is checked against: those with one of `phones`, and those born
 * within `years` of `birthYear` whose names have one of `sounds` (the sounds index). Archived
 * people are in (someone coming back), merged-away records are not.
 */
export function comparedPeopleLike(db: Db, query: { phones: string[]; sounds: string[]; birthYear: number; years: number }): ComparedRow[] {
  // The lists travel as JSON arrays, so the text stays the same and is compiled once per connection.
  const rows = prepared(
    db,
    `SELECT ${COMPARED_COLUMNS} FROM beneficiaries b
     WHERE b.personal_json IS NOT NULL AND b.merged_into IS NULL AND (
       b.id IN (SELECT beneficiary_id FROM beneficiary_phones WHERE phone IN (SELECT value FROM json_each(?)))
       OR (b.birth_year BETWEEN ? AND ? AND b.rowid IN (SELECT person FROM beneficiary_phonetic WHERE code IN (SELECT value FROM json_each(?)))))`,
  )
    .raw()
    .all(JSON.stringify(query.phones), query.birthYear - query.years, query.birthYear + query.years, JSON.stringify(query.sounds)) as ComparedSqlRow[];
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r[0]);
  const phones = prepared(db, 'SELECT beneficiary_id, phone FROM beneficiary_phones WHERE beneficiary_id IN (SELECT value FROM json_each(?))')
    .raw()
    .all(JSON.stringify(ids)) as [string, string][];
  return compared(rows, phonesByPerson(phones));
}

export function lookupExists(db: Db, list: string, code: string): boolean {
  return Boolean(prepared(db, 'SELECT 1 FROM lookup_values WHERE list = ? AND code = ?').get(list, code));
}

const AGE_BANDS: Record<AgeBand, [number, number]> = {
  '0-5': [0, 5],
  '6-11': [6, 11],
  '12-17': [12, 17],
  '18-24': [18, 24],
  '25-34': [25, 34],
  '35-49': [35, 49],
  '50-59': [50, 59],
  '60+': [60, 200],
};

const SORT_COLUMNS = {
  reference: 'reference',
  name: 'sort_name',
  age: 'birth_year',
  category: 'category',
  nationality: 'nationality',
  city: 'city COLLATE NOCASE',
  createdAt: 'created_at',
} as const;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface SearchTerm {
  text: string;
  phonetic: string | null;
}

/** Up to this many matches of a typed query, a page is found by sorting them (see below). */
const SORTED_MATCHES_AT_MOST = 2500;

const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * The rowids (as `person`) of the people whose search text holds every term of two characters or
 * more, or whose names sound like it: one trigram query for the longer terms without a sound, one
 * for the two-character ones, one per term with a sound (joined to its phonetic code).
 */
function indexedMatches(terms: SearchTerm[]): { sql: string; args: unknown[] } | null {
  const byText = 'SELECT rowid AS person FROM beneficiary_search WHERE beneficiary_search MATCH ?';
  const sets: { sql: string; args: unknown[] }[] = [];
  const long = terms.filter((t) => [...t.text].length >= 3);
  const plain = long.filter((t) => !t.phonetic).map((t) => phrase(t.text));
  if (plain.length > 0) sets.push({ sql: byText, args: [plain.join(' AND ')] });
  const pairs = terms
    .map((t) => [...t.text])
    .filter((chars) => chars.length === 2)
    .map(([x, y]) => phrase(x + x + y));
  if (pairs.length > 0) {
    sets.push({ sql: 'SELECT rowid AS person FROM beneficiary_search_pairs WHERE beneficiary_search_pairs MATCH ?', args: [pairs.join(' AND ')] });
  }
  for (const t of long.filter((term) => term.phonetic)) {
    sets.push({ sql: `${byText} UNION SELECT person FROM beneficiary_phonetic WHERE code = ?`, args: [phrase(t.text), t.phonetic] });
  }
  if (sets.length === 0) return null;
  if (sets.length === 1) return sets[0];
  return { sql: sets.map((s) => `SELECT person FROM (${s.sql})`).join(' INTERSECT '), args: sets.flatMap((s) => s.args) };
}

export function searchBeneficiaries(
  db: Db,
  params: z.output<typeof beneficiarySearchSchema>,
  terms: SearchTerm[],
  currentYear: number,
): BeneficiarySearchResult {
  const where: string[] = [params.filters.archived ? 'archived_at IS NOT NULL' : 'archived_at IS NULL'];
  const args: unknown[] = [];
  const matches = indexedMatches(terms);
  // A single character is not in any index: it is looked for in the text itself.
  for (const term of terms.filter((t) => [...t.text].length === 1)) {
    where.push(`search_text LIKE ? ESCAPE '\\'`);
    args.push(`%${escapeLike(term.text)}%`);
  }
  const f = params.filters;
  const equal: [string, unknown][] = [
    ['category', f.category],
    ['sex', f.sex],
    ['nationality', f.nationality],
    ['legal_status', f.legalStatus],
  ];
  for (const [column, value] of equal) {
    if (value !== undefined) {
      where.push(`${column} = ?`);
      args.push(value);
    }
  }
  if (f.openProcedure) {
    where.push(
      `EXISTS (SELECT 1 FROM procedures p WHERE p.beneficiary_id = beneficiaries.id
               AND p.status IN ('to_start', 'in_progress', 'waiting_third_party'))`,
    );
  }
  if (f.city) {
    where.push('city = ? COLLATE NOCASE');
    args.push(f.city);
  }
  if (f.ageBand) {
    const [min, max] = AGE_BANDS[f.ageBand];
    where.push('birth_year BETWEEN ? AND ?');
    args.push(currentYear - max, currentYear - min);
  }
  const clause = where.join(' AND ');
  const columns = `id, reference, sex, birth_year, nationality, category, initials, display_name, city, legal_status,
    personal_json IS NULL AS pseudonymous, archived_at, json_extract(personal_json, '$.arabicName') AS arabic_name`;
  // The rowid breaks ties: each sort index ends with it, so a page is read in index order and
  // stops at the page size whatever the offset, and paging never repeats or skips a tied row.
  const orderBy = (direction: 'asc' | 'desc') => `${SORT_COLUMNS[params.sort.by]} ${direction}, beneficiaries.rowid ${direction}`;
  type PageRow = Row & { pseudonymous: 0 | 1; arabic_name: string | null };
  // The page is chosen on rowids and sort keys alone (index entries, or a small sort), then only
  // its rows are read; the join keeps the chosen order.
  const page = (source: string, sourceArgs: unknown[], direction = params.sort.direction, limit = params.limit, offset = params.offset) =>
    prepared(
      db,
      `SELECT ${columns} FROM (SELECT beneficiaries.rowid AS person FROM ${source} ORDER BY ${orderBy(direction)} LIMIT ? OFFSET ?) AS page
       CROSS JOIN beneficiaries ON beneficiaries.rowid = page.person`,
    ).all(...sourceArgs, limit, offset) as PageRow[];
  let total: number;
  let capped = false;
  let rows: PageRow[];
  if (terms.length === 0) {
    total = (prepared(db, `SELECT count(*) AS n FROM beneficiaries WHERE ${clause}`).get(...args) as { n: number }).n;
    const fromEnd = total - params.offset;
    if (params.offset > fromEnd) {
      // Past the middle, the index is walked from its other end: never more than half of it.
      const reverse = params.sort.direction === 'asc' ? 'desc' : 'asc';
      const limit = Math.min(params.limit, Math.max(0, fromEnd));
      rows = limit === 0 ? [] : page(`beneficiaries WHERE ${clause}`, args, reverse, limit, Math.max(0, fromEnd - params.limit)).reverse();
    } else {
      rows = page(`beneficiaries WHERE ${clause}`, args);
    }
  } else {
    // A typed query may match thousands: looking past the cap would cost a scan per keystroke.
    // Indexed matches lead (CROSS JOIN keeps them first, in rowid order); a single character is
    // looked for along the narrowest index that holds the search text. Up to the cap, the matches
    // found are kept for the page.
    // With no filter but the archive, the matches are counted on the indexes alone: whether a
    // person is archived is read from the few archived entries of an index, not from each
    // person's row, which after sign-in is rarely in memory yet (a page read and decrypted each).
    const archivedOnly = where.length === 1;
    const matched = prepared(
      db,
      matches && archivedOnly
        ? `SELECT person FROM (${matches.sql}) WHERE person ${params.filters.archived ? 'IN' : 'NOT IN'}
             (SELECT rowid FROM beneficiaries WHERE archived_at IS NOT NULL) LIMIT ${SEARCH_COUNT_CAP + 1}`
        : matches
          ? `SELECT beneficiaries.rowid AS person FROM (${matches.sql}) AS matched
             CROSS JOIN beneficiaries ON beneficiaries.rowid = matched.person WHERE ${clause} LIMIT ${SEARCH_COUNT_CAP + 1}`
          : `SELECT rowid AS person FROM beneficiaries WHERE ${clause} LIMIT ${SEARCH_COUNT_CAP + 1}`,
    )
      .pluck()
      .all(...(matches?.args ?? []), ...args) as number[];
    total = Math.min(matched.length, SEARCH_COUNT_CAP);
    capped = matched.length > SEARCH_COUNT_CAP;
    if (!capped) {
      rows = page('json_each(?) AS matched CROSS JOIN beneficiaries ON beneficiaries.rowid = matched.value', [JSON.stringify(matched)]);
    } else if (!matches) {
      // A character in more than a thousand people is in most of them: a short walk fills a page.
      rows = page(`beneficiaries WHERE ${clause}`, args);
    } else {
      // Matches come in rowid order: how far the first ones reached tells how many there are in
      // all. A few thousand are sorted sooner than the sort index is walked to where they cluster
      // (a nationality, a city); many more fill a page after a short walk.
      const lastRowid = (prepared(db, 'SELECT max(rowid) FROM beneficiaries').pluck().get() as number) ?? 0;
      const estimated = (matched.length * lastRowid) / matched[matched.length - 1];
      rows =
        estimated <= SORTED_MATCHES_AT_MOST
          ? page(`(${matches.sql}) AS matched CROSS JOIN beneficiaries ON beneficiaries.rowid = matched.person WHERE ${clause}`, [...matches.args, ...args])
          : page(`beneficiaries WHERE ${clause} AND beneficiaries.rowid IN (${matches.sql})`, [...args, ...matches.args]);
    }
  }
  return {
    total,
    capped,
    rows: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      displayName: r.display_name ?? r.initials,
      arabicName: r.arabic_name,
      sex: r.sex,
      age: currentYear - r.birth_year,
      category: r.category,
      nationality: r.nationality,
      city: r.city,
      legalStatus: r.legal_status,
      pseudonymous: r.pseudonymous === 1,
      archived: r.archived_at !== null,
    })),
  };
}
