import type { ActivityStatistics, StatisticsFigures, StatisticsGroup, StatisticsInput } from '../../contract';
import type { Db } from '../db/database';

/** `[0, 15, 18, 30, 60]` → `0-14`, `15-17`, `18-29`, `30-59`, `60+`. */
export function ageBandLabels(edges: readonly number[]): string[] {
  return edges.map((edge, i) => (i + 1 < edges.length ? `${edge}-${edges[i + 1] - 1}` : `${edge}+`));
}

/** Index of the band an age falls in (a negative age counts in the first band). */
export function ageBandIndex(edges: readonly number[], age: number): number {
  let index = 0;
  for (let i = 0; i < edges.length; i++) if (age >= edges[i]) index = i;
  return index;
}

/** Present at ≥ threshold % of the sessions held, in whole numbers (no rounding at the boundary). */
export const hasCompleted = (presences: number, held: number, threshold: number): boolean =>
  held > 0 && presences * 100 >= threshold * held;

/** [sex, age at first presence in scope, category, nationality, people, presences, participations, completed] */
type DemographicRow = [string, number, string, string, number, number, number, number];

interface Tally {
  people: number;
  presences: number;
  participations: number;
  completed: number;
}

const emptyTally = (): Tally => ({ people: 0, presences: 0, participations: 0, completed: 0 });

function figures(t: Tally, sessionsHeld: number): StatisticsFigures {
  return {
    uniqueParticipants: t.people,
    presences: t.presences,
    averageAttendance: sessionsHeld > 0 ? t.presences / sessionsHeld : 0,
    participations: t.participations,
    completed: t.completed,
    completionRate: t.participations > 0 ? t.completed / t.participations : null,
  };
}

/**
 * Figures of the sessions held in scope, then the same disaggregated by sex, age band, category
 * and nationality. Built for hundreds of thousands of attendance rows, and done inside SQLite so
 * that only a few thousand rows (one per combination of sex, age, category and nationality) come
 * out: activities whose held sessions all fall in the period are read from `participations` (one
 * row per activity and person, kept by triggers); only those straddling the period's edges are
 * counted from the attendance rows.
 *
 * Both come out ordered by person and are merged, then grouped by person. When the scope takes in
 * two thirds of the activities or more, `participations` is read whole in the order of its index
 * by person, each row finding its activity among those held, rather than sorting tens of
 * thousands of rows by person; for fewer activities, their rows are read activity by activity and
 * sorted.
 */
