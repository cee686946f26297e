import type { Db } from '../db/database';

/** What a pseudonymised export may say about a person. */
export interface PersonFacts {
  reference: string;
  sex: 'female' | 'male';
  birthYear: number;
  category: string;
  nationality: string;
  city: string | null;
}

/** Whether the person accepted that their record be used for reporting (a scope of their consent). */
export const ACCEPTS_REPORTING_SQL = `EXISTS (SELECT 1 FROM json_each(b.consent_json, '$.scopes') WHERE value = 'reporting')`;

/** What a named export adds (never free-text notes). */
export interface PersonIdentity {
  /** Without consent to reporting, a person is counted in totals only, never listed by name. */
  acceptsReporting: 0 | 1;
  lastName: string | null;
  firstName: string | null;
  arabicName: string | null;
  phones: string | null;
  documentNumber: string | null;
}

const CHUNK = 5000;

const FACTS = 'b.id, b.reference, b.sex, b.birth_year AS birthYear, b.category, b.nationality, b.city';
// Selected only for a named export, so pseudonymised exports never even read names into memory.
const IDENTITY = `json_extract(b.personal_json, '$.lastName') AS lastName, json_extract(b.personal_json, '$.firstName') AS firstName,
  json_extract(b.personal_json, '$.arabicName') AS arabicName,
  json_extract(b.personal_json, '$.legalStatus.documentNumber') AS documentNumber,
  (SELECT group_concat(phone, ' ') FROM beneficiary_phones p WHERE p.beneficiary_id = b.id) AS phones,
  ${ACCEPTS_REPORTING_SQL} AS acceptsReporting`;

/** The people of a list by id, read a few thousand at a time. */
export function peopleByIds<Named extends boolean>(
  db: Db,
  ids: readonly string[],
  named: Named,
): Map<string, Named extends true ? PersonFacts & PersonIdentity : PersonFacts> {
  const statement = db.prepare(`SELECT ${FACTS}${named ? `, ${IDENTITY}` : ''} FROM beneficiaries b WHERE b.id IN (SELECT value FROM json_each(?))`);
  const found = new Map();
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const row of statement.all(JSON.stringify(ids.slice(i, i + CHUNK))) as (PersonFacts & { id: string })[]) {
      const { id, ...person } = row;
      found.set(id, person);
    }
  }
  return found;
}
