import type { Db } from '../db/database';

/**
 * The activities of governance types (general assembly, board meeting): their attendees are the
 * association's own members, never people reached, and their sessions are not activities held.
 */
export const GOVERNANCE_ACTIVITIES_SQL = `SELECT id FROM activities
  WHERE type IN (SELECT code FROM lookup_values WHERE list = 'activityType' AND governance = 1)`;

const FOLLOW_UP_SQL = `UNION ALL SELECT beneficiary_id FROM case_notes WHERE date BETWEEN @from AND @to
    UNION ALL SELECT beneficiary_id FROM procedures
      WHERE coalesce(started_on, substr(created_at, 1, 10)) BETWEEN @from AND @to OR closed_on BETWEEN @from AND @to
    UNION ALL SELECT beneficiary_id FROM referrals WHERE sent_on BETWEEN @from AND @to
    UNION ALL SELECT beneficiary_id FROM person_services WHERE date BETWEEN @from AND @to AND archived_at IS NULL AND reversed_on IS NULL`;

/**
 * The people reached in a period (both days included), as stated on the report: a presence at a
 * session, a procedure started or closed, a referral sent, a case note or a service given (not reversed). Grouping by person keeps
 * each one once however many of these they had (a plain UNION made SQLite merge the branches in
 * person order, reading every participation through an index: several times slower). Archived
 * and consent-withdrawn records stay in.
 * Presences come from `participations` (first and last presence per activity and person, kept by
 * triggers): a first or last presence in the period settles it; only someone whose presences
 * surround the whole period is looked up in the attendance rows of the period's sessions.
 * With an agreement (`@agreementId`), only presences at the activities linked to it count.
 * Presences at governance activities never count.
 */
export const REACHED_SQL = reachedSql();

/**
 * The people reached, or with `activities` (a condition on the activity `a`) only those present at
 * such activities: follow-up work has no theme or activity type, so it then counts for nobody.
 */
export function reachedSql(activities: string | null = null): string {
  const scope = (column: string) => (activities === null ? '' : `AND ${column} IN (SELECT a.id FROM activities a WHERE ${activities})`);
  const followUp = activities === null ? FOLLOW_UP_SQL : '';
  return `
  SELECT id FROM (
    SELECT beneficiary_id AS id FROM participations
    WHERE (first_present_on BETWEEN @from AND @to OR last_present_on BETWEEN @from AND @to)
      AND (@agreementId IS NULL OR activity_id IN (SELECT id FROM activities WHERE agreement_id = @agreementId))
      AND activity_id NOT IN (${GOVERNANCE_ACTIVITIES_SQL}) ${scope('activity_id')}
    UNION ALL SELECT p.beneficiary_id FROM participations p
      CROSS JOIN activity_sessions s ON s.activity_id = p.activity_id
      CROSS JOIN attendance a ON a.session_id = s.id AND a.beneficiary_id = p.beneficiary_id
    WHERE p.first_present_on < @from AND p.last_present_on > @to
      AND s.present_count > 0 AND s.date BETWEEN @from AND @to AND a.status = 'present'
      AND (@agreementId IS NULL OR p.activity_id IN (SELECT id FROM activities WHERE agreement_id = @agreementId))
      AND p.activity_id NOT IN (${GOVERNANCE_ACTIVITIES_SQL}) ${scope('p.activity_id')}
    ${followUp})
  GROUP BY id`;
}


/**
 * [sex, age at the start of the period, category, nationality, city, profile, people]; the profile
 * is `[legal status code, dependants, vulnerability codes]` as JSON (null without personal data):
 * read in one pass over the record's JSON rather than three.
 */
export type ReachedGroup = [sex: 'female' | 'male', age: number, category: string, nationality: string, city: string | null, profile: string | null, people: number];

/** The people reached, grouped by every dimension at once: a few thousand rows at most, even for 50,000 people. */
export function reachedGroups(db: Db, from: string, to: string, agreementId: string | null): ReachedGroup[] {
  return db
    .prepare(
      `WITH reached AS (${REACHED_SQL})
       SELECT b.sex, @startYear - b.birth_year, b.category, b.nationality, b.city,
         json_extract(b.personal_json, '$.legalStatus.code', '$.household.dependants', '$.vulnerabilities'), count(*)
       FROM reached r JOIN beneficiaries b ON b.id = r.id
       GROUP BY 1, 2, 3, 4, 5, 6`,
    )
    .raw()
    .all({ from, to, agreementId, startYear: Number(from.slice(0, 4)) }) as ReachedGroup[];
}
