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
  const row = db.prepare('SELECT * FROM beneficiaries WHERE id = ?').get(id) as Row | undefined;
  return row && toBeneficiary(row);
}

function writePhones(db: Db, id: string, phones: string[]): void {
  db.prepare('DELETE FROM beneficiary_phones WHERE beneficiary_id = ?').run(id);
  const insert = db.prepare('INSERT OR IGNORE INTO beneficiary_phones (beneficiary_id, phone) VALUES (?, ?)');
  for (const phone of phones) insert.run(id, phone);
}

export function saveBeneficiary(db: Db, b: Beneficiary, derived: Derived): void {
  db.prepare(
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
  writePhones(db, b.id, derived.phones);
}

export function markConsentWithdrawn(db: Db, id: string, at: string): void {
  db.prepare('UPDATE beneficiaries SET consent_withdrawn_at = ? WHERE id = ?').run(at, id);
}

export function idsWithPhones(db: Db, phones: string[]): string[] {
  if (phones.length === 0) return [];
  const rows = db
    .prepare(`SELECT DISTINCT beneficiary_id AS id FROM beneficiary_phones WHERE phone IN (${phones.map(() => '?').join(',')})`)
    .all(...phones) as { id: string }[];
  return rows.map((r) => r.id);
}

export function namedPeopleBornIn(db: Db, birthYear: number): Beneficiary[] {
  const rows = db
    .prepare('SELECT * FROM beneficiaries WHERE birth_year = ? AND personal_json IS NOT NULL')
    .all(birthYear) as Row[];
  return rows.map(toBeneficiary);
}

export function activeNamedPeople(db: Db): Beneficiary[] {
  const rows = db.prepare('SELECT * FROM beneficiaries WHERE archived_at IS NULL AND personal_json IS NOT NULL').all() as Row[];
  return rows.map(toBeneficiary);
}

export function sharedPhonePairs(db: Db): [string, string][] {
  const rows = db
    .prepare(
      `SELECT DISTINCT p1.beneficiary_id AS a, p2.beneficiary_id AS b
       FROM beneficiary_phones p1
       JOIN beneficiary_phones p2 ON p2.phone = p1.phone AND p2.beneficiary_id > p1.beneficiary_id
       JOIN beneficiaries b1 ON b1.id = p1.beneficiary_id AND b1.archived_at IS NULL
       JOIN beneficiaries b2 ON b2.id = p2.beneficiary_id AND b2.archived_at IS NULL`,
    )
    .all() as { a: string; b: string }[];
  return rows.map((r) => [r.a, r.b]);
}

export function lookupExists(db: Db, list: string, code: string): boolean {
  return Boolean(db.prepare('SELECT 1 FROM lookup_values WHERE list = ? AND code = ?').get(list, code));
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

export function searchBeneficiaries(
  db: Db,
  params: z.output<typeof beneficiarySearchSchema>,
  terms: SearchTerm[],
  currentYear: number,
): BeneficiarySearchResult {
  const where: string[] = [params.filters.archived ? 'archived_at IS NOT NULL' : 'archived_at IS NULL'];
  const args: unknown[] = [];
  for (const term of terms) {
    if (term.phonetic) {
      where.push(`(search_text LIKE ? ESCAPE '\\' OR (' ' || phonetic_text || ' ') LIKE ?)`);
      args.push(`%${escapeLike(term.text)}%`, `% ${term.phonetic} %`);
    } else {
      where.push(`search_text LIKE ? ESCAPE '\\'`);
      args.push(`%${escapeLike(term.text)}%`);
    }
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
  // A typed query may match thousands: counting them all would cost a full scan per keystroke.
  const countCap = terms.length > 0 ? `LIMIT ${SEARCH_COUNT_CAP + 1}` : '';
  const counted = db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM beneficiaries WHERE ${clause} ${countCap})`).get(...args) as { n: number };
  const total = Math.min(counted.n, terms.length > 0 ? SEARCH_COUNT_CAP : Infinity);
  const capped = terms.length > 0 && counted.n > SEARCH_COUNT_CAP;
  // No tie-breaker column: with one, SQLite would sort every match instead of walking the index
  // and stopping at the page size. Ties keep the index's own (stable) order.
  const order = `${SORT_COLUMNS[params.sort.by]} ${params.sort.direction === 'asc' ? 'ASC' : 'DESC'}`;
  const rows = db
    .prepare(
      `SELECT id, reference, sex, birth_year, nationality, category, initials, display_name, city, legal_status,
              personal_json IS NULL AS pseudonymous, archived_at,
              json_extract(personal_json, '$.arabicName') AS arabic_name
       FROM beneficiaries WHERE ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...args, params.limit, params.offset) as (Row & { pseudonymous: 0 | 1; arabic_name: string | null })[];
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