export function activityStatistics(db: Db, input: StatisticsInput, ageBandEdges: readonly number[]): ActivityStatistics {
  const filters = ['present_count > 0'];
  if (input.activityId) filters.push('activity_id = @activityId');
  if (input.theme) filters.push('activity_id IN (SELECT id FROM activities WHERE theme = @theme)');
  // Without a period every session held is in scope; with one, the activities are found by the
  // dates of their sessions held in it.
  const heldInScope =
    input.from || input.to
      ? `present_count > 0 AND activity_id IN (SELECT activity_id FROM activity_sessions WHERE ${[...filters, 'date BETWEEN @from AND @to'].join(' AND ')})`
      : filters.join(' AND ');
  const params = {
    from: input.from ?? '0000-01-01',
    to: input.to ?? '9999-12-31',
    activityId: input.activityId ?? null,
    theme: input.theme ?? null,
  };
  // Per activity with a session held in scope: its sessions held, in all and in the period.
  const held = `held AS (
    SELECT s.activity_id, (SELECT completion_threshold FROM activities WHERE id = s.activity_id) AS threshold,
      count(*) AS held_total, sum(s.date BETWEEN @from AND @to) AS held_in_scope
    FROM activity_sessions s
    WHERE ${heldInScope}
    GROUP BY s.activity_id
    HAVING held_in_scope > 0)`;

  const sessions = db
    .prepare(
      `WITH ${held} SELECT count(*) AS activities, coalesce(sum(held_in_scope), 0) AS sessions,
         coalesce(sum(held_in_scope < held_total), 0) AS straddling, (SELECT count(*) FROM activities) AS allActivities
       FROM held`,
    )
    .get(params) as { activities: number; sessions: number; straddling: number; allActivities: number };
  const participations =
    sessions.activities * 3 > sessions.allActivities * 2
      ? 'participations p INDEXED BY participations_by_person CROSS JOIN held h ON h.activity_id = p.activity_id'
      : 'held h CROSS JOIN participations p ON p.activity_id = h.activity_id';
  // Absent when no activity straddles the period's edges (always so without a period).
  const straddling =
    sessions.straddling > 0
      ? `
           UNION ALL
           SELECT a.beneficiary_id, sum(s.date BETWEEN @from AND @to), count(*) * 100 >= h.threshold * h.held_total,
             min(CASE WHEN s.date BETWEEN @from AND @to THEN s.date END)
           FROM held h CROSS JOIN activity_sessions s ON s.activity_id = h.activity_id
             CROSS JOIN attendance a ON a.session_id = s.id
           WHERE h.held_in_scope < h.held_total AND s.present_count > 0 AND a.status = 'present'
           GROUP BY s.activity_id, a.beneficiary_id
           HAVING sum(s.date BETWEEN @from AND @to) > 0
           ORDER BY 1`
      : '';
  const rows = db
    .prepare(
      `WITH ${held},
       -- Per person: presences in the period, activities, activities completed, first presence in the period.
       persons AS (
         SELECT beneficiary_id, sum(in_scope) AS presences, count(*) AS participations, sum(completed) AS completed,
           min(first_date) AS first_date
         FROM (
           SELECT p.beneficiary_id, p.presences AS in_scope, p.presences * 100 >= h.threshold * h.held_total AS completed,
             p.first_present_on AS first_date
           FROM ${participations}
           WHERE h.held_in_scope = h.held_total${straddling})
         GROUP BY beneficiary_id)
       SELECT b.sex, CAST(substr(pe.first_date, 1, 4) AS INTEGER) - b.birth_year, b.category, b.nationality,
         count(*), sum(pe.presences), sum(pe.participations), sum(pe.completed)
       FROM persons pe JOIN beneficiaries b INDEXED BY beneficiaries_demographics ON b.id = pe.beneficiary_id
       GROUP BY 1, 2, 3, 4`,
    )
    .raw()
    .all(params) as DemographicRow[];
  const sessionsHeld = sessions.sessions;

  const labels = ageBandLabels(ageBandEdges);
  const total = emptyTally();
  const bySex = new Map<string, Tally>([
    ['female', emptyTally()],
    ['male', emptyTally()],
  ]);
  const byAge = new Map<string, Tally>(labels.map((l) => [l, emptyTally()]));
  const byCategory = new Map<string, Tally>();
  const byNationality = new Map<string, Tally>();
  const bump = (t: Tally, row: Tally) => {
    t.people += row.people;
    t.presences += row.presences;
    t.participations += row.participations;
    t.completed += row.completed;
  };
  const add = (groups: Map<string, Tally>, key: string, row: Tally) => {
    let t = groups.get(key);
    if (!t) groups.set(key, (t = emptyTally()));
    bump(t, row);
  };
  for (const [sex, age, category, nationality, people, presences, participations, completed] of rows) {
    const row: Tally = { people, presences, participations, completed };
    bump(total, row);
    add(bySex, sex, row);
    add(byAge, labels[ageBandIndex(ageBandEdges, age)], row);
    add(byCategory, category, row);
    add(byNationality, nationality, row);
  }

  const groups = (m: Map<string, Tally>, sort: boolean): StatisticsGroup[] => {
    const list = [...m].map(([key, t]) => ({ key, ...figures(t, sessionsHeld) }));
    return sort ? list.sort((a, b) => b.uniqueParticipants - a.uniqueParticipants || a.key.localeCompare(b.key)) : list;
  };
  return {
    activities: sessions.activities,
    sessionsHeld,
    total: figures(total, sessionsHeld),
    bySex: groups(bySex, false),
    byAgeBand: groups(byAge, false),
    byCategory: groups(byCategory, true),
    byNationality: groups(byNationality, true),
  };
}
