import type { Db } from '../db/database';

/**
 * The people reached in a period (both days included), as stated on the report: a presence at a
 * session, a procedure started or closed, a referral sent or a case note. A UNION keeps each person
 * once however many of these they had; archived and consent-withdrawn records stay in.
 */
export const REACHED_SQL = `
  SELECT a.beneficiary_id AS id
  FROM activity_sessions s CROSS JOIN attendance a ON a.session_id = s.id
  WHERE s.present_count > 0 AND s.date BETWEEN @from AND @to AND a.status = 'present'
  UNION SELECT beneficiary_id FROM case_notes WHERE date BETWEEN @from AND @to
  UNION SELECT beneficiary_id FROM procedures
    WHERE coalesce(started_on, substr(created_at, 1, 10)) BETWEEN @from AND @to OR closed_on BETWEEN @from AND @to
  UNION SELECT beneficiary_id FROM referrals WHERE sent_on BETWEEN @from AND @to`;

/** [sex, age at the start of the period, category, nationality, city, people] */
export type ReachedGroup = [sex: 'female' | 'male', age: number, category: string, nationality: string, city: string | null, people: number];

/** The people reached, grouped by every dimension at once: a few thousand rows at most, even for 50,000 people. */
export function reachedGroups(db: Db, from: string, to: string): ReachedGroup[] {
  return db
    .prepare(
      `WITH reached AS (${REACHED_SQL})
       SELECT b.sex, @startYear - b.birth_year, b.category, b.nationality, b.city, count(*)
       FROM reached r JOIN beneficiaries b ON b.id = r.id
       GROUP BY 1, 2, 3, 4, 5`,
    )
    .raw()
    .all({ from, to, startYear: Number(from.slice(0, 4)) }) as ReachedGroup[];
}
